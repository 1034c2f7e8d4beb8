package fr.croisements.viz;

import static fr.croisements.viz.FaussesCapteurs.passerelle;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import fr.croisements.viz.live.LiveFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/passerelles.geojson} on fake gateways around the test territories: the Val de
 * Test's communes are squares of 0.04° between longitudes 6.02 and 6.14 (at 48.76° N, 0.01° of
 * longitude is about 734 m).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasserellesRoutesTest {

    private static final String PASSERELLES = "/api/passerelles.geojson";
    private static final Instant HEURE_SIMULEE = Instant.parse("2025-01-08T07:00:00Z");
    /** In Pompey, simulated, heard 12 min ago (simulated clock) from two devices. */
    private static final String POMPEY = "hotel-de-ville-pompey";
    /** Outside the communes, about 4.4 km east of Pompey: a real gateway silent for a little over 2 h. */
    private static final String COLLINE = "colline-est";
    /** About 6.2 km east of Pompey: too far from the Val de Test. */
    private static final String AU_DELA = "plateau-au-dela";
    /** In Ajaccio. */
    private static final String AJACCIO = "ajaccio-citadelle";
    /** Without a position: not on the map. */
    private static final String SANS_POSITION = "sans-position";
    private static final String INSECABLE = "\u00a0";

    private ServeurDeTest serveur;

    @BeforeAll
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST, Fixtures.CORSE));
        serveur.horloge.set(HEURE_SIMULEE);
    }

    @AfterAll
    void arreter() {
        serveur.close();
    }

    @BeforeEach
    void remplir() {
        serveur.capteurs.vider();
        serveur.capteurs.ajouter(
                passerelle(POMPEY, 6.12, 48.74, HEURE_SIMULEE.minus(Duration.ofMinutes(12)), 1520, true,
                        "24E124000000000A", "24E124000000000B"),
                passerelle(AU_DELA, 6.225, 48.74, HEURE_SIMULEE, 3, true, "24E124000000000A"),
                passerelle(AJACCIO, 8.74, 41.93, HEURE_SIMULEE.minus(Duration.ofDays(2)), 40, true, "24E124000000000C"),
                passerelle(COLLINE, 6.20, 48.74, Instant.now().minus(Duration.ofHours(2)).minusSeconds(60), 87, false,
                        "24E124000000000B"),
                new SantePasserelle(SANS_POSITION, null, HEURE_SIMULEE, List.of("24E124000000000A"), 5, true));
    }

    @Test
    void servesTheGatewaysWithAPositionAsGeoJsonPointsSortedById() {
        var reponse = serveur.get(PASSERELLES);

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode carte = json(reponse);
        assertThat(carte.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(ids(carte)).containsExactly(AJACCIO, COLLINE, POMPEY, AU_DELA);
        JsonNode pompey = carte.get("features").get(2);
        assertThat(pompey.get("type").asText()).isEqualTo("Feature");
        assertThat(pompey.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(pompey.get("geometry").get("coordinates")).extracting(JsonNode::asDouble).containsExactly(6.12, 48.74);
    }

    @Test
    void describesAGatewayInFrenchWithTheDevicesItHeard() {
        JsonNode p = proprietes(json(serveur.get(PASSERELLES + "?territoire=val-de-test")), POMPEY);

        assertThat(p.get("id").asText()).isEqualTo(POMPEY);
        assertThat(p.get("codeCommune").asText()).isEqualTo("54430");
        assertThat(p.get("commune").asText()).isEqualTo("Pompey");
        assertThat(p.get("derniereReception").asText()).isEqualTo("2025-01-08T06:48:00Z");
        assertThat(p.get("fraicheur").asText()).as("une antenne: feminine").isEqualTo("vue il y a 12" + INSECABLE + "min");
        assertThat(p.get("silencieuse").asBoolean()).isFalse();
        assertThat(p.get("etat").asText()).isEqualTo("à jour");
        assertThat(p.get("nombreCapteurs").asInt()).isEqualTo(2);
        assertThat(textes(p.get("capteurs"))).containsExactly("24E124000000000A", "24E124000000000B");
        assertThat(p.get("receptions").asLong()).isEqualTo(1520);
        assertThat(p.get("simule").asBoolean()).isTrue();
        assertThat(p.get("mention").asText()).isEqualTo("données simulées");
    }

    @Test
    void aRealGatewayOutsideTheCommunesIsMeasuredAgainstTheRealClockAndHasNoCommune() {
        JsonNode p = proprietes(json(serveur.get(PASSERELLES + "?territoire=val-de-test")), COLLINE);

        assertThat(p.get("codeCommune").isNull()).isTrue();
        assertThat(p.get("commune").isNull()).isTrue();
        assertThat(p.get("fraicheur").asText()).isEqualTo("vue il y a 2" + INSECABLE + "h");
        assertThat(p.get("silencieuse").asBoolean()).isTrue();
        assertThat(p.get("etat").asText()).isEqualTo("silencieuse");
        assertThat(p.get("nombreCapteurs").asInt()).isEqualTo(1);
        assertThat(p.get("simule").asBoolean()).isFalse();
        assertThat(p.get("mention").isNull()).isTrue();

        JsonNode ajaccio = proprietes(json(serveur.get(PASSERELLES)), AJACCIO);
        assertThat(ajaccio.get("fraicheur").asText()).isEqualTo("vue il y a 2" + INSECABLE + "jours");
        assertThat(ajaccio.get("commune").asText()).as("without a territory, the commune of any").isEqualTo("Ajaccio");
    }

    @Test
    void keepsTheGatewaysInsideTheCommunesOfTheTerritoryOrWithinAboutFiveKilometres() {
        assertThat(ids(json(serveur.get(PASSERELLES + "?territoire=val-de-test")))).containsExactly(COLLINE, POMPEY);
        assertThat(ids(json(serveur.get(PASSERELLES + "?territoire=corse-de-test")))).containsExactly(AJACCIO);

        var inconnu = serveur.get(PASSERELLES + "?territoire=atlantide");
        assertThat(inconnu.statusCode()).isEqualTo(404);
        assertThat(json(inconnu).get("erreur").asText()).startsWith("Territoire inconnu : « atlantide »");
    }

    @Test
    void aStoreStillLoadingIs503WithAFrenchInvitationToRetry() {
        serveur.capteurs.rendreIndisponible();

        var reponse = serveur.get(PASSERELLES + "?territoire=val-de-test");

        assertThat(reponse.statusCode()).isEqualTo(503);
        assertThat(json(reponse).get("erreur").asText()).isEqualTo(VizServer.MESSAGE_CHARGEMENT);
    }

    @Test
    void withoutDevicesOrWithQueriesThatKnowNoGatewayTheCollectionIsEmpty() throws IOException, InterruptedException {
        try (var sansCapteurs = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST), false)) {
            var reponse = sansCapteurs.get(PASSERELLES + "?territoire=val-de-test");

            assertThat(reponse.statusCode()).isEqualTo(200);
            assertThat(json(reponse).get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(json(reponse).get("features")).isEmpty();
        }
        var serveurSansPasserelles = new VizServer(new FausseQueries(), List.of(Fixtures.VAL_DE_TEST),
                new LiveFeed(), () -> null)
                .avecCapteurs(() -> List.<SanteCapteur>of()); // CapteursQueries.passerelles() by default
        int port = serveurSansPasserelles.start(0);
        try {
            var reponse = serveur.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PASSERELLES))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reponse.statusCode()).isEqualTo(200);
            assertThat(json(reponse).get("features")).isEmpty();
        } finally {
            serveurSansPasserelles.stop();
        }
    }

    private static JsonNode proprietes(JsonNode carte, String id) {
        for (JsonNode f : carte.get("features")) {
            if (f.get("id").asText().equals(id)) {
                return f.get("properties");
            }
        }
        throw new AssertionError("no gateway " + id + " in " + carte);
    }

    private static List<String> ids(JsonNode carte) {
        var result = new ArrayList<String>();
        carte.get("features").forEach(f -> result.add(f.get("id").asText()));
        return result;
    }

    private static List<String> textes(JsonNode tableau) {
        var result = new ArrayList<String>();
        tableau.forEach(n -> result.add(n.asText()));
        return result;
    }
}
