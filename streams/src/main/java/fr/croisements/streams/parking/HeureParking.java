package fr.croisements.streams.parking;

import java.time.Instant;

/**
 * Occupancy of one car park over one hour.
 *
 * @param nom car park name
 * @param codeInsee the car park's commune, or {@code null}
 * @param capacite places (latest observation's)
 * @param sommeTaux sum of the occupancy rates observed, in %
 * @param tauxMax highest occupancy rate observed, in %
 * @param observations how many observations
 * @param arrivees sum of the increases of occupied places between consecutive observations
 * @param derniereOccupees occupied places at the latest observation, or {@code null}
 * @param derniereObservation time of the latest observation, or {@code null}
 * @param simule whether any observation was simulated
 */
record HeureParking(String nom, String codeInsee, int capacite, double sommeTaux, double tauxMax, long observations, long arrivees,
        Integer derniereOccupees, Instant derniereObservation, boolean simule) {

    static HeureParking vide() {
        return new HeureParking(null, null, 0, 0, 0, 0, 0, null, null, false);
    }

    HeureParking ajouter(ObservationParc o) {
        int capaciteObs = o.capacite();
        int occupees = Math.max(0, capaciteObs - o.observation().placesLibres());
        double taux = 100.0 * occupees / capaciteObs;
        boolean plusRecente = derniereObservation == null || o.observation().instant().isAfter(derniereObservation);
        long hausse = plusRecente && derniereOccupees != null ? Math.max(0, occupees - derniereOccupees) : 0;
        return new HeureParking(o.parc().nom(), o.parc().codeInsee(), capaciteObs, sommeTaux + taux, Math.max(tauxMax, taux), observations + 1,
                arrivees + hausse, plusRecente ? Integer.valueOf(occupees) : derniereOccupees,
                plusRecente ? o.observation().instant() : derniereObservation, simule || o.observation().simule());
    }

    double tauxMoyen() {
        return observations == 0 ? 0 : sommeTaux / observations;
    }
}
