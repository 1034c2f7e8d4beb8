package fr.croisements.streams;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.ParcStationnement;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.geo.IrisLocator;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.ReferencesParkings;
import fr.croisements.streams.parking.OccupationHoraireTopology;
import fr.croisements.streams.parking.PlacesParHabitantTopology;
import fr.croisements.events.Indicateurs;
import fr.croisements.streams.insee.ChiffresInseeTopology;
import fr.croisements.streams.insee.FragiliteIsolementTopology;
import fr.croisements.streams.lora.ChaleurTopology;
import fr.croisements.streams.lora.CouvertureTopology;
import fr.croisements.streams.lora.SanteCapteursTopology;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.streams.query.LocalCapteursQueries;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.streams.query.LocalIndicateursQueries;
import fr.croisements.streams.waste.TauxPresentationTopology;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Kafka Streams application: builds the topology for the given territories, starts
 * it, waits until it runs, and closes it.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    /** The source topics of the tasks holding each store, to tell which partitions of a store an instance holds. */
    private final java.util.Map<String, java.util.Set<String>> sourcesDesStores;

    public Pipeline(List<Territoire> territoires, StreamsSettings settings) {
        this(topology(territoires), settings);
    }

    /** An application running {@code topology} (e.g. one indicator declared by a file). */
    public Pipeline(Topology topology, StreamsSettings settings) {
        this.sourcesDesStores = sourcesDesStores(topology.describe());
        this.streams = new KafkaStreams(topology, settings.toProperties());
        streams.setStateListener((nouvel, ancien) -> {
            log.info("Kafka Streams state {} -> {}", ancien, nouvel);
            if (nouvel == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        // A failing record is routed to the rejects topic before it can throw; an exception that
        // still escapes is a bug or a broker problem: replace the thread, which resumes from the
        // last committed transaction (exactly-once), instead of stopping the whole map.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed, replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Every crossing in one topology, sharing the reference tables and the zone locator. */
    public static Topology topology(List<Territoire> territoires) {
        var communes = territoires.stream().flatMap(t -> t.communes().stream()).toList();
        var locator = new CommuneLocator(communes);
        return Entrees.topologie(locator, IrisLocator.de(territoires), croisements(locator));
    }

    /** The crossings built into Croisements, in the order they enter the topology. */
    public static List<Croisement> croisements(CommuneLocator locator) {
        return List.of(
                new TauxPresentationTopology(locator),
                new FragiliteIsolementTopology(),
                new ChaleurTopology(locator, Indicateurs.EXPOSITION_CHALEUR_75_PLUS, Indicateurs.SEUIL_CHALEUR),
                new CouvertureTopology(locator, Indicateurs.COUVERTURE_LORA),
                new SanteCapteursTopology(),
                new PlacesParHabitantTopology(),
                new OccupationHoraireTopology(),
                new ChiffresInseeTopology(),
                new fr.croisements.streams.stationnement.StationnementTopology());
    }

    public Pipeline start() {
        streams.start();
        return this;
    }

    /**
     * Blocks until the application runs: a condition, not a race with the clock. A busy machine may take
     * minutes to rebalance; every {@code rappel} the wait is logged with the state, and it fails at once
     * when Kafka Streams stops ({@code ERROR}, {@code NOT_RUNNING}), or after {@code limite}, a bound
     * for a cluster that never answers, far above any start seen.
     */
    public Pipeline attendreEnMarche(Duration rappel, Duration limite) throws InterruptedException {
        long debut = System.nanoTime();
        while (!running.await(rappel.toMillis(), TimeUnit.MILLISECONDS)) {
            KafkaStreams.State etat = streams.state();
            if (etat == KafkaStreams.State.ERROR || etat == KafkaStreams.State.NOT_RUNNING
                    || etat == KafkaStreams.State.PENDING_ERROR) {
                throw new IllegalStateException("Kafka Streams stopped while starting: " + etat);
            }
            Duration attendu = Duration.ofNanos(System.nanoTime() - debut);
            if (attendu.compareTo(limite) >= 0) {
                throw new IllegalStateException("Kafka Streams not running after " + limite + ": " + etat);
            }
            log.info("Kafka Streams still {} after {} s: waiting for it to run (stores not yet queryable)", etat,
                    attendu.toSeconds());
        }
        return this;
    }

    /** Blocks until the application runs, or fails after {@code timeout}. */
    public Pipeline awaitRunning(Duration timeout) throws InterruptedException {
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Kafka Streams not running after " + timeout + ": " + streams.state());
        }
        return this;
    }

    /** The cells of the built-in indicators, in this application's stores (active tasks). */
    public IndicateursQueries queries() {
        return queries(false);
    }

    /** The same, with the standby replicas this instance holds when {@code secours}. */
    public IndicateursQueries queries(boolean secours) {
        var locales = new LocalIndicateursQueries(streams);
        return secours ? locales.avecSecours() : locales;
    }

    /**
     * The cells of every indicator of {@code registre}: the built-in ones in this application's
     * stores, each file indicator in the stores of its own application ({@code fichiers}).
     */
    public IndicateursQueries queries(fr.croisements.events.RegistreIndicateurs registre,
            java.util.function.Function<String, java.util.Optional<Pipeline>> fichiers) {
        return new LocalIndicateursQueries(registre, id -> fichiers.apply(id).map(p -> p.streams).orElse(streams));
    }

    public CapteursQueries capteurs() {
        return new LocalCapteursQueries(streams);
    }

    /**
     * The car parks known to this instance (the {@code ref-parkings} table, whatever published them);
     * empty while the store cannot be read.
     */
    public List<ParcStationnement> parkings() {
        return parkings(false);
    }

    /** This instance's car parks, standby replicas included when {@code secours}; empty while unreadable. */
    public List<ParcStationnement> parkings(boolean secours) {
        var parcs = new java.util.ArrayList<ParcStationnement>();
        var parametres = org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(ReferencesParkings.STORE,
                org.apache.kafka.streams.state.QueryableStoreTypes.<String, ParcStationnement>keyValueStore());
        try (var it = streams.store(secours ? parametres.enableStaleStores() : parametres).all()) {
            it.forEachRemaining(kv -> parcs.add(kv.value));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            log.debug("Car-park store not readable yet: {}", e.getMessage());
        }
        return parcs;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * The cells of every indicator of {@code registre}, whichever instance of the application holds
     * them (scatter-gather over the instances' internal API, standby replicas as fallback).
     *
     * @param moi this instance's {@code application.server}
     */
    public IndicateursQueries queriesRoutees(fr.croisements.events.RegistreIndicateurs registre,
            java.util.function.Function<String, java.util.Optional<Pipeline>> fichiers,
            org.apache.kafka.streams.state.HostInfo moi) {
        var locales = new LocalIndicateursQueries(registre, id -> fichiers.apply(id).map(p -> p.streams).orElse(streams));
        return new fr.croisements.streams.query.RoutedIndicateursQueries(locales, registre,
                id -> fichiers.apply(id).orElse(this).instances(moi));
    }

    /** The devices and gateways, whichever instance holds them. */
    public CapteursQueries capteursRoutes(org.apache.kafka.streams.state.HostInfo moi) {
        return new fr.croisements.streams.query.RoutedCapteursQueries(new LocalCapteursQueries(streams),
                new LocalCapteursQueries(streams, true), instances(moi));
    }

    /** The other instances of this application. */
    public fr.croisements.streams.query.Instances instances(org.apache.kafka.streams.state.HostInfo moi) {
        return new fr.croisements.streams.query.Instances(streams::metadataForAllStreamsClients, moi,
                store -> sourcesDesStores.getOrDefault(store, java.util.Set.of()));
    }

    /** The source topics of the sub-topology holding each store (global stores left out). */
    static java.util.Map<String, java.util.Set<String>> sourcesDesStores(org.apache.kafka.streams.TopologyDescription d) {
        var parStore = new java.util.HashMap<String, java.util.Set<String>>();
        for (var sousTopologie : d.subtopologies()) {
            var topics = new java.util.HashSet<String>();
            var stores = new java.util.HashSet<String>();
            for (var noeud : sousTopologie.nodes()) {
                if (noeud instanceof org.apache.kafka.streams.TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
                if (noeud instanceof org.apache.kafka.streams.TopologyDescription.Processor processeur) {
                    stores.addAll(processeur.stores());
                }
            }
            stores.forEach(store -> parStore.computeIfAbsent(store, s -> new java.util.HashSet<>()).addAll(topics));
        }
        return parStore;
    }

    /** This instance's devices and gateways, standby replicas included when {@code secours}. */
    public CapteursQueries capteursLocaux(boolean secours) {
        return new LocalCapteursQueries(streams, secours);
    }

    /** Closes, then deletes this application's local state (an indicator file removed or replaced). */
    public void fermerEtEffacer() {
        close();
        try {
            streams.cleanUp();
        } catch (IllegalStateException e) {
            log.warn("Local state of a closed application not deleted: {}", e.getMessage());
        }
    }

    /** Binds Kafka Streams' metrics (and its clients') to {@code registre}, for {@code /metriques}. */
    public void metriques(io.micrometer.core.instrument.MeterRegistry registre) {
        new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(registre);
    }

    /**
     * Why the application cannot answer queries now, in French, or empty when it runs and its
     * stores can be read.
     */
    public java.util.Optional<String> pasPret() {
        KafkaStreams.State etat = streams.state();
        if (etat != KafkaStreams.State.RUNNING) {
            return java.util.Optional.of("Kafka Streams n'est pas en marche (état " + etat + ")");
        }
        try {
            // no zone: only whether the store can be read
            queries().dernieres(fr.croisements.events.Indicateurs.TOUS.get(0).id(), java.util.List.of());
            return java.util.Optional.empty();
        } catch (fr.croisements.streams.query.StoreIndisponibleException e) {
            return java.util.Optional.of("les états de Kafka Streams ne peuvent pas encore être lus");
        }
    }

    /** Closes within {@link #ARRET}, and says whether it did. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        // leave the group: a restarted instance then gets its partitions at once instead of waiting
        // for the session of this one to time out (45 s)
        boolean ferme = streams.close(CloseOptions.timeout(ARRET)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ferme) {
            log.info("Kafka Streams closed in {} ms", ms);
        } else {
            log.warn("Kafka Streams not closed within {} ({} ms, state {}): its threads may still release the state "
                    + "directory", ARRET, ms, streams.state());
        }
    }

    /** How long {@link #close()} waits for the stream threads. */
    static final Duration ARRET = Duration.ofSeconds(5);
}
