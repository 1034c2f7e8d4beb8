package fr.croisements.events;

/**
 * A WGS84 position.
 *
 * @param longitude degrees east
 * @param latitude degrees north
 * @param altitude metres, or {@code null}
 */
public record Position(double longitude, double latitude, Double altitude) {}
