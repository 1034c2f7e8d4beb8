package fr.croisements.app;

import fr.croisements.datasets.TerritoireImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code croisements import}: regenerates the territory packs from the official files. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Génère les packs de territoires (contours, chiffres Insee et leurs sources) depuis les fichiers officiels.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--depuis", description = "Dossier des fichiers officiels (défaut : ../shared/datasets, "
            + "ou la variable CROISEMENTS_DONNEES_OFFICIELLES).")
    Path depuis;

    @Option(names = "--vers", defaultValue = "datasets/src/main/resources/fr/croisements/datasets/territoires",
            description = "Dossier où écrire les packs (défaut : ${DEFAULT-VALUE}).")
    Path vers;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path source = depuis != null ? depuis : TerritoireImporter.dossierOfficielParDefaut();
        var packs = TerritoireImporter.ecrire(source, vers);
        packs.forEach(p -> out.printf("Pack écrit : %s%n", p));
        return packs.isEmpty() ? 1 : 0;
    }
}
