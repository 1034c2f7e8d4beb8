package fr.croisements.viz;

import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.viz.indicateurs.Definitions;

import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.catalogue.ConstructeurCatalogue;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.ParcStationnement;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.streams.query.Provenance;
import fr.croisements.streams.query.StoreIndisponibleException;
import fr.croisements.viz.cache.ReponsesPretes;
import fr.croisements.viz.capteurs.CapteursRoutes;
import fr.croisements.viz.catalogue.CatalogueRoutes;
import fr.croisements.viz.exports.ExportsRoutes;
import fr.croisements.viz.indicateurs.IndicateursRoutes;
import fr.croisements.viz.live.DirectRoutes;
import fr.croisements.viz.live.LiveFeed;
import fr.croisements.viz.parkings.ParkingsRoutes;
import fr.croisements.viz.territoires.TerritoiresRoutes;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server of the map (Javalin): the static front-end from {@code /public} on the
 * classpath, Leaflet from its webjar, the JSON/GeoJSON API over {@link IndicateursQueries} and
 * the server-sent events of {@link LiveFeed}; optionally the devices of {@link CapteursQueries}
 * ({@link #avecCapteurs}) and route groups of the application ({@link #avecRoutes}, e.g. webhooks).
 * Routes and formats are listed in {@code viz/README.md}.
 *
 * <p>Every error answers JSON {@code {"erreur": "..."}} in French; {@link StoreIndisponibleException}
 * answers 503 so that the page can retry. An answer of which part was read from standby replicas, because an
 * instance of the cluster was away, says so in its header {@value #ENTETE_SECOURS}{@code : true}, and one
 * lacking the cells that no replica could give in {@value #ENTETE_INCOMPLETE}{@code : true} ({@link Provenance}). While running, a daemon thread pushes the simulated
 * clock to the live clients every second (nothing when the clock supplier returns {@code null}), and
 * the cells waiting for the subscribed clients every {@link LiveFeed#REGROUPEMENT}. The communes'
 * GeoJSON and the CSV exports are kept ready ({@link ReponsesPretes}) while the live feed follows their
 * indicator and no cell of theirs changes.
 *
 * <p>Configure, then {@link #start(int)}: {@code new VizServer(...).avecCapteurs(capteurs).avecRoutes(webhooks).start(0)}.
 * {@link #start(int)} and {@link #stop()} are meant to be called once each, from one thread, and
 * the configuration methods before {@link #start(int)}, from that same thread.
 */
public final class VizServer {

    /** Header of an answer of which part came from standby replicas (an instance away). */
    public static final String ENTETE_SECOURS = "X-Croisements-Secours";
    /** Header of an answer lacking cells that no replica could give. */
    public static final String ENTETE_INCOMPLETE = "X-Croisements-Incomplet";
    static final String MESSAGE_CHARGEMENT =
            "Les données sont en cours de chargement, réessayez dans quelques secondes.";
    private static final Logger log = LoggerFactory.getLogger(VizServer.class);

    private final IndicateursQueries queries;
    private final List<Territoire> territoires;
    private final LiveFeed liveFeed;
    private final Supplier<Instant> horloge;
    private final ConstructeurCatalogue.Options catalogue;
    private final List<EndpointGroup> routesEnPlus = new ArrayList<>();
    private CapteursQueries capteurs; // null: no device layer, the routes answer empty collections
    private Supplier<List<ParcStationnement>> parkings = List::of;
    private Definitions definitions = Definitions.integrees();
    private Supplier<List<?>> fichiersIndicateurs = List::of;
    private fr.croisements.viz.interne.InterneRoutes interne; // null: a single instance, nothing to hand over
    private Javalin app;
    private final fr.croisements.viz.contrats.Contrats contrats = new fr.croisements.viz.contrats.Contrats();
    private ScheduledExecutorService tic;

    /**
     * @param queries read access to the indicator stores
     * @param territoires the territories shown, the first one being the default of the page
     * @param liveFeed where live cells are published (by {@code IndicateursEnDirect})
     * @param horloge the simulated clock; may return {@code null} when no simulator runs
     *     (the data catalogue describes the demo: lifts of the Bassin de Pompey simulated, Kafka on localhost:9092)
     */
    public VizServer(
            IndicateursQueries queries, List<Territoire> territoires, LiveFeed liveFeed, Supplier<Instant> horloge) {
        this(queries, territoires, liveFeed, horloge,
                ConstructeurCatalogue.Options.demo("http://localhost:7070", LocalDate.now(ZoneOffset.UTC)));
    }

    /**
     * @param catalogue what the data catalogue cannot read from the packs: Kafka servers, whether
     *     the feeds are simulated and where; its address and day are taken from each request and the clock
     */
    public VizServer(IndicateursQueries queries, List<Territoire> territoires, LiveFeed liveFeed,
            Supplier<Instant> horloge, ConstructeurCatalogue.Options catalogue) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.territoires = List.copyOf(territoires);
        this.liveFeed = Objects.requireNonNull(liveFeed, "liveFeed");
        this.horloge = Objects.requireNonNull(horloge, "horloge");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /**
     * Serves the devices of {@code capteurs} on {@code GET /api/capteurs.geojson} and their gateways
     * on {@code GET /api/passerelles.geojson} (without it, both routes answer an empty collection).
     *
     * @return this server, for chaining
     * @throws IllegalStateException once started
     */
    public VizServer avecCapteurs(CapteursQueries capteurs) {
        verifierNonDemarre();
        this.capteurs = Objects.requireNonNull(capteurs, "capteurs");
        return this;
    }

    /**
     * Serves the car parks given (positions and capacities, read on every request) with the latest hour
     * of {@code occupation-parkings}: {@code GET /api/parkings.geojson}, {@code /api/parkings.ngsi.json}
     * (FIWARE {@code OffStreetParking}) and {@code /api/parkings/{id}/profil}. Without it, no car park.
     *
     * @return this server, for chaining
     * @throws IllegalStateException once started
     */
    public VizServer avecParkings(Supplier<List<ParcStationnement>> parkings) {
        verifierNonDemarre();
        this.parkings = Objects.requireNonNull(parkings, "parkings");
        return this;
    }

    /**
     * Serves the indicators of {@code registre} (built-in, and declared by files while the server
     * runs) instead of the built-in ones only, and what became of each indicator file on
     * {@code GET /api/indicateurs/fichiers}.
     *
     * @return this server, for chaining
     * @throws IllegalStateException once started
     */
    public VizServer avecIndicateurs(RegistreIndicateurs registre, Supplier<List<?>> fichiers) {
        verifierNonDemarre();
        this.definitions = new Definitions(Objects.requireNonNull(registre, "registre"));
        this.fichiersIndicateurs = Objects.requireNonNull(fichiers, "fichiers");
        return this;
    }

    /**
     * Serves this instance's own stores to the other instances of the cluster ({@code /interne/…}),
     * which route their queries here when Kafka Streams' metadata says this instance holds a key.
     *
     * @return this server, for chaining
     * @throws IllegalStateException once started
     */
    public VizServer avecInterne(fr.croisements.viz.interne.InterneRoutes.Stores stores) {
        verifierNonDemarre();
        this.interne = new fr.croisements.viz.interne.InterneRoutes(Objects.requireNonNull(stores, "stores"));
        return this;
    }

    /**
     * Adds a group of routes of the application (e.g. the LoRaWAN webhooks), registered after the
     * map's own; its errors get the same French JSON answers ({@code HttpResponseException} and
     * its status, 503 for {@link StoreIndisponibleException}, 500 otherwise).
     *
     * @return this server, for chaining
     * @throws IllegalStateException once started
     */
    public VizServer avecRoutes(EndpointGroup routes) {
        verifierNonDemarre();
        routesEnPlus.add(Objects.requireNonNull(routes, "routes"));
        return this;
    }

    private void verifierNonDemarre() {
        if (app != null) {
            throw new IllegalStateException("VizServer already started: configure it before start()");
        }
    }

    /** Starts serving on {@code port} (0 picks a free port) and returns the port actually bound. */
    public int start(int port) {
        verifierNonDemarre();
        app = Javalin.create(this::configurer).start(port);
        tic = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "viz-horloge");
            t.setDaemon(true);
            return t;
        });
        tic.scheduleAtFixedRate(this::diffuserHorloge, 1, 1, TimeUnit.SECONDS);
        long regroupement = LiveFeed.REGROUPEMENT.toMillis();
        tic.scheduleAtFixedRate(this::envoyerCellules, regroupement, regroupement, TimeUnit.MILLISECONDS);
        log.info("Map served on http://localhost:{}/", app.port());
        return app.port();
    }

    /** Stops the clock thread, closes the live connections and the server. */
    public void stop() {
        if (tic != null) {
            tic.shutdownNow();
        }
        liveFeed.deconnecterTous();
        if (app != null) {
            app.stop();
        }
    }

    private void configurer(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        contrats.suivre(config);
        config.jsonMapper(new JavalinJackson(JsonSerde.MAPPER, false));
        config.staticFiles.add("/public", Location.CLASSPATH);
        config.staticFiles.enableWebjars();
        var reponses = new ReponsesPretes(liveFeed.versions());
        // the handlers of a request run one after the other on its thread: the queries note there where they read
        config.routes.before(ctx -> Provenance.commencer());
        config.routes.after(VizServer::direProvenance);
        config.routes.apiBuilder(new TerritoiresRoutes(queries, territoires, definitions, reponses));
        config.routes.apiBuilder(new IndicateursRoutes(queries, definitions, fichiersIndicateurs));
        config.routes.apiBuilder(new ExportsRoutes(queries, territoires, definitions, reponses));
        config.routes.apiBuilder(new CatalogueRoutes(territoires, catalogue, horloge, definitions::toutes));
        config.routes.apiBuilder(new DirectRoutes(liveFeed, horloge, territoires, definitions));
        config.routes.apiBuilder(new CapteursRoutes(capteurs, territoires, horloge, Clock.systemUTC()));
        config.routes.apiBuilder(new ParkingsRoutes(queries, parkings, territoires));
        config.routes.apiBuilder(new fr.croisements.viz.presentation.QrCodeRoutes());
        if (interne != null) {
            config.routes.apiBuilder(interne);
        }
        routesEnPlus.forEach(config.routes::apiBuilder);
        contrats.enregistrer(config, catalogue.serveursKafka(), definitions::toutes);
        config.routes.exception(StoreIndisponibleException.class, (e, ctx) -> {
            log.info("Store not readable yet on {}: {}", ctx.path(), e.getMessage());
            erreur(ctx, 503, MESSAGE_CHARGEMENT);
        });
        config.routes.exception(EndpointNotFound.class, (e, ctx) ->
                erreur(ctx, 404, "Adresse inconnue : " + ctx.method() + " " + ctx.path() + "."));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> erreur(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            erreur(ctx, 500, "Erreur inattendue du serveur. Le détail est dans le journal du serveur.");
        });
    }

    private static void direProvenance(Context ctx) {
        Provenance p = Provenance.terminer();
        if (p.secours()) {
            ctx.header(ENTETE_SECOURS, "true");
        }
        if (p.incomplete()) {
            ctx.header(ENTETE_INCOMPLETE, "true");
        }
    }

    private static void erreur(Context ctx, int status, String message) {
        ctx.status(status).json(new Erreur(message));
    }

    private void diffuserHorloge() {
        try {
            Instant simulee = horloge.get();
            if (simulee != null && liveFeed.nombreAbonnes() > 0) {
                liveFeed.publierHorloge(simulee);
            }
        } catch (RuntimeException e) {
            // an exception would cancel every later run of this scheduled task
            log.warn("Could not push the simulated clock", e);
        }
    }

    private void envoyerCellules() {
        try {
            liveFeed.envoyerRegroupees();
        } catch (RuntimeException e) {
            // an exception would cancel every later run of this scheduled task
            log.warn("Could not push the coalesced cells", e);
        }
    }

    /** The body of every error answer. */
    record Erreur(String erreur) {}
}
