package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.LoraEnDirect;
import fr.croisements.ingest.stationnement.PlaceVoirie;
import fr.croisements.ingest.stationnement.ScenarioVoirie;
import fr.croisements.ingest.stationnement.StationnementSimulateur;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.geo.LocalisateurZone;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.stationnement.StationnementTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Antony's simulated parking sensors, played through the real TTS adapter ({@link LoraEnDirect}, the
 * demo's machinery, at high speed) into the embedded broker, then through the stays crossing: the
 * rotation of every IRIS and day, and the occupancy of every IRIS and hour, equal a direct computation
 * over the stays the simulator drew. The IRIS of a space is found by a test locator (the IRIS each space
 * was placed in); the pipeline's IRIS locator built from the contours replaces it once merged.
 */
class StationnementPipelineIT {

    private static final Instant DEBUT = Instant.parse("2026-03-02T23:00:00Z"); // Tuesday 3 March, midnight in Paris
    private static final Instant FIN = DEBUT.plus(Duration.ofDays(1));
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static Path dossier;
    private static EmbeddedKafka broker;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-stationnement");
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        TopicsAdmin.creer(broker.bootstrapServers(), Topics.TOUS, 2, (short) 1);
    }

    @AfterAll
    static void arreter() {
        broker.close();
        Dossiers.effacerSansErreur(dossier);
    }

    /** The IRIS each simulated space was placed in: the one within 30 m of the point. */
    static LocalisateurZone localisateur(List<PlaceVoirie> places) {
        return (lon, lat) -> places.stream()
                .filter(p -> Math.abs(p.longitude() - lon) < 4e-4 && Math.abs(p.latitude() - lat) < 3e-4)
                .map(PlaceVoirie::codeIris).findFirst();
    }

    @Test
    void theRotationAndOccupancyOfEveryIrisEqualADirectComputationOverTheSimulatedStays() throws Exception {
        var sim = new StationnementSimulateur(42, new ScenarioVoirie(ScenarioVoirie.MARCHE));
        var sejours = sim.sejours(DEBUT, FIN).stream().filter(s -> s.depart().isBefore(FIN)).toList();
        Map<String, String> attenduJours = jours(sim.places(), sejours);
        Map<String, String> attenduHeures = heures(sim.places(), sejours);
        assertThat(attenduJours.keySet().stream().map(k -> k.substring(0, 9)).distinct()).hasSizeGreaterThanOrEqualTo(20);

        var topologie = Entrees.topologie(new CommuneLocator(List.of()), List.of(new StationnementTopology(localisateur(sim.places()))));
        var reglages = new StreamsSettings(broker.bootstrapServers(), "it-stationnement", dossier.resolve("etat"), 1, null);
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var pipeline = new Pipeline(topologie, reglages).start();
                var uplinks = new KafkaProducer<>(props, Topics.LORA_UPLINKS.keySerde().serializer(), Topics.LORA_UPLINKS.valueSerde().serializer());
                var statuts = new KafkaProducer<>(props, Topics.LORA_STATUTS.keySerde().serializer(), Topics.LORA_STATUTS.valueSerde().serializer());
                var rejets = new KafkaProducer<>(props, Topics.REJETS.keySerde().serializer(), Topics.REJETS.valueSerde().serializer());
                var consommateur = consommateur()) {
            pipeline.awaitRunning(Duration.ofSeconds(60));
            // one simulated day in about a second, through the TTS adapter as in the demo
            var direct = new LoraEnDirect(sim.appareils(), sim.iterateur(DEBUT, FIN), "simulateur-stationnement", uplinks, statuts,
                    rejets, DEBUT, FIN, 86_400);
            direct.start();
            consommateur.subscribe(List.of(Indicateurs.ROTATION_STATIONNEMENT.topic(), Indicateurs.OCCUPATION_VOIRIE.topic()));
            var jours = new TreeMap<String, String>();
            var heures = new TreeMap<String, String>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (var r : consommateur.poll(Duration.ofMillis(200))) {
                    Indicateur c = r.value();
                    if (c.indicateur().equals(Indicateurs.ROTATION_STATIONNEMENT.id())) {
                        jours.put(c.codeZone() + " " + c.debut(), ligneJour(c));
                    } else {
                        heures.put(c.codeZone() + " " + c.debut(), String.valueOf(c.valeur()));
                    }
                }
                assertThat(direct.erreur()).isEmpty();
                assertThat(jours).isEqualTo(attenduJours);
                assertThat(heures).isEqualTo(attenduHeures);
            });
            direct.close();
        }
    }

    private static KafkaConsumer<String, Indicateur> consommateur() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), JsonSerde.of(Indicateur.class).deserializer());
    }

    private static String ligneJour(Indicateur c) {
        return c.valeur() + " / " + c.mesures().get("sejours") + " / " + c.mesures().get("duree_mediane") + " / "
                + c.mesures().get("part_depassements") + " / " + c.mesures().get("taux_occupation");
    }

    private static double arrondi(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    /** Per IRIS and day of arrival (Paris): rotation, stays, median, overstays, occupancy 9:00-19:00, without Kafka. */
    static Map<String, String> jours(List<PlaceVoirie> places, List<StationnementSimulateur.Sejour> sejours) {
        Map<String, Long> placesParIris = places.stream().collect(Collectors.groupingBy(PlaceVoirie::codeIris, Collectors.counting()));
        var parCle = new TreeMap<String, List<StationnementSimulateur.Sejour>>();
        var minutes = new TreeMap<String, Double>();
        for (var s : sejours) {
            LocalDate arrivee = LocalDate.ofInstant(s.arrivee(), PARIS);
            parCle.computeIfAbsent(s.place().codeIris() + " " + arrivee.atStartOfDay(PARIS).toInstant(), k -> new ArrayList<>()).add(s);
            for (LocalDate j = arrivee; !j.isAfter(LocalDate.ofInstant(s.depart(), PARIS)); j = j.plusDays(1)) {
                Instant a = max(s.arrivee(), j.atTime(9, 0).atZone(PARIS).toInstant());
                Instant b = min(s.depart(), j.atTime(19, 0).atZone(PARIS).toInstant());
                String cle = s.place().codeIris() + " " + j.atStartOfDay(PARIS).toInstant();
                minutes.merge(cle, b.isAfter(a) ? Duration.between(a, b).toMillis() / 60_000.0 : 0, Double::sum);
                parCle.computeIfAbsent(cle, k -> new ArrayList<>());
            }
        }
        var lignes = new TreeMap<String, String>();
        parCle.forEach((cle, l) -> {
            long n = placesParIris.get(cle.substring(0, 9));
            var durees = l.stream().map(s -> Duration.between(s.arrivee(), s.depart()).toMillis() / 60_000.0).sorted().toList();
            long depassements = l.stream().filter(s -> Duration.between(s.arrivee(), s.depart()).toMillis() / 60_000.0
                    > s.place().limiteMinutes()).count();
            Double mediane = durees.isEmpty() ? null : arrondi(durees.size() % 2 == 1 ? durees.get(durees.size() / 2)
                    : (durees.get(durees.size() / 2 - 1) + durees.get(durees.size() / 2)) / 2);
            lignes.put(cle, arrondi(l.size() / (double) n) + " / " + (double) l.size() + " / " + mediane + " / "
                    + (durees.isEmpty() ? null : arrondi(100.0 * depassements / durees.size())) + " / "
                    + arrondi(100.0 * minutes.get(cle) / (n * 600.0)));
        });
        return lignes;
    }

    /** Per IRIS and UTC hour touched by a stay: occupancy in %, without Kafka. */
    static Map<String, String> heures(List<PlaceVoirie> places, List<StationnementSimulateur.Sejour> sejours) {
        Map<String, Long> placesParIris = places.stream().collect(Collectors.groupingBy(PlaceVoirie::codeIris, Collectors.counting()));
        var minutes = new TreeMap<String, Double>();
        for (var s : sejours) {
            Instant h0 = s.arrivee().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            for (Instant h = h0; h.isBefore(s.depart()); h = h.plus(Duration.ofHours(1))) {
                Instant a = max(s.arrivee(), h);
                Instant b = min(s.depart(), h.plus(Duration.ofHours(1)));
                minutes.merge(s.place().codeIris() + " " + h, Duration.between(a, b).toMillis() / 60_000.0, Double::sum);
            }
        }
        var lignes = new TreeMap<String, String>();
        minutes.forEach((cle, m) -> lignes.put(cle, String.valueOf(arrondi(100.0 * m / (placesParIris.get(cle.substring(0, 9)) * 60.0)))));
        return lignes;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
