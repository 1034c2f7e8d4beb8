package fr.croisements.streams.waste;

import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;

/**
 * A lift after location and de-duplication, as it travels on the repartition topic.
 *
 * @param codeInsee the commune holding the lift, or {@code null} when rejected
 * @param levee the lift
 * @param nouveauBac whether this is the bin's first lift of its ISO week
 * @param rejet why the lift cannot be counted, or {@code null}
 */
record LeveeLocalisee(String codeInsee, LeveeBac levee, boolean nouveauBac, Rejet rejet) {}
