package fr.croisements.viz;

import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.io.WKTReader;

/** The IRIS level of the API: iris.geojson, the periods and the CSV by IRIS, the levels of each indicator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IrisRoutesTest {

    static final String DENSITE = Indicateurs.DENSITE.id();
    /** The declared median income of the IRIS: its own indicator, at IRIS level only. */
    static final String REVENU = Indicateurs.REVENU_DECLARE_MEDIAN.id();
    /** The disposable median income of the communes. */
    static final String REVENU_DISPONIBLE = Indicateurs.REVENU_MEDIAN.id();
    static final Instant AN_2016 = Instant.parse("2016-01-01T00:00:00Z");
    static final Instant AN_2021 = Instant.parse("2021-01-01T00:00:00Z");
    static final Source RP = new Source("Recensement de la population par IRIS", "Insee", "2016", "Licence Ouverte 2.0", false);
    static final Source CONTOURS_IRIS = new Source("Contours…IRIS", "IGN – Insee", "2016", "Licence Ouverte 2.0", false);

    /** Antony in two IRIS with a contour (west, east) and one without. */
    static final Territoire ANTONY = new Territoire("antony-de-test", "Ville d'Antony", null, Map.of(Iris.POPULATION, RP),
            Fixtures.CONTOURS,
            List.of(new Commune("92002", "Antony", Map.of(Commune.POPULATION, 62000.0), Set.of(),
                    geometrie("POLYGON ((2.28 48.73, 2.32 48.73, 2.32 48.77, 2.28 48.77, 2.28 48.73))"))),
            List.of(new Iris("920020101", "92002", "Parc de Sceaux", Map.of(Iris.POPULATION, 1783.9), Set.of(),
                            geometrie("POLYGON ((2.28 48.73, 2.30 48.73, 2.30 48.77, 2.28 48.77, 2.28 48.73))")),
                    new Iris("920020102", "92002", "Nouveau Cimetiere", Map.of(), Set.of(),
                            geometrie("POLYGON ((2.30 48.73, 2.32 48.73, 2.32 48.77, 2.30 48.77, 2.30 48.73))")),
                    new Iris("920020103", "92002", "Sans contour", Map.of(), Set.of(), null)),
            CONTOURS_IRIS);

    private ServeurDeTest serveur;

    static org.locationtech.jts.geom.Geometry geometrie(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    static Indicateur cellule(String indicateur, String code, String niveau, String nom, Instant debut, Double valeur) {
        return new Indicateur(indicateur, code, niveau, nom, debut, debut.atZone(java.time.ZoneOffset.UTC).plusYears(1)
                .toInstant(), valeur, null, null, null, RP, null, Map.of(), null, valeur == null, false);
    }

    @BeforeAll
    void demarrer() {
        serveur = new ServeurDeTest(List.of(ANTONY, Fixtures.VAL_DE_TEST));
    }

    @AfterAll
    void arreter() {
        serveur.close();
    }

    @BeforeEach
    void remplir() {
        serveur.queries.vider();
        serveur.queries.ajouter(
                cellule(DENSITE, "92002", Zone.COMMUNE, "Antony", AN_2016, 6700.0),
                cellule(DENSITE, "920020101", Zone.IRIS, "Parc de Sceaux", AN_2016, 1633.0),
                cellule(DENSITE, "920020101", Zone.IRIS, "Parc de Sceaux", Instant.parse("2015-01-01T00:00:00Z"), 1600.0),
                cellule(REVENU, "920020101", Zone.IRIS, "Parc de Sceaux", AN_2021, 48930.0),
                cellule(REVENU, "920020102", Zone.IRIS, "Nouveau Cimetiere", AN_2021, null),
                cellule(REVENU_DISPONIBLE, "92002", Zone.COMMUNE, "Antony", AN_2021, 29350.0));
    }

    @Test
    void irisGeoJsonDrawsTheIrisWithAContourEachWithItsCellNameAndCommune() {
        HttpResponse<String> reponse = serveur.get("/api/territoires/antony-de-test/iris.geojson?indicateur=" + REVENU);

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode features = json(reponse).get("features");
        assertThat(features).hasSize(2);
        JsonNode parc = features.get(0).get("properties");
        assertThat(features.get(0).get("id").asText()).isEqualTo("920020101");
        assertThat(features.get(0).get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(parc.get("nom").asText()).isEqualTo("Parc de Sceaux");
        assertThat(parc.get("niveau").asText()).isEqualTo("iris");
        assertThat(parc.get("commune").asText()).isEqualTo("92002");
        assertThat(parc.get("nomCommune").asText()).isEqualTo("Antony");
        assertThat(parc.get("population").asDouble()).isEqualTo(1783.9);
        assertThat(parc.get("valeur").asDouble()).isEqualTo(48930.0);
        assertThat(parc.get("etat").asText()).isEqualTo("valeur disponible");
        assertThat(parc.get("sourceContours").asText()).contains("Contours…IRIS", "2016");
        JsonNode cimetiere = features.get(1).get("properties");
        assertThat(cimetiere.get("secret").asBoolean()).isTrue();
        assertThat(cimetiere.get("valeur").isNull()).isTrue();
        assertThat(cimetiere.get("etat").asText()).isEqualTo("secret statistique");
    }

    @Test
    void theDeclaredMedianAnswersByIrisWithItsOwnWordsAndTheDisposableMedianShowsNoIrisFigure() {
        HttpResponse<String> declare = serveur.get("/api/territoires/antony-de-test/iris.geojson?indicateur=revenu-declare-median");
        assertThat(declare.statusCode()).isEqualTo(200);
        JsonNode parc = json(declare).get("features").get(0).get("properties");
        assertThat(parc.get("indicateur").asText()).isEqualTo("revenu-declare-median");
        assertThat(parc.get("valeur").asDouble()).isEqualTo(48930.0);
        assertThat(parc.get("unite").asText()).isEqualTo("€ par an");
        JsonNode definition = null;
        for (JsonNode d : json(serveur.get("/api/indicateurs"))) {
            if (d.get("id").asText().equals("revenu-declare-median")) {
                definition = d;
            }
        }
        assertThat(definition).isNotNull();
        assertThat(definition.get("libelle").asText()).isEqualTo("Revenu déclaré médian");
        assertThat(definition.get("niveau").asText()).isEqualTo("iris");
        assertThat(definition.get("question").asText()).contains("quartier (IRIS)");
        assertThat(definition.get("methode").asText()).contains("avant impôts", "prestations", "plus élevé");
        assertThat(definition.get("limites").asText()).contains("secret statistique", "ne se compare pas");

        // the disposable median asked by IRIS: no IRIS has a figure of it, none shows the declared income
        HttpResponse<String> disponible = serveur.get("/api/territoires/antony-de-test/iris.geojson?indicateur="
                + REVENU_DISPONIBLE);
        assertThat(disponible.statusCode()).isEqualTo(200);
        assertThat(json(disponible).get("features")).hasSize(2).allSatisfy(f -> {
            JsonNode p = f.get("properties");
            assertThat(p.get("indicateur").asText()).isEqualTo(REVENU_DISPONIBLE);
            assertThat(p.get("valeur").isNull()).isTrue();
            assertThat(p.get("secret").asBoolean()).isFalse();
            assertThat(p.get("etat").asText()).isEqualTo("pas de chiffre Insee");
            assertThat(p.get("sources")).isEmpty();
        });
        assertThat(disponible.body()).doesNotContain("48930", "déclar");
        assertThat(json(serveur.get("/api/territoires/antony-de-test/communes.geojson?indicateur=" + REVENU_DISPONIBLE))
                .get("features").get(0).get("properties").get("valeur").asDouble()).isEqualTo(29350.0);
    }

    @Test
    void theDeclaredMedianIsMissingOnlyWhereTheMapHasIris() {
        serveur.queries.vider();

        Map<String, JsonNode> antony = manquants("antony-de-test");
        assertThat(antony).containsKey(REVENU);
        assertThat(antony.get(REVENU).get("manque").asText()).contains("revenu_declare_median", "IRIS");
        assertThat(antony.get(REVENU).get("commande").asText()).startsWith("croisements import --depuis");
        assertThat(manquants("val-de-test")).as("no IRIS on its map: not a question it lacks").doesNotContainKey(REVENU)
                .containsKey(REVENU_DISPONIBLE);
        JsonNode valDeTest = json(serveur.get("/api/territoires/val-de-test"));
        assertThat(valDeTest.get("niveaux").has(REVENU)).isFalse();
        assertThat(valDeTest.get("nombreIris").asInt()).isZero();
    }

    private Map<String, JsonNode> manquants(String territoire) {
        var manquants = new java.util.TreeMap<String, JsonNode>();
        json(serveur.get("/api/territoires/" + territoire)).get("manquants")
                .forEach(m -> manquants.put(m.get("indicateur").asText(), m));
        return manquants;
    }

    @Test
    void aPastWindowAndItsPeriodsAreReadAtIrisLevel() {
        JsonNode periodes = json(serveur.get("/api/territoires/antony-de-test/periodes?indicateur=" + DENSITE + "&niveau=iris"));
        assertThat(periodes).hasSize(2);
        assertThat(periodes.get(0).get("debut").asText()).isEqualTo("2015-01-01T00:00:00Z");
        assertThat(periodes.get(0).get("communes").asInt()).as("zones with a cell").isEqualTo(1);

        JsonNode passee = json(serveur.get("/api/territoires/antony-de-test/iris.geojson?indicateur=" + DENSITE
                + "&debut=2015-01-01T00:00:00Z")).get("features");
        assertThat(passee.get(0).get("properties").get("valeur").asDouble()).isEqualTo(1600.0);
        assertThat(passee.get(1).get("properties").get("valeur").isNull()).isTrue();

        assertThat(serveur.get("/api/territoires/antony-de-test/periodes?indicateur=" + DENSITE + "&niveau=quartier")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aTerritoryWithoutIrisContoursSaysSoInFrench() {
        HttpResponse<String> reponse = serveur.get("/api/territoires/val-de-test/iris.geojson?indicateur=" + DENSITE);

        assertThat(reponse.statusCode()).isEqualTo(404);
        assertThat(reponse.body()).contains("n'a pas de contours d'IRIS");
    }

    @Test
    void theTerritoriesSayAtWhichLevelsEachIndicatorHasCells() {
        JsonNode antony = null;
        for (JsonNode t : json(serveur.get("/api/territoires"))) {
            if (t.get("id").asText().equals("antony-de-test")) {
                antony = t;
            }
        }
        assertThat(antony).isNotNull();
        assertThat(antony.get("indicateurs")).extracting(JsonNode::asText).contains(DENSITE, REVENU);
        assertThat(antony.get("niveaux").get(DENSITE)).extracting(JsonNode::asText).containsExactly("commune", "iris");
        assertThat(antony.get("niveaux").get(REVENU)).extracting(JsonNode::asText).containsExactly("iris");
        assertThat(antony.get("niveaux").get(REVENU_DISPONIBLE)).extracting(JsonNode::asText).containsExactly("commune");
        assertThat(antony.get("nombreIris").asInt()).isEqualTo(2);
        assertThat(antony.get("sources")).extracting(s -> s.get("libelle").asText())
                .anySatisfy(l -> assertThat(l).contains("Contours…IRIS"));
    }

    @Test
    void theCsvByIrisHasOneRowPerIrisAndWindowWithItsCommune() throws IOException {
        HttpResponse<byte[]> reponse = octets("/api/indicateurs/" + REVENU + "/territoires/antony-de-test.csv?niveau=iris");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"revenu-declare-median-antony-de-test-iris.csv\"");
        List<CSVRecord> lignes = lire(new String(reponse.body(), java.nio.charset.StandardCharsets.UTF_8).substring(1));
        assertThat(lignes.get(0).values()).startsWith("code_iris", "nom_iris", "code_commune", "nom_commune", "debut");
        assertThat(lignes).hasSize(3);
        assertThat(lignes.get(1).values()).startsWith("920020101", "Parc de Sceaux", "92002", "Antony", "2021-01-01");
        assertThat(lignes.get(1).get(8)).isEqualTo("48930");
        assertThat(lignes.get(2).values()).startsWith("920020102", "Nouveau Cimetiere", "92002", "Antony");
        assertThat(lignes.get(2).get(8)).isEqualTo("secret");
    }

    @Test
    void theIrisMapIsKeptReadyWithAnEtagAndBuiltAgainWhenOneOfItsCellsChanges() throws Exception {
        serveur.suivreEnDirect(DENSITE);
        String chemin = "/api/territoires/antony-de-test/iris.geojson?indicateur=" + DENSITE;
        HttpResponse<String> premiere = serveur.get(chemin);
        String etag = premiere.headers().firstValue("ETag").orElseThrow();

        var requete = HttpRequest.newBuilder(serveur.uri(chemin)).header("If-None-Match", etag).timeout(Duration.ofSeconds(5))
                .GET().build();
        assertThat(serveur.client.send(requete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);

        serveur.nouvelleCellule(cellule(DENSITE, "920020102", Zone.IRIS, "Nouveau Cimetiere", AN_2016, 5407.0));
        HttpResponse<String> apres = serveur.get(chemin);
        assertThat(apres.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        var valeurs = new ArrayList<Double>();
        json(apres).get("features").forEach(f -> valeurs.add(f.get("properties").get("valeur").asDouble()));
        assertThat(valeurs).containsExactly(1633.0, 5407.0);
    }

    @Test
    void aMapSubscribedToItsTerritoryReceivesTheLiveCellsOfItsIris() throws Exception {
        var requete = HttpRequest.newBuilder(serveur.uri("/api/direct?territoire=antony-de-test&indicateur=" + DENSITE))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.util.stream.Stream<String>> reponse = serveur.client
                .sendAsync(requete, HttpResponse.BodyHandlers.ofLines()).get(5, java.util.concurrent.TimeUnit.SECONDS);
        try (var lignes = reponse.body()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> serveur.liveFeed.nombreAbonnes() >= 1);
            serveur.liveFeed.publier(cellule(DENSITE, "54430", Zone.COMMUNE, "Pompey", AN_2016, 300.0)); // another territory
            serveur.liveFeed.publier(cellule(DENSITE, "920020102", Zone.IRIS, "Nouveau Cimetiere", AN_2016, 5407.0));

            var iterateur = lignes.iterator();
            String donnees = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                boolean indicateur = false;
                while (iterateur.hasNext()) {
                    String ligne = iterateur.next();
                    if (ligne.startsWith("event:")) {
                        indicateur = ligne.substring(6).trim().equals("indicateur");
                    } else if (indicateur && ligne.startsWith("data:")) {
                        return ligne.substring(5).trim();
                    }
                }
                throw new AssertionError("stream ended");
            }).get(5, java.util.concurrent.TimeUnit.SECONDS);
            JsonNode cellule = fr.croisements.events.JsonSerde.MAPPER.readTree(donnees);
            assertThat(cellule.get("codeZone").asText()).isEqualTo("920020102");
            assertThat(cellule.get("valeur").asDouble()).isEqualTo(5407.0);
        }
    }

    private HttpResponse<byte[]> octets(String chemin) {
        try {
            var requete = HttpRequest.newBuilder(serveur.uri(chemin)).timeout(Duration.ofSeconds(5)).GET().build();
            return serveur.client.send(requete, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> lire(String texte) {
        try (var parseur = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(texte))) {
            return parseur.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
