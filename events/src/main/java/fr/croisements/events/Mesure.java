package fr.croisements.events;

/**
 * One decoded measure of a sensor.
 *
 * @param valeur the value
 * @param unite its unit as written for users, e.g. "°C", "%", "ppm", "V", "mm"
 */
public record Mesure(double valeur, String unite) {}
