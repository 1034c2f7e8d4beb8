package fr.croisements.app;

import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.lora.DecodeurRegistre;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.ingest.mqtt.ConfigurationMqtt;
import fr.croisements.ingest.mqtt.IngestionMqtt;
import fr.croisements.ingest.mqtt.MessagesMqtt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --mqtt URL} and its settings, for {@code run} and {@code ingest tts|chirpstack}: read a network server's
 * events on its MQTT broker (ChirpStack v4's MQTT integration, The Things Stack's MQTT server), with QoS 1 and a
 * persistent session (see {@link IngestionMqtt}).
 */
final class OptionsMqtt {

    /** The password or token of the broker, when not in a file. */
    static final String VARIABLE_MOT_DE_PASSE = "CROISEMENTS_MQTT_MOT_DE_PASSE";

    @Option(names = "--mqtt", paramLabel = "URL", description = "Lit les événements LoRaWAN sur ce broker MQTT, tcp://HOTE:PORT "
            + "ou ssl://HOTE:PORT (chiffré) : l'intégration MQTT de ChirpStack v4 ou le serveur MQTT de The Things Stack "
            + "(QoS 1, session persistante, reconnexion automatique ; voir ingest/README.md).")
    String url;

    @Option(names = "--mqtt-sujet", paramLabel = "FILTRE", description = "MQTT : sujet à suivre, + et # permis ; à répéter. "
            + "Défaut : application/+/device/+/event/up et …/event/status (ChirpStack), v3/+/devices/+/up (The Things Stack).")
    List<String> filtres = new ArrayList<>();

    @Option(names = "--mqtt-format", paramLabel = "FORMAT", description = "MQTT : tts ou chirpstack pour tous les messages "
            + "(défaut : reconnu au sujet de chaque message ; ingest : celui de l'adaptateur).")
    String format;

    @Option(names = "--mqtt-client-id", paramLabel = "ID", description = "MQTT : identifiant de client, le même à chaque "
            + "démarrage pour que le broker garde la session et les messages publiés en son absence (défaut : "
            + "croisements-COMMANDE-MACHINE ; une instance par identifiant).")
    String identifiantClient;

    @Option(names = "--mqtt-utilisateur", paramLabel = "NOM", description = "MQTT : nom d'utilisateur (The Things Stack : "
            + "APPLICATION@TENANT, par exemple mon-appli@ttn).")
    String utilisateur;

    @Option(names = "--mqtt-mot-de-passe-fichier", paramLabel = "FICHIER", description = "MQTT : fichier contenant le mot "
            + "de passe ou le jeton (The Things Stack : une clé d'API) ; sinon la variable " + VARIABLE_MOT_DE_PASSE + ".")
    Path motDePasseFichier;

    @Option(names = "--mqtt-confiance", paramLabel = "FICHIER", description = "MQTT chiffré : certificats de confiance, "
            + "en PEM (l'autorité du broker) ou en magasin PKCS12 ou JKS (défaut : les autorités du système).")
    Path confiance;

    @Option(names = "--mqtt-confiance-mot-de-passe", paramLabel = "MOT", description = "MQTT chiffré : mot de passe du "
            + "magasin PKCS12 ou JKS de --mqtt-confiance, s'il en a un.")
    String motDePasseConfiance;

    /** Whether {@code --mqtt} was given. */
    boolean actif() {
        return url != null;
    }

    /**
     * The settings of {@code --mqtt}, checked: a wrong value is a wrong command line.
     *
     * @param formatImpose the format the command imposes ({@code ingest tts}), or {@code null}
     * @param commande the command's name, for the default client id
     */
    ConfigurationMqtt configuration(String formatImpose, String commande, CommandSpec spec) throws IOException {
        String formatDonne = format == null ? null : format.strip().toLowerCase(Locale.ROOT);
        if (formatImpose != null && formatDonne != null && !formatDonne.equals(formatImpose)) {
            throw new ParameterException(spec.commandLine(), "--mqtt-format " + format + " contredit l'adaptateur " + formatImpose + ".");
        }
        try {
            var adresse = ConfigurationMqtt.adresse(url);
            if (!adresse.tls() && (confiance != null || motDePasseConfiance != null)) {
                throw new IllegalArgumentException("--mqtt-confiance ne sert qu'avec une adresse ssl://");
            }
            return new ConfigurationMqtt(adresse.hote(), adresse.port(), adresse.tls(), filtres,
                    formatImpose != null ? formatImpose : formatDonne,
                    identifiantClient != null ? identifiantClient : "croisements-" + commande + "-" + machine(),
                    utilisateur, motDePasse(), confiance, motDePasseConfiance, null);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new ParameterException(spec.commandLine(), m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1) + ".");
        }
    }

    /** An MQTT setting without {@code --mqtt} is a wrong command line. */
    void verifier(CommandSpec spec) {
        if (!actif() && (!filtres.isEmpty() || format != null || identifiantClient != null || utilisateur != null
                || motDePasseFichier != null || confiance != null || motDePasseConfiance != null)) {
            throw new ParameterException(spec.commandLine(), "Les options --mqtt-… ne servent qu'avec --mqtt URL.");
        }
    }

    private String motDePasse() throws IOException {
        if (motDePasseFichier != null) {
            return Files.readString(motDePasseFichier, StandardCharsets.UTF_8).strip();
        }
        String variable = System.getenv(VARIABLE_MOT_DE_PASSE);
        return variable == null || variable.isBlank() ? null : variable.strip();
    }

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        } catch (UnknownHostException e) {
            return "local";
        }
    }

    /**
     * The reading of a broker with its own Kafka producers: started connected and subscribed, closed in order
     * (MQTT first, so that nothing is acknowledged that Kafka does not have, then the producers).
     */
    static final class Lecture implements AutoCloseable {

        private final List<AutoCloseable> aFermer = new ArrayList<>();
        private IngestionMqtt ingestion;

        static Lecture demarrer(ConfigurationMqtt configuration, String bootstrapServers, Appareils appareils) {
            var lecture = new Lecture();
            try {
                var uplinks = lecture.garder(KafkaClients.producer(bootstrapServers, Topics.LORA_UPLINKS, "croisements-mqtt-uplinks"));
                var statuts = lecture.garder(KafkaClients.producer(bootstrapServers, Topics.LORA_STATUTS, "croisements-mqtt-statuts"));
                var rejets = lecture.garder(KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-mqtt-rejets"));
                var registre = DecodeurRegistre.standard();
                var messages = new MessagesMqtt(LoraAdapter.pour("tts", registre, appareils),
                        LoraAdapter.pour("chirpstack", registre, appareils), configuration.format(), configuration.broker(),
                        uplinks, statuts, rejets, Clock.systemUTC());
                lecture.ingestion = IngestionMqtt.demarrer(configuration, messages);
                return lecture;
            } catch (RuntimeException e) {
                lecture.close();
                throw e;
            }
        }

        private <T extends AutoCloseable> T garder(T t) {
            aFermer.add(t);
            return t;
        }

        IngestionMqtt ingestion() {
            return ingestion;
        }

        /** "Lecture MQTT : tcp://…, sujets …" for the command's first lines. */
        String annonce() {
            var c = ingestion.configuration();
            return "Lecture MQTT : " + c.broker() + ", sujets " + String.join(", ", c.filtres()) + " (client " + c.identifiantClient()
                    + ", QoS 1, session persistante).";
        }

        @Override
        public void close() {
            if (ingestion != null) {
                ingestion.close();
            }
            for (AutoCloseable a : aFermer) {
                try {
                    a.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(OptionsMqtt.class).warn("Error while closing an MQTT producer", e);
                }
            }
        }
    }
}
