package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the pipeline against one broker, one application id, one standby replica: each
 * holds about half of the partitions, and each answers the whole map, routing to the other what it
 * does not hold. When one instance's streams stop, the other answers every query at once, complete,
 * from its standby replicas, then from the tasks it takes over.
 */
class PlusieursInstancesIT {

    private static final Instant LUNDI = Instant.parse("2025-03-03T00:00:00Z");
    private static final String CARTE = "/api/territoires/bassin-de-pompey/communes.geojson?indicateur="
            + Indicateurs.TAUX_PRESENTATION_BACS.id();
    private static Path dossier;
    private static EmbeddedKafka broker;
    private static Application premiere;
    private static Application seconde;
    /** The map as a direct computation from the lifts gives it: bins of the week over INSEE households. */
    private static final Map<String, String> ATTENDUE = new TreeMap<>();
    /** The zones the stores are asked for: the territory's communes. */
    private static List<String> COMMUNES;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-instances");
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        List<Territoire> territoires = List.of(Territoires.charger("bassin-de-pompey"));
        COMMUNES = territoires.get(0).communes().stream().map(c -> c.codeInsee()).toList();
        premiere = Application.demarrer(territoires, options("a"));
        seconde = Application.demarrer(territoires, options("b"));
        var pseudonymiseur = Pseudonymiseur.avecCle("cle-de-test-des-instances".getBytes(StandardCharsets.UTF_8));
        List<LeveeBac> levees = new LeveesSimulateur(territoires.get(0), 5, pseudonymiseur)
                .periode(LUNDI, LUNDI.plus(Duration.ofDays(7))).toList();
        try (var producer = KafkaClients.producer(broker.bootstrapServers(), Topics.DECHETS_LEVEES, "it-instances")) {
            levees.forEach(l -> producer.send(new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null,
                    l.instant().toEpochMilli(), l.idBac(), l)));
        }
        var locator = new fr.croisements.streams.geo.CommuneLocator(territoires.get(0).communes());
        Map<String, java.util.Set<String>> bacs = new TreeMap<>();
        levees.forEach(l -> locator.codeInseeAt(l.longitude(), l.latitude())
                .ifPresent(code -> bacs.computeIfAbsent(code, c -> new java.util.HashSet<>()).add(l.idBac())));
        bacs.forEach((code, ids) -> {
            double menages = territoires.get(0).commune(code).orElseThrow().chiffre("menages");
            ATTENDUE.put(code, ids.size() < Indicateurs.SEUIL_SECRET ? "secret"
                    : String.valueOf(Math.round(1000.0 * ids.size() / menages) / 10.0));
        });
    }

    private static Application.Options options(String nom) {
        return new Application.Options(broker.bootstrapServers(), 0, dossier.resolve("etat-" + nom), 4, (short) 1, null,
                null, null, 1);
    }

    @AfterAll
    static void arreter() {
        for (AutoCloseable a : new AutoCloseable[] {seconde, premiere, broker}) {
            try {
                if (a != null) {
                    a.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
        Dossiers.effacerSansErreur(dossier);
    }

    @Test
    void bothInstancesAnswerTheWholeMapAndTheSurvivorStaysCompleteWhenOneStops() throws Exception {
        assertThat(ATTENDUE).hasSize(13);
        // every lift counted, on both maps: each equals the direct computation
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(valeurs(premiere.port())).as("the first instance's map").isEqualTo(ATTENDUE);
            assertThat(valeurs(seconde.port())).as("the second instance's map").isEqualTo(ATTENDUE);
        });
        // the periods list and a period's map, gathered the same way (POST …/fenetres and …/cellules with the zones)
        String periodes = "/api/territoires/bassin-de-pompey/periodes?indicateur=" + Indicateurs.TAUX_PRESENTATION_BACS.id();
        for (Application instance : List.of(premiere, seconde)) {
            JsonNode fenetres = PipelineContract.getJson(instance.port(), periodes);
            JsonNode derniere = fenetres.get(fenetres.size() - 1);
            assertThat(derniere.get("communes").asInt()).as("communes with a cell in the latest week").isEqualTo(13);
            assertThat(valeurs(PipelineContract.getJson(instance.port(), CARTE + "&debut=" + derniere.get("debut").asText())))
                    .as("that week's map").isEqualTo(ATTENDUE);
        }
        // each instance holds only part of the cells: the whole map needed the other one
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            int localesA = premiere.pipeline().queries().dernieres(Indicateurs.TAUX_PRESENTATION_BACS.id(), COMMUNES).size();
            int localesB = seconde.pipeline().queries().dernieres(Indicateurs.TAUX_PRESENTATION_BACS.id(), COMMUNES).size();
            assertThat(localesA).as("communes held by the first instance").isLessThan(13);
            assertThat(localesB).as("communes held by the second instance").isLessThan(13);
            assertThat(localesA + localesB).isEqualTo(13);
        });
        Map<String, String> avant = ATTENDUE;
        // the standby replicas of the second instance's tasks have caught up on the first one
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> premiere.pipeline().queries(true)
                .dernieres(Indicateurs.TAUX_PRESENTATION_BACS.id(), COMMUNES).size() == 13);

        // the second instance's web server stops answering, its streams still run (no rebalance): the first
        // answers the whole map from its standby replicas, and says so
        seconde.arreterCarte();
        // the territory's indicators, read from the stores at every request (the map itself may be kept ready)
        HttpResponse<String> territoire = get(premiere.port(), "/api/territoires/bassin-de-pompey");
        assertThat(territoire.statusCode()).isEqualTo(200);
        assertThat(territoire.headers().firstValue("X-Croisements-Secours")).as("read from a standby replica").hasValue("true");
        assertThat(territoire.headers().firstValue("X-Croisements-Incomplet")).isEmpty();
        assertThat(territoire.body()).contains(Indicateurs.TAUX_PRESENTATION_BACS.id());
        assertThat(valeurs(premiere.port())).isEqualTo(avant);

        seconde.pipeline().close();
        // at once, and until the rebalance is over, the survivor answers the whole map
        for (int i = 0; i < 5; i++) {
            assertThat(valeurs(premiere.port())).isEqualTo(avant);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(premiere.pipeline().queries().dernieres(Indicateurs.TAUX_PRESENTATION_BACS.id(), COMMUNES)).hasSize(13);
            JsonNode carte = PipelineContract.getJson(premiere.port(), CARTE);
            assertThat(valeurs(carte)).isEqualTo(avant);
            assertThat(carte.get("reponse").get("secours").asBoolean()).as("the survivor owns every task").isFalse();
            assertThat(get(premiere.port(), "/api/territoires/bassin-de-pompey").headers()
                    .firstValue("X-Croisements-Secours")).isEmpty();
        });
    }

    private static HttpResponse<String> get(int port, String chemin) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value (or "secret") of each commune on the map of an instance. */
    private static Map<String, String> valeurs(int port) throws Exception {
        return valeurs(PipelineContract.getJson(port, CARTE));
    }

    private static Map<String, String> valeurs(JsonNode carte) {
        var valeurs = new TreeMap<String, String>();
        for (JsonNode f : carte.get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("valeur").isNumber() || p.get("secret").asBoolean()) {
                valeurs.put(p.get("code").asText(), p.get("secret").asBoolean() ? "secret" : p.get("valeur").asText());
            }
        }
        return valeurs;
    }
}
