package fr.croisements.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One vehicle's stay on one on-street parking space: made by the stays crossing from a per-space
 * sensor's occupied/free frames, or read from a parking-meter or mobile-payment export.
 *
 * @param place the space (a sensor's DevEUI, or the export's space or zone id)
 * @param arrivee when the vehicle arrived
 * @param depart when it left (after {@code arrivee})
 * @param longitude WGS84 longitude of the space
 * @param latitude WGS84 latitude of the space
 * @param limiteMinutes the paid-time limit of the space, in minutes, or {@code null} for the default
 * @param cloture how the stay ended: {@link #LIBEREE}, {@link #RECONSTITUE}, {@link #JAMAIS_LIBEREE} or
 *     {@link #HORODATEUR}
 * @param simule whether it comes from the project's simulator
 */
public record SejourPlace(String place, Instant arrivee, Instant depart, double longitude, double latitude,
        Integer limiteMinutes, String cloture, boolean simule) {

    /** The sensor said the space was freed. */
    public static final String LIBEREE = "liberee";
    /** The frame of arrival was lost: the arrival is the freeing minus the duration the sensor reported. */
    public static final String RECONSTITUE = "reconstitue";
    /** The space was not freed within the longest stay kept: the stay is closed at that length. */
    public static final String JAMAIS_LIBEREE = "jamais-liberee";
    /** A paid-parking transaction (start and end as paid). */
    public static final String HORODATEUR = "horodateur";

    public SejourPlace {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(arrivee, "arrivee");
        Objects.requireNonNull(depart, "depart");
        if (depart.isBefore(arrivee)) {
            throw new IllegalArgumentException("A stay ends after it starts: " + arrivee + " → " + depart);
        }
    }

    public Duration duree() {
        return Duration.between(arrivee, depart);
    }
}
