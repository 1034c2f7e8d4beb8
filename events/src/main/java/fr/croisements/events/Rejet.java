package fr.croisements.events;

import java.time.Instant;

/**
 * Something that could not be used, kept with enough context to find and fix it.
 *
 * @param source where it came from: a file name, a topic, an HTTP endpoint
 * @param position where in the source: {@code fichier.csv:12} or {@code topic/partition/offset}
 * @param raison why it was rejected, in French
 * @param extrait the beginning of the raw input (at most {@link #EXTRAIT_MAX} characters)
 * @param instant when it was rejected
 */
public record Rejet(String source, String position, String raison, String extrait, Instant instant) {

    public static final int EXTRAIT_MAX = 500;

    public Rejet {
        if (extrait != null && extrait.length() > EXTRAIT_MAX) {
            extrait = extrait.substring(0, EXTRAIT_MAX);
        }
    }
}
