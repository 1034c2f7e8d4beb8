package fr.croisements.ingest;

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
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Callback;
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
 * Plays time-stamped simulated elements in accelerated time: the engine behind the live simulators
 * ({@code waste.SimulateurEnDirect}, {@code lora.LoraEnDirect}).
 *
 * <p>Simulated time starts at {@code debutSimule} when {@link #start()} is called and advances
 * {@code vitesse} simulated seconds per real second, stopping at {@code finSimulee}. Every
 * {@code periode} of real time, one scheduler thread hands every element whose instant is at or
 * before the simulated now to {@link Envoi#envoyer}, in the iterator's order (which must be
 * time-ordered).
 *
 * <p>Failures reported to the {@link Callback} are logged and counted ({@link #echecs()}). A fatal
 * one ({@link #estFatale}: authentication, authorisation, unknown topic, fenced producer...), or a
 * runtime exception thrown by {@code envoyer} other than a {@link SerializationException}, stops
 * the replay; {@link #erreur()} then tells why. {@link #close()} stops the thread within about a
 * second and runs {@code vider} (flush the producers, which stay open: their owner closes them).
 *
 * <p>Thread-safe: {@link #horloge()} may be read from any thread (the map shows it).
 *
 * @param <T> the simulated elements, e.g. a {@code LeveeBac} or a network-server JSON message
 */
public final class RejeuEnDirect<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RejeuEnDirect.class);

    /** Real time between two sends. */
    public static final Duration PERIODE = Duration.ofMillis(200);
    private static final int ECHECS_DETAILLES = 10;

    /** Hands one element to the producer(s), reporting each asynchronous result to {@code rappel}. */
    @FunctionalInterface
    public interface Envoi<T> {
        void envoyer(T element, Callback rappel);
    }

    private final String nom;
    private final Iterator<T> elements;
    private final Function<T, Instant> instant;
    private final Envoi<T> envoi;
    private final Runnable vider;
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
    /** The next element, already pulled from the iterator but not yet due. Guarded by verrouEnvoi. */
    private T enAttente;

    /**
     * @param nom the name of the sending thread and of the log lines, e.g. {@code simulateur-levees}
     * @param elements the elements to play, time-ordered
     * @param instant the simulated instant of an element
     * @param envoi hands an element to the producer(s)
     * @param vider flushes the producer(s), on {@link #close()} when no fatal error occurred
     * @param debutSimule simulated time at start
     * @param finSimulee simulated time where the clock stops (exclusive), or {@link Instant#MAX}
     * @param vitesse simulated seconds per real second, &gt; 0
     * @param nanos a monotonic clock in real nanoseconds ({@code System::nanoTime}, or a fake in tests)
     * @param periode real time between two sends
     */
    public RejeuEnDirect(String nom, Iterator<T> elements, Function<T, Instant> instant, Envoi<T> envoi,
            Runnable vider, Instant debutSimule, Instant finSimulee, double vitesse, LongSupplier nanos,
            Duration periode) {
        this.nom = Objects.requireNonNull(nom, "nom");
        this.elements = Objects.requireNonNull(elements, "elements");
        this.instant = Objects.requireNonNull(instant, "instant");
        this.envoi = Objects.requireNonNull(envoi, "envoi");
        this.vider = Objects.requireNonNull(vider, "vider");
        this.debutSimule = Objects.requireNonNull(debutSimule, "debutSimule");
        this.finSimulee = Objects.requireNonNull(finSimulee, "finSimulee");
        if (!(vitesse > 0) || Double.isInfinite(vitesse)) {
            throw new IllegalArgumentException("Speed must be a positive number: " + vitesse);
        }
        this.vitesse = vitesse;
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.periode = Objects.requireNonNull(periode, "periode");
    }

    /**
     * Starts the simulated clock and the sending thread.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (demarre || arrete) {
            throw new IllegalStateException("Live replay " + nom + " already started or closed");
        }
        demarrerHorloge();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, nom);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickProtege, periode.toNanos(), periode.toNanos(), TimeUnit.NANOSECONDS);
        log.info("Live replay {} started at simulated {} (x{})", nom, debutSimule, vitesse);
    }

    /** Starts the simulated clock without a thread; {@link #start()} calls it, tests call it alone. */
    public void demarrerHorloge() {
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

    /** Elements handed to the producer(s) so far. */
    public long envoyes() {
        return envoyes.get();
    }

    /** Records the producer(s) failed to deliver so far. */
    public long echecs() {
        return echecs.get();
    }

    /** The fatal error that stopped the replay, if any. */
    public Optional<Throwable> erreur() {
        return Optional.ofNullable(erreur.get());
    }

    /** Whether the replay is started and neither closed nor stopped by a fatal error. */
    public boolean actif() {
        return demarre && !arrete;
    }

    /**
     * Sends every element due at the current simulated time, on the caller's thread.
     *
     * @return how many elements were handed to the producer(s)
     */
    public int tick() {
        Instant maintenant = horloge();
        int n = 0;
        synchronized (verrouEnvoi) {
            while (!arrete) {
                if (enAttente == null) {
                    if (!elements.hasNext()) {
                        break;
                    }
                    enAttente = elements.next();
                }
                if (instant.apply(enAttente).isAfter(maintenant)) {
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

    /** Hands one element to {@link Envoi}; false when it was refused. */
    private boolean envoyer(T element) {
        try {
            envoi.envoyer(element, (metadata, exception) -> {
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
            log.warn("Live replay {}: failed to send a simulated record ({} failures so far)", nom, total, e);
        } else if (total % 1000 == 0) {
            log.warn("Live replay {}: {} failed sends so far, last: {}", nom, total, e.toString());
        }
    }

    /** Whether a producer error means that no later send can succeed. */
    public static boolean estFatale(Throwable e) {
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
            log.error("Live replay {} stopped on a fatal producer error at simulated {}", nom, horloge(), e);
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

    /** Stops sending within about a second and flushes the producer(s), which stay open. */
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
            vider.run();
        }
        log.info("Live replay {} stopped at simulated {}: {} sent, {} failed", nom, horloge(), envoyes(), echecs());
    }
}
