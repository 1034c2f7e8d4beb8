package fr.croisements.app;

import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Territoire;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code croisements demo}: everything in one JVM on an embedded Kafka broker. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Lance la démonstration complète : un broker Kafka embarqué, les références Insee, "
                + "le simulateur de levées de bacs, les topologies Kafka Streams et la carte.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OptionsSimulation simulation;

    @Mixin
    OptionsTerritoires packs;

    @Mixin
    OptionsIndicateurs indicateurs;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port de la carte (défaut : ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--port-kafka", paramLabel = "PORT", defaultValue = "9092",
            description = "Port du broker Kafka embarqué, 0 pour un port libre (défaut : ${DEFAULT-VALUE}).")
    int portKafka;

    @Option(names = "--donnees", paramLabel = "DOSSIER", defaultValue = "donnees-demo",
            description = "Dossier des données de la démo, gardé d'un lancement à l'autre (défaut : ${DEFAULT-VALUE}).")
    Path donnees;

    @Option(names = "--reset", description = "Efface le dossier des données avant de démarrer.")
    boolean reset;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        if (reset) {
            Dossiers.effacer(donnees);
        }
        Pseudonymiseur pseudonymiseur = CleDemo.pseudonymiseur(donnees, out);
        List<Territoire> territoires = packs.territoires();
        Application.Simulation simulee = simulation.simulation(pseudonymiseur, spec);

        EmbeddedKafka broker = EmbeddedKafka.start(donnees.resolve("kafka"), false, portKafka);
        Application application;
        try {
            application = Application.demarrer(territoires, new Application.Options(broker.bootstrapServers(), port,
                    donnees.resolve("streams"), 4, (short) 1, simulee, indicateurs.dossier(), null, 1));
        } catch (RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        out.printf(Locale.FRANCE, "Croisements est prêt en %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        out.printf("Territoires et cartes : http://localhost:%d/%n", application.port());
        if (indicateurs.dossier() != null) {
            out.printf("Indicateurs en fichiers : %s (un fichier ajouté, modifié ou retiré est pris en compte en "
                    + "quelques secondes)%n", indicateurs.dossier().toAbsolutePath().normalize());
        }
        out.printf("Broker Kafka embarqué : %s (données dans %s)%n", broker.bootstrapServers(), donnees.toAbsolutePath());
        out.println("Ctrl-C pour arrêter.");
        out.flush();
        AttenteArret.attendre(() -> {
            long t1 = System.nanoTime();
            application.close();
            broker.close();
            out.printf(Locale.FRANCE, "Arrêté en %.1f s.%n", (System.nanoTime() - t1) / 1e9);
            out.flush();
        });
        return 0;
    }
}
