package fr.croisements.streams.stationnement;

import java.time.Instant;

/**
 * One occupied/free report of a per-space sensor, as the state machine reads it.
 *
 * @param instant reception time (event time)
 * @param occupee whether a vehicle is over the space
 * @param fCnt frame counter, or {@code null}
 * @param dureePrecedentMinutes how long the previous state lasted, when the sensor says it (Nwave), or {@code null}
 */
record Observation(Instant instant, boolean occupee, Long fCnt, Double dureePrecedentMinutes) {}
