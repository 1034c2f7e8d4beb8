package fr.croisements.ingest.stationnement;

import fr.croisements.events.Position;

/**
 * One on-street space of the simulated fleet ({@code stationnement/places-antony.csv}).
 *
 * @param place the space id ({@code ANT-001})
 * @param devEui its sensor, 16 uppercase hex characters
 * @param modele the sensor's model id ({@code nwave-nps} or {@code bosch-tps110})
 * @param rue the street
 * @param codeIris the IRIS the space was placed in
 * @param nomIris its name
 * @param limiteMinutes the paid-time limit of the space
 */
public record PlaceVoirie(String place, String devEui, String modele, String rue, String codeIris, String nomIris,
        double longitude, double latitude, int limiteMinutes) {

    public Position position() {
        return new Position(longitude, latitude, null);
    }
}
