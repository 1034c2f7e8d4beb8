package fr.croisements.app;

import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.lora.BilanLora;
import fr.croisements.ingest.lora.DecodeurRegistre;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.ingest.parking.OccupationAdapter;
import fr.croisements.ingest.parking.ParkingsAdapter;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesCsvAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code croisements ingest dechets|tts|chirpstack|stationnement|occupation FICHIER|-}: publishes a user's own file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publie vos propres fichiers sur les topics Kafka. Adaptateurs : dechets "
                + "(levées de bacs en CSV), tts et chirpstack (messages LoRaWAN de The Things Stack v3 ou "
                + "ChirpStack v4, JSON ou NDJSON, tels que ces serveurs les émettent), stationnement (parkings au "
                + "format schéma stationnement, ou liste de parkings d'un flux) et occupation (relevés d'occupation "
                + "des parkings, CSV ou JSON) ; voir ingest/README.md.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Adaptateur : dechets, tts, chirpstack, stationnement ou occupation.")
    String adaptateur;

    @Parameters(index = "1", description = "Fichier à publier, ou - pour l'entrée standard.")
    String fichier;

    @Option(names = "--bootstrap-servers", required = true, description = "Adresse du cluster Kafka, HOTE:PORT[,...].")
    String bootstrapServers;

    @Option(names = "--cle-fichier", description = "Fichier contenant la clé de pseudonymisation des puces "
            + "(sinon la variable CROISEMENTS_CLE_PSEUDONYMISATION).")
    Path cleFichier;

    @Option(names = "--modele", description = "LoRaWAN : modèle des appareils dont ni le fichier d'appareils ni le "
            + "message ne donnent le modèle, par exemple milesight-em500-co2 (liste dans ingest/README.md).")
    String modele;

    @Option(names = "--appareils", description = "LoRaWAN : fichier CSV des appareils (dev_eui, modele, longitude, latitude).")
    Path appareils;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if ("tts".equals(adaptateur) || "chirpstack".equals(adaptateur)) {
            return ingestLora(out);
        }
        if ("stationnement".equals(adaptateur) || "occupation".equals(adaptateur)) {
            return ingestStationnement(out);
        }
        if (!"dechets".equals(adaptateur)) {
            spec.commandLine().getErr().printf("Adaptateur inconnu : %s (disponibles : dechets, tts, chirpstack, stationnement, occupation)%n", adaptateur);
            return 2;
        }
        var adapter = new LeveesCsvAdapter(cleFichier == null ? Pseudonymiseur.depuisEnvironnement()
                : Pseudonymiseur.avecCle(Files.readString(cleFichier).strip().getBytes(StandardCharsets.UTF_8)));
        Bilan bilan;
        try (var levees = KafkaClients.producer(bootstrapServers, Topics.DECHETS_LEVEES, "croisements-ingest");
                var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
            bilan = "-".equals(fichier)
                    ? adapter.publier(System.in, "entrée standard", levees, rejets)
                    : adapter.publier(Path.of(fichier), levees, rejets);
        }
        out.printf("%d lignes lues, %d levées publiées sur %s, %d lignes rejetées (détail sur le topic %s).%n",
                bilan.lus(), bilan.publies(), Topics.DECHETS_LEVEES.name(), bilan.rejetes(), Topics.REJETS.name());
        return bilan.aPublie() ? 0 : 1;
    }

    /** {@code tts} or {@code chirpstack}: network-server messages to lora-uplinks, lora-statuts and rejets. */
    private int ingestLora(PrintWriter out) throws IOException {
        LoraAdapter adapter;
        try {
            Appareils connus = (appareils == null ? Appareils.aucun() : Appareils.lire(appareils)).avecModeleParDefaut(modele);
            adapter = LoraAdapter.pour(adaptateur, DecodeurRegistre.standard(), connus);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
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
        out.printf("%d messages lus : %d uplinks publiés sur %s (dont %d sans mesure décodée), %d statuts publiés sur %s, "
                        + "%d messages ignorés%s, %d rejetés (détail sur le topic %s).%n",
                bilan.lus(), bilan.uplinks(), Topics.LORA_UPLINKS.name(), bilan.nonDecodes(), bilan.statuts(),
                Topics.LORA_STATUTS.name(), bilan.ignoresTotal(), types.length() == 0 ? "" : types + ")",
                bilan.rejetes(), Topics.REJETS.name());
        bilan.raisons().forEach(r -> out.println("  " + r));
        return bilan.aPublie() ? 0 : 1;
    }

    /** {@code stationnement}: car parks to ref-parkings; {@code occupation}: observations to stationnement-occupation. */
    private int ingestStationnement(PrintWriter out) throws IOException {
        Bilan bilan;
        if ("stationnement".equals(adaptateur)) {
            if ("-".equals(fichier)) {
                spec.commandLine().getErr().println("L'adaptateur stationnement lit un fichier, pas l'entrée standard.");
                return 2;
            }
            try (var parcs = KafkaClients.producer(bootstrapServers, Topics.REF_PARKINGS, "croisements-ingest-parkings");
                    var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
                bilan = new ParkingsAdapter().publier(Path.of(fichier), parcs, rejets);
            }
            out.printf("%d parkings lus, %d publiés sur %s, %d lignes rejetées (détail sur le topic %s).%n",
                    bilan.lus(), bilan.publies(), Topics.REF_PARKINGS.name(), bilan.rejetes(), Topics.REJETS.name());
        } else {
            var adapter = new OccupationAdapter();
            try (var occupations = KafkaClients.producer(bootstrapServers, Topics.STATIONNEMENT_OCCUPATION,
                            "croisements-ingest-occupation");
                    var rejets = KafkaClients.producer(bootstrapServers, Topics.REJETS, "croisements-ingest-rejets")) {
                bilan = "-".equals(fichier)
                        ? adapter.publier(System.in, "entrée standard", null, occupations, rejets)
                        : adapter.publier(Path.of(fichier), occupations, rejets);
            }
            out.printf("%d relevés lus, %d publiés sur %s, %d rejetés (détail sur le topic %s).%n", bilan.lus(),
                    bilan.publies(), Topics.STATIONNEMENT_OCCUPATION.name(), bilan.rejetes(), Topics.REJETS.name());
        }
        return bilan.aPublie() ? 0 : 1;
    }
}
