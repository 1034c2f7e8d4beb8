package fr.croisements.events;

import java.util.Objects;

/**
 * An input a person gave that cannot be used as it is: a file, one of its lines, or a setting. The
 * message is for that person, in French, and says where: {@code levees.csv:12 : colonne manquante :
 * id_puce}. The command line prints it without a stack trace (unless {@code --debug}); the cause,
 * if any, is the technical detail.
 */
public class EntreeInvalide extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long ligne;
    private final String raison;

    /**
     * @param source the file (its name or path) or the setting at fault, or {@code null} when the reason says it all
     * @param ligne the line in the file (1 = header), or 0 for the whole file
     * @param raison what is wrong, in French
     */
    public EntreeInvalide(String source, long ligne, String raison) {
        this(source, ligne, raison, null);
    }

    public EntreeInvalide(String source, long ligne, String raison, Throwable cause) {
        super(message(source, ligne, raison), cause);
        this.source = source;
        this.ligne = ligne;
        this.raison = Objects.requireNonNull(raison, "raison");
    }

    /** A reason that names its place itself. */
    public EntreeInvalide(String raison) {
        this(null, 0, raison, null);
    }

    /** The file or setting at fault, or {@code null}. */
    public String source() {
        return source;
    }

    /** The line in the file, or 0. */
    public long ligne() {
        return ligne;
    }

    /** What is wrong, in French, without the place. */
    public String raison() {
        return raison;
    }

    private static String message(String source, long ligne, String raison) {
        if (source == null) {
            return raison;
        }
        return (ligne > 0 ? source + ":" + ligne : source) + " : " + raison;
    }
}
