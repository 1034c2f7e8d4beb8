package fr.croisements.app;

import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
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

/** {@code croisements ingest dechets FICHIER|-}: publishes a user's own file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publie vos propres fichiers sur les topics Kafka. Adaptateur disponible : dechets "
                + "(levées de bacs en CSV, voir ingest/README.md).")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "Adaptateur : dechets.")
    String adaptateur;

    @Parameters(index = "1", description = "Fichier à publier, ou - pour l'entrée standard.")
    String fichier;

    @Option(names = "--bootstrap-servers", required = true, description = "Adresse du cluster Kafka, HOTE:PORT[,...].")
    String bootstrapServers;

    @Option(names = "--cle-fichier", description = "Fichier contenant la clé de pseudonymisation des puces "
            + "(sinon la variable CROISEMENTS_CLE_PSEUDONYMISATION).")
    Path cleFichier;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!"dechets".equals(adaptateur)) {
            spec.commandLine().getErr().printf("Adaptateur inconnu : %s (disponible : dechets)%n", adaptateur);
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
}
