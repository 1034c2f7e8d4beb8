package fr.croisements.ingest.mqtt;

import fr.croisements.events.LoraUplink;
import fr.croisements.ingest.lora.Lecture;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last messages published, so that a message the broker delivers again is not published twice.
 *
 * <p>QoS 1 is "at least once": a message whose acknowledgement was lost (the broker restarted, the connection
 * broke between our publication to Kafka and our PUBACK) comes again after the reconnection. Its identity is:
 * <ul>
 *   <li>for an uplink, the uplink itself: network server, DevEUI, frame counter ({@code fCnt}), reception time
 *       when the message gives one (not the ingestion time, which differs on each delivery) and
 *       {@code frm_payload}; a network server that publishes the same uplink twice is caught too;
 *   <li>for anything else (statuses, ignored events, rejects), the topic and the SHA-256 of the message's bytes.
 * </ul>
 * The last {@link #CAPACITE} identities are kept, in memory: a redelivery follows its first delivery within
 * seconds, and a restart of Croisements starts afresh (the broker redelivers only what was not acknowledged,
 * and a message is acknowledged as soon as Kafka has its records). Not thread-safe: one reading thread.
 */
final class Dedoublonneur {

    /** Identities kept: about 5 MB, hours of traffic of a city's network. */
    static final int CAPACITE = 50_000;

    private final Map<String, Boolean> vus;

    Dedoublonneur() {
        this(CAPACITE);
    }

    Dedoublonneur(int capacite) {
        this.vus = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> plusAncien) {
                return size() > capacite;
            }
        };
    }

    /** The identity of a message read (see the class comment). */
    static String identite(Lecture lecture, String topic, byte[] charge) {
        if (lecture instanceof Lecture.Uplink u) {
            LoraUplink l = u.uplink();
            String instant = LoraUplink.ORIGINE_INGESTION.equals(l.origineInstant()) ? "" : l.instant().toString();
            return "uplink|" + l.source() + "|" + l.devEui() + "|" + l.fCnt() + "|" + instant + "|" + l.payload();
        }
        return "message|" + topic + "|" + sha256(charge);
    }

    /** Whether this identity was already published. */
    boolean dejaVu(String identite) {
        return vus.containsKey(identite);
    }

    /** Records an identity just published. */
    void retenir(String identite) {
        vus.put(identite, Boolean.TRUE);
    }

    private static String sha256(byte[] octets) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
