package fr.croisements.streams.lora;

import fr.croisements.events.IndicateurInsee;

/** A commune-day of temperatures with the commune's INSEE row ({@code null} when there is none). */
record JointureChaleur(ReleveJour releve, IndicateurInsee insee) {}
