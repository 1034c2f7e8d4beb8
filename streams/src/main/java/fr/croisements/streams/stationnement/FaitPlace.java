package fr.croisements.streams.stationnement;

import fr.croisements.events.Rejet;
import fr.croisements.events.SejourPlace;

/**
 * What happens on one space, for the per-IRIS counts: a space seen for the first time
 * ({@code sejour} null), a stay, or a frame that cannot be used ({@code rejet}).
 */
record FaitPlace(String place, double longitude, double latitude, boolean simule, SejourPlace sejour, Rejet rejet) {

    static FaitPlace nouvellePlace(String place, double longitude, double latitude, boolean simule) {
        return new FaitPlace(place, longitude, latitude, simule, null, null);
    }

    static FaitPlace de(SejourPlace s) {
        return new FaitPlace(s.place(), s.longitude(), s.latitude(), s.simule(), s, null);
    }
}
