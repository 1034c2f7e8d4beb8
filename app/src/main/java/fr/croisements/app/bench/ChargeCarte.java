package fr.croisements.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.ingest.Pluriel;
import fr.croisements.streams.indicateurs.CellulesStore;
import fr.croisements.streams.query.FenetreZone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.VizServer;
import fr.croisements.viz.live.LiveFeed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Load on the map's endpoints, measured against a reference on the same server in the same run, so that
 * the figures are ratios that a shared, noisy machine does not distort much.
 *
 * <p>One {@link VizServer} runs here with the bundled territories and an in-memory store that, like the
 * RocksDB stores of Kafka Streams, keeps each cell as JSON and reads every cell back at each query. It holds
 * {@value #JOURS} days of the heat indicator for every commune of Grand Poitiers. While {@code clients}
 * threads (java.net.http, HTTP/1.1, one connection each) ask for the communes' GeoJSON, a new cell of the
 * territory is published every {@value #PERIODE_CELLULE_MS} ms (stored, then handed to the live feed, as the
 * pipeline and {@code IndicateursEnDirect} do, the topics being followed from the start), so that the answers
 * kept ready are built again as in the demo. The
 * reference is a route answering the same bytes from memory (the gzip bytes prepared in advance when the
 * client accepts them): what a static file of that size costs on this server. Then, for the live events,
 * cells of every territory are published at {@value #CELLULES_PAR_SECONDE} per second to two clients of
 * {@code /api/direct}, one without parameters and one subscribed to Grand Poitiers and its indicator.
 *
 * <p>Not a test: it prints figures ({@link Resultat#tableau()}). Not thread-safe: one run per instance.
 */
public final class ChargeCarte {

    static final int JOURS = 90;
    static final long PERIODE_CELLULE_MS = 100;
    static final int CELLULES_PAR_SECONDE = 200;
    private static final String TERRITOIRE = "grand-poitiers";
    private static final DefinitionIndicateur INDICATEUR = Indicateurs.EXPOSITION_CHALEUR_75_PLUS;
    private static final Instant PREMIER_JOUR = Instant.parse("2025-06-30T00:00:00Z");
    private static final String REFERENCE = "/banc/reference.geojson";
    private static final Duration ECHAUFFEMENT_PAR_DEFAUT = Duration.ofSeconds(3);
    private static final Source CAPTEURS = new Source("Capteurs LoRaWAN (simulateur Croisements)", "Croisements",
            "simulation", "Licence Ouverte 2.0", true);
    private static final Source INSEE = new Source("Recensement de la population, population par âge", "Insee", "2022",
            "Licence Ouverte 2.0", false);

    private final int clients;
    private final Duration duree;
    private final Duration echauffement;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param clients concurrent clients of each HTTP measure
     * @param duree how long each measure lasts (after a warm-up of three seconds)
     */
    public ChargeCarte(int clients, Duration duree) {
        this(clients, duree, ECHAUFFEMENT_PAR_DEFAUT);
    }

    /** With another warm-up before each measure (a short one for the benchmark's smoke test). */
    public ChargeCarte(int clients, Duration duree, Duration echauffement) {
        this.echauffement = echauffement;
        if (clients < 1 || duree.isNegative() || duree.isZero()) {
            throw new IllegalArgumentException("at least one client and a positive duration");
        }
        this.clients = clients;
        this.duree = duree;
    }

    /** One measure: how many answers, how fast, and how much was received. */
    public record Mesure(String libelle, long reponses, long erreurs, double parSeconde, double p50Ms, double p99Ms,
            long octetsParReponse) {}

    /** What a live client received while cells were published. */
    public record Direct(String abonnement, double evenementsParSeconde, double octetsParSeconde) {}

    /** Figures of one run. */
    public record Resultat(int clients, Duration duree, int communes, int octets, int octetsGzip,
            Mesure referenceBrute, Mesure carteBrute, Mesure referenceGzip, Mesure carteGzip, Mesure revalidation,
            List<Direct> direct, Duration echauffement) {

        public String tableau() {
            var t = new StringBuilder(String.format(Locale.ROOT, """
                    Charge sur la carte : %s simultanés, %d s par mesure après %d s d'échauffement
                    GeoJSON de %s (%s, %d jours gardés), %d Ko (%d Ko en gzip) ; une nouvelle cellule du territoire toutes les %d ms
                    | mesure                                           | réponses/s | p50 (ms) | p99 (ms) | octets/réponse | rapport au débit de référence |
                    |--------------------------------------------------|-----------:|---------:|---------:|---------------:|------------------------------:|
                    """, Pluriel.de(clients, "client", "clients"), duree.toSeconds(), echauffement.toSeconds(),
                    Pluriel.de(communes, "commune", "communes"), INDICATEUR.id(), JOURS, octets / 1024, octetsGzip / 1024,
                    PERIODE_CELLULE_MS));
            ligne(t, referenceBrute, referenceBrute);
            ligne(t, carteBrute, referenceBrute);
            ligne(t, referenceGzip, referenceGzip);
            ligne(t, carteGzip, referenceGzip);
            ligne(t, revalidation, referenceGzip);
            t.append(String.format(Locale.ROOT, """
                    Direct (/api/direct) pendant %d s, %d cellules publiées par seconde sur tous les territoires :
                    | abonnement                                                                 | événements/s | octets/s |
                    |----------------------------------------------------------------------------|-------------:|---------:|
                    """, duree.toSeconds(), CELLULES_PAR_SECONDE));
            direct.forEach(d -> t.append(String.format(Locale.ROOT, "| %-74s | %12.1f | %8.0f |%n", d.abonnement(),
                    d.evenementsParSeconde(), d.octetsParSeconde())));
            t.append(String.format(Locale.ROOT, "machine : %s, Java %s",
                    Pluriel.de(Runtime.getRuntime().availableProcessors(), "cœur", "cœurs"), System.getProperty("java.version")));
            return t.toString();
        }

        private static void ligne(StringBuilder t, Mesure m, Mesure reference) {
            t.append(String.format(Locale.ROOT, "| %-48s | %10.0f | %8.1f | %8.1f | %14d | %29.2f |%n", m.libelle(),
                    m.parSeconde(), m.p50Ms(), m.p99Ms(), m.octetsParReponse(), m.parSeconde() / reference.parSeconde()));
        }
    }

    public Resultat executer() throws Exception {
        List<Territoire> territoires = Territoires.ids().stream().map(Territoires::charger).toList();
        Territoire poitiers = territoires.stream().filter(t -> t.id().equals(TERRITOIRE)).findFirst().orElseThrow();
        var store = new CellulesEnJson();
        for (int jour = 0; jour < JOURS; jour++) {
            for (Commune c : poitiers.communes()) {
                store.garder(cellule(INDICATEUR, c, jour, jour));
            }
        }
        var liveFeed = new LiveFeed();
        // what IndicateursEnDirect says once its positions are fixed: from now on every new cell is handed over
        liveFeed.versions().suivre(Indicateurs.INTEGRES.stream().map(DefinitionIndicateur::topic).toList());
        byte[][] reference = new byte[2][]; // the GeoJSON as first served, and its gzip
        var serveur = new VizServer(store, territoires, liveFeed, () -> null)
                .avecRoutes(() -> io.javalin.apibuilder.ApiBuilder.get(REFERENCE, ctx -> {
                    boolean gzip = accepteGzip(ctx.header("Accept-Encoding"));
                    if (gzip) {
                        ctx.header("Content-Encoding", "gzip");
                    }
                    ctx.contentType("application/geo+json").result(gzip ? reference[1] : reference[0]);
                }));
        int port = serveur.start(0);
        ScheduledExecutorService publication = Executors.newSingleThreadScheduledExecutor();
        try {
            URI carte = URI.create("http://localhost:" + port + "/api/territoires/" + TERRITOIRE + "/communes.geojson?indicateur="
                    + INDICATEUR.id());
            URI uriReference = URI.create("http://localhost:" + port + REFERENCE);
            reference[0] = http.send(HttpRequest.newBuilder(carte).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            reference[1] = gzip(reference[0]);

            // a new cell in the territory every PERIODE_CELLULE_MS, as sensors update the day's cells in the demo
            var compteur = new AtomicInteger();
            List<Commune> communes = poitiers.communes();
            publication.scheduleAtFixedRate(() -> {
                int n = compteur.getAndIncrement();
                Indicateur nouvelle = cellule(INDICATEUR, communes.get(n % communes.size()), JOURS - 1, n);
                store.garder(nouvelle);
                liveFeed.publier(nouvelle);
            }, PERIODE_CELLULE_MS, PERIODE_CELLULE_MS, TimeUnit.MILLISECONDS);

            Mesure referenceBrute = mesurer("référence (mêmes octets), sans compression", uriReference, false, false);
            Mesure carteBrute = mesurer("GeoJSON des communes, sans compression", carte, false, false);
            Mesure referenceGzip = mesurer("référence (mêmes octets), gzip", uriReference, true, false);
            Mesure carteGzip = mesurer("GeoJSON des communes, gzip", carte, true, false);
            Mesure revalidation = mesurer("GeoJSON des communes, gzip + If-None-Match", carte, true, true);
            publication.shutdownNow();
            publication.awaitTermination(5, TimeUnit.SECONDS);

            List<Direct> direct = direct(port, territoires, store, liveFeed);
            return new Resultat(clients, duree, communes.size(), reference[0].length, reference[1].length, referenceBrute,
                    carteBrute, referenceGzip, carteGzip, revalidation, direct, echauffement);
        } finally {
            publication.shutdownNow();
            serveur.stop();
        }
    }

    /** Warm-up, then {@code clients} threads asking for {@code uri} until the measure's end. */
    private Mesure mesurer(String libelle, URI uri, boolean gzip, boolean revalider) throws InterruptedException {
        charger(uri, gzip, revalider, echauffement);
        return charger(uri, gzip, revalider, duree).mesure(libelle);
    }

    private Charge charger(URI uri, boolean gzip, boolean revalider, Duration pendant) throws InterruptedException {
        var charge = new Charge(clients);
        long debut = System.nanoTime();
        long fin = debut + pendant.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                String etag = null;
                while (System.nanoTime() < fin) {
                    var requete = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
                    if (gzip) {
                        requete.header("Accept-Encoding", "gzip");
                    }
                    if (revalider && etag != null) {
                        requete.header("If-None-Match", etag);
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> reponse = http.send(requete.build(), HttpResponse.BodyHandlers.ofByteArray());
                        boolean bonne = reponse.statusCode() == 200 || reponse.statusCode() == 304;
                        charge.noter(client, System.nanoTime() - t0, reponse.body().length, bonne);
                        etag = reponse.headers().firstValue("ETag").orElse(etag);
                    } catch (IOException e) {
                        charge.noter(client, System.nanoTime() - t0, 0, false);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "charge-carte-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        // until the last answer, asked before the end: a slow server is not credited with its late answers
        charge.duree(Duration.ofNanos(System.nanoTime() - debut));
        return charge;
    }

    /** The latencies of every answer, one list per client thread (no shared lock on the hot path). */
    private static final class Charge {
        private final long[][] latences;
        private final int[] nombres;
        private final AtomicLong octets = new AtomicLong();
        private final AtomicLong erreurs = new AtomicLong();
        private Duration duree;

        Charge(int clients) {
            latences = new long[clients][1024];
            nombres = new int[clients];
        }

        void noter(int client, long nanos, int taille, boolean bonne) {
            if (!bonne) {
                erreurs.incrementAndGet();
                return;
            }
            if (nombres[client] == latences[client].length) {
                latences[client] = Arrays.copyOf(latences[client], nombres[client] * 2);
            }
            latences[client][nombres[client]++] = nanos;
            octets.addAndGet(taille);
        }

        void duree(Duration mesuree) {
            duree = mesuree;
        }

        Mesure mesure(String libelle) {
            long[] toutes = new long[Arrays.stream(nombres).sum()];
            int i = 0;
            for (int c = 0; c < nombres.length; c++) {
                System.arraycopy(latences[c], 0, toutes, i, nombres[c]);
                i += nombres[c];
            }
            Arrays.sort(toutes);
            long n = toutes.length;
            return new Mesure(libelle, n, erreurs.get(), n / (duree.toNanos() / 1e9), centile(toutes, 0.50),
                    centile(toutes, 0.99), n == 0 ? 0 : octets.get() / n);
        }

        private static double centile(long[] triees, double q) {
            return triees.length == 0 ? Double.NaN : triees[(int) Math.min(triees.length - 1, Math.floor(q * triees.length))] / 1e6;
        }
    }

    /**
     * Two live clients, one without parameters and one subscribed to the territory and indicator of the
     * GeoJSON, while cells of every territory are published at {@value #CELLULES_PAR_SECONDE} per second.
     */
    private List<Direct> direct(int port, List<Territoire> territoires, CellulesEnJson store, LiveFeed liveFeed)
            throws Exception {
        Map<String, List<DefinitionIndicateur>> parTerritoire = Map.of(
                "bassin-de-pompey", List.of(Indicateurs.TAUX_PRESENTATION_BACS),
                TERRITOIRE, List.of(Indicateurs.EXPOSITION_CHALEUR_75_PLUS, Indicateurs.COUVERTURE_LORA),
                "la-rochelle", List.of(Indicateurs.OCCUPATION_POINTE, Indicateurs.FRAGILITE_ISOLEMENT),
                "antony", List.of(Indicateurs.TAUX_PAUVRETE));
        record Flux(DefinitionIndicateur definition, Commune commune) {}
        List<Flux> flux = new ArrayList<>();
        for (Territoire t : territoires) {
            parTerritoire.getOrDefault(t.id(), List.of()).forEach(d -> t.communes().forEach(c -> flux.add(new Flux(d, c))));
        }
        List<String> abonnements = List.of("/api/direct",
                "/api/direct?territoire=" + TERRITOIRE + "&indicateur=" + INDICATEUR.id());
        List<Ecoute> ecoutes = new ArrayList<>();
        for (String abonnement : abonnements) {
            ecoutes.add(new Ecoute(abonnement, http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + abonnement))
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS).body()));
        }
        long limite = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (liveFeed.nombreAbonnes() < abonnements.size() && System.nanoTime() < limite) {
            Thread.sleep(10);
        }
        ecoutes.forEach(Ecoute::demarrer);
        long periode = 1_000_000_000L / CELLULES_PAR_SECONDE;
        long debut = System.nanoTime();
        for (int n = 0; System.nanoTime() - debut < duree.toNanos(); n++) {
            Flux f = flux.get(n % flux.size());
            Indicateur cellule = cellule(f.definition(), f.commune(), JOURS - 1, n);
            store.garder(cellule);
            liveFeed.publier(cellule);
            long prochaine = debut + (n + 1) * periode;
            long attente = prochaine - System.nanoTime();
            if (attente > 0) {
                TimeUnit.NANOSECONDS.sleep(attente);
            }
        }
        Thread.sleep(500); // the last coalesced events, if any
        double secondes = (System.nanoTime() - debut) / 1e9;
        List<Direct> resultats = new ArrayList<>();
        for (Ecoute e : ecoutes) {
            e.fermer();
            resultats.add(new Direct(e.abonnement, e.evenements.get() / secondes, e.octets.get() / secondes));
        }
        return resultats;
    }

    /** One live client: counts the events of type {@code indicateur} and the bytes of their lines. */
    private static final class Ecoute {
        private final String abonnement;
        private final Stream<String> lignes;
        private final AtomicLong evenements = new AtomicLong();
        private final AtomicLong octets = new AtomicLong();
        private Thread lecteur;

        Ecoute(String abonnement, Stream<String> lignes) {
            this.abonnement = abonnement;
            this.lignes = lignes;
        }

        void demarrer() {
            lecteur = new Thread(() -> {
                try {
                    lignes.forEach(l -> {
                        octets.addAndGet(l.length() + 1L);
                        if (l.equals("event: " + LiveFeed.EVENEMENT_INDICATEUR) || l.equals("event:" + LiveFeed.EVENEMENT_INDICATEUR)) {
                            evenements.incrementAndGet();
                        }
                    });
                } catch (UncheckedIOException e) {
                    // closed at the end of the measure
                }
            }, "ecoute-direct");
            lecteur.setDaemon(true);
            lecteur.start();
        }

        void fermer() {
            lignes.close();
        }
    }

    /** A commune-day of an indicator as the topologies write them: a ratio with measures and their sources. */
    private static Indicateur cellule(DefinitionIndicateur d, Commune c, int jour, int variation) {
        Instant debut = PREMIER_JOUR.plus(Duration.ofDays(jour));
        double denominateur = c.chiffre(Commune.POPULATION) == null ? 1000 : c.chiffre(Commune.POPULATION);
        double valeur = 10 + (variation * 7 + c.codeInsee().hashCode()) % 80;
        return new Indicateur(d.id(), c.codeInsee(), Zone.COMMUNE, c.nom(), debut, debut.plus(Duration.ofDays(1)), valeur,
                d.unite(), valeur * denominateur / 100, denominateur, CAPTEURS, INSEE,
                Map.of("temperature_max", 25.0 + valeur / 10, "temperature_moyenne", 20.0 + valeur / 20, "capteurs", 3.0),
                3L, false, true, Map.of("temperature_max", CAPTEURS, "temperature_moyenne", CAPTEURS));
    }

    private static boolean accepteGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] octets) {
        var sortie = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(sortie)) {
            gzip.write(octets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sortie.toByteArray();
    }

    /**
     * Cells kept as JSON, one entry per zone and window as in {@code CellulesStore}, read back (parsed) at
     * every query like the RocksDB stores. Thread-safe.
     */
    private static final class CellulesEnJson implements IndicateursQueries {
        private final Map<String, ConcurrentSkipListMap<String, byte[]>> stores = new ConcurrentHashMap<>();

        void garder(Indicateur cellule) {
            try {
                stores.computeIfAbsent(cellule.indicateur(), i -> new ConcurrentSkipListMap<>())
                        .put(CellulesStore.cle(cellule.codeZone(), cellule.debut()), JsonSerde.MAPPER.writeValueAsBytes(cellule));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public Map<String, Indicateur> dernieres(String indicateur, Collection<String> zones) {
            var store = store(indicateur);
            var dernieres = new TreeMap<String, Indicateur>();
            for (String zone : zones) {
                var derniere = store.floorEntry(CellulesStore.finPrefixe(zone));
                if (derniere != null && derniere.getKey().startsWith(CellulesStore.prefixe(zone))) {
                    dernieres.put(zone, lire(derniere.getValue()));
                }
            }
            return dernieres;
        }

        @Override
        public List<Indicateur> cellules(String indicateur, Collection<String> zones, Instant debut, Instant fin) {
            var store = store(indicateur);
            var cellules = new ArrayList<Indicateur>();
            for (String zone : new TreeSet<>(zones)) {
                String de = debut == null ? CellulesStore.prefixe(zone) : CellulesStore.cle(zone, debut);
                String a = fin == null ? CellulesStore.finPrefixe(zone) : CellulesStore.cle(zone, fin);
                if (de.compareTo(a) < 0) {
                    store.subMap(de, a).values().forEach(json -> cellules.add(lire(json)));
                }
            }
            return cellules;
        }

        @Override
        public List<Indicateur> historique(String indicateur, String codeZone) {
            return cellules(indicateur, List.of(codeZone), null, null);
        }

        @Override
        public List<FenetreZone> fenetres(String indicateur, Collection<String> zones) {
            return cellules(indicateur, zones, null, null).stream().map(FenetreZone::de).sorted(FenetreZone.ORDRE).toList();
        }

        private ConcurrentSkipListMap<String, byte[]> store(String indicateur) {
            return stores.getOrDefault(indicateur, new ConcurrentSkipListMap<>());
        }

        private static Indicateur lire(byte[] json) {
            try {
                return JsonSerde.MAPPER.readValue(json, Indicateur.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code ChargeCarte [clients] [secondes]}: 100 clients and 10 seconds per measure by default. */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int secondes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println(new ChargeCarte(clients, Duration.ofSeconds(secondes)).executer().tableau());
    }
}
