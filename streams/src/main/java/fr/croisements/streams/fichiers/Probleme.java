package fr.croisements.streams.fichiers;

/**
 * A problem of an indicator file, in French, with where it is.
 *
 * @param fichier the file's name
 * @param ligne 1-based line, or 0 when the problem concerns the whole file
 * @param colonne 1-based column, or 0
 * @param message what is wrong and what to do, in French
 */
public record Probleme(String fichier, int ligne, int colonne, String message) {

    /** {@code fichier.yaml:12:5 : message}, as compilers say it. */
    @Override
    public String toString() {
        return fichier + (ligne > 0 ? ":" + ligne + (colonne > 0 ? ":" + colonne : "") : "") + " : " + message;
    }
}
