package fr.croisements.app;

import fr.croisements.app.bench.Benchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code croisements benchmark}: measures the pipeline against the raw broker, in one run. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Rejoue des levées simulées dans le vrai pipeline sur un broker embarqué et compare son débit "
                + "au débit brut du même broker, mesuré dans la même exécution.")
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--semaines", paramLabel = "NOMBRE", defaultValue = "52", description = "Semaines simulées du Bassin de Pompey (défaut : ${DEFAULT-VALUE}).")
    int semaines;

    @Option(names = "--graine", paramLabel = "NOMBRE", defaultValue = "42", description = "Graine du simulateur (défaut : ${DEFAULT-VALUE}).")
    long graine;

    @Option(names = "--partitions", paramLabel = "NOMBRE", defaultValue = "4", description = "Partitions des topics (défaut : ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        var resultat = new Benchmark(semaines, graine, partitions).executer();
        spec.commandLine().getOut().println(resultat.tableau());
        return resultat.verifie() ? 0 : 1;
    }
}
