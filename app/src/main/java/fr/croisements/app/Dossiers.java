package fr.croisements.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

public final class Dossiers {

    private Dossiers() {}

    /** Deletes a directory tree; nothing happens when it does not exist. */
    static void effacer(Path dossier) throws IOException {
        if (!Files.exists(dossier)) {
            return;
        }
        try (var chemins = Files.walk(dossier)) {
            for (Path p : chemins.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Deletes a directory tree, logging instead of failing: for temporary folders. */
    public static void effacerSansErreur(Path dossier) {
        try {
            effacer(dossier);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Dossiers.class).warn("Could not delete {}: {}", dossier, e.getMessage());
        }
    }
}
