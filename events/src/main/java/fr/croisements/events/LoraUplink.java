package fr.croisements.events;

import fr.croisements.events.contrats.Requis;
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
 * @param origineInstant where {@code instant} comes from: {@link #ORIGINE_RESEAU}, {@link #ORIGINE_PASSERELLE},
 *     {@link #ORIGINE_HORLOGE_PASSERELLE} or {@link #ORIGINE_INGESTION}; {@code null} in records written before
 *     this field existed (their instant is the network server's)
 */
public record LoraUplink(
        @Requis String devEui,
        @Requis Instant instant,
        Integer fPort,
        Long fCnt,
        String payload,
        String modele,
        Map<String, Mesure> mesures,
        List<Reception> receptions,
        Position position,
        String source,
        boolean simule,
        String origineInstant) {

    /** The network server's reception time (TTS {@code received_at}, ChirpStack {@code time} or {@code nsTime}). */
    public static final String ORIGINE_RESEAU = "reseau";
    /** The time a gateway stamped the frame with (TTS {@code rx_metadata[].time}, ChirpStack {@code rxInfo[].time}), the earliest. */
    public static final String ORIGINE_PASSERELLE = "passerelle";
    /** A gateway's internal clock (TTS {@code rx_metadata[].gw_time}, ChirpStack {@code rxInfo[].gwTime}), the earliest. */
    public static final String ORIGINE_HORLOGE_PASSERELLE = "horloge_passerelle";
    /** No time in the message: when Croisements read it. */
    public static final String ORIGINE_INGESTION = "ingestion";

    /** An uplink dated by its network server, as before {@code origineInstant} existed. */
    public LoraUplink(String devEui, Instant instant, Integer fPort, Long fCnt, String payload, String modele,
            Map<String, Mesure> mesures, List<Reception> receptions, Position position, String source, boolean simule) {
        this(devEui, instant, fPort, fCnt, payload, modele, mesures, receptions, position, source, simule, ORIGINE_RESEAU);
    }

    public LoraUplink {
        Objects.requireNonNull(devEui, "devEui");
        Objects.requireNonNull(instant, "instant");
        mesures = mesures == null ? Map.of() : Map.copyOf(mesures);
        receptions = receptions == null ? List.of() : List.copyOf(receptions);
    }
}
