package fr.croisements.streams.geo;

import java.util.Optional;

/**
 * Finds the zone of one level (a commune, an IRIS…) that contains a WGS84 point.
 *
 * <p>The crossings that work below the commune (per-space parking sensors by IRIS) take one of these
 * rather than a concrete locator, so a test can hand them a small one and the pipeline the one built
 * from the territory packs. Implementations are thread-safe and immutable once built.
 */
@FunctionalInterface
public interface LocalisateurZone {

    /** The code of the zone containing (longitude, latitude), or empty when no zone holds the point. */
    Optional<String> codeAt(double longitude, double latitude);
}
