package fr.croisements.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One LoRaWAN uplink, normalised from The Things Stack v3 or ChirpStack v4.
 *
 * @param devEui device EUI, 16 uppercase hex characters
 * @param instant when the network server received it (event time)
 * @param fPort LoRaWAN port, or {@code null} when absent
 * @param fCnt frame counter, or {@code null} when absent
 * @param payload the raw application payload, base64 (as received), or {@code null}
 * @param modele the device model used to decode it (e.g. {@code milesight-em500-co2}), or {@code null}
 * @param mesures decoded measures by name ({@code temperature}, {@code humidite}, {@code co2}, {@code batterie}...)
 * @param receptions the gateways that heard it
 * @param position the device's position when known, or {@code null}
 * @param source {@code tts} or {@code chirpstack}
 * @param simule whether it comes from the project's simulator
 */
public record LoraUplink(
        String devEui,
        Instant instant,
        Integer fPort,
        Long fCnt,
        String payload,
        String modele,
        Map<String, Mesure> mesures,
        List<Reception> receptions,
        Position position,
        String source,
        boolean simule) {

    public LoraUplink {
        Objects.requireNonNull(devEui, "devEui");
        Objects.requireNonNull(instant, "instant");
        mesures = mesures == null ? Map.of() : Map.copyOf(mesures);
        receptions = receptions == null ? List.of() : List.copyOf(receptions);
    }
}
