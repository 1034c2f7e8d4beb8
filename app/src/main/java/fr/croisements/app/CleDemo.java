package fr.croisements.app;

import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/**
 * The pseudonymisation key of the demo: the environment's when set, otherwise one generated at the
 * first start and kept in the data folder, so that a restarted demo gives a bin the same pseudonym.
 */
final class CleDemo {

    static final String VARIABLE = "CROISEMENTS_CLE_PSEUDONYMISATION";
    static final String FICHIER = "cle-pseudonymisation";

    private CleDemo() {}

    static Pseudonymiseur pseudonymiseur(Path donnees, PrintWriter out) throws IOException {
        if (System.getenv(VARIABLE) != null) {
            return Pseudonymiseur.depuisEnvironnement();
        }
        Path fichier = donnees.resolve(FICHIER);
        if (Files.exists(fichier)) {
            return Pseudonymiseur.avecCle(HexFormat.of().parseHex(Files.readString(fichier).strip()));
        }
        byte[] cle = Pseudonymiseur.genererCle();
        Files.createDirectories(donnees);
        Files.writeString(fichier, HexFormat.of().formatHex(cle) + "\n");
        try {
            Files.setPosixFilePermissions(fichier, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        out.printf("Clé de pseudonymisation des puces générée pour la démo et gardée dans %s "
                + "(définissez %s pour fournir la vôtre).%n", fichier, VARIABLE);
        return Pseudonymiseur.avecCle(cle);
    }
}
