package fr.croisements.app;

import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.Pluriel;
import fr.croisements.ingest.csv.Correspondance;
import fr.croisements.ingest.stationnement.HorodateursAdapter;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.lora.BilanLora;
import fr.croisements.ingest.lora.DecodeurRegistre;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import fr.croisements.ingest.parking.OccupationAdapter;
import fr.croisements.ingest.parking.ParcsPublies;
import fr.croisements.ingest.parking.ParkingsAdapter;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesCsvAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code croisements ingest dechets|tts|chirpstack|stationnement|occupation|stationnement-capteurs|horodateurs FICHIER|-}: publishes a user's own file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publie vos propres fichiers sur les topics Kafka. Adaptateurs : dechets "
                + "(levées de bacs en CSV), tts et chirpstack (messages LoRaWAN de The Things Stack v3 ou "
                + "ChirpStack v4, JSON ou NDJSON, tels que ces serveurs les émettent ; ou lus en continu sur leur broker "
                + "avec --mqtt URL), stationnement (parkings au "
                + "format schéma stationnement, ou liste de parkings d'un flux) et occupation (relevés d'occupation "
                + "des parkings, CSV ou JSON), stationnement-capteurs (trames des capteurs de place sur voirie) et "
                + "horodateurs (transactions de stationnement payant : début, fin, place ou zone, montant) ; voir "
                + "ingest/README.md.")
final class IngestCommand implements Callable<Integer> {

    /** How long reading the car parks already published may take before a file of car parks is published. */
    private static final Duration LECTURE_PARKINGS = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Adaptateur : dechets, tts, chirpstack, stationnement, occupation, "
            + "stationnement-capteurs (trames des capteurs de place, The Things Stack ou ChirpStack) ou horodateurs "
            + "(transactions de stationnement payant en CSV).")
    String adaptateur;

    // optional for picocli: --mqtt reads a broker instead; call() asks for it otherwise
    @Parameters(index = "1", arity = "0..1", description = "Fichier à publier, ou - pour l'entrée standard.")
    String fichier;

    @Mixin
    OptionsMqtt mqtt;

    @Option(names = "--bootstrap-servers", paramLabel = "HOTE:PORT[,…]", required = true, description = "Adresse du cluster Kafka, HOTE:PORT[,...].")
    String bootstrapServers;

    @picocli.CommandLine.Mixin
    OptionsKafka kafka;

    @Option(names = "--cle-fichier", paramLabel = "FICHIER", description = "Fichier contenant la clé de pseudonymisation des puces "
            + "(sinon la variable CROISEMENTS_CLE_PSEUDONYMISATION).")
    Path cleFichier;

    @Option(names = "--modele", paramLabel = "MODELE", description = "LoRaWAN : modèle des appareils dont ni le fichier d'appareils ni le "
            + "message ne donnent le modèle, par exemple milesight-em500-co2 (liste dans ingest/README.md).")
    String modele;

    @Option(names = "--appareils", paramLabel = "FICHIER", description = "LoRaWAN : fichier CSV des appareils (dev_eui, modele, longitude, latitude).")
    Path appareils;

    @Option(names = "--reseau", paramLabel = "tts|chirpstack", defaultValue = "tts", description = "Stationnement-capteurs : "
            + "le serveur de réseau qui a écrit le fichier, tts (par défaut) ou chirpstack.")
    String reseau;

    @Option(names = "--colonne", paramLabel = "ROLE=NOM", description = "Stationnement, occupation et horodateurs : la colonne de "
            + "votre fichier qui joue ce rôle, si elle porte un autre nom que le nôtre ; à répéter, par exemple "
            + "--colonne places-libres=free --colonne instant=collected_at. Rôles d'occupation : id, instant, date, heure, "
            + "places-libres, occupees, capacite, statut ; d'une liste de parkings : id, nom, longitude, latitude, "
            + "capacite, insee ; d'horodateurs : debut, fin, place, zone, longitude, latitude, montant, limite "
            + "(voir ingest/README.md).")
    Map<String, String> colonnes = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        kafka.charger();
        if (!colonnes.isEmpty() && !"stationnement".equals(adaptateur) && !"occupation".equals(adaptateur)
                && !"horodateurs".equals(adaptateur)) {
            throw new ParameterException(spec.commandLine(), "--colonne ne s'applique qu'aux adaptateurs stationnement,"
                    + " occupation et horodateurs.");
        }
        mqtt.verifier(spec);
        if (mqtt.actif()) {
            return ingestMqtt(out);
        }
        if (fichier == null) {
            throw new MissingParameterException(spec.commandLine(), spec.positionalParameters().get(1),
                    "Missing required parameter: '<fichier>'");
        }
        if ("stationnement-capteurs".equals(adaptateur)) {
            if (!"tts".equals(reseau) && !"chirpstack".equals(reseau)) {
                throw new ParameterException(spec.commandLine(), "--reseau : tts ou chirpstack, pas « " + reseau + " ».");
            }
            adaptateur = reseau;
            return ingestLora(out);
        }
        if ("horodateurs".equals(adaptateur)) {
            return ingestHorodateurs(out);
        }
        if ("tts".equals(adaptateur) || "chirpstack".equals(adaptateur)) {
            return ingestLora(out);
        }
        if ("stationnement".equals(adaptateur) || "occupation".equals(adaptateur)) {
            return ingestStationnement(out);
        }
        if (!"dechets".equals(adaptateur)) {
            throw new ParameterException(spec.commandLine(), "Adaptateur inconnu : " + adaptateur
                    + " (disponibles : dechets, tts, chirpstack, stationnement, occupation, "
                    + "stationnement-capteurs, horodateurs).");
        }
        var adapter = new LeveesCsvAdapter(cleFichier == null ? Pseudonymiseur.depuisEnvironnement() : cleDuFichier());
        Bilan bilan;
        try (var levees = KafkaClients.producer(bootstrapServers, Topics.DECHETS_LEVEES, "croisements-ingest");
                var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
            bilan = "-".equals(fichier)
                    ? adapter.publier(System.in, "entrée standard", levees, rejets)
                    : adapter.publier(Path.of(fichier), levees, rejets);
        }
        out.println(Pluriel.de(bilan.lus(), "ligne lue", "lignes lues") + ", "
                + Pluriel.de(bilan.publies(), "levée publiée", "levées publiées") + " sur " + Topics.DECHETS_LEVEES.name() + ", "
                + Pluriel.de(bilan.rejetes(), "ligne rejetée", "lignes rejetées") + detailRejets(bilan.rejetes()) + ".");
        Resume.details(out, bilan);
        return bilan.complet() ? 0 : 1;
    }

    /**
     * {@code tts --mqtt URL} or {@code chirpstack --mqtt URL}: the network server's broker, read until Ctrl-C, then
     * the summary.
     */
    private int ingestMqtt(PrintWriter out) throws IOException, InterruptedException {
        if (!"tts".equals(adaptateur) && !"chirpstack".equals(adaptateur)) {
            throw new ParameterException(spec.commandLine(), "--mqtt ne s'applique qu'aux adaptateurs tts et chirpstack.");
        }
        if (fichier != null) {
            throw new ParameterException(spec.commandLine(), "Avec --mqtt, pas de fichier : les messages viennent du broker"
                    + " (« " + fichier + " » en trop).");
        }
        var configuration = mqtt.configuration(adaptateur, "ingest", spec);
        Appareils connus = appareilsConnus();
        int[] code = {1};
        try (var lecture = OptionsMqtt.Lecture.demarrer(configuration, bootstrapServers, connus)) {
            out.println(lecture.annonce());
            out.println("Ctrl-C pour arrêter et afficher le bilan.");
            out.flush();
            AttenteArret.attendre(() -> {
                lecture.close();
                var bilan = lecture.ingestion().bilan();
                out.println(bilan.resume() + detailRejets(bilan.lora().rejetes() + bilan.lora().nonDecodes()) + ".");
                Resume.lignes(out, "Rejets et uplinks sans mesure", bilan.lora().raisons(),
                        bilan.lora().rejetes() + bilan.lora().nonDecodes());
                out.flush();
                code[0] = bilan.lora().rejetes() == 0 ? 0 : 1;
            });
        }
        return code[0];
    }

    /** The devices file and --modele; a model unknown to the decoders is a wrong command line. */
    private Appareils appareilsConnus() throws IOException {
        // a wrong devices file is an unusable input (EntreeInvalide, exit code 3), an unknown --modele a wrong option
        Appareils connus = (appareils == null ? Appareils.aucun() : Appareils.lire(appareils)).avecModeleParDefaut(modele);
        try {
            LoraAdapter.pour(TtsAdapter.SOURCE, DecodeurRegistre.standard(), connus);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return connus;
    }

    /** {@code tts} or {@code chirpstack}: network-server messages to lora-uplinks, lora-statuts and rejets. */
    private int ingestLora(PrintWriter out) throws IOException {
        LoraAdapter adapter = LoraAdapter.pour(adaptateur, DecodeurRegistre.standard(), appareilsConnus());
        BilanLora bilan;
        try (var uplinks = KafkaClients.producer(bootstrapServers, Topics.LORA_UPLINKS, "croisements-ingest-lora");
                var statuts = KafkaClients.producer(bootstrapServers, Topics.LORA_STATUTS, "croisements-ingest-lora-statuts");
                var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
            bilan = "-".equals(fichier)
                    ? adapter.publier(System.in, "entrée standard", uplinks, statuts, rejets)
                    : adapter.publier(Path.of(fichier), uplinks, statuts, rejets);
        }
        var types = new StringBuilder();
        bilan.ignoresTries().forEach((type, n) -> types.append(types.length() == 0 ? " (" : ", ").append(type).append(" : ").append(n));
        out.println(Pluriel.de(bilan.lus(), "message lu", "messages lus") + " : "
                + Pluriel.de(bilan.uplinks(), "uplink publié", "uplinks publiés") + " sur " + Topics.LORA_UPLINKS.name()
                + " (dont " + Pluriel.nombre(bilan.nonDecodes()) + " sans mesure décodée), "
                + Pluriel.de(bilan.statuts(), "statut publié", "statuts publiés") + " sur " + Topics.LORA_STATUTS.name() + ", "
                + Pluriel.de(bilan.ignoresTotal(), "message ignoré", "messages ignorés") + (types.length() == 0 ? "" : types + ")")
                + ", " + Pluriel.de(bilan.rejetes(), "rejeté", "rejetés") + detailRejets(bilan.rejetes() + bilan.nonDecodes()) + ".");
        Resume.lignes(out, "Rejets et uplinks sans mesure", bilan.raisons(), bilan.rejetes() + bilan.nonDecodes());
        return bilan.aPublie() && bilan.rejetes() == 0 ? 0 : 1;
    }

    /** {@code stationnement}: car parks to ref-parkings; {@code occupation}: observations to stationnement-occupation. */
    private int ingestStationnement(PrintWriter out) throws IOException {
        Bilan bilan;
        var correspondance = new Correspondance(colonnes);
        if ("stationnement".equals(adaptateur)) {
            if ("-".equals(fichier)) {
                throw new ParameterException(spec.commandLine(), "L'adaptateur stationnement lit un fichier, pas l'entrée standard.");
            }
            ParkingsAdapter adapter = avecColonnes(() -> new ParkingsAdapter(correspondance));
            // an id already published by another source is never replaced: read what is there first
            ParcsPublies dejaPublies;
            try (var lecteur = KafkaClients.lecteur(bootstrapServers, Topics.REF_PARKINGS, "croisements-ingest-parkings-publies")) {
                dejaPublies = ParcsPublies.lire(lecteur, LECTURE_PARKINGS);
            }
            try (var parcs = KafkaClients.producer(bootstrapServers, Topics.REF_PARKINGS, "croisements-ingest-parkings");
                    var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
                bilan = adapter.publier(Path.of(fichier), dejaPublies, parcs, rejets);
            }
            out.println(Pluriel.de(bilan.lus(), "parking lu", "parkings lus") + ", "
                    + Pluriel.de(bilan.publies(), "publié", "publiés") + " sur " + Topics.REF_PARKINGS.name() + ", "
                    + Pluriel.de(bilan.rejetes(), "ligne rejetée", "lignes rejetées") + detailRejets(bilan.rejetes()) + ".");
        } else {
            OccupationAdapter adapter = avecColonnes(() -> new OccupationAdapter(correspondance));
            try (var occupations = KafkaClients.producer(bootstrapServers, Topics.STATIONNEMENT_OCCUPATION,
                            "croisements-ingest-occupation");
                    var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
                bilan = "-".equals(fichier)
                        ? adapter.publier(System.in, "entrée standard", null, occupations, rejets)
                        : adapter.publier(Path.of(fichier), occupations, rejets);
            }
            out.println(Pluriel.de(bilan.lus(), "relevé lu", "relevés lus") + ", "
                    + Pluriel.de(bilan.publies(), "publié", "publiés") + " sur " + Topics.STATIONNEMENT_OCCUPATION.name() + ", "
                    + Pluriel.de(bilan.rejetes(), "rejeté", "rejetés") + detailRejets(bilan.rejetes()) + ".");
        }
        Resume.details(out, bilan);
        return bilan.complet() ? 0 : 1;
    }

    /** {@code horodateurs}: paid-parking transactions to stationnement-sejours, the same stays as the sensors'. */
    private int ingestHorodateurs(PrintWriter out) throws IOException {
        var correspondance = new Correspondance(colonnes);
        HorodateursAdapter adapter = avecColonnes(() -> new HorodateursAdapter(correspondance));
        Bilan bilan;
        try (var sejours = KafkaClients.producer(bootstrapServers, Topics.STATIONNEMENT_SEJOURS, "croisements-ingest-horodateurs");
                var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
            bilan = "-".equals(fichier)
                    ? adapter.publier(System.in, "entrée standard", sejours, rejets)
                    : adapter.publier(Path.of(fichier), sejours, rejets);
        }
        out.println(Pluriel.de(bilan.lus(), "transaction lue", "transactions lues") + ", "
                + Pluriel.de(bilan.publies(), "séjour publié", "séjours publiés") + " sur " + Topics.STATIONNEMENT_SEJOURS.name() + ", "
                + Pluriel.de(bilan.rejetes(), "ligne rejetée", "lignes rejetées") + detailRejets(bilan.rejetes()) + ".");
        Resume.details(out, bilan);
        return bilan.complet() ? 0 : 1;
    }

    /** An adapter built with the --colonne mapping: a role it does not know is a wrong command line. */
    private <T> T avecColonnes(Supplier<T> adapter) {
        try {
            return adapter.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().substring(0, 1).toUpperCase(Locale.ROOT)
                    + e.getMessage().substring(1) + ".");
        }
    }

    /** The pseudonymisation key of --cle-fichier; a key too short names the file. */
    private Pseudonymiseur cleDuFichier() throws IOException {
        try {
            return Pseudonymiseur.avecCle(Files.readString(cleFichier).strip().getBytes(StandardCharsets.UTF_8));
        } catch (EntreeInvalide e) {
            throw new EntreeInvalide(cleFichier.toString(), 0, e.raison(), e);
        }
    }

    private static String detailRejets(long rejets) {
        return rejets == 0 ? "" : " (détail sur le topic " + Topics.REJETS.name() + ")";
    }
}
