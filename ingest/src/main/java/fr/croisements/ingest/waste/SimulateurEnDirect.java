package fr.croisements.ingest.waste;

import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import fr.croisements.ingest.RejeuEnDirect;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Plays a {@link LeveesSimulateur} in accelerated time onto {@code dechets-levees}.
 *
 * <p>Simulated time starts at {@code debutSimule} when {@link #start()} is called and advances
 * {@code vitesse} simulated seconds per real second. Every {@link #PERIODE} of real time, one
 * scheduler thread sends every lift whose time is at or before the simulated now: key = pseudonymised
 * bin id, value = the {@link LeveeBac}, record timestamp = the lift instant (event time).
 *
 * <p>Send failures reported by the producer are logged and counted ({@link #echecs()}). A fatal
 * one (the producer throws, or the broker refuses authentication, authorisation, the topic or the
 * producer epoch) stops the simulator; {@link #erreur()} then tells why. {@link #close()} stops
 * the thread within about a second and flushes the producer, which stays open: its owner closes it.
 *
 * <p>The clock and the sending thread are {@link RejeuEnDirect}'s, shared with the LoRaWAN live
 * simulator. Thread-safe: {@link #horloge()} may be read from any thread (the map shows it).
 */
public final class SimulateurEnDirect implements AutoCloseable {

    /** One simulated week every 10 real seconds. */
    public static final double VITESSE_PAR_DEFAUT = 60_480;
    /** Real time between two sends. */
    public static final Duration PERIODE = RejeuEnDirect.PERIODE;

    private final RejeuEnDirect<LeveeBac> rejeu;

    /**
     * @param simulateur the lifts to play
     * @param producer where to send them; owned by the caller
     * @param debutSimule simulated time at start, e.g. a Monday 00:00
     * @param vitesse simulated seconds per real second, &gt; 0 (e.g. {@link #VITESSE_PAR_DEFAUT})
     */
    public SimulateurEnDirect(LeveesSimulateur simulateur, Producer<String, LeveeBac> producer,
            Instant debutSimule, double vitesse) {
        this(simulateur, producer, debutSimule, Instant.MAX, vitesse, System::nanoTime, PERIODE);
    }

    /**
     * Same, stopping at {@code finSimulee} (exclusive): the clock stays there and no later lift is
     * sent. The demo stops at the present, since a broker refuses timestamps more than an hour in
     * the future ({@code message.timestamp.after.max.ms}) and a map of the future would mislead.
     */
    public SimulateurEnDirect(LeveesSimulateur simulateur, Producer<String, LeveeBac> producer,
            Instant debutSimule, Instant finSimulee, double vitesse) {
        this(simulateur, producer, debutSimule, finSimulee, vitesse, System::nanoTime, PERIODE);
    }

    SimulateurEnDirect(LeveesSimulateur simulateur, Producer<String, LeveeBac> producer,
            Instant debutSimule, double vitesse, LongSupplier nanos, Duration periode) {
        this(simulateur, producer, debutSimule, Instant.MAX, vitesse, nanos, periode);
    }

    /** With an injected monotonic clock (real nanoseconds) and tick period, for tests. */
    SimulateurEnDirect(LeveesSimulateur simulateur, Producer<String, LeveeBac> producer,
            Instant debutSimule, Instant finSimulee, double vitesse, LongSupplier nanos, Duration periode) {
        Objects.requireNonNull(simulateur, "simulateur");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(debutSimule, "debutSimule");
        Objects.requireNonNull(finSimulee, "finSimulee");
        String topic = Topics.DECHETS_LEVEES.name();
        rejeu = new RejeuEnDirect<>("simulateur-levees", simulateur.iterateur(debutSimule, finSimulee), LeveeBac::instant,
                (levee, rappel) -> producer.send(new ProducerRecord<>(topic, null, levee.instant().toEpochMilli(),
                        levee.idBac(), levee), rappel),
                producer::flush, debutSimule, finSimulee, vitesse, nanos, periode);
    }

    /**
     * Starts the simulated clock and the sending thread.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        rejeu.start();
    }

    /** Starts the simulated clock without a thread; {@link #start()} calls it, tests call it alone. */
    void demarrerHorloge() {
        rejeu.demarrerHorloge();
    }

    /** Current simulated time: the start instant before {@link #start()}, frozen once stopped. */
    public Instant horloge() {
        return rejeu.horloge();
    }

    /** Lifts handed to the producer so far. */
    public long envoyes() {
        return rejeu.envoyes();
    }

    /** Lifts the producer failed to deliver so far. */
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

    /**
     * Sends every lift due at the current simulated time.
     *
     * @return how many lifts were handed to the producer
     */
    int tick() {
        return rejeu.tick();
    }

    static boolean estFatale(Throwable e) {
        return RejeuEnDirect.estFatale(e);
    }

    /** Stops sending within about a second and flushes the producer (which stays open). */
    @Override
    public void close() {
        rejeu.close();
    }
}
