package fr.croisements.app.bench;

import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Topic;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.waste.EtapesTauxPresentation;
import fr.croisements.streams.waste.TauxPresentationTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;

/**
 * Each stage of the presentation-rate crossing alone, on the lifts already on {@code dechets-levees}:
 * its source alone, then cumulative cuts of the crossing ({@link EtapesTauxPresentation}, then the whole crossing alone), each its
 * own Kafka Streams application (own application id, empty state folder, the pipeline's exactly-once
 * settings), one after the other. Each is timed from RUNNING until its committed output (read_committed)
 * counts every lift replayed: the lifts before {@code fin}. The latency probes, one week later at the end of
 * the topic, are processed too but not counted (their few cells are secret, so show no count).
 */
final class EtapesSeules {

    static final String LIRE = "lire seul (Kafka Streams : lire, écrire, exactly-once)";
    static final String LOCALISER = "localiser seul (lire, commune, bac nouveau, écrire)";
    static final String FENETRE = "+ fenêtre (répartir par commune, compter par semaine)";
    static final String CROISEMENT = "croisement seul (+ jointure Insee, stockage, publication)";

    private static final Duration LIMITE = Duration.ofMinutes(30);

    private EtapesSeules() {
    }

    static List<Benchmark.Etape> mesurer(String bootstrap, Territoire territoire, int partitions, Path dossier,
            long levees, Instant fin) throws InterruptedException {
        var locator = new CommuneLocator(territoire.communes());
        var sortieLues = new Topic<>("bench-etape-lues", Serdes.String(), Serdes.ByteArray(), false);
        var sortieLocalisees = new Topic<>("bench-etape-localisees", Serdes.String(), Serdes.ByteArray(), false);
        var sortieComptages = new Topic<>("bench-etape-comptages", Serdes.String(), Serdes.Long(), false);
        TopicsAdmin.creer(bootstrap, List.of(sortieLues, sortieLocalisees, sortieComptages), partitions, (short) 1);
        List<Benchmark.Etape> etapes = new ArrayList<>();
        try (var suivi = new SuiviSortie(bootstrap, sortieLues.name(), false, fin)) {
            etapes.add(mesurer(LIRE, "lire", EtapesTauxPresentation.lire(sortieLues.name()), suivi::attendreLevees, levees,
                    bootstrap, dossier));
        }
        try (var suivi = new SuiviSortie(bootstrap, sortieLocalisees.name(), false, fin)) {
            etapes.add(mesurer(LOCALISER, "localiser", EtapesTauxPresentation.localiser(locator, sortieLocalisees.name()),
                    suivi::attendreLevees, levees, bootstrap, dossier));
        }
        try (var suivi = new SuiviSortie(bootstrap, sortieComptages.name(), true, fin)) {
            etapes.add(mesurer(FENETRE, "fenetre", EtapesTauxPresentation.fenetre(locator, sortieComptages.name()),
                    suivi::attendreLevees, levees, bootstrap, dossier));
        }
        // the cells topic already holds the pipeline's cells: followed from its end
        try (var suivi = new SuiviCellules(bootstrap, true, fin)) {
            etapes.add(mesurer(CROISEMENT, "croisement", new TauxPresentationTopology(locator).build(),
                    suivi::attendreLevees, levees, bootstrap, dossier));
        }
        return etapes;
    }

    /** Until the stage's output counts {@code attendues} lifts: false when {@code delai} runs out first. */
    private interface Attente {
        boolean attendreLevees(long attendues, Duration delai);
    }

    private static Benchmark.Etape mesurer(String libelle, String nom, Topology topologie, Attente attente, long levees,
            String bootstrap, Path dossier) throws InterruptedException {
        String id = "croisements-bench-etape-" + nom;
        try (var application = new Pipeline(topologie, new StreamsSettings(bootstrap, id, dossier.resolve(id), 1, null))) {
            application.start();
            application.awaitRunning(Duration.ofMinutes(2));
            long t0 = System.nanoTime();
            boolean complete = attente.attendreLevees(levees, LIMITE);
            return new Benchmark.Etape(libelle, levees, levees / ((System.nanoTime() - t0) / 1e9), complete);
        }
    }

    private static Properties proprietes(String bootstrap) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return props;
    }

    /**
     * Follows the committed output of a stage from its beginning: counts its records, or, {@code parCle},
     * keeps the latest lift count of each key (a commune and week) and adds them up; only the records of
     * lifts before {@code fin} (the time of the record: its lift's, or the latest of its week's).
     */
    private static final class SuiviSortie implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final boolean parCle;
        private final LongDeserializer longs = new LongDeserializer();
        private final Map<String, Long> dernieres = new HashMap<>();
        private final long fin;
        private long levees;

        SuiviSortie(String bootstrap, String topic, boolean parCle, Instant fin) {
            this.parCle = parCle;
            this.fin = fin.toEpochMilli();
            consumer = new KafkaConsumer<>(proprietes(bootstrap), new StringDeserializer(), new ByteArrayDeserializer());
            var parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        boolean attendreLevees(long attendues, Duration delai) {
            long limite = System.nanoTime() + delai.toNanos();
            while (levees != attendues && System.nanoTime() < limite) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.timestamp() >= fin) {
                        continue;
                    }
                    if (parCle) {
                        long compte = longs.deserialize(record.topic(), record.value());
                        Long avant = dernieres.put(record.key(), compte);
                        levees += compte - (avant == null ? 0 : avant);
                    } else {
                        levees++;
                    }
                }
            }
            return levees == attendues;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
