package fr.croisements.viz.live;

import fr.croisements.events.Indicateur;
import java.util.Set;

/**
 * What a client of {@code /api/direct} follows. Without parameters ({@link #TOUT}): every cell, in
 * full, as it comes. With {@code ?territoire=…&indicateur=…}: the cells of some zones (the communes of
 * its territory; every zone when empty) and of some indicators (every one when empty), compact and
 * coalesced.
 *
 * @param zones the zone codes followed, empty for all
 * @param indicateurs the indicator ids followed, empty for all
 */
record Abonnement(Set<String> zones, Set<String> indicateurs) {

    /** A client that asked for nothing in particular: the full feed of the first version. */
    static final Abonnement TOUT = new Abonnement(Set.of(), Set.of());

    Abonnement {
        zones = Set.copyOf(zones);
        indicateurs = Set.copyOf(indicateurs);
    }

    /** Whether the client gets compact, coalesced cells (it chose zones or indicators). */
    boolean compact() {
        return !zones.isEmpty() || !indicateurs.isEmpty();
    }

    boolean suit(Indicateur cellule) {
        return (zones.isEmpty() || zones.contains(cellule.codeZone()))
                && (indicateurs.isEmpty() || indicateurs.contains(cellule.indicateur()));
    }
}
