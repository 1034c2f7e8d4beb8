package fr.croisements.streams.stationnement;

import fr.croisements.events.IndicateurInsee;

/** A {@link FaitPlace} with the IRIS of its space ({@code null} outside every IRIS) and, once joined, the IRIS's INSEE figures. */
record FaitLocalise(FaitPlace fait, String codeIris, IndicateurInsee insee) {

    FaitLocalise avecInsee(IndicateurInsee i) {
        return new FaitLocalise(fait, codeIris, i);
    }
}
