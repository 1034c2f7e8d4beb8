package fr.croisements.ingest.waste;

import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Thread-safe: {@link #horloge()} may be read from any thread (the map shows it).
 */
public final class SimulateurEnDirect implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulateurEnDirect.class);

    /** One simulated week every 10 real seconds. */
    public static final double VITESSE_PAR_DEFAUT = 60_480;
    /** Real time between two sends. */
    public static final Duration PERIODE = Duration.ofMillis(200);
    private static final int ECHECS_DETAILLES = 10;

    private final Iterator<LeveeBac> levees;
    private final Producer<String, LeveeBac> producer;
    private final String topic;
    private final Instant debutSimule;
    private final Instant finSimulee;
    private final double vitesse;
    private final LongSupplier nanos;
    private final Duration periode;
    private final AtomicLong envoyes = new AtomicLong();
    private final AtomicLong echecs = new AtomicLong();
    private final AtomicReference<Throwable> erreur = new AtomicReference<>();
    private final Object verrouEnvoi = new Object();

    private volatile boolean arrete;
    private volatile long nanosAuDemarrage;
    private volatile boolean demarre;
    private volatile Instant horlogeFigee;
    private ScheduledExecutorService executor;
    /** The next lift, already pulled from the iterator but not yet due. Guarded by verrouEnvoi. */
    private LeveeBac enAttente;

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
        this.finSimulee = Objects.requireNonNull(finSimulee, "finSimulee");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.debutSimule = Objects.requireNonNull(debutSimule, "debutSimule");
        if (!(vitesse > 0) || Double.isInfinite(vitesse)) {
            throw new IllegalArgumentException("Speed must be a positive number: " + vitesse);
        }
        this.vitesse = vitesse;
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.periode = Objects.requireNonNull(periode, "periode");
        this.topic = Topics.DECHETS_LEVEES.name();
        this.levees = simulateur.iterateur(debutSimule, finSimulee);
    }

    /**
     * Starts the simulated clock and the sending thread.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (demarre || arrete) {
            throw new IllegalStateException("Live simulator already started or closed");
        }
        demarrerHorloge();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "simulateur-levees");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickProtege, periode.toNanos(), periode.toNanos(), TimeUnit.NANOSECONDS);
        log.info("Live simulator started at simulated {} (x{}) to {}", debutSimule, vitesse, topic);
    }

    /** Starts the simulated clock without a thread; {@link #start()} calls it, tests call it alone. */
    void demarrerHorloge() {
        nanosAuDemarrage = nanos.getAsLong();
        demarre = true;
    }

    /** Current simulated time: the start instant before {@link #start()}, frozen once stopped. */
    public Instant horloge() {
        Instant figee = horlogeFigee;
        if (figee != null) {
            return figee;
        }
        if (!demarre) {
            return debutSimule;
        }
        double secondes = (nanos.getAsLong() - nanosAuDemarrage) / 1e9 * vitesse;
        long entieres = (long) Math.floor(secondes);
        Instant maintenant = debutSimule.plusSeconds(entieres).plusNanos((long) ((secondes - entieres) * 1e9));
        return maintenant.isAfter(finSimulee) ? finSimulee : maintenant;
    }

    /** Lifts handed to the producer so far. */
    public long envoyes() {
        return envoyes.get();
    }

    /** Lifts the producer failed to deliver so far. */
    public long echecs() {
        return echecs.get();
    }

    /** The fatal error that stopped the simulator, if any. */
    public Optional<Throwable> erreur() {
        return Optional.ofNullable(erreur.get());
    }

    /** Whether the simulator is started and neither closed nor stopped by a fatal error. */
    public boolean actif() {
        return demarre && !arrete;
    }

    /**
     * Sends every lift due at the current simulated time.
     *
     * @return how many lifts were handed to the producer
     */
    int tick() {
        Instant maintenant = horloge();
        int n = 0;
        synchronized (verrouEnvoi) {
            while (!arrete) {
                if (enAttente == null) {
                    if (!levees.hasNext()) {
                        break;
                    }
                    enAttente = levees.next();
                }
                if (enAttente.instant().isAfter(maintenant)) {
                    break;
                }
                if (envoyer(enAttente)) {
                    n++;
                }
                enAttente = null;
            }
        }
        return n;
    }

    private void tickProtege() {
        try {
            tick();
        } catch (RuntimeException e) {
            // An uncaught exception would silently cancel the schedule: stop explicitly instead.
            arreterSurErreur(e);
        }
    }

    /** Hands one lift to the producer; false when the producer refused it. */
    private boolean envoyer(LeveeBac levee) {
        var record = new ProducerRecord<>(topic, null, levee.instant().toEpochMilli(), levee.idBac(), levee);
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    echec(exception);
                }
            });
            envoyes.incrementAndGet();
            return true;
        } catch (SerializationException e) {
            echec(e);
        } catch (RuntimeException e) {
            arreterSurErreur(e);
        }
        return false;
    }

    private void echec(Exception e) {
        long total = echecs.incrementAndGet();
        if (estFatale(e)) {
            arreterSurErreur(e);
        } else if (total <= ECHECS_DETAILLES) {
            log.warn("Failed to send a simulated lift to {} ({} failures so far)", topic, total, e);
        } else if (total % 1000 == 0) {
            log.warn("Failed to send simulated lifts to {}: {} failures so far, last: {}", topic, total, e.toString());
        }
    }

    static boolean estFatale(Throwable e) {
        return e instanceof AuthenticationException
                || e instanceof AuthorizationException
                || e instanceof InvalidTopicException
                || e instanceof ProducerFencedException
                || e instanceof OutOfOrderSequenceException
                || e instanceof UnsupportedVersionException
                || e instanceof IllegalStateException;
    }

    private void arreterSurErreur(Throwable e) {
        if (erreur.compareAndSet(null, e)) {
            log.error("Live simulator stopped on a fatal producer error at simulated {}", horloge(), e);
        }
        arreter();
    }

    private void arreter() {
        if (!arrete) {
            horlogeFigee = horloge();
            arrete = true;
        }
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e != null) {
            e.shutdown();
        }
    }

    /** Stops sending within about a second and flushes the producer (which stays open). */
    @Override
    public void close() {
        arreter();
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e != null) {
            try {
                if (!e.awaitTermination(1, TimeUnit.SECONDS)) {
                    e.shutdownNow();
                }
            } catch (InterruptedException ie) {
                e.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (erreur.get() == null) {
            producer.flush();
        }
        log.info("Live simulator stopped at simulated {}: {} lifts sent, {} failed", horloge(), envoyes(), echecs());
    }
}
