package fr.croisements.app;

import fr.croisements.app.bench.Benchmark;
import fr.croisements.app.bench.ChargeCarte;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code croisements benchmark}: measures the pipeline against the raw broker, in one run; with
 * {@code --carte}, the map's endpoints against a reference answer of the same size ({@link ChargeCarte}).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Rejoue des levées simulées dans le vrai pipeline sur un broker embarqué et compare son débit "
                + "au débit brut du même broker, mesuré dans la même exécution, ainsi que chaque étape seule du taux de présentation ; puis mesure le délai d'une levée "
                + "jusqu'à la carte en direct, la carte sous charge, la mémoire et le démarrage, dans un seul tableau.")
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--semaines", paramLabel = "NOMBRE", defaultValue = "52", description = "Semaines simulées du Bassin de Pompey (défaut : ${DEFAULT-VALUE}).")
    int semaines;

    @Option(names = "--graine", paramLabel = "NOMBRE", defaultValue = "42", description = "Graine du simulateur (défaut : ${DEFAULT-VALUE}).")
    long graine;

    @Option(names = "--partitions", paramLabel = "NOMBRE", defaultValue = "4", description = "Partitions des topics (défaut : ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--carte", description = "Mesure plutôt la carte : des clients simultanés demandent le GeoJSON des communes "
            + "et une réponse de référence de même taille sur le même serveur, puis le direct (/api/direct) est mesuré.")
    boolean carte;

    @Option(names = "--clients", paramLabel = "NOMBRE", defaultValue = "100", description = "Clients simultanés sur la carte (défaut : ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--secondes", paramLabel = "NOMBRE", defaultValue = "10", description = "Durée de chaque mesure de la carte en secondes (défaut : ${DEFAULT-VALUE}).")
    int secondes;

    @Option(names = "--sondes", paramLabel = "NOMBRE", defaultValue = "20", description = "Levées publiées une à une pour "
            + "mesurer le délai jusqu'à l'événement de leur cellule sur /api/direct (défaut : ${DEFAULT-VALUE}).")
    int sondes;

    @Option(names = "--sans-etapes", description = "Ne mesure pas chaque étape seule du taux de présentation (lire, "
            + "localiser, fenêtre, croisement seul) : une exécution plus courte.")
    boolean sansEtapes;

    @Override
    public Integer call() throws Exception {
        if (carte) {
            spec.commandLine().getOut().println(new ChargeCarte(clients, Duration.ofSeconds(secondes)).executer().tableau());
            return 0;
        }
        var benchmark = new Benchmark(semaines, graine, partitions).avecSondes(sondes)
                .avecCarte(new ChargeCarte(clients, Duration.ofSeconds(secondes)));
        var resultat = (sansEtapes ? benchmark.sansEtapes() : benchmark).executer();
        spec.commandLine().getOut().println(resultat.tableau());
        return resultat.verifie() ? 0 : 1;
    }
}
