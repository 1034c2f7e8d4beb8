package fr.croisements.app;

import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.events.Topics;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code croisements simuler}: the demo's simulators alone (bin lifts, LoRaWAN sensors, car-park occupancy, and
 * the car parks of the packs), publishing to an existing cluster where {@code run} instances compute and show
 * the indicators; e.g. a service of its own in docker-compose.yml. Resumes after the latest lift published.
 */
@Command(name = "simuler", mixinStandardHelpOptions = true,
        description = "Lance seulement les simulateurs de la démonstration (levées de bacs, capteurs LoRaWAN, occupation "
                + "des parkings) vers un cluster Kafka existant, où des instances « croisements run » calculent et "
                + "montrent les indicateurs. Clé de pseudonymisation dans CROISEMENTS_CLE_PSEUDONYMISATION.")
final class SimulerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OptionsSimulation simulation;

    @Mixin
    OptionsKafka kafka;

    @Option(names = "--bootstrap-servers", paramLabel = "HOTE:PORT[,…]", required = true, description = "Adresse du cluster Kafka, HOTE:PORT[,...].")
    String bootstrapServers;

    @Option(names = "--partitions", paramLabel = "NOMBRE", defaultValue = "4",
            description = "Partitions des topics créés s'ils manquent (défaut : ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication", paramLabel = "NOMBRE", defaultValue = "1",
            description = "Facteur de réplication des topics créés s'ils manquent (défaut : ${DEFAULT-VALUE} ; 3 sur un vrai cluster).")
    short replication;

    @Override
    public Integer call() throws InterruptedException {
        Application.Simulation simulee = simulation.simulation(Pseudonymiseur.depuisEnvironnement(), spec);
        kafka.charger();
        TopicsAdmin.creer(bootstrapServers, Topics.TOUS, partitions, replication);
        Application simulateurs = Application.simulateursSeuls(bootstrapServers, simulee);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Simulateurs en marche vers le cluster Kafka %s (données simulées).%n", bootstrapServers);
        out.println("Ctrl-C pour arrêter.");
        out.flush();
        AttenteArret.attendre(simulateurs::close);
        return 0;
    }
}
