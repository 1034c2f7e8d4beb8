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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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
 * Replays simulated bin lifts of the Bassin de Pompey through the real pipeline on an embedded
 * broker, and measures, in the same run and on the same records:
 * <ol>
 *   <li>the raw broker: produce then consume the lifts on a plain topic (the baseline);</li>
 *   <li>ingestion: produce the lifts to {@code dechets-levees};</li>
 *   <li>the pipeline: from Kafka Streams running to the moment its committed output cells
 *       (read_committed) count every lift replayed, exactly-once, with every store and repartition
 *       topic.</li>
 * </ol>
 * Figures are given as ratios to the baseline, since the machine is shared and noisy. Peak heap is
 * sampled every 20 ms during the pipeline stage. The run also checks that the cells' lift counts
 * add up to the number of lifts replayed.
 */
public final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    private static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z");

    private final int semaines;
    private final long graine;
    private final int partitions;

    public Benchmark(int semaines, long graine, int partitions) {
        this.semaines = semaines;
        this.graine = graine;
        this.partitions = partitions;
    }

    /** Figures of one run. Rates are records per second. */
    public record Resultat(long levees, double brutParSeconde, double ingestionParSeconde, double pipelineParSeconde,
            double demarrageSecondes, long picTasOctets, long tasMaxOctets, boolean verifie, int cellules) {

        public String tableau() {
            return String.format(Locale.ROOT, """
                    Banc d'essai Croisements : %s simulées (%s commune × semaine)
                    | étape                                   | enregistrements/s | rapport au brut |
                    |-----------------------------------------|------------------:|----------------:|
                    | broker brut (produire puis consommer)   | %17.0f | %15.2f |
                    | ingestion (produire dechets-levees)     | %17.0f | %15.2f |
                    | pipeline Kafka Streams (exactly-once)   | %17.0f | %15.2f |
                    démarrage de Kafka Streams jusqu'à RUNNING : %.1f s
                    pic du tas pendant le pipeline : %d Mo (tas maximal %d Mo)
                    vérification (somme des levées des cellules = levées rejouées) : %s
                    machine : %s, Java %s""",
                    Pluriel.de(levees, "levée", "levées"), Pluriel.de(cellules, "cellule", "cellules"), brutParSeconde, 1.0, ingestionParSeconde, ingestionParSeconde / brutParSeconde,
                    pipelineParSeconde, pipelineParSeconde / brutParSeconde, demarrageSecondes,
                    picTasOctets / 1_048_576, tasMaxOctets / 1_048_576, verifie ? "OK" : "ÉCHEC",
                    Pluriel.de(Runtime.getRuntime().availableProcessors(), "cœur", "cœurs"), System.getProperty("java.version"));
        }
    }

    public Resultat executer() throws Exception {
        Path dossier = Files.createTempDirectory("croisements-bench");
        Territoire pompey = Territoires.charger("bassin-de-pompey");
        var simulateur = new LeveesSimulateur(pompey, graine, Pseudonymiseur.avecCle(new byte[32]));
        List<LeveeBac> levees = simulateur.periode(DEBUT, DEBUT.plus(Duration.ofDays(7L * semaines))).toList();
        log.info("{} lifts generated for {} weeks", levees.size(), semaines);
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
            try (var pipeline = new Pipeline(List.of(pompey), settings);
                    var cellules = new SuiviCellules(bootstrap)) {
                long t2 = System.nanoTime();
                pipeline.start().awaitRunning(Duration.ofMinutes(2));
                long t3 = System.nanoTime();
                boolean complet = cellules.attendreLevees(levees.size(), Duration.ofMinutes(30));
                double pipelineParSeconde = levees.size() / secondesDepuis(t3);
                echantillonneur.interrupt();
                return new Resultat(levees.size(), brutParSeconde, ingestionParSeconde, pipelineParSeconde,
                        (t3 - t2) / 1e9, pic.get(), memoire.getHeapMemoryUsage().getMax(),
                        complet && !cellules.secretes(), cellules.nombre());
            }
        } finally {
            fr.croisements.app.Dossiers.effacerSansErreur(dossier);
        }
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
