package fr.croisements.app.bench;

import fr.croisements.app.KafkaClients;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Pluriel;
import fr.croisements.ingest.insee.ReferencesInseeAdapter;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.events.Indicateurs;
import fr.croisements.viz.VizServer;
import fr.croisements.viz.live.IndicateursEnDirect;
import fr.croisements.viz.live.LiveFeed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole story of one run, on one embedded broker, on the same simulated bin lifts of the Bassin
 * de Pompey, in one table:
 * <ol>
 *   <li>the raw broker: produce then consume the lifts on a plain topic, same serialisation (the baseline);</li>
 *   <li>ingestion: produce the lifts to {@code dechets-levees};</li>
 *   <li>start: from Kafka Streams' start to RUNNING and the web server answering (fresh state);</li>
 *   <li>each stage of the presentation-rate crossing alone ({@link EtapesSeules}: its source; locate; + weekly window;
 *       the whole crossing alone), each its own exactly-once application on the lifts of {@code dechets-levees},
 *       run after everything else so that the rows above and below are measured as before;</li>
 *   <li>the pipeline: from RUNNING to the moment its committed output cells (read_committed) count every
 *       lift replayed, exactly-once, with every store and repartition topic;</li>
 *   <li>event → map latency: lifts of one more week, one at a time, each from the instant it is sent
 *       to {@code dechets-levees} to the event of its cell received by a client of
 *       {@code /api/direct?territoire=…&indicateur=…} (the map page's subscription, coalesced every 100 ms);</li>
 *   <li>the map's GeoJSON under concurrent clients beside a same-size answer of the same server
 *       ({@link ChargeCarte});</li>
 *   <li>peak heap (sampled every 20 ms from the start of the pipeline) and the process' resident memory
 *       (broker, pipeline, server and the lifts held in memory, all in this process).</li>
 * </ol>
 * Rates are given as ratios to the baseline of the same run, since the machine is shared and noisy.
 * The run also checks that the cells' lift counts add up to the number of lifts replayed.
 */
public final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    private static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z");
    private static final Duration ATTENTE_SONDE = Duration.ofSeconds(30);

    private final int semaines;
    private final long graine;
    private final int partitions;
    private int sondes = 20;
    private ChargeCarte carte = new ChargeCarte(100, Duration.ofSeconds(10));
    private boolean etapes = true;

    public Benchmark(int semaines, long graine, int partitions) {
        this.semaines = semaines;
        this.graine = graine;
        this.partitions = partitions;
    }

    /** How many lifts measure the event → map latency (20 by default). */
    public Benchmark avecSondes(int nombre) {
        this.sondes = nombre;
        return this;
    }

    /** The map measure (100 clients, 10 s per measure by default). */
    public Benchmark avecCarte(ChargeCarte charge) {
        this.carte = charge;
        return this;
    }

    /** Without each stage alone: a shorter run. */
    public Benchmark sansEtapes() {
        this.etapes = false;
        return this;
    }

    /** One stage alone: {@code levees} lifts at {@code parSeconde}; {@code complete} when its output counted them all. */
    public record Etape(String libelle, long levees, double parSeconde, boolean complete) {
    }

    /** Latencies in milliseconds. */
    public record Latences(int mesurees, int perdues, double p50, double p95, double p99, double max) {

        static Latences de(List<Double> ms, int perdues) {
            double[] triees = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Latences(triees.length, perdues, centile(triees, 0.50), centile(triees, 0.95), centile(triees, 0.99),
                    triees.length == 0 ? Double.NaN : triees[triees.length - 1]);
        }

        private static double centile(double[] triees, double q) {
            return triees.length == 0 ? Double.NaN
                    : triees[(int) Math.min(triees.length - 1, Math.ceil(q * triees.length) - 1)];
        }
    }

    /** Figures of one run. Rates are records per second. */
    public record Resultat(long levees, int partitions, double brutParSeconde, double ingestionParSeconde,
            double pipelineParSeconde, double demarrageSecondes, Latences versCarte, ChargeCarte.Resultat carte,
            long picTasOctets, long tasMaxOctets, long rssOctets, long picRssOctets, boolean verifie, int cellules,
            List<Etape> etapes) {

        /** The same figures with each stage alone, verified only if each stage counted every lift. */
        Resultat avecEtapes(List<Etape> mesurees) {
            return new Resultat(levees, partitions, brutParSeconde, ingestionParSeconde, pipelineParSeconde,
                    demarrageSecondes, versCarte, carte, picTasOctets, tasMaxOctets, rssOctets, picRssOctets,
                    verifie && mesurees.stream().allMatch(Etape::complete), cellules, List.copyOf(mesurees));
        }

        public String tableau() {
            var t = new StringBuilder(String.format(Locale.ROOT, """
                    Banc d'essai Croisements : %s simulées du Bassin de Pompey (%s commune × semaine), %s, exactly-once
                    | mesure                                                   | débit (/s) | rapport | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |
                    |----------------------------------------------------------|-----------:|--------:|---------:|---------:|---------:|---------:|
                    """, Pluriel.de(levees, "levée", "levées"), Pluriel.de(cellules, "cellule", "cellules"),
                    Pluriel.de(partitions, "partition", "partitions")));
            ligne(t, "broker brut (produire puis consommer, même sérialisation)", brutParSeconde, 1.0);
            ligne(t, "ingestion (produire dechets-levees)", ingestionParSeconde, ingestionParSeconde / brutParSeconde);
            for (Etape e : etapes) {
                ligne(t, e.libelle() + (e.complete() ? "" : " (incomplet)"), e.parSeconde(), e.parSeconde() / brutParSeconde);
            }
            ligne(t, "pipeline entier (Kafka Streams jusqu'aux cellules validées)", pipelineParSeconde,
                    pipelineParSeconde / brutParSeconde);
            t.append(String.format(Locale.ROOT, "| %-56s | %10s | %7s | %8s | %8s | %8s | %8s |%n",
                    "levée publiée → événement SSE de sa cellule (" + Pluriel.de(versCarte.mesurees(), "sonde", "sondes")
                            + (versCarte.perdues() > 0 ? ", " + versCarte.perdues() + " sans réponse en "
                                    + ATTENTE_SONDE.toSeconds() + " s" : "") + ")",
                    "", "", ms(versCarte.p50()), ms(versCarte.p95()), ms(versCarte.p99()), ms(versCarte.max())));
            carte(t, "GeoJSON des communes, gzip", carte.carteGzip(), carte.referenceGzip());
            carte(t, "réponse de même taille, gzip (référence)", carte.referenceGzip(), carte.referenceGzip());
            carte(t, "GeoJSON des communes, gzip + If-None-Match", carte.revalidation(), carte.referenceGzip());
            t.append(String.format(Locale.ROOT, """
                    GeoJSON : %s de Grand Poitiers (%d Ko, %d Ko en gzip), %s simultanés, %d s par mesure ;                     rapport au débit de la référence
                    démarrage à froid (Kafka Streams RUNNING et serveur web qui répond) : %.1f s
                    pic du tas : %d Mo (tas maximal %d Mo) ; mémoire résidente du processus : %d Mo (pic %d Mo)
                    %svérification (somme des levées des cellules = levées rejouées) : %s
                    machine : %s, Java %s""",
                    Pluriel.de(carte.communes(), "commune", "communes"), carte.octets() / 1024, carte.octetsGzip() / 1024,
                    Pluriel.de(carte.clients(), "client", "clients"), carte.duree().toSeconds(),
                    demarrageSecondes, picTasOctets / 1_048_576, tasMaxOctets / 1_048_576, rssOctets / 1_048_576,
                    picRssOctets / 1_048_576, notesEtapes(), verifie ? "OK" : "ÉCHEC",
                    Pluriel.de(Runtime.getRuntime().availableProcessors(), "cœur", "cœurs"), System.getProperty("java.version")));
            return t.toString();
        }

        private String notesEtapes() {
            return etapes.isEmpty() ? "" : String.format(Locale.ROOT, "étapes seules du taux de présentation : chacune "
                    + "son application Kafka Streams (exactly-once, état vide), l'une après l'autre après tout le reste, "
                    + "sur les %s rejouées de dechets-levees, de RUNNING jusqu'à ce que sa sortie validée les compte "
                    + "toutes (les sondes, en fin de topic, traitées mais non comptées)%n", Pluriel.de(etapes.get(0).levees(), "levée", "levées"));
        }

        private static String ms(double valeur) {
            return Double.isNaN(valeur) ? "—" : String.format(Locale.ROOT, "%.0f", valeur);
        }

        private static void ligne(StringBuilder t, String libelle, double parSeconde, double rapport) {
            t.append(String.format(Locale.ROOT, "| %-56s | %10.0f | %7.2f | %8s | %8s | %8s | %8s |%n",
                    libelle, parSeconde, rapport, "", "", "", ""));
        }

        private static void carte(StringBuilder t, String libelle, ChargeCarte.Mesure m, ChargeCarte.Mesure reference) {
            t.append(String.format(Locale.ROOT, "| %-56s | %10.0f | %7.2f | %8.1f | %8s | %8.1f | %8s |%n",
                    libelle, m.parSeconde(), m.parSeconde() / reference.parSeconde(), m.p50Ms(), "", m.p99Ms(), ""));
        }
    }

    public Resultat executer() throws Exception {
        Path dossier = Files.createTempDirectory("croisements-bench");
        Territoire pompey = Territoires.charger("bassin-de-pompey");
        var simulateur = new LeveesSimulateur(pompey, graine, Pseudonymiseur.avecCle(new byte[32]));
        Instant finRejeu = DEBUT.plus(Duration.ofDays(7L * semaines));
        // one more week: its lifts are the latency probes, each one a cell the pipeline has not seen
        List<LeveeBac> toutes = simulateur.periode(DEBUT, finRejeu.plus(Duration.ofDays(7))).toList();
        List<LeveeBac> levees = toutes.stream().filter(l -> l.instant().isBefore(finRejeu)).toList();
        List<LeveeBac> sondesLevees = toutes.stream().filter(l -> !l.instant().isBefore(finRejeu)).limit(sondes).toList();
        log.info("{} lifts generated for {} weeks, {} probes", levees.size(), semaines, sondesLevees.size());
        try (EmbeddedKafka broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0)) {
            String bootstrap = broker.bootstrapServers();
            var brut = new Topic<>("bench-brut", Serdes.String(), Topics.DECHETS_LEVEES.valueSerde(), false);
            TopicsAdmin.creer(bootstrap, List.of(brut), partitions, (short) 1);
            TopicsAdmin.creer(bootstrap, Topics.TOUS, partitions, (short) 1);

            long t0 = System.nanoTime();
            produire(bootstrap, brut, levees);
            consommerTout(bootstrap, brut.name(), levees.size());
            double brutParSeconde = levees.size() / secondesDepuis(t0);

            try (var producer = KafkaClients.producer(bootstrap, Topics.REF_INSEE_COMMUNES, "bench-references")) {
                new ReferencesInseeAdapter(producer).publier(List.of(pompey));
            }
            long t1 = System.nanoTime();
            produire(bootstrap, Topics.DECHETS_LEVEES, levees);
            double ingestionParSeconde = levees.size() / secondesDepuis(t1);

            var settings = new StreamsSettings(bootstrap, "croisements-bench", dossier.resolve("streams"), 1, null);
            var pic = new AtomicLong();
            var memoire = ManagementFactory.getMemoryMXBean();
            Thread echantillonneur = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    pic.accumulateAndGet(memoire.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "echantillonneur-tas");
            echantillonneur.setDaemon(true);
            echantillonneur.start();
            var liveFeed = new LiveFeed();
            Resultat resultat;
            try (var pipeline = new Pipeline(List.of(pompey), settings);
                    var cellules = new SuiviCellules(bootstrap);
                    var enDirect = new IndicateursEnDirect(bootstrap,
                            List.of(Indicateurs.TAUX_PRESENTATION_BACS.topic()), liveFeed)) {
                long t2 = System.nanoTime();
                pipeline.start();
                var serveur = new VizServer(pipeline.queries(), List.of(pompey), liveFeed, () -> null);
                int port = serveur.start(0);
                try {
                    pipeline.awaitRunning(Duration.ofMinutes(2));
                    attendreReponse(port);
                    long t3 = System.nanoTime();
                    boolean complet = cellules.attendreLevees(levees.size(), Duration.ofMinutes(30));
                    double pipelineParSeconde = levees.size() / secondesDepuis(t3);
                    enDirect.start();
                    Latences versCarte = sonder(bootstrap, port, pompey.id(), sondesLevees);
                    echantillonneur.interrupt();
                    long[] rss = rss();
                    ChargeCarte.Resultat charge = carte.executer();
                    resultat = new Resultat(levees.size(), partitions, brutParSeconde, ingestionParSeconde,
                            pipelineParSeconde, (t3 - t2) / 1e9, versCarte, charge, pic.get(),
                            memoire.getHeapMemoryUsage().getMax(), rss[0], rss[1], complet && !cellules.secretes(),
                            cellules.nombre(), List.of());
                } finally {
                    serveur.stop();
                }
            }
            // after everything else, the pipeline closed: the rows above are measured as they always were
            return etapes ? resultat.avecEtapes(EtapesSeules.mesurer(bootstrap, pompey, partitions, dossier,
                    levees.size(), finRejeu)) : resultat;
        } finally {
            fr.croisements.app.Dossiers.effacerSansErreur(dossier);
        }
    }

    /** Waits until the web server answers a map request (the pipeline's stores are queryable). */
    private static void attendreReponse(int port) throws InterruptedException {
        var http = HttpClient.newHttpClient();
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/territoires/bassin-de-pompey/communes.geojson?indicateur=" + Indicateurs.TAUX_PRESENTATION_BACS.id()))
                .timeout(Duration.ofSeconds(10)).build();
        long limite = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < limite) {
            try {
                if (http.send(requete, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The web server did not answer within a minute");
    }

    /**
     * Publishes the probes one at a time and times each from just before it is sent to the first event of
     * the map's subscription received after it (the pipeline is idle between probes: nothing else moves).
     * The first probe also waits for the live consumer to follow the topic, and is not counted.
     */
    private static Latences sonder(String bootstrap, int port, String territoire, List<LeveeBac> probes)
            throws InterruptedException {
        var arrivees = new LinkedBlockingQueue<Long>();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/direct?territoire=" + territoire
                + "&indicateur=" + Indicateurs.TAUX_PRESENTATION_BACS.id()))
                // what a browser's EventSource sends: without it the server answers an empty 200, not a stream
                .header("Accept", "text/event-stream").build();
        var flux = http.sendAsync(requete, HttpResponse.BodyHandlers.ofLines());
        Thread lecteur = new Thread(() -> {
            try {
                flux.join().body().forEach(ligne -> {
                    if (ligne.startsWith("data:")) {
                        arrivees.add(System.nanoTime());
                    }
                });
            } catch (RuntimeException e) {
                // connection closed at the end
            }
        }, "bench-direct");
        lecteur.setDaemon(true);
        lecteur.start();
        List<Double> ms = new ArrayList<>();
        int perdues = 0;
        // the live feed sends coalesced events on a fixed tick (LiveFeed.REGROUPEMENT): a probe sent as soon as the
        // previous event came would always be sent on that tick and measure the delay rounded up to it; a random
        // pause (seeded) puts the probes anywhere between two ticks, as real lifts are
        var hasard = new java.util.Random(7);
        try (var producer = KafkaClients.producer(bootstrap, Topics.DECHETS_LEVEES, "bench-sondes")) {
            for (int i = 0; i < probes.size(); i++) {
                LeveeBac l = probes.get(i);
                Thread.sleep(hasard.nextInt((int) LiveFeed.REGROUPEMENT.toMillis() + 1));
                // the first probe waits for the subscription and the live consumer: retried until an event comes
                Long arrivee = null;
                long envoi = 0;
                for (int essai = 0; essai < (i == 0 ? 12 : 1) && arrivee == null; essai++) {
                    arrivees.clear();
                    envoi = System.nanoTime();
                    producer.send(new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null, l.instant().toEpochMilli(),
                            l.idBac(), l));
                    producer.flush();
                    arrivee = arrivees.poll(i == 0 ? 10 : ATTENTE_SONDE.toSeconds(), TimeUnit.SECONDS);
                }
                if (i == 0) {
                    // the cell of the first probe may have several events coming (its retries): let them pass
                    Thread.sleep(1000);
                    continue;
                }
                if (arrivee == null) {
                    perdues++;
                } else {
                    ms.add((arrivee - envoi) / 1e6);
                }
            }
        } finally {
            flux.cancel(true);
            lecteur.interrupt();
        }
        return Latences.de(ms, perdues);
    }

    /** The resident memory of this process and its peak, from /proc (0 where there is none). */
    private static long[] rss() {
        long[] rss = new long[2];
        try {
            for (String ligne : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (ligne.startsWith("VmRSS:")) {
                    rss[0] = kilooctets(ligne) * 1024;
                } else if (ligne.startsWith("VmHWM:")) {
                    rss[1] = kilooctets(ligne) * 1024;
                }
            }
        } catch (IOException e) {
            log.debug("No /proc/self/status: resident memory not measured", e);
        }
        return rss;
    }

    private static long kilooctets(String ligne) {
        return Long.parseLong(ligne.replaceAll("[^0-9]", ""));
    }

    private static void produire(String bootstrap, Topic<String, LeveeBac> topic, List<LeveeBac> levees) {
        try (var producer = KafkaClients.producer(bootstrap, topic, "bench-" + topic.name())) {
            for (LeveeBac l : levees) {
                producer.send(new ProducerRecord<>(topic.name(), null, l.instant().toEpochMilli(), l.idBac(), l));
            }
            producer.flush();
        }
    }

    private static void consommerTout(String bootstrap, String topic, long attendus) {
        try (var consumer = new KafkaConsumer<>(consumerProps(bootstrap), new StringDeserializer(),
                Topics.DECHETS_LEVEES.valueSerde().deserializer())) {
            var parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long lus = 0;
            long limite = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (lus < attendus && System.nanoTime() < limite) {
                lus += consumer.poll(Duration.ofMillis(200)).count();
            }
            if (lus < attendus) {
                throw new IllegalStateException("Only " + lus + " of " + attendus + " records consumed from " + topic);
            }
        }
    }

    private static Properties consumerProps(String bootstrap) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return props;
    }

    private static double secondesDepuis(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
