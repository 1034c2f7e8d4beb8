package fr.croisements.events;

import java.time.Instant;

/**
 * One observation of a car park's occupancy (DATEX II {@code parkingNumberOfVacantSpaces}, FIWARE
 * {@code OffStreetParking.availableSpotNumber}).
 *
 * @param parkingId the car park's id, as in {@code ref-parkings}
 * @param instant when it was observed (event time)
 * @param placesLibres free places
 * @param capacite total places at that time, or {@code null} when the feed does not give it
 * @param statut "ouvert", "ferme", "complet"... or {@code null}
 * @param simule whether it comes from the simulator
 */
public record OccupationParking(String parkingId, Instant instant, int placesLibres, Integer capacite, String statut,
        boolean simule) {}
