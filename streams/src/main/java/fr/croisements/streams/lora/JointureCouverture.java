package fr.croisements.streams.lora;

import fr.croisements.events.IndicateurInsee;

/** A commune-day of coverage with the commune's INSEE row ({@code null} when there is none). */
record JointureCouverture(CouvertureJour couverture, IndicateurInsee insee) {}
