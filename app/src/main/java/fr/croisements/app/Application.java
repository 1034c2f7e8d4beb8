package fr.croisements.app;

import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Parkings;
import fr.croisements.events.Rejet;
import fr.croisements.datasets.catalogue.ConstructeurCatalogue;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.events.Topic;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Topics;
import fr.croisements.ingest.insee.ReferencesInseeAdapter;
import fr.croisements.app.webhook.LoraWebhookRoutes;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.lora.DecodeurRegistre;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.ingest.lora.LoraEnDirect;
import fr.croisements.ingest.lora.LoraSimulateur;
import fr.croisements.ingest.lora.Scenario;
import fr.croisements.ingest.parking.OccupationSimulateur;
import fr.croisements.ingest.parking.ParkingsAdapter;
import fr.croisements.ingest.parking.ScenarioStationnement;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import fr.croisements.ingest.waste.SimulateurEnDirect;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.fichiers.DossierIndicateurs;
import fr.croisements.streams.fichiers.LecteurIndicateur;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.ReferencesParkings;
import fr.croisements.streams.query.Instances;
import fr.croisements.streams.query.LocalIndicateursQueries;
import fr.croisements.viz.interne.InterneRoutes;
import fr.croisements.viz.sante.SanteRoutes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.state.HostInfo;
import fr.croisements.viz.VizServer;
import fr.croisements.viz.live.IndicateursEnDirect;
import fr.croisements.viz.live.LiveFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the pipeline against a Kafka cluster: topics, INSEE references,
 * Kafka Streams, the web server with its live feed, and optionally the bin-lift simulator.
 * Shared by {@code demo} (embedded broker) and {@code run} (existing cluster). Closing stops the
 * parts in the reverse order of their start.
 */
final class Application implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Application.class);

    /**
     * @param bootstrapServers the Kafka cluster
     * @param port HTTP port of the map (0: any free port)
     * @param etat directory of the Kafka Streams state
     * @param partitions of the topics created if missing
     * @param replication of the topics created if missing, and of Kafka Streams' internal topics
     * @param simulation the simulator to start, or {@code null}
     * @param indicateurs the folder of indicator files to run and follow, or {@code null}
     * @param adressePublique {@code host:port} at which the other instances reach this one's web server
     *     ({@code application.server}); {@code null}: {@code localhost} and the port served
     * @param repliquesSecours standby replicas of each store on other instances ({@code num.standby.replicas})
     * @param applicationId shared by the instances that split the work
     * @param threads stream threads of this instance
     */
    record Options(String bootstrapServers, int port, Path etat, int partitions, short replication,
            Simulation simulation, Path indicateurs, String adressePublique, int repliquesSecours, String applicationId,
            int threads) {

        /** The application id of the project, one stream thread. */
        Options(String bootstrapServers, int port, Path etat, int partitions, short replication, Simulation simulation,
                Path indicateurs, String adressePublique, int repliquesSecours) {
            this(bootstrapServers, port, etat, partitions, replication, simulation, indicateurs, adressePublique,
                    repliquesSecours, StreamsSettings.APPLICATION_ID, 1);
        }

        /** Without indicator files. */
        Options(String bootstrapServers, int port, Path etat, int partitions, short replication, Simulation simulation) {
            this(bootstrapServers, port, etat, partitions, replication, simulation, null);
        }

        /** One instance on this machine, without standby replica. */
        Options(String bootstrapServers, int port, Path etat, int partitions, short replication, Simulation simulation,
                Path indicateurs) {
            this(bootstrapServers, port, etat, partitions, replication, simulation, indicateurs, null, 0);
        }
    }

    /**
     * The simulators of the demo, on one simulated clock.
     *
     * @param territoire whose bins are simulated
     * @param territoireCapteurs where the LoRaWAN sensor fleet is simulated
     * @param graine seed of the simulators
     * @param debut simulated time of the first event, used when the topics are empty
     * @param vitesse simulated seconds per real second
     * @param pseudonymiseur pseudonymises the simulated chip ids
     * @param scenario weather of the sensors (normal, or a heat wave)
     * @param parkings scenario of the car parks (none, market day, festival)
     */
    record Simulation(Territoire territoire, Territoire territoireCapteurs, long graine, Instant debut, double vitesse,
            Pseudonymiseur pseudonymiseur, Scenario scenario, ScenarioStationnement parkings) {}

    private final Deque<AutoCloseable> aFermer = new ArrayDeque<>();
    private Pipeline pipeline;
    private final RegistreIndicateurs registre = RegistreIndicateurs.integres();
    private DossierIndicateurs fichiers;
    /** The car parks known to the cluster, whichever instance holds them. */
    private java.util.function.Supplier<List<ParcStationnement>> parkingsRoutes = List::of;
    private static final com.fasterxml.jackson.core.type.TypeReference<List<ParcStationnement>> PARKINGS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};
    private int port;
    private VizServer viz;
    private SimulateurEnDirect simulateur;
    /** Whether Antony is among the territories: its simulated parking sensors then play in the demo. */
    private boolean antony;

    static Application demarrer(List<Territoire> territoires, Options options) throws InterruptedException {
        var application = new Application();
        try {
            application.lancer(territoires, options);
            return application;
        } catch (RuntimeException | InterruptedException e) {
            application.close();
            throw e;
        }
    }

    /**
     * Only the simulators, publishing to a cluster where {@code run} instances compute and show the
     * indicators ({@code croisements simuler}).
     */
    static Application simulateursSeuls(String bootstrap, Simulation simulation) {
        var application = new Application();
        try {
            application.demarrerSimulation(bootstrap, simulation);
            return application;
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
    }

    private void lancer(List<Territoire> territoires, Options options) throws InterruptedException {
        antony = territoires.stream().flatMap(t -> t.communes().stream()).anyMatch(c -> "92002".equals(c.codeInsee()));
        String bootstrap = options.bootstrapServers();
        TopicsAdmin.creer(bootstrap, Topics.TOUS, options.partitions(), options.replication());
        try (var producer = KafkaClients.producer(bootstrap, Topics.REF_INSEE_COMMUNES, "croisements-references")) {
            new ReferencesInseeAdapter(producer).publier(territoires);
        }
        if (options.simulation() != null) {
            // before Kafka Streams starts, no wait: the car-park table reads its records at timestamp 0 and Kafka
            // Streams processes what is already on the broker in timestamp order, so no observation comes first
            publierParkings(bootstrap);
        }

        // the web server's port is known before Kafka Streams starts: its metadata carries it to the other instances
        int portServi = options.port() > 0 ? options.port() : PortLibre.trouver();
        String adresse = options.adressePublique() != null ? options.adressePublique() : "localhost:" + portServi;
        HostInfo moi = HostInfo.buildFromEndpoint(adresse);
        var reglages = new StreamsSettings(bootstrap, options.applicationId(), options.etat(), options.replication(),
                adresse, options.repliquesSecours(), options.threads());
        pipeline = new Pipeline(territoires, reglages);
        aFermer.push(pipeline);
        pipeline.start();

        var liveFeed = new LiveFeed();
        var enDirect = new IndicateursEnDirect(bootstrap, registre.tous().stream().map(d -> d.topic()).toList(), liveFeed);
        aFermer.push(enDirect);
        registre.quandDeclare(d -> enDirect.suivre(d.topic()));
        if (options.indicateurs() != null) {
            fichiers = new DossierIndicateurs(options.indicateurs(), LecteurIndicateur.pour(territoires), registre, reglages,
                    new CommuneLocator(territoires.stream().flatMap(t -> t.communes().stream()).toList()),
                    topic -> TopicsAdmin.creer(bootstrap, List.of(new Topic<>(topic, Topics.REJETS.keySerde(),
                            JsonSerde.of(Indicateur.class), false)), options.partitions(), options.replication()),
                    Duration.ofSeconds(2));
            aFermer.push(fichiers);
            fichiers.demarrer();
            log.info("Indicator files read from {} and followed while running", options.indicateurs().toAbsolutePath());
        }
        var simulation = options.simulation();
        var catalogue = new ConstructeurCatalogue.Options("http://localhost:" + options.port(), bootstrap,
                simulation != null, simulation == null ? null : simulation.territoire().id(),
                simulation == null ? null : LocalDate.ofInstant(simulation.debut(), ZoneOffset.UTC),
                LocalDate.now(ZoneOffset.UTC));
        var locales = (LocalIndicateursQueries) pipeline.queries(registre, this::applicationDuFichier);
        parkingsRoutes = () -> Instances.uniques(pipeline.instances(moi).rassembler(ReferencesParkings.STORE,
                "/interne/parkings", () -> pipeline.parkings(false), () -> pipeline.parkings(true), PARKINGS),
                ParcStationnement::id);
        viz = new VizServer(pipeline.queriesRoutees(registre, this::applicationDuFichier, moi), territoires, liveFeed,
                        this::horloge, catalogue)
                .avecIndicateurs(registre, () -> fichiers == null ? List.of() : fichiers.etats())
                .avecCapteurs(pipeline.capteursRoutes(moi))
                .avecParkings(parkingsRoutes)
                .avecInterne(new InterneRoutes.Stores(locales, locales.avecSecours(), pipeline.capteursLocaux(false),
                        pipeline.capteursLocaux(true), () -> pipeline.parkings(false), () -> pipeline.parkings(true)))
                .avecRoutes(webhooks(bootstrap))
                .avecRoutes(new SanteRoutes(metriques(liveFeed), pipeline::pasPret));
        // the map answers at once (« chargement » and /pret 503 until the stores can be read), layers fill in after
        port = viz.start(portServi);
        aFermer.push(viz::stop);
        enDirect.start();
        // a condition, not a race with the clock: a loaded machine may take minutes to rebalance
        pipeline.attendreEnMarche(Duration.ofSeconds(30), Duration.ofMinutes(10));

        if (options.simulation() != null) {
            demarrerSimulation(bootstrap, options.simulation());
        }
    }

    private void demarrerSimulation(String bootstrap, Simulation simulation) {
        KafkaProducer<String, LeveeBac> producer = KafkaClients.producer(bootstrap, Topics.DECHETS_LEVEES, "croisements-simulateur");
        aFermer.push(producer);
        Instant reprise = DerniereLevee.apres(bootstrap).orElse(simulation.debut());
        if (!reprise.equals(simulation.debut())) {
            log.info("Resuming the simulation after the latest lift already published: {}", reprise);
        }
        var levees = new LeveesSimulateur(simulation.territoire(), simulation.graine(), simulation.pseudonymiseur());
        if (reprise.equals(simulation.debut())) {
            historique(levees, producer, simulation.debut());
        }
        // the simulation stops at the present: the broker refuses timestamps over an hour ahead
        Instant fin = Instant.now();
        simulateur = new SimulateurEnDirect(levees, producer, reprise, fin, simulation.vitesse());
        simulateur.start();
        aFermer.push(simulateur);

        var uplinks = KafkaClients.producer(bootstrap, Topics.LORA_UPLINKS, "croisements-simulateur-lora");
        var statuts = KafkaClients.producer(bootstrap, Topics.LORA_STATUTS, "croisements-simulateur-lora-statuts");
        var rejets = KafkaClients.producer(bootstrap, Topics.REJETS, "croisements-simulateur-lora-rejets");
        aFermer.push(uplinks);
        aFermer.push(statuts);
        aFermer.push(rejets);
        // the sensors were put in service when the simulation began, so their battery and restarts play out in the demo
        var flotte = new LoraSimulateur(simulation.territoireCapteurs(), simulation.graine(), simulation.scenario(),
                simulation.debut());
        var capteurs = new LoraEnDirect(flotte, uplinks, statuts, rejets, reprise, fin, simulation.vitesse());
        capteurs.start();
        aFermer.push(capteurs);
        if (antony) {
            demarrerStationnementAntony(simulation, uplinks, statuts, rejets, reprise, fin);
        }
        demarrerParkings(bootstrap, simulation, reprise, fin);
    }

    /**
     * Antony's per-space parking sensors (« simulé », scenario « jour de marché »), put in service when the
     * simulation began, through the same TTS adapter and producers as the Grand Poitiers fleet.
     */
    private void demarrerStationnementAntony(Simulation simulation, KafkaProducer<String, fr.croisements.events.LoraUplink> uplinks,
            KafkaProducer<String, fr.croisements.events.LoraStatut> statuts, KafkaProducer<String, Rejet> rejets, Instant reprise,
            Instant fin) {
        var flotte = new fr.croisements.ingest.stationnement.StationnementSimulateur(simulation.graine(),
                new fr.croisements.ingest.stationnement.ScenarioVoirie(fr.croisements.ingest.stationnement.ScenarioVoirie.MARCHE));
        var messages = new java.util.ArrayDeque<fr.croisements.ingest.lora.MessageSimule>(1);
        var tous = flotte.iterateur(simulation.debut(), fin);
        var apresReprise = new java.util.Iterator<fr.croisements.ingest.lora.MessageSimule>() {
            // a resumed demo sends only what follows the latest lift already published
            @Override
            public boolean hasNext() {
                while (messages.isEmpty() && tous.hasNext()) {
                    var m = tous.next();
                    if (!m.instant().isBefore(reprise)) {
                        messages.add(m);
                    }
                }
                return !messages.isEmpty();
            }

            @Override
            public fr.croisements.ingest.lora.MessageSimule next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return messages.poll();
            }
        };
        var places = new LoraEnDirect(flotte.appareils(), apresReprise, "simulateur-stationnement", uplinks, statuts, rejets,
                reprise, fin, simulation.vitesse());
        places.start();
        aFermer.push(places);
    }

    /**
     * The car parks of Poitiers and La Rochelle and their simulated occupancy. They come from the car-park
     * packs shipped in the jar (generated from the official schema-stationnement files by
     * {@code croisements import --parkings}), so a fresh clone shows them; a user's own file goes through
     * {@code croisements ingest stationnement FICHIER}.
     */
    private void demarrerParkings(String bootstrap, Simulation simulation, Instant reprise, Instant fin) {
        if (pipeline == null) {
            // the simulators alone (`simuler`): the instances computing the crossings read the car parks from the topic
            publierParkings(bootstrap);
        }
        var occupation = KafkaClients.producer(bootstrap, Topics.STATIONNEMENT_OCCUPATION, "croisements-simulateur-parkings");
        aFermer.push(occupation);
        var simulateur = OccupationSimulateur.poitiersEtLaRochelle(simulation.graine(), simulation.parkings());
        var rejeu = simulateur.enDirect(occupation, reprise, fin, simulation.vitesse());
        rejeu.start();
        aFermer.push(rejeu);
    }

    /** The car parks of the packs shipped in the jar, to {@code ref-parkings} (a malformed one to {@code rejets}). */
    private static void publierParkings(String bootstrap) {
        try (var parcs = KafkaClients.producer(bootstrap, Topics.REF_PARKINGS, "croisements-parkings");
                var rejets = KafkaClients.producer(bootstrap, Topics.REJETS, "croisements-parkings-rejets")) {
            new ParkingsAdapter().publier("packs de parkings livrés", Parkings.livres(), parcs, rejets);
        }
    }

    /** The TTS and ChirpStack webhooks, enabled by CROISEMENTS_JETON_WEBHOOK, publishing through their own producers. */
    private LoraWebhookRoutes webhooks(String bootstrap) {
        var uplinks = KafkaClients.producer(bootstrap, Topics.LORA_UPLINKS, "croisements-webhook-uplinks");
        var statuts = KafkaClients.producer(bootstrap, Topics.LORA_STATUTS, "croisements-webhook-statuts");
        var rejets = KafkaClients.producer(bootstrap, Topics.REJETS, "croisements-webhook-rejets");
        aFermer.push(uplinks);
        aFermer.push(statuts);
        aFermer.push(rejets);
        var registre = DecodeurRegistre.standard();
        return LoraWebhookRoutes.depuisEnvironnement(LoraAdapter.pour("tts", registre, Appareils.aucun()),
                LoraAdapter.pour("chirpstack", registre, Appareils.aucun()), uplinks, statuts, rejets);
    }

    /**
     * On a first start, the week before the simulated clock is published at once, so that every
     * commune is coloured within seconds instead of after its collection day; the live simulation
     * then carries on from the clock.
     */
    private static void historique(LeveesSimulateur levees, KafkaProducer<String, LeveeBac> producer, Instant debut) {
        var semaine = levees.periode(debut.minus(Duration.ofDays(7)), debut).toList();
        for (LeveeBac l : semaine) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null,
                    l.instant().toEpochMilli(), l.idBac(), l));
        }
        producer.flush();
        log.info("Published the simulated week before the clock: {} lifts", semaine.size());
    }

    /** The meters of the instance: Kafka Streams and its clients, the JVM, the live clients. */
    private PrometheusMeterRegistry metriques(LiveFeed liveFeed) {
        var registre = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registre.config().commonTags("application", StreamsSettings.APPLICATION_ID);
        pipeline.metriques(registre);
        new JvmMemoryMetrics().bindTo(registre);
        var ramassage = new JvmGcMetrics();
        ramassage.bindTo(registre);
        aFermer.push(ramassage);
        new JvmThreadMetrics().bindTo(registre);
        new ProcessorMetrics().bindTo(registre);
        Gauge.builder("direct_clients", liveFeed, LiveFeed::nombreAbonnes)
                .description("Pages ouvertes qui reçoivent les mises à jour en direct").register(registre);
        Gauge.builder("indicateurs_fichiers", registre, r -> registre().idsDeclaresParFichier().size())
                .description("Indicateurs déclarés par fichier et en marche").register(registre);
        return registre;
    }

    /** The application running an indicator declared by a file, if it is one. */
    private java.util.Optional<Pipeline> applicationDuFichier(String id) {
        return fichiers == null ? java.util.Optional.empty() : fichiers.pipeline(id);
    }

    /** The indicators computed now: built-in, then declared by files. */
    RegistreIndicateurs registre() {
        return registre;
    }

    /** The simulated time, or {@code null} without simulator. */
    Instant horloge() {
        return simulateur == null ? null : simulateur.horloge();
    }

    int port() {
        return port;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /** Stops the web server only, its streams still running: the other instances no longer reach it (tests). */
    void arreterCarte() {
        viz.stop();
    }

    @Override
    public void close() {
        while (!aFermer.isEmpty()) {
            try {
                aFermer.pop().close();
            } catch (Exception e) {
                log.warn("Error while stopping a part of the application", e);
            }
        }
    }
}
