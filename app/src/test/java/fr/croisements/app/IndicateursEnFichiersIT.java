package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Indicator files on the real embedded broker: a copy of the shipped example under a new id,
 * dropped into the folder of a running instance, appears in the API and on the map with cells equal
 * to a direct computation from the lifts; a broken file is refused with its line while the others
 * keep running; removing the file takes the indicator away. Then {@code indicateur verifier} and
 * {@code indicateur essayer} on the same topic.
 */
class IndicateursEnFichiersIT {

    /** Monday 2025-03-03, a week of simulated lifts of the Bassin de Pompey. */
    private static final Instant LUNDI = Instant.parse("2025-03-02T23:00:00Z");
    private static final Path EXEMPLE = Path.of("../indicateurs/ordures-menageres-par-habitant.yaml");
    private static Path dossier;
    private static EmbeddedKafka broker;
    private static Territoire pompey;
    private static List<LeveeBac> levees;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-indicateurs");
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        pompey = Territoires.charger("bassin-de-pompey");
        var pseudonymiseur = Pseudonymiseur.avecCle("cle-de-test-des-indicateurs".getBytes(StandardCharsets.UTF_8));
        levees = new LeveesSimulateur(pompey, 11, pseudonymiseur).periode(LUNDI, LUNDI.plus(Duration.ofDays(7))).toList();
        fr.croisements.app.kafka.TopicsAdmin.creer(broker.bootstrapServers(), Topics.TOUS, 2, (short) 1);
        try (var producer = KafkaClients.producer(broker.bootstrapServers(), Topics.DECHETS_LEVEES, "it-levees")) {
            for (LeveeBac l : levees) {
                producer.send(new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null, l.instant().toEpochMilli(), l.idBac(), l));
            }
        }
    }

    @AfterAll
    static void arreter() {
        broker.close();
        Dossiers.effacerSansErreur(dossier);
    }

    @Test
    void aFileDroppedIntoARunningInstanceShowsItsCellsAndLeavesWithIt() throws Exception {
        Path indicateurs = Files.createDirectories(dossier.resolve("indicateurs"));
        var options = new Application.Options(broker.bootstrapServers(), 0, dossier.resolve("etat"), 2, (short) 1, null,
                indicateurs);
        try (var application = Application.demarrer(List.of(pompey), options)) {
            int port = application.port();
            Files.writeString(indicateurs.resolve("omr-essai.yaml"), Files.readString(EXEMPLE)
                    .replace("id: ordures-menageres-par-habitant", "id: omr-essai"));
            Map<String, Double> attendu = attendu();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode definitions = PipelineContract.getJson(port, "/api/indicateurs");
                assertThat(definitions).anySatisfy(d -> {
                    assertThat(d.get("id").asText()).isEqualTo("omr-essai");
                    assertThat(d.get("fichier").asText()).isEqualTo("omr-essai.yaml");
                    assertThat(d.get("unite").asText()).isEqualTo("kg par habitant");
                });
                JsonNode carte = PipelineContract.getJson(port, "/api/territoires/bassin-de-pompey/communes.geojson?indicateur=omr-essai");
                Map<String, Double> affiche = new HashMap<>();
                for (JsonNode f : carte.get("features")) {
                    JsonNode p = f.get("properties");
                    if (p.get("valeur").isNumber()) {
                        affiche.put(p.get("code").asText(), p.get("valeur").asDouble());
                    }
                }
                assertThat(affiche).isEqualTo(attendu);
            });
            JsonNode territoire = PipelineContract.getJson(port, "/api/territoires/bassin-de-pompey");
            assertThat(territoire.toString()).contains("omr-essai");
            // an operable instance: alive, ready, and its meters in Prometheus' format
            assertThat(PipelineContract.getJson(port, "/sante").get("etat").asText()).isEqualTo("vivant");
            assertThat(PipelineContract.getJson(port, "/pret").get("etat").asText()).isEqualTo("prêt");
            assertThat(PipelineContract.get(port, "/metriques")).contains("kafka_stream_")
                    .contains("http_requetes_seconds_count{application=\"croisements\",route=\"/api/territoires/{id}\",statut=\"200\"}")
                    .contains("direct_clients").contains("indicateurs_fichiers{application=\"croisements\"} 1.0");
            // exports and catalogue, as for a built-in indicator, saying which file declares it
            String csv = PipelineContract.get(port, "/api/indicateurs/omr-essai/territoires/bassin-de-pompey.csv");
            assertThat(csv.lines().count()).isGreaterThan(attendu.size());
            assertThat(csv).contains("Pompey");
            assertThat(PipelineContract.get(port, "/catalogue.jsonld")).contains("omr-essai")
                    .contains("Indicateur déclaré par le fichier « omr-essai.yaml »");

            // changed: its new words show, and its cells are computed again
            Files.writeString(indicateurs.resolve("omr-essai.yaml"), Files.readString(indicateurs.resolve("omr-essai.yaml"))
                    .replace("libelle: Ordures ménagères résiduelles par habitant", "libelle: Déchets résiduels par habitant"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(PipelineContract.getJson(port, "/api/indicateurs").toString()).contains("Déchets résiduels par habitant")
                        .doesNotContain("Ordures ménagères résiduelles par habitant");
                JsonNode carte = PipelineContract.getJson(port, "/api/territoires/bassin-de-pompey/communes.geojson?indicateur=omr-essai");
                long valeurs = 0;
                for (JsonNode f : carte.get("features")) {
                    valeurs += f.get("properties").get("valeur").isNumber() ? 1 : 0;
                }
                assertThat(valeurs).isEqualTo(attendu.size());
            });

            // a broken file is refused with its line, and the others keep running
            Files.writeString(indicateurs.resolve("casse.yaml"), "id: casse\nlibelle: Cassé\nunite: kg\nfenetre:\n  durée: semaine\n");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode fichiers = PipelineContract.getJson(port, "/api/indicateurs/fichiers");
                assertThat(fichiers).anySatisfy(f -> {
                    assertThat(f.get("fichier").asText()).isEqualTo("casse.yaml");
                    assertThat(f.get("actif").asBoolean()).isFalse();
                    assertThat(f.get("problemes").toString()).contains("champ inconnu « durée »").contains("\"ligne\":5");
                });
                assertThat(fichiers).anySatisfy(f -> {
                    assertThat(f.get("fichier").asText()).isEqualTo("omr-essai.yaml");
                    assertThat(f.get("actif").asBoolean()).isTrue();
                });
            });
            assertThat(PipelineContract.getJson(port, "/api/indicateurs").toString()).contains("\"omr-essai\"")
                    .doesNotContain("\"casse\"");

            // removed: the indicator leaves the API and the map
            Files.delete(indicateurs.resolve("omr-essai.yaml"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(PipelineContract.getJson(port, "/api/indicateurs").toString()).doesNotContain("omr-essai"));
            assertThat(application.registre().parId("omr-essai")).isEmpty();
        }
    }

    @Test
    void verifierReportsAPointerThatMatchesNothingAndEssayerPrintsTheCells() throws Exception {
        Path fichier = dossier.resolve("poids.yaml");
        Files.writeString(fichier, Files.readString(EXEMPLE)
                .replace("  fonction: somme\n  champ: /poidsKg", "  fonction: somme\n  champ: /poids"));
        var verification = executer("indicateur", "verifier", fichier.toString(), "--bootstrap-servers", broker.bootstrapServers());
        assertThat(verification.code()).isEqualTo(1);
        assertThat(verification.err()).contains("poids.yaml:42:3 : le pointeur JSON « /poids » ne trouve rien dans les")
                .contains("/poidsKg").contains("1 problème.");

        var valide = executer("indicateur", "verifier", EXEMPLE.toString(), "--bootstrap-servers", broker.bootstrapServers());
        assertThat(valide.code()).isZero();
        assertThat(valide.out()).contains("ordures-menageres-par-habitant.yaml : valide.");

        var essai = executer("indicateur", "essayer", EXEMPLE.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--lignes", "13");
        assertThat(essai.code()).isZero();
        assertThat(essai.out()).contains(String.format("%d enregistrements lus", levees.size()).replaceAll("(\\d)(?=(\\d{3})+ )", "$1 "))
                .contains("13 cellules calculées").contains("Pompey").contains("Rien n'a été publié.");
        // every displayed value is the direct computation's
        Map<String, Double> attendu = attendu();
        attendu.forEach((code, valeur) -> assertThat(essai.out()).contains(code + " | "));
    }

    /** Per commune, the week's weighed OMR kilos divided by the INSEE population, when not secret. */
    private static Map<String, Double> attendu() {
        var locator = new fr.croisements.streams.geo.CommuneLocator(pompey.communes());
        Map<String, Double> poids = new HashMap<>();
        Map<String, Map<String, Double>> parBac = new HashMap<>();
        for (LeveeBac l : levees) {
            if (l.poidsKg() == null || !"OMR".equals(l.flux())) {
                continue;
            }
            String code = locator.codeInseeAt(l.longitude(), l.latitude()).orElse(null);
            if (code != null) {
                poids.merge(code, l.poidsKg(), Double::sum);
                parBac.computeIfAbsent(code, c -> new HashMap<>()).merge(l.idBac(), l.poidsKg(), Double::sum);
            }
        }
        Map<String, Double> attendu = new HashMap<>();
        poids.forEach((code, kg) -> {
            var bacs = parBac.get(code);
            double plusGros = bacs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (bacs.size() >= 11 && plusGros / kg <= 0.85) {
                double population = pompey.commune(code).orElseThrow().chiffre(Commune.POPULATION);
                attendu.put(code, BigDecimal.valueOf(kg).divide(BigDecimal.valueOf(population), 10, RoundingMode.HALF_UP)
                        .setScale(2, RoundingMode.HALF_UP).doubleValue());
            }
        });
        assertThat(attendu).hasSizeGreaterThan(5);
        return attendu;
    }

    private record Sortie(int code, String out, String err) {}

    private static Sortie executer(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var ligne = new CommandLine(new Croisements());
        ligne.setOut(new PrintWriter(out, true));
        ligne.setErr(new PrintWriter(err, true));
        int code = ligne.execute(arguments);
        return new Sortie(code, out.toString(), err.toString());
    }

    static List<String> ids(JsonNode definitions) {
        var ids = new ArrayList<String>();
        definitions.forEach(d -> ids.add(d.get("id").asText()));
        return ids;
    }
}
