package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.events.contrats.ValidateurEnregistrements;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import fr.croisements.streams.indicateurs.SemainesIso;
import fr.croisements.viz.contrats.VerificationOpenApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The whole pipeline on a real broker: a fixed simulated month of the Bassin de Pompey goes through
 * Kafka Streams, and the map's API must give exactly the figures computed directly from the same
 * events. Streams is restarted half-way: exactly-once must count nothing twice. Subclasses give the
 * broker (embedded, or a container where Docker exists).
 */
abstract class PipelineContract {

    static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z");
    static final int SEMAINES = 4;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    abstract String bootstrapServers();

    @Test
    void theMapShowsExactlyTheRatesComputedDirectlyFromTheSameSimulatedMonth() throws Exception {
        Territoire pompey = Territoires.charger("bassin-de-pompey");
        var simulateur = new LeveesSimulateur(pompey, 7, Pseudonymiseur.avecCle("cle-de-test-integration".getBytes(StandardCharsets.UTF_8)));
        List<LeveeBac> mois = simulateur.periode(DEBUT, DEBUT.plus(Duration.ofDays(7L * SEMAINES))).toList();
        Instant milieu = DEBUT.plus(Duration.ofDays(14));
        Path etat = Files.createTempDirectory("croisements-it-etat");
        var options = new Application.Options(bootstrapServers(), 0, etat, 4, (short) 1, null);

        try (var application = Application.demarrer(List.of(pompey), options)) {
            publier(mois.stream().filter(l -> l.instant().isBefore(milieu)).toList());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(historiques(application.port(), pompey))
                            .isEqualTo(attendu(pompey, mois.stream().filter(l -> l.instant().isBefore(milieu)).toList())));
            // every route the application registered (webhooks, health, internal API…) is documented in /openapi.json
            assertThat(VerificationOpenApi.problemes(getJson(application.port(), "/openapi.json"))).isEmpty();
            assertThat(getJson(application.port(), "/asyncapi.json").path("channels").has(Topics.DECHETS_LEVEES.name()))
                    .isTrue();
        }
        // a new instance on the same state directory carries on where the first one committed
        try (var application = Application.demarrer(List.of(pompey), options)) {
            publier(mois.stream().filter(l -> !l.instant().isBefore(milieu)).toList());
            Map<String, List<String>> attendu = attendu(pompey, mois);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(historiques(application.port(), pompey)).isEqualTo(attendu));

            JsonNode carte = getJson(application.port(), "/api/territoires/bassin-de-pompey/communes.geojson");
            assertThat(carte.get("features")).hasSize(13);
            for (JsonNode feature : carte.get("features")) {
                String code = feature.get("properties").get("code").asText();
                List<String> cellules = attendu.get(code);
                assertThat(ligne(feature.get("properties"))).isEqualTo(cellules.get(cellules.size() - 1));
            }
            enregistrementsConformes();
        } finally {
            Dossiers.effacerSansErreur(etat);
        }
    }

    @Test
    void unreadableAndUnlocatableLiftsEndInTheRejectsTopicWithTheirPosition() throws Exception {
        Territoire pompey = Territoires.charger("bassin-de-pompey");
        Path etat = Files.createTempDirectory("croisements-it-rejets");
        try (var application = Application.demarrer(List.of(pompey), new Application.Options(bootstrapServers(), 0, etat, 4, (short) 1, null));
                var brut = new KafkaProducer<>(producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
            brut.send(new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), 0, null, "{pas du json".getBytes(StandardCharsets.UTF_8))).get();
            // newer than every lift of the other test, so that it is not rejected as late first
            Instant recent = Instant.now().minus(Duration.ofHours(1));
            publier(List.of(new LeveeBac("bac-a-paris", recent, 2.35, 48.85, "OMR", null, null, true)));

            List<Rejet> rejets = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(consumerProps(), Topics.REJETS.keySerde().deserializer(),
                    Topics.REJETS.valueSerde().deserializer())) {
                var parts = consumer.partitionsFor(Topics.REJETS.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> rejets.add(r.value()));
                    return rejets.stream().anyMatch(r -> r.raison().startsWith("enregistrement illisible"))
                            && rejets.stream().anyMatch(r -> r.raison().contains("hors de toute commune"));
                });
            }
            Rejet illisible = rejets.stream().filter(r -> r.raison().startsWith("enregistrement illisible")).findFirst().orElseThrow();
            assertThat(illisible.position()).startsWith("dechets-levees/0/");
            assertThat(illisible.extrait()).isEqualTo("{pas du json");
            Rejet horsTerritoire = rejets.stream().filter(r -> r.raison().contains("hors de toute commune")).findFirst().orElseThrow();
            assertThat(horsTerritoire.extrait()).contains("bac-a-paris");
            assertThat(horsTerritoire.position()).matches("dechets-levees/\\d/\\d+");
            assertThat(application.pipeline().state().isRunningOrRebalancing()).isTrue();
        } finally {
            Dossiers.effacerSansErreur(etat);
        }
    }

    /**
     * Every record on every topic of the catalogue follows the JSON Schema of its topic (AsyncAPI document): the
     * lifts published, the INSEE rows, the cells and rejects the pipeline wrote. The one exception is the
     * unreadable record the other test of this class writes on purpose.
     */
    private void enregistrementsConformes() {
        var validateur = ValidateurEnregistrements.integre();
        Map<String, Integer> parTopic = new TreeMap<>();
        List<String> erreurs = new ArrayList<>();
        var props = consumerProps();
        try (var consumer = new KafkaConsumer<>(props, new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var parts = Topics.TOUS.stream().flatMap(t -> consumer.partitionsFor(t.name()).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> fins = consumer.endOffsets(parts);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    parTopic.merge(r.topic(), 1, Integer::sum);
                    if (!(r.topic().equals(Topics.DECHETS_LEVEES.name()) && "{pas du json".equals(r.value()))) {
                        validateur.erreurs(r.topic(), r.value()).forEach(e -> erreurs.add(r.topic() + "/" + r.partition()
                                + "/" + r.offset() + " " + e));
                    }
                });
                return fins.entrySet().stream().allMatch(f -> consumer.position(f.getKey()) >= f.getValue());
            });
        }
        assertThat(parTopic).as("records read per topic").containsKeys(Topics.DECHETS_LEVEES.name(),
                Topics.REF_INSEE_COMMUNES.name(), Topics.INDICATEURS_TAUX_PRESENTATION.name());
        assertThat(erreurs).as("records that do not follow their topic's schema").isEmpty();
    }

    /** Per commune, one line per week: "week start / bins / lifts / rate", computed without Kafka. */
    static Map<String, List<String>> attendu(Territoire territoire, List<LeveeBac> levees) {
        var factory = new GeometryFactory();
        Map<String, Map<Instant, Set<String>>> bacs = new TreeMap<>();
        Map<String, Map<Instant, Integer>> comptes = new HashMap<>();
        for (LeveeBac l : levees) {
            var point = factory.createPoint(new Coordinate(l.longitude(), l.latitude()));
            String code = territoire.communes().stream().filter(c -> c.contour().contains(point))
                    .map(Commune::codeInsee).findFirst().orElseThrow();
            Instant semaine = SemainesIso.debut(l.instant());
            bacs.computeIfAbsent(code, k -> new TreeMap<>()).computeIfAbsent(semaine, k -> new HashSet<>()).add(l.idBac());
            comptes.computeIfAbsent(code, k -> new HashMap<>()).merge(semaine, 1, Integer::sum);
        }
        Map<String, List<String>> lignes = new TreeMap<>();
        bacs.forEach((code, semaines) -> {
            double menages = territoire.commune(code).orElseThrow().chiffre(Commune.MENAGES);
            semaines.forEach((semaine, ids) -> lignes.computeIfAbsent(code, k -> new ArrayList<>()).add(
                    semaine + " / " + ids.size() + " / " + comptes.get(code).get(semaine) + " / "
                            + Math.round(1000.0 * ids.size() / menages) / 10.0));
        });
        return lignes;
    }

    private static Map<String, List<String>> historiques(int port, Territoire territoire) throws Exception {
        Map<String, List<String>> lignes = new TreeMap<>();
        for (Commune commune : territoire.communes()) {
            List<Indicateur> cellules = JsonSerde.MAPPER.convertValue(
                    getJson(port, "/api/indicateurs/taux-presentation-bacs/communes/" + commune.codeInsee() + "/historique"),
                    new TypeReference<List<Indicateur>>() {});
            for (Indicateur c : cellules) {
                lignes.computeIfAbsent(commune.codeInsee(), k -> new ArrayList<>()).add(c.secret() ? c.debut() + " / secret"
                        : c.debut() + " / " + c.numerateur().longValue() + " / " + c.mesures().get("levees").longValue()
                                + " / " + c.valeur());
            }
        }
        return lignes;
    }

    private static String ligne(JsonNode p) {
        return Instant.parse(p.get("debut").asText()) + " / " + p.get("numerateur").asLong() + " / "
                + p.get("levees").asLong() + " / " + p.get("valeur").asDouble();
    }

    static JsonNode getJson(int port, String chemin) throws IOException, InterruptedException {
        return JsonSerde.MAPPER.readTree(get(port, chemin));
    }

    /** The body of a GET answered 200. */
    static String get(int port, String chemin) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", chemin, response.body()).isEqualTo(200);
        return response.body();
    }

    private void publier(List<LeveeBac> levees) throws Exception {
        try (var producer = new KafkaProducer<>(producerProps(), Topics.DECHETS_LEVEES.keySerde().serializer(),
                Topics.DECHETS_LEVEES.valueSerde().serializer())) {
            for (LeveeBac l : levees) {
                producer.send(new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null, l.instant().toEpochMilli(), l.idBac(), l));
            }
            producer.flush();
        }
    }

    private Properties producerProps() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private Properties consumerProps() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }
}
