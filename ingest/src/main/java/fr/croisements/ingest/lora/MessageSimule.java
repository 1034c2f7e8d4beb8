package fr.croisements.ingest.lora;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of the simulated network servers, as they would emit it.
 *
 * @param instant when the network server emits it (a few hundred ms after the radio frame)
 * @param devEui the device, 16 uppercase hex characters
 * @param source {@code tts} or {@code chirpstack}: the network server of the device
 * @param evenement {@code up}, {@code join} or {@code status}, as ChirpStack names its events
 *     (and its HTTP integration passes them: {@code ?event=up})
 * @param json the message, The Things Stack v3 or ChirpStack v4 JSON, on one line
 */
public record MessageSimule(Instant instant, String devEui, String source, String evenement, String json) {

    public MessageSimule {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(devEui, "devEui");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evenement, "evenement");
        Objects.requireNonNull(json, "json");
    }
}
