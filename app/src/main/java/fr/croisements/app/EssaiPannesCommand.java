package fr.croisements.app;

import fr.croisements.app.bench.EssaiPannes;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code croisements essai-pannes}: the fault scenarios against real instances, as a table. */
@Command(name = "essai-pannes", mixinStandardHelpOptions = true,
        description = "Lance un broker embarqué et plusieurs instances « croisements run » (processus séparés, une réplique "
                + "de secours), rejoue des levées simulées, provoque des pannes (arrêt brutal d'une instance par kill -9 "
                + "au milieu du rejeu, arrêt et redémarrage pendant que la carte est interrogée, arrêt et redémarrage du "
                + "broker, rafale de levées bien au-delà du rythme de la démo) et compare chaque cellule "
                + "à un calcul direct : cellules perdues, comptées deux fois, temps de rétablissement, requêtes servies "
                + "pendant la panne. Code de sortie 1 si une cellule diffère ou si une requête est restée sans réponse "
                + "complète.")
final class EssaiPannesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--semaines", paramLabel = "NOMBRE", defaultValue = "3",
            description = "Semaines de levées simulées du Bassin de Pompey rejouées (défaut : ${DEFAULT-VALUE}).")
    int semaines;

    @Option(names = "--graine", paramLabel = "NOMBRE", defaultValue = "42", description = "Graine du simulateur (défaut : ${DEFAULT-VALUE}).")
    long graine;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Fils d'exécution de Kafka Streams de chaque instance (« run --threads », défaut : ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--instances", paramLabel = "NOMBRE", defaultValue = "3",
            description = "Instances « croisements run » lancées, au moins 2 ; la dernière subit les pannes (défaut : ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--jar", paramLabel = "FICHIER",
            description = "Le jar de croisements que les instances exécutent (défaut : celui de cette commande).")
    Path jar;

    @Override
    public Integer call() throws Exception {
        Path executable = jar != null ? jar : jarCourant();
        if (executable == null || !Files.isRegularFile(executable)) {
            spec.commandLine().getErr().println("Jar de croisements introuvable : donnez-le avec --jar (mvn package le "
                    + "construit dans app/target/croisements.jar).");
            return 2;
        }
        if (instances < 2) {
            spec.commandLine().getErr().println("--instances : au moins 2 (l'une tombe, une autre répond).");
            return 2;
        }
        var essai = new EssaiPannes(executable, semaines, graine, instances, Math.max(1, threads));
        var resultats = essai.executer();
        spec.commandLine().getOut().print(EssaiPannes.tableau(resultats));
        spec.commandLine().getOut().print(essai.noteRafale());
        spec.commandLine().getOut().flush();
        return EssaiPannes.reussis(resultats) ? 0 : 1;
    }

    private static Path jarCourant() throws URISyntaxException {
        Path ici = Path.of(Croisements.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ici.toString().endsWith(".jar") ? ici : null;
    }
}
