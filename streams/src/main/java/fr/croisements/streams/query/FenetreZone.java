package fr.croisements.streams.query;

import fr.croisements.events.Indicateur;
import java.time.Instant;
import java.util.Comparator;

/**
 * The window of one kept cell, without its figures: which zone has a cell from {@code debut}
 * (inclusive) to {@code fin} (exclusive). What a list of periods needs, lighter than the cells to
 * hand between instances.
 */
public record FenetreZone(String codeZone, Instant debut, Instant fin) {

    /** Oldest window first, then by zone code. */
    public static final Comparator<FenetreZone> ORDRE =
            Comparator.comparing(FenetreZone::debut).thenComparing(FenetreZone::codeZone);

    public static FenetreZone de(Indicateur cellule) {
        return new FenetreZone(cellule.codeZone(), cellule.debut(), cellule.fin());
    }
}
