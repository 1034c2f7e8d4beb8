package fr.croisements.streams.stationnement;

import java.time.Instant;

/**
 * What the state machine remembers of one space.
 *
 * @param occupee the last state reported
 * @param depuis when the current occupation started, or {@code null} when free or when its start is unknown
 * @param dernierInstant the time of the last frame taken into account
 * @param fCnt the frame counter of that frame, or {@code null}
 * @param longitude position of the space
 * @param latitude position of the space
 * @param simule whether the space's frames are simulated
 */
record EtatPlace(boolean occupee, Instant depuis, Instant dernierInstant, Long fCnt, double longitude, double latitude,
        boolean simule) {}
