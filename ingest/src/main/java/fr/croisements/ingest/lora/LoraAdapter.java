package fr.croisements.ingest.lora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes the messages of a LoRaWAN network server, as it emits them, to {@code lora-uplinks},
 * {@code lora-statuts} and {@code rejets}: {@link TtsAdapter} for The Things Stack v3,
 * {@link ChirpstackAdapter} for ChirpStack v4.
 *
 * <p>Reading is pure ({@link #lire}: one JSON message to a {@link Lecture}); sending is done by the
 * {@code publier} methods, with producers owned by the caller (a {@code KafkaProducer}, or a
 * {@code MockProducer} in tests). A bad message never stops the stream: it becomes a reject with
 * its position and a French reason, and reading goes on. Send failures are thrown as
 * {@link KafkaException}, not swallowed.
 *
 * <p>Stateless apart from its collaborators: thread-safe, one instance may serve several sources
 * (files, webhook requests) at once.
 */
public abstract sealed class LoraAdapter permits TtsAdapter, ChirpstackAdapter {

    final Interprete interprete;
    private final Clock horloge;

    LoraAdapter(DecodeurRegistre registre, Appareils appareils, Clock horloge, boolean simule) {
        this.interprete = new Interprete(registre, appareils, simule);
        this.horloge = Objects.requireNonNull(horloge, "horloge");
    }

    /**
     * The adapter of a network server.
     *
     * @param source {@code tts} or {@code chirpstack}
     * @throws IllegalArgumentException for another source, or a model of {@code appareils} unknown to {@code registre}
     */
    public static LoraAdapter pour(String source, DecodeurRegistre registre, Appareils appareils) {
        return switch (source.toLowerCase(Locale.ROOT)) {
            case TtsAdapter.SOURCE -> new TtsAdapter(registre, appareils);
            case ChirpstackAdapter.SOURCE -> new ChirpstackAdapter(registre, appareils);
            default -> throw new IllegalArgumentException("Source LoRaWAN inconnue : " + source + " (tts ou chirpstack)");
        };
    }

    /** {@code tts} or {@code chirpstack}: the {@code source} of the records. */
    public abstract String source();

    /**
     * Pure: one message, as the network server emits it, to what should be published.
     *
     * @param message the JSON object
     * @param evenement the event type when the transport tells it (ChirpStack HTTP integration
     *     {@code ?event=up}, MQTT topic {@code .../event/up}), or {@code null} to tell it from the
     *     message's shape
     */
    public abstract Lecture lire(JsonNode message, String evenement);

    /** Same, the event type told from the message's shape. */
    public final Lecture lire(JsonNode message) {
        return lire(message, null);
    }

    /** Publishes a file (JSON or NDJSON); its name is the source of the rejects. */
    public final BilanLora publier(Path fichier, Producer<String, LoraUplink> uplinks,
            Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets) throws IOException {
        try (InputStream in = Files.newInputStream(fichier)) {
            return publier(in, fichier.getFileName().toString(), null, uplinks, statuts, rejets);
        }
    }

    /** Publishes a stream (not closed here); see {@link #publier(InputStream, String, String, Producer, Producer, Producer)}. */
    public final BilanLora publier(InputStream in, String nomSource, Producer<String, LoraUplink> uplinks,
            Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets) throws IOException {
        return publier(in, nomSource, null, uplinks, statuts, rejets);
    }

    /**
     * Publishes a stream of messages (not closed here): one JSON object, a JSON array of objects,
     * or NDJSON (see {@link LecteurMessages}). Rejects name {@code nomSource:LIGNE} (NDJSON) or
     * {@code nomSource:objet N}.
     *
     * @param nomSource the name rejects and logs refer to, e.g. the file name
     * @param evenement the event type of every message, or {@code null} to tell it from each message's shape
     * @throws IOException when the stream cannot be read
     * @throws KafkaException when a record cannot be sent; what was sent before stays sent
     */
    public final BilanLora publier(InputStream in, String nomSource, String evenement,
            Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts,
            Producer<String, Rejet> rejets) throws IOException {
        var publication = new Publication(this, nomSource, evenement, uplinks, statuts, rejets, horloge);
        LecteurMessages.lire(in, nomSource, publication);
        return publication.terminer();
    }

    /**
     * Publishes one message already parsed (a webhook request body), or each element of a JSON
     * array; positions are {@code position} or {@code position:objet N}.
     *
     * @throws KafkaException when a record cannot be sent
     */
    public final BilanLora publier(JsonNode message, String nomSource, String position, String evenement,
            Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts,
            Producer<String, Rejet> rejets) {
        var publication = new Publication(this, nomSource, evenement, uplinks, statuts, rejets, horloge);
        if (message.isArray()) {
            int n = 0;
            for (JsonNode element : message) {
                n++;
                publication.message(position + ":objet " + n, element, element.toString());
            }
        } else {
            publication.message(position, message, message.toString());
        }
        return publication.terminer();
    }

    /**
     * Pure: the body of one request (one JSON object or array), read strictly.
     *
     * @throws IllegalArgumentException with a French reason (empty, truncated, invalid, several values)
     */
    public static JsonNode lireJson(String texte) {
        if (texte == null || texte.isBlank()) {
            throw new IllegalArgumentException("corps vide : un message JSON est attendu");
        }
        try {
            return LecteurMessages.valeurUnique(texte.charAt(0) == '\uFEFF' ? texte.substring(1) : texte);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(LecteurMessages.raison(e, true));
        }
    }

    /** When a message is read: the reception time of an uplink that tells none (see {@link DateReception}). */
    final DateReception ingestion() {
        return new DateReception(horloge.instant(), LoraUplink.ORIGINE_INGESTION);
    }

    static Lecture invalide(String raison) {
        return new Lecture.Invalide(raison);
    }
}
