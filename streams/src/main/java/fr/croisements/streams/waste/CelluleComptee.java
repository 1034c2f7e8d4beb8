package fr.croisements.streams.waste;

import java.time.Instant;

/** The counts of one commune-week with the bounds of its window. */
record CelluleComptee(Instant debut, Instant fin, ComptageHebdo comptage) {}
