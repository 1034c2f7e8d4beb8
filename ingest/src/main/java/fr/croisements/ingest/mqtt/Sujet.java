package fr.croisements.ingest.mqtt;

import fr.croisements.ingest.lora.ChirpstackAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a topic says of its message: which network server published it and, for ChirpStack, the event type.
 * Pure and thread-safe.
 * <ul>
 *   <li>ChirpStack v4 (default {@code event_topic}): {@code application/{id}/device/{devEui}/event/{type}};
 *   <li>The Things Stack: {@code v3/{application}@{tenant}/devices/{device}/{type}} ({@code up}, {@code join},
 *       {@code down/sent}, {@code service/data}...); TTS messages say what they are, the type is only informative.
 * </ul>
 *
 * @param format {@code tts} or {@code chirpstack}
 * @param evenement the event type the topic gives, or {@code null}
 */
record Sujet(String format, String evenement) {

    private static final Pattern CHIRPSTACK = Pattern.compile("application/[^/]+/device/[^/]+/event/([^/]+)");
    private static final Pattern TTS = Pattern.compile("v3/[^/]+/devices/[^/]+/(.+)");

    /** The network server of a topic, or empty when the topic is neither ChirpStack's nor The Things Stack's. */
    static Optional<Sujet> reconnaitre(String topic) {
        Matcher c = CHIRPSTACK.matcher(topic);
        if (c.matches()) {
            return Optional.of(new Sujet(ChirpstackAdapter.SOURCE, c.group(1)));
        }
        Matcher t = TTS.matcher(topic);
        if (t.matches()) {
            return Optional.of(new Sujet(TtsAdapter.SOURCE, t.group(1)));
        }
        return Optional.empty();
    }

    /**
     * The event type of a topic for a format forced by the user: ChirpStack's last level when the topic has the
     * shape of ChirpStack's (a custom {@code event_topic} gives none), else {@code null} (told from the message).
     */
    static String evenement(String topic, String format) {
        return reconnaitre(topic).filter(s -> s.format().equals(format)).map(Sujet::evenement).orElse(null);
    }
}
