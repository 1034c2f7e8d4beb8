package fr.croisements.app;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --indicateurs DOSSIER}: the folder of indicator files (a data team's YAML) to run and follow. */
final class OptionsIndicateurs {

    static final Path PAR_DEFAUT = Path.of("indicateurs");

    @Option(names = "--indicateurs", paramLabel = "DOSSIER",
            description = "Dossier des indicateurs écrits en fichiers YAML (voir docs/indicateurs.md) : chacun est "
                    + "vérifié et calculé ; un fichier ajouté, modifié ou retiré est pris en compte sans redémarrer. "
                    + "Défaut : le dossier « indicateurs » du répertoire courant, s'il existe.")
    Path dossier;

    /** The folder given, else {@code ./indicateurs} when it exists, else {@code null} (no file indicator). */
    Path dossier() {
        if (dossier != null) {
            return dossier;
        }
        return Files.isDirectory(PAR_DEFAUT) ? PAR_DEFAUT : null;
    }
}
