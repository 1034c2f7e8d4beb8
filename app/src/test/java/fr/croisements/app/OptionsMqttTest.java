package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue #13, item 7: the --mqtt options of run and ingest, and their mistakes explained in French. */
class OptionsMqttTest {

    @TempDir
    Path dossier;

    private final StringWriter sortie = new StringWriter();
    private final StringWriter erreurs = new StringWriter();

    private int executer(String... arguments) {
        return Croisements.ligneDeCommande().setOut(new PrintWriter(sortie, true)).setErr(new PrintWriter(erreurs, true))
                .execute(arguments);
    }

    @Test
    void readsTheSettingsOfABrokerAsTypedForTheThingsStack() throws Exception {
        Path cle = Files.writeString(dossier.resolve("cle-api"), "NNSXS.CLE-D-API-DE-TEST\n");
        var ingest = new IngestCommand();
        var ligne = new CommandLine(ingest);
        ligne.parseArgs("tts", "--bootstrap-servers", "localhost:9092", "--mqtt", "ssl://eu1.cloud.thethings.network",
                "--mqtt-utilisateur", "qualite-air@ttn", "--mqtt-mot-de-passe-fichier", cle.toString());

        var c = ingest.mqtt.configuration("tts", "ingest", ligne.getCommandSpec());

        assertThat(c.broker()).isEqualTo("ssl://eu1.cloud.thethings.network:8883");
        assertThat(c.tls()).isTrue();
        assertThat(c.filtres()).containsExactly("v3/+/devices/+/up");
        assertThat(c.format()).isEqualTo("tts");
        assertThat(c.utilisateur()).isEqualTo("qualite-air@ttn");
        assertThat(c.motDePasse()).isEqualTo("NNSXS.CLE-D-API-DE-TEST");
        assertThat(c.identifiantClient()).startsWith("croisements-ingest-");
        assertThat(c.toString()).doesNotContain("NNSXS");
    }

    @Test
    void wrongMqttSettingsAreAWrongCommandLineExplainedInFrench() {
        String kafka = "localhost:9092";
        assertThat(executer("ingest", "tts", "--bootstrap-servers", kafka, "--mqtt", "http://broker:1883")).isEqualTo(2);
        assertThat(executer("ingest", "dechets", "--bootstrap-servers", kafka, "--mqtt", "tcp://broker")).isEqualTo(2);
        assertThat(executer("ingest", "tts", "messages.json", "--bootstrap-servers", kafka, "--mqtt", "tcp://broker")).isEqualTo(2);
        assertThat(executer("ingest", "chirpstack", "--bootstrap-servers", kafka, "--mqtt", "tcp://broker", "--mqtt-format", "tts"))
                .isEqualTo(2);
        assertThat(executer("run", "--bootstrap-servers", kafka, "--mqtt-sujet", "application/#")).isEqualTo(2);
        assertThat(executer("run", "--bootstrap-servers", kafka, "--mqtt", "tcp://broker", "--mqtt-sujet", "application/#/up"))
                .isEqualTo(2);
        assertThat(executer("run", "--bootstrap-servers", kafka, "--mqtt", "tcp://broker", "--mqtt-confiance", "ca.pem")).isEqualTo(2);

        assertThat(erreurs.toString()).contains(
                "Adresse MQTT « http://broker:1883 » : tcp://HOTE:PORT ou ssl://HOTE:PORT attendu (ssl:// pour une connexion chiffrée).",
                "--mqtt ne s'applique qu'aux adaptateurs tts et chirpstack.",
                "Avec --mqtt, pas de fichier : les messages viennent du broker (« messages.json » en trop).",
                "--mqtt-format tts contredit l'adaptateur chirpstack.",
                "Les options --mqtt-… ne servent qu'avec --mqtt URL.",
                "Sujet MQTT invalide : « application/#/up » (+ remplace un niveau entier, # seulement en dernier",
                "--mqtt-confiance ne sert qu'avec une adresse ssl://",
                "Pour l'aide : croisements ingest --help", "Pour l'aide : croisements run --help");
        assertThat(sortie.toString()).isEmpty();
    }

    @Test
    void anUnreachableBrokerEndsWithOneFrenchMessageAndNoStackTrace() {
        int port = PortLibre.trouver();

        int code = executer("ingest", "chirpstack", "--bootstrap-servers", "127.0.0.1:" + PortLibre.trouver(),
                "--mqtt", "tcp://127.0.0.1:" + port);

        assertThat(code).isEqualTo(3);
        assertThat(erreurs.toString()).startsWith("Erreur : --mqtt : connexion au broker MQTT tcp://127.0.0.1:" + port
                + " impossible : broker injoignable").doesNotContain("\tat ", "Exception");
    }

    @Test
    void theHelpOfIngestAndRunListsTheMqttOptionsInFrench() {
        assertThat(executer("ingest", "--help")).isZero();
        assertThat(executer("run", "--help")).isZero();

        assertThat(sortie.toString()).contains("--mqtt=URL", "--mqtt-sujet=FILTRE", "--mqtt-utilisateur=NOM",
                "--mqtt-mot-de-passe-fichier=FICHIER", "--mqtt-confiance=FICHIER", "--mqtt-client-id=ID");
        assertThat(sortie.toString().replaceAll("\\s+", " ")).contains("QoS 1, session persistante, reconnexion automatique",
                "The Things Stack : une clé d'API");
    }
}
