package fr.croisements.events;

import fr.croisements.events.contrats.Requis;
import java.time.Instant;
import java.util.Objects;

/**
 * One lift of a chipped waste bin by a collection truck (levée de bac).
 *
 * @param idBac pseudonymised bin identifier (HMAC-SHA-256 of the chip id, hex); never the clear chip id
 * @param instant event time of the lift, as read by the truck
 * @param longitude WGS84 longitude of the lift
 * @param latitude WGS84 latitude of the lift
 * @param flux waste stream, e.g. {@code OMR} (ordures ménagères résiduelles) or {@code EMB} (emballages)
 * @param poidsKg weighed mass in kilograms, or {@code null} when the truck does not weigh
 * @param camion truck identifier, or {@code null}
 * @param simule whether this lift comes from the simulator rather than a real truck
 */
public record LeveeBac(
        @Requis String idBac,
        @Requis Instant instant,
        double longitude,
        double latitude,
        @Requis String flux,
        Double poidsKg,
        String camion,
        boolean simule) {

    public LeveeBac {
        Objects.requireNonNull(idBac, "idBac");
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(flux, "flux");
    }
}
