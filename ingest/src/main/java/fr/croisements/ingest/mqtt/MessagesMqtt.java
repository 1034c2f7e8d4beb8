package fr.croisements.ingest.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Pluriel;
import fr.croisements.ingest.lora.BilanLora;
import fr.croisements.ingest.lora.Lecture;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one MQTT message through the LoRaWAN adapters, the same parsing as the webhooks and
 * {@code croisements ingest tts|chirpstack}: uplinks to {@code lora-uplinks}, statuses to {@code lora-statuts},
 * rejects to {@code rejets} with the topic as their position and the broker as their source.
 *
 * <p>The format is the one forced by the user, else the topic's ({@link Sujet}); ChirpStack's event type comes
 * from the topic ({@code …/event/up}). A message that is not UTF-8 JSON (ChirpStack's Protobuf encoding, a
 * truncated message), or whose topic names no network server, is rejected with its reason. A message delivered
 * again is recognised ({@link Dedoublonneur}) and not published twice. When {@link #traiter} returns, Kafka has
 * the records (the producers are flushed): the message may be acknowledged.
 *
 * <p>Not thread-safe: one reading thread calls {@link #traiter}; {@link #bilan()} may be called from any thread.
 */
public final class MessagesMqtt {

    private static final Logger log = LoggerFactory.getLogger(MessagesMqtt.class);

    /** What became of a message. */
    public enum Issue { PUBLIE, REJETE, DOUBLON }

    private final LoraAdapter tts;
    private final LoraAdapter chirpstack;
    private final String format;
    private final String source;
    private final Producer<String, LoraUplink> uplinks;
    private final Producer<String, LoraStatut> statuts;
    private final Producer<String, Rejet> rejets;
    private final Clock horloge;
    private final Dedoublonneur dedoublonneur = new Dedoublonneur();

    private long lus;
    private long nbUplinks;
    private long nonDecodes;
    private long nbStatuts;
    private long rejetes;
    private long doublons;
    private final Map<String, Long> ignores = new HashMap<>();
    private final List<String> raisons = new ArrayList<>();

    /**
     * @param format {@code tts} or {@code chirpstack} for every message, or {@code null} to recognise each topic
     * @param source the name of the rejects' source: the broker's address
     */
    public MessagesMqtt(LoraAdapter tts, LoraAdapter chirpstack, String format, String source,
            Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets,
            Clock horloge) {
        this.tts = Objects.requireNonNull(tts, "tts");
        this.chirpstack = Objects.requireNonNull(chirpstack, "chirpstack");
        this.format = format;
        this.source = "mqtt " + Objects.requireNonNull(source, "source");
        this.uplinks = Objects.requireNonNull(uplinks, "uplinks");
        this.statuts = Objects.requireNonNull(statuts, "statuts");
        this.rejets = Objects.requireNonNull(rejets, "rejets");
        this.horloge = Objects.requireNonNull(horloge, "horloge");
    }

    /**
     * Reads one message and publishes what it gives; the records are in Kafka when it returns.
     *
     * @throws KafkaException when Kafka does not take a record: the message must not be acknowledged
     */
    public Issue traiter(String topic, byte[] charge) {
        String formatDuMessage = format;
        String evenement;
        if (format != null) {
            evenement = Sujet.evenement(topic, format);
        } else {
            var sujet = Sujet.reconnaitre(topic);
            if (sujet.isEmpty()) {
                return rejeter(topic, charge, "sujet MQTT non reconnu : ni ChirpStack (application/…/device/…/event/…) ni"
                        + " The Things Stack (v3/…/devices/…/up) ; préciser le format avec --mqtt-format");
            }
            formatDuMessage = sujet.get().format();
            evenement = sujet.get().evenement();
        }
        LoraAdapter adapter = TtsAdapter.SOURCE.equals(formatDuMessage) ? tts : chirpstack;
        String texte;
        try {
            texte = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(charge)).toString();
        } catch (CharacterCodingException e) {
            return rejeter(topic, charge, "message qui n'est pas du texte JSON (UTF-8)" + (adapter == chirpstack
                    ? " : ChirpStack l'encode-t-il en Protobuf ? Mettre json=true dans la section [integration.mqtt]"
                    + " de chirpstack.toml" : ""));
        }
        JsonNode message;
        try {
            message = LoraAdapter.lireJson(texte);
        } catch (IllegalArgumentException e) {
            return rejeter(topic, charge, e.getMessage());
        }
        String identite = Dedoublonneur.identite(lecture(adapter, message, evenement), topic, charge);
        if (dedoublonneur.dejaVu(identite)) {
            synchronized (this) {
                doublons++;
            }
            log.info("{} delivered again (a QoS 1 redelivery, or published twice), not published twice: {}", topic, identite);
            return Issue.DOUBLON;
        }
        BilanLora b = adapter.publier(message, source, topic, evenement, uplinks, statuts, rejets);
        dedoublonneur.retenir(identite);
        synchronized (this) {
            lus += b.lus();
            nbUplinks += b.uplinks();
            nonDecodes += b.nonDecodes();
            nbStatuts += b.statuts();
            rejetes += b.rejetes();
            b.ignores().forEach((type, n) -> ignores.merge(type, n, Long::sum));
            for (String r : b.raisons()) {
                if (raisons.size() < BilanLora.RAISONS_MAX) {
                    raisons.add(r);
                }
            }
        }
        return b.rejetes() > 0 && b.publies() == 0 ? Issue.REJETE : Issue.PUBLIE;
    }

    /** What was read so far; {@code doublons} are messages delivered again and not counted in {@code lus}. */
    public synchronized Bilan bilan() {
        return new Bilan(new BilanLora(lus, nbUplinks, nonDecodes, nbStatuts, ignores, rejetes, raisons), doublons);
    }

    /** The counts of an MQTT reading. */
    public record Bilan(BilanLora lora, long doublons) {

        /** One French line: "12 messages lus : 10 uplinks publiés…". */
        public String resume() {
            var types = new StringBuilder();
            new TreeMap<>(lora.ignores()).forEach((type, n) -> types.append(types.length() == 0 ? " (" : ", ")
                    .append(type).append(" : ").append(n));
            return Pluriel.de(lora.lus(), "message lu", "messages lus") + " : "
                    + Pluriel.de(lora.uplinks(), "uplink publié", "uplinks publiés") + " sur " + Topics.LORA_UPLINKS.name()
                    + " (dont " + Pluriel.nombre(lora.nonDecodes()) + " sans mesure décodée), "
                    + Pluriel.de(lora.statuts(), "statut publié", "statuts publiés") + " sur " + Topics.LORA_STATUTS.name() + ", "
                    + Pluriel.de(lora.ignoresTotal(), "message ignoré", "messages ignorés") + (types.length() == 0 ? "" : types + ")")
                    + ", " + Pluriel.de(lora.rejetes(), "rejeté", "rejetés") + ", "
                    + Pluriel.de(doublons, "doublon écarté", "doublons écartés") + " (message remis une seconde fois par le broker)";
        }
    }

    /** The adapter's reading, only to tell the message's identity; a bug there is the adapter's to report. */
    private static Lecture lecture(LoraAdapter adapter, JsonNode message, String evenement) {
        try {
            return adapter.lire(message, evenement);
        } catch (RuntimeException e) {
            return new Lecture.Invalide("erreur interne");
        }
    }

    /** A message no adapter can read: one reject, with the topic as its position. */
    private Issue rejeter(String topic, byte[] charge, String raison) {
        String identite = Dedoublonneur.identite(null, topic, charge);
        if (dedoublonneur.dejaVu(identite)) {
            synchronized (this) {
                doublons++;
            }
            return Issue.DOUBLON;
        }
        log.warn("MQTT message on {} rejected: {}", topic, raison);
        var rejet = new Rejet(source, topic, raison, extrait(charge), horloge.instant());
        try {
            rejets.send(new ProducerRecord<>(Topics.REJETS.name(), null, rejet.instant().toEpochMilli(), source, rejet)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing a reject of " + topic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new KafkaException("could not publish the reject of " + topic, e.getCause());
        }
        dedoublonneur.retenir(identite);
        synchronized (this) {
            lus++;
            rejetes++;
            if (raisons.size() < BilanLora.RAISONS_MAX) {
                raisons.add(topic + " : " + raison);
            }
        }
        return Issue.REJETE;
    }

    /** The message as text when it is, else its first bytes in base64. */
    private static String extrait(byte[] charge) {
        String texte = new String(charge, StandardCharsets.UTF_8);
        if (texte.indexOf('\uFFFD') < 0) {
            return texte;
        }
        byte[] debut = java.util.Arrays.copyOf(charge, Math.min(charge.length, 300));
        return "base64:" + Base64.getEncoder().encodeToString(debut);
    }
}
