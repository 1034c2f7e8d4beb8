package fr.croisements.datasets;

import java.util.Objects;

/**
 * A problem found while importing an official file, for the person running the import: where it
 * is and what it is, in French.
 *
 * @param fichier the file name, e.g. {@code communes_dep_17_54_86_92.csv}
 * @param ligne the line in the file (1 = header), or 0 for the whole file
 * @param gravite whether the row was skipped or kept
 * @param raison what is wrong, in French, e.g. "code commune invalide « 1x053 »"
 */
public record Signalement(String fichier, long ligne, Gravite gravite, String raison) {

    /** What happened to the row. */
    public enum Gravite {
        /** The row was skipped: none of its values was imported. */
        REJET,
        /** The row was imported; a value was repaired, normalised or left empty, as the reason says. */
        AVERTISSEMENT
    }

    public Signalement {
        Objects.requireNonNull(fichier, "fichier");
        Objects.requireNonNull(gravite, "gravite");
        Objects.requireNonNull(raison, "raison");
    }

    /**
     * What trimming removed from a value, in French, or {@code null} when it had no space around
     * it: "espace en fin de valeur retiré", "2 espaces en début de valeur retirés", "espaces en
     * début et en fin de valeur retirés". For the warning given when a code is trimmed.
     */
    public static String espacesRetires(String brut) {
        int debut = brut.length() - brut.stripLeading().length();
        int fin = brut.length() - brut.stripTrailing().length();
        if (debut > 0 && fin > 0) {
            return "espaces en début et en fin de valeur retirés";
        }
        int n = Math.max(debut, fin);
        String ou = debut > 0 ? "en début de valeur" : "en fin de valeur";
        return n == 0 ? null : n == 1 ? "espace " + ou + " retiré" : n + " espaces " + ou + " retirés";
    }

    /** e.g. "communes.csv:12 : ligne ignorée : code commune invalide « 1x053 »". */
    @Override
    public String toString() {
        String ou = ligne > 0 ? fichier + ":" + ligne : fichier;
        return ou + " : " + (gravite == Gravite.REJET ? "ligne ignorée : " : "") + raison;
    }
}
