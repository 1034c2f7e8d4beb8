package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.INDICATEUR;
import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.SEMAINE_3;
import static fr.croisements.viz.Fixtures.cellule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.streams.query.Provenance;
import fr.croisements.viz.live.LiveFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, item 3: the communes' GeoJSON and the CSV exports are kept ready while the live feed follows
 * their indicator, built again as soon as one of their cells changes, and sent with an ETag (304) and gzip.
 */
class ReponsesPretesTest {

    private static final String CARTE = "/api/territoires/val-de-test/communes.geojson?indicateur=" + INDICATEUR;
    private static final String CSV = "/api/indicateurs/" + INDICATEUR + "/territoires/val-de-test.csv";
    private static final String POMPEY = "54430";

    private ServeurDeTest serveur;

    @BeforeEach
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST, Fixtures.CORSE));
        serveur.queries.ajouter(cellule(POMPEY, SEMAINE_1, 800, 1600), cellule(POMPEY, SEMAINE_2, 1000, 1600));
    }

    @AfterEach
    void arreter() {
        serveur.close();
    }

    @Test
    void aFollowedIndicatorsMapIsBuiltOnceThenServedWithoutReadingTheStoresAgain() {
        serveur.suivreEnDirect(INDICATEUR);
        var premiere = get(CARTE);
        int lectures = serveur.queries.lectures();

        var seconde = get(CARTE);

        assertThat(serveur.queries.lectures()).as("stores read again").isEqualTo(lectures);
        assertThat(seconde.body()).isEqualTo(premiere.body());
        assertThat(etag(seconde)).isEqualTo(etag(premiere)).matches("\"[0-9a-f]{32}\"");
        assertThat(seconde.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(seconde.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
    }

    @Test
    void aNewCellChangesTheMapAtOnce() {
        serveur.suivreEnDirect(INDICATEUR);
        var avant = get(CARTE);
        assertThat(pompey(avant).get("valeur").asDouble()).isEqualTo(62.5);

        serveur.nouvelleCellule(cellule(POMPEY, SEMAINE_3, 1200, 1600));
        var apres = get(CARTE);

        assertThat(pompey(apres).get("valeur").asDouble()).as("no stale map").isEqualTo(75.0);
        assertThat(pompey(apres).get("debut").asText()).isEqualTo(SEMAINE_3.toString());
        assertThat(etag(apres)).isNotEqualTo(etag(avant));
    }

    @Test
    void aCellOfAnotherTerritoryLeavesTheMapReady() {
        serveur.suivreEnDirect(INDICATEUR);
        get(CARTE);
        int lectures = serveur.queries.lectures();

        serveur.nouvelleCellule(cellule("2A004", SEMAINE_2, 900, 1600));
        get(CARTE);
        assertThat(serveur.queries.lectures()).as("Val de Test read again").isEqualTo(lectures);

        var corse = get("/api/territoires/corse-de-test/communes.geojson?indicateur=" + INDICATEUR);
        assertThat(json(corse).get("features").get(0).get("properties").get("valeur").asDouble()).isEqualTo(56.25);
    }

    @Test
    void withoutTheLiveFeedFollowingTheIndicatorEveryRequestReadsTheStores() {
        get(CARTE);

        // a cell the live feed did not see (written before the consumer followed its topic)
        serveur.queries.ajouter(cellule(POMPEY, SEMAINE_3, 1200, 1600));

        assertThat(pompey(get(CARTE)).get("valeur").asDouble()).isEqualTo(75.0);
    }

    @Test
    void ifNoneMatchWithTheETagIsAnswered304WithoutBodyUntilACellChanges() {
        serveur.suivreEnDirect(INDICATEUR);
        String etag = etag(get(CARTE));

        var inchangee = get(CARTE, "If-None-Match", etag);
        assertThat(inchangee.statusCode()).isEqualTo(304);
        assertThat(inchangee.body()).isEmpty();

        serveur.nouvelleCellule(cellule(POMPEY, SEMAINE_3, 1200, 1600));
        var changee = get(CARTE, "If-None-Match", etag);
        assertThat(changee.statusCode()).isEqualTo(200);
        assertThat(pompey(changee).get("valeur").asDouble()).isEqualTo(75.0);
    }

    @Test
    void gzipIsSentWhenTheClientAcceptsItWithAnETagOfItsOwn() throws IOException {
        serveur.suivreEnDirect(INDICATEUR);
        var brute = get(CARTE);

        var compressee = get(CARTE, "Accept-Encoding", "gzip, deflate, br");

        assertThat(compressee.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressee.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(compressee.body().length).isLessThan(brute.body().length);
        assertThat(gunzip(compressee.body())).isEqualTo(brute.body());
        assertThat(etag(compressee)).isNotEqualTo(etag(brute));
        assertThat(get(CARTE, "Accept-Encoding", "gzip", "If-None-Match", etag(compressee)).statusCode()).isEqualTo(304);
        assertThat(get(CARTE, "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aPastWindowIsKeptApartFromTheLatestOne() {
        serveur.suivreEnDirect(INDICATEUR);

        var passee = get(CARTE + "&debut=" + SEMAINE_1);
        var derniere = get(CARTE);
        var passeeEncore = get(CARTE + "&debut=" + SEMAINE_1);

        assertThat(pompey(passee).get("valeur").asDouble()).isEqualTo(50.0);
        assertThat(pompey(derniere).get("valeur").asDouble()).isEqualTo(62.5);
        assertThat(passeeEncore.body()).isEqualTo(passee.body());
    }

    @Test
    void anUnreadableStoreIs503InFrenchAndIsNotKept() {
        serveur.suivreEnDirect(INDICATEUR);
        serveur.queries.rendreIndisponible();

        var indisponible = get(CARTE);
        assertThat(indisponible.statusCode()).isEqualTo(503);
        assertThat(json(indisponible).get("erreur").asText())
                .isEqualTo("Les données sont en cours de chargement, réessayez dans quelques secondes.");

        serveur.queries.rendreDisponible();
        assertThat(pompey(get(CARTE)).get("valeur").asDouble()).isEqualTo(62.5);
    }

    @Test
    void theCsvExportIsKeptReadyWithItsETagAndChangesWithANewCell() throws IOException {
        serveur.suivreEnDirect(INDICATEUR);
        var premiere = get(CSV);
        String etag = etag(premiere);
        int lectures = serveur.queries.lectures();
        assertThat(premiere.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("taux-presentation-bacs-val-de-test.csv"));

        assertThat(get(CSV, "If-None-Match", etag).statusCode()).isEqualTo(304);
        var compressee = get(CSV, "Accept-Encoding", "gzip");
        assertThat(gunzip(compressee.body())).isEqualTo(premiere.body());
        assertThat(serveur.queries.lectures()).isEqualTo(lectures);

        serveur.nouvelleCellule(cellule(POMPEY, SEMAINE_3, 1200, 1600));
        var apres = get(CSV, "If-None-Match", etag);
        assertThat(apres.statusCode()).isEqualTo(200);
        assertThat(new String(apres.body(), StandardCharsets.UTF_8)).contains("2025-01-13;2025-01-19");
    }

    @Test
    void anAnswerFromTheActiveTasksSaysSoInTheMapAndHasNoHeader() {
        var carte = get(CARTE);

        JsonNode reponse = json(carte).get("reponse");
        assertThat(reponse.get("secours").asBoolean()).isFalse();
        assertThat(reponse.get("complete").asBoolean()).isTrue();
        assertThat(reponse.get("instancesAbsentes")).isEmpty();
        assertThat(carte.headers().firstValue(VizServer.ENTETE_SECOURS)).isEmpty();
        assertThat(carte.headers().firstValue(VizServer.ENTETE_INCOMPLETE)).isEmpty();
    }

    @Test
    void anAnswerPartlyFromAStandbyReplicaSaysSoInTheMapAndTheCsvAndIsNotKept() {
        serveur.suivreEnDirect(INDICATEUR);
        String etagOrdinaire = etag(get(CARTE));
        serveur.queries.repondreDepuis(new Provenance(true, false, Set.of("localhost:7071")));
        // the answer kept ready is built again: the cells have not changed, but an instance went away
        serveur.nouvelleCellule(cellule(POMPEY, SEMAINE_2, 1000, 1600));

        var carte = get(CARTE);
        var csv = get(CSV);

        JsonNode reponse = json(carte).get("reponse");
        assertThat(reponse.get("secours").asBoolean()).isTrue();
        assertThat(reponse.get("complete").asBoolean()).isTrue();
        assertThat(reponse.get("instancesAbsentes").get(0).asText()).isEqualTo("localhost:7071");
        assertThat(carte.headers().firstValue(VizServer.ENTETE_SECOURS)).hasValue("true");
        assertThat(carte.headers().firstValue(VizServer.ENTETE_INCOMPLETE)).isEmpty();
        assertThat(csv.headers().firstValue(VizServer.ENTETE_SECOURS)).hasValue("true");
        assertThat(etag(carte)).isNotEqualTo(etagOrdinaire);
        assertThat(get(CARTE, "Accept-Encoding", "gzip").headers().firstValue(VizServer.ENTETE_SECOURS)).hasValue("true");

        // the instance is back: the next answer comes from the active tasks, without a new cell
        serveur.queries.repondreDepuis(Provenance.ACTIVES);
        var retour = get(CARTE);
        assertThat(json(retour).get("reponse").get("secours").asBoolean()).isFalse();
        assertThat(retour.headers().firstValue(VizServer.ENTETE_SECOURS)).isEmpty();
        assertThat(get(CSV).headers().firstValue(VizServer.ENTETE_SECOURS)).isEmpty();
    }

    @Test
    void anAnswerLackingCellsThatNoReplicaHoldsSaysItIsIncomplete() {
        serveur.queries.repondreDepuis(new Provenance(true, true, Set.of("localhost:7071")));

        var carte = get(CARTE);

        assertThat(json(carte).get("reponse").get("complete").asBoolean()).isFalse();
        assertThat(carte.headers().firstValue(VizServer.ENTETE_INCOMPLETE)).hasValue("true");
        assertThat(get("/api/territoires").headers().firstValue(VizServer.ENTETE_INCOMPLETE))
                .as("every answer read from the stores says it").hasValue("true");
    }

    @Test
    void anIndicatorFileDeclaredAgainIsServedWithItsNewWordsWithoutANewCell() {
        var registre = RegistreIndicateurs.integres();
        registre.declarer(fichier("kg"));
        var liveFeed = new LiveFeed();
        var queries = new FausseQueries();
        queries.ajouter(new Indicateur("dechets-test", POMPEY, "commune", "Pompey", SEMAINE_2,
                SEMAINE_3, 12.0, null, 12.0, 1.0, Fixtures.LEVEES, Fixtures.INSEE, null, 20L, false, true));
        var autre = new VizServer(queries, List.of(Fixtures.VAL_DE_TEST), liveFeed, () -> null)
                .avecIndicateurs(registre, List::of);
        int port = autre.start(0);
        try {
            liveFeed.versions().suivre(List.of(fichier("kg").topic()));
            String carte = "http://localhost:" + port + "/api/territoires/val-de-test/communes.geojson?indicateur=dechets-test";
            assertThat(pompey(get(carte)).get("unite").asText()).isEqualTo("kg");

            registre.declarer(fichier("t"));

            assertThat(pompey(get(carte)).get("unite").asText()).isEqualTo("t");
        } finally {
            autre.stop();
        }
    }

    private static DefinitionIndicateur fichier(String unite) {
        var modele = Indicateurs.TAUX_PRESENTATION_BACS;
        return new DefinitionIndicateur("dechets-test", "Déchets de test", unite, modele.question(), modele.methode(),
                modele.limites(), modele.niveau(), Duration.ofDays(7), 11, modele.libelles(), null, List.of(), List.of(),
                null, "dechets-test.yaml", List.of(), false);
    }

    /** GET with headers given as name, value, name, value… */
    private HttpResponse<byte[]> get(String chemin, String... entetes) {
        var requete = HttpRequest.newBuilder(chemin.startsWith("http") ? URI.create(chemin) : serveur.uri(chemin))
                .timeout(Duration.ofSeconds(5));
        for (int i = 0; i < entetes.length; i += 2) {
            requete.header(entetes[i], entetes[i + 1]);
        }
        try {
            return serveur.client.send(requete.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String etag(HttpResponse<byte[]> reponse) {
        return reponse.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    private static JsonNode json(HttpResponse<byte[]> reponse) {
        try {
            return JsonSerde.MAPPER.readTree(reponse.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode pompey(HttpResponse<byte[]> reponse) {
        assertThat(reponse.statusCode()).isEqualTo(200);
        for (JsonNode feature : json(reponse).get("features")) {
            if (feature.get("id").asText().equals(POMPEY)) {
                return feature.get("properties");
            }
        }
        throw new AssertionError("no feature for Pompey");
    }

    private static byte[] gunzip(byte[] octets) throws IOException {
        try (var entree = new GZIPInputStream(new ByteArrayInputStream(octets))) {
            return entree.readAllBytes();
        }
    }
}
