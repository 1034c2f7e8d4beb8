package fr.croisements.events;

import java.time.Instant;

/**
 * A device status report (ChirpStack v4 {@code status} event, or a battery level decoded from an uplink).
 *
 * @param devEui device EUI, 16 uppercase hex characters
 * @param instant when it was reported
 * @param batteriePourcent battery level in %, or {@code null} when unknown (external power)
 * @param margeDb link margin in dB, or {@code null}
 * @param source {@code tts} or {@code chirpstack}
 * @param simule whether it comes from the project's simulator
 */
public record LoraStatut(String devEui, Instant instant, Double batteriePourcent, Integer margeDb, String source,
        boolean simule) {}
