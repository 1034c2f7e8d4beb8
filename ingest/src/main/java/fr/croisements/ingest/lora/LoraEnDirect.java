package fr.croisements.ingest.lora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.RejeuEnDirect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link LoraSimulateur} in accelerated time, end to end: each simulated network-server
 * message (TTS or ChirpStack JSON) goes through the same adapter as a user's file, and what the
 * adapter makes of it is published: uplinks on {@code lora-uplinks}, statuses on
 * {@code lora-statuts}, rejects on {@code rejets} (none expected: the simulator writes valid
 * messages). Joins are counted by the adapter and not published.
 *
 * <p>The clock, the sending thread and the failure handling are {@link RejeuEnDirect}'s (see it):
 * simulated time starts at {@code debutSimule} on {@link #start()} and advances {@code vitesse}
 * simulated seconds per real second, stopping at {@code finSimulee}. The producers stay open on
 * {@link #close()} (flushed): their owner closes them. Thread-safe.
 */
public final class LoraEnDirect implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoraEnDirect.class);

    /** One simulated day every 10 real seconds: the diurnal cycle is visible on the map. */
    public static final double VITESSE_PAR_DEFAUT = 8_640;
    static final String SOURCE = "simulateur LoRaWAN";

    private final RejeuEnDirect<MessageSimule> rejeu;
    private final TtsAdapter tts;
    private final ChirpstackAdapter chirpstack;
    private final Producer<String, LoraUplink> uplinks;
    private final Producer<String, LoraStatut> statuts;
    private final Producer<String, Rejet> rejets;
    private final Clock horloge = Clock.systemUTC();

    /**
     * @param simulateur the messages to play
     * @param debutSimule simulated time at start
     * @param finSimulee simulated time where the clock stops (exclusive), e.g. the present, since a
     *     broker refuses timestamps more than an hour in the future; {@link Instant#MAX} for none
     * @param vitesse simulated seconds per real second, &gt; 0 (e.g. {@link #VITESSE_PAR_DEFAUT})
     */
    public LoraEnDirect(LoraSimulateur simulateur, Producer<String, LoraUplink> uplinks,
            Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets, Instant debutSimule,
            Instant finSimulee, double vitesse) {
        this(simulateur, uplinks, statuts, rejets, debutSimule, finSimulee, vitesse, System::nanoTime, RejeuEnDirect.PERIODE);
    }

    /** With an injected monotonic clock (real nanoseconds) and tick period, for tests. */
    LoraEnDirect(LoraSimulateur simulateur, Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts,
            Producer<String, Rejet> rejets, Instant debutSimule, Instant finSimulee, double vitesse, LongSupplier nanos,
            Duration periode) {
        this(Objects.requireNonNull(simulateur, "simulateur").appareils(), simulateur.iterateur(debutSimule, finSimulee),
                "simulateur-lora", uplinks, statuts, rejets, debutSimule, finSimulee, vitesse, nanos, periode);
    }

    /**
     * Plays another simulated fleet (e.g. Antony's parking sensors): its messages in time order and
     * its devices, under the thread name {@code nom}.
     */
    public LoraEnDirect(Appareils appareils, java.util.Iterator<MessageSimule> messages, String nom,
            Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets,
            Instant debutSimule, Instant finSimulee, double vitesse) {
        this(appareils, messages, nom, uplinks, statuts, rejets, debutSimule, finSimulee, vitesse, System::nanoTime,
                RejeuEnDirect.PERIODE);
    }

    private LoraEnDirect(Appareils appareils, java.util.Iterator<MessageSimule> messages, String nom,
            Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets,
            Instant debutSimule, Instant finSimulee, double vitesse, LongSupplier nanos, Duration periode) {
        this.uplinks = Objects.requireNonNull(uplinks, "uplinks");
        this.statuts = Objects.requireNonNull(statuts, "statuts");
        this.rejets = Objects.requireNonNull(rejets, "rejets");
        var registre = DecodeurRegistre.standard();
        this.tts = new TtsAdapter(registre, appareils, horloge, true);
        this.chirpstack = new ChirpstackAdapter(registre, appareils, horloge, true);
        this.rejeu = new RejeuEnDirect<>(nom, messages,
                MessageSimule::instant, this::envoyer, this::vider, debutSimule, finSimulee, vitesse, nanos, periode);
    }

    /**
     * Starts the simulated clock and the sending thread.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        rejeu.start();
    }

    void demarrerHorloge() {
        rejeu.demarrerHorloge();
    }

    int tick() {
        return rejeu.tick();
    }

    /** Current simulated time: the start instant before {@link #start()}, frozen once stopped. */
    public Instant horloge() {
        return rejeu.horloge();
    }

    /** Simulated messages handed to the adapters so far. */
    public long envoyes() {
        return rejeu.envoyes();
    }

    /** Records the producers failed to deliver so far. */
    public long echecs() {
        return rejeu.echecs();
    }

    /** The fatal error that stopped the simulator, if any. */
    public Optional<Throwable> erreur() {
        return rejeu.erreur();
    }

    /** Whether the simulator is started and neither closed nor stopped by a fatal error. */
    public boolean actif() {
        return rejeu.actif();
    }

    /** Stops sending within about a second and flushes the producers (which stay open). */
    @Override
    public void close() {
        rejeu.close();
    }

    private void envoyer(MessageSimule message, Callback rappel) {
        JsonNode noeud;
        try {
            noeud = LecteurMessages.MAPPER.readTree(message.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The simulator wrote unreadable JSON", e);
        }
        LoraAdapter adapter = message.source().equals(TtsAdapter.SOURCE) ? tts : chirpstack;
        Lecture lecture = adapter.lire(noeud, message.evenement());
        String position = message.source() + " " + message.devEui() + " " + message.instant();
        if (lecture instanceof Lecture.Uplink u) {
            LoraUplink uplink = u.uplink();
            uplinks.send(new ProducerRecord<>(Topics.LORA_UPLINKS.name(), null, uplink.instant().toEpochMilli(),
                    uplink.devEui(), uplink), rappel);
            if (u.avertissement() != null) {
                rejeter(position, u.avertissement(), message.json(), rappel);
            }
        } else if (lecture instanceof Lecture.Statut s) {
            statuts.send(new ProducerRecord<>(Topics.LORA_STATUTS.name(), null, s.statut().instant().toEpochMilli(),
                    s.statut().devEui(), s.statut()), rappel);
        } else if (lecture instanceof Lecture.Invalide i) {
            rejeter(position, i.raison(), message.json(), rappel);
        }
    }

    private void rejeter(String position, String raison, String extrait, Callback rappel) {
        log.warn("Simulated message {} rejected: {}", position, raison);
        var rejet = new Rejet(SOURCE, position, raison, extrait, horloge.instant());
        rejets.send(new ProducerRecord<>(Topics.REJETS.name(), null, rejet.instant().toEpochMilli(), SOURCE, rejet), rappel);
    }

    private void vider() {
        uplinks.flush();
        statuts.flush();
        rejets.flush();
    }
}
