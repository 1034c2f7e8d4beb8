package fr.croisements.streams.waste;

import fr.croisements.events.IndicateurInsee;

/** The counts of a commune-week with the commune's INSEE row ({@code null} when there is none). */
record Jointure(ComptageHebdo comptage, IndicateurInsee insee) {}
