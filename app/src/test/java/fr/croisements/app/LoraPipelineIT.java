package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.DecodeurRegistre;
import fr.croisements.ingest.lora.Lecture;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.ingest.lora.LoraSimulateur;
import fr.croisements.ingest.lora.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * From the simulated Grand Poitiers fleet, through the real TTS and ChirpStack adapters and the
 * pipeline on the embedded broker, to the map's API: the daily maxima and the people aged 75+
 * exposed must equal a direct computation over the same uplinks.
 */
class LoraPipelineIT {

    private static final Instant DEBUT = Instant.parse("2025-07-01T00:00:00Z");
    private static final Instant FIN = Instant.parse("2025-07-04T00:00:00Z");
    private static Path dossier;
    private static EmbeddedKafka broker;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-lora");
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
    }

    @AfterAll
    static void arreter() {
        broker.close();
        Dossiers.effacerSansErreur(dossier);
    }

    @Test
    void theMapGivesTheDailyMaximaAndThePeopleAged75AndOverExposedAsComputedDirectly() throws Exception {
        Territoire poitiers = Territoires.charger("grand-poitiers");
        var flotte = new LoraSimulateur(poitiers, 42, Scenario.canicule(LocalDate.of(2025, 7, 2), 5),
                Instant.parse("2025-06-30T00:00:00Z"));
        List<LoraUplink> uplinks = new ArrayList<>();
        var registre = DecodeurRegistre.standard();
        flotte.messages(DEBUT, FIN).forEach(m -> {
            try {
                Lecture lecture = LoraAdapter.pour(m.source(), registre, flotte.appareils())
                        .lire(JsonSerde.MAPPER.readTree(m.json()), m.evenement());
                if (lecture instanceof Lecture.Uplink u) {
                    uplinks.add(u.uplink());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, List<String>> attendu = attendu(poitiers, uplinks);
        assertThat(attendu).isNotEmpty();
        assertThat(attendu.values().stream().flatMap(List::stream)).anyMatch(l -> l.endsWith(" / exposés"));

        var options = new Application.Options(broker.bootstrapServers(), 0, dossier.resolve("etat"), 4, (short) 1, null);
        try (var application = Application.demarrer(List.of(poitiers), options)) {
            publier(uplinks);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(historiques(application.port(), attendu.keySet())).isEqualTo(attendu));
        }
    }

    /** Per commune with sensors, one line per day: "day / max °C / exposed or not", without Kafka. */
    private static Map<String, List<String>> attendu(Territoire territoire, List<LoraUplink> uplinks) {
        var factory = new GeometryFactory();
        Map<String, TreeMap<Instant, Double>> maxima = new TreeMap<>();
        for (LoraUplink u : uplinks) {
            if (u.position() == null || !u.mesures().containsKey("temperature")) {
                continue;
            }
            var point = factory.createPoint(new Coordinate(u.position().longitude(), u.position().latitude()));
            territoire.communes().stream().filter(c -> c.contour().contains(point)).map(Commune::codeInsee).findFirst()
                    .ifPresent(code -> maxima.computeIfAbsent(code, k -> new TreeMap<>())
                            .merge(u.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS),
                                    u.mesures().get("temperature").valeur(), Math::max));
        }
        Map<String, List<String>> lignes = new TreeMap<>();
        maxima.forEach((code, jours) -> jours.forEach((jour, max) -> lignes.computeIfAbsent(code, k -> new ArrayList<>())
                .add(jour + " / " + Math.round(max * 10.0) / 10.0 + " / "
                        + (max >= Indicateurs.SEUIL_CHALEUR ? "exposés" : "non exposés"))));
        return lignes;
    }

    private static Map<String, List<String>> historiques(int port, java.util.Set<String> codes) throws Exception {
        Map<String, List<String>> lignes = new TreeMap<>();
        for (String code : codes) {
            List<Indicateur> cellules = JsonSerde.MAPPER.convertValue(PipelineContract.getJson(port,
                    "/api/indicateurs/" + Indicateurs.EXPOSITION_CHALEUR_75_PLUS.id() + "/communes/" + code + "/historique"),
                    new TypeReference<List<Indicateur>>() {});
            for (Indicateur c : cellules) {
                boolean exposes = c.valeur() != null && c.valeur() > 0 && c.valeur().equals(c.denominateur());
                lignes.computeIfAbsent(code, k -> new ArrayList<>()).add(c.debut() + " / " + c.mesures().get("temperature_max")
                        + " / " + (exposes ? "exposés" : "non exposés"));
            }
        }
        return lignes;
    }

    private static void publier(List<LoraUplink> uplinks) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(props, Topics.LORA_UPLINKS.keySerde().serializer(),
                Topics.LORA_UPLINKS.valueSerde().serializer())) {
            for (LoraUplink u : uplinks) {
                producer.send(new ProducerRecord<>(Topics.LORA_UPLINKS.name(), null, u.instant().toEpochMilli(), u.devEui(), u));
            }
            producer.flush();
        }
    }
}
