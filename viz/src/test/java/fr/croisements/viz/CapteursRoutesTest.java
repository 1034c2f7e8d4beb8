package fr.croisements.viz;

import static fr.croisements.viz.FaussesCapteurs.capteur;
import static fr.croisements.viz.ServeurDeTest.json;
import static io.javalin.apibuilder.ApiBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.SanteCapteur;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/capteurs.geojson} on fake devices, and the configuration methods of {@link VizServer}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapteursRoutesTest {

    private static final String CAPTEURS = "/api/capteurs.geojson";
    private static final Instant HEURE_SIMULEE = Instant.parse("2025-01-08T07:00:00Z");
    /** In Pompey, heard 12 min ago by two antennas (simulated clock). */
    private static final String POMPEY = "24E124000000000A";
    /** In Liverdun, a real device heard a little over 3 h ago (real clock). */
    private static final String LIVERDUN = "24E124000000000B";
    /** In Ajaccio, heard two days ago. */
    private static final String AJACCIO = "24E124000000000C";
    /** Without a position: not on the map. */
    private static final String SANS_POSITION = "24E124000000000D";
    /** In no commune of the territories, heard 30 s ago. */
    private static final String AILLEURS = "24E124000000000E";
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
                capteur(AILLEURS, 0.34, 46.58, HEURE_SIMULEE.minusSeconds(30), true),
                capteur(POMPEY, 6.12, 48.74, HEURE_SIMULEE.minus(Duration.ofMinutes(12)), true, "gp-hotel-de-ville",
                        "gp-couronneries"),
                new SanteCapteur(LIVERDUN, "Dragino LHT65", new Position(6.04, 48.74, 210.0),
                        Instant.now().minus(Duration.ofHours(3)).minusSeconds(60),
                        Map.of("temperature", new Mesure(18.2, "°C"), "batterie", new Mesure(3.6, "V"),
                                "vitesse_vent", new Mesure(4.5, "m/s")),
                        null, List.of(), 1, 0, 0, 7L, false),
                capteur(AJACCIO, 8.74, 41.93, HEURE_SIMULEE.minus(Duration.ofDays(2)).minusSeconds(300), true, "gw-2a004"),
                new SanteCapteur(SANS_POSITION, null, null, HEURE_SIMULEE, Map.of(), null, List.of(), 4, 0, 0, 3L, true));
    }

    @Test
    void servesTheDevicesWithAPositionAsGeoJsonPointsSortedByDevEui() {
        var reponse = serveur.get(CAPTEURS);

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode carte = json(reponse);
        assertThat(carte.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(ids(carte)).containsExactly(POMPEY, LIVERDUN, AJACCIO, AILLEURS);
        JsonNode pompey = carte.get("features").get(0);
        assertThat(pompey.get("type").asText()).isEqualTo("Feature");
        assertThat(pompey.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(pompey.get("geometry").get("coordinates")).extracting(JsonNode::asDouble).containsExactly(6.12, 48.74);
        assertThat(carte.get("features").get(3).get("properties").get("commune").isNull())
                .as("in no commune of the territories").isTrue();
    }

    @Test
    void simulatedDevicesAreJudgedAgainstTheLatestReceptionProcessedNotAClockRunningAhead() {
        // one simulated day per 10 s: the clock runs hours ahead of what the pipeline has processed
        serveur.horloge.set(HEURE_SIMULEE.plus(Duration.ofHours(3)));
        try {
            JsonNode carte = json(serveur.get(CAPTEURS));
            JsonNode pompey = proprietes(carte, POMPEY);
            assertThat(pompey.get("silencieux").asBoolean()).isFalse();
            assertThat(pompey.get("fraicheur").asText()).as("12 min before the latest simulated reception (SANS_POSITION's)")
                    .isEqualTo("vu il y a 12" + INSECABLE + "min");
            assertThat(proprietes(carte, AJACCIO).get("silencieux").asBoolean()).isTrue();
        } finally {
            serveur.horloge.set(HEURE_SIMULEE);
        }
    }

    @Test
    void describesADeviceInFrenchWithItsMeasuresBatteryLossesAndAntennas() {
        JsonNode p = proprietes(json(serveur.get(CAPTEURS)), POMPEY);

        assertThat(p.get("devEui").asText()).isEqualTo(POMPEY);
        assertThat(p.get("modele").asText()).isEqualTo("milesight-em500-co2");
        assertThat(p.get("libelleModele").asText()).isEqualTo("Milesight EM500-CO2");
        assertThat(p.get("codeCommune").asText()).isEqualTo("54430");
        assertThat(p.get("commune").asText()).isEqualTo("Pompey");
        assertThat(p.get("derniereReception").asText()).isEqualTo("2025-01-08T06:48:00Z");
        assertThat(p.get("fraicheur").asText()).isEqualTo("vu il y a 12" + INSECABLE + "min");
        assertThat(p.get("silencieux").asBoolean()).isFalse();
        assertThat(p.get("etat").asText()).isEqualTo("à jour");
        assertThat(p.get("batterie").asDouble()).isEqualTo(87.0);
        assertThat(p.get("trames").asLong()).isEqualTo(120);
        assertThat(p.get("tramesPerdues").asLong()).isEqualTo(3);
        assertThat(p.get("tauxPerte").asDouble()).as("3 of 123, one decimal").isEqualTo(2.4);
        assertThat(textes(p.get("passerelles"))).containsExactly("gp-hotel-de-ville", "gp-couronneries");
        assertThat(p.get("nombrePasserelles").asInt()).isEqualTo(2);
        assertThat(p.get("simule").asBoolean()).isTrue();
        assertThat(p.get("mention").asText()).isEqualTo("données simulées");

        JsonNode mesures = p.get("mesures");
        assertThat(mesures.findValuesAsText("nom")).as("the battery in %% is already given by batterie")
                .containsExactly("temperature", "humidite", "co2");
        assertThat(mesures.findValuesAsText("libelle")).containsExactly("température", "humidité", "CO₂");
        assertThat(mesures.get(0).get("valeur").asDouble()).isEqualTo(21.43);
        assertThat(mesures.findValuesAsText("unite")).containsExactly("°C", "%", "ppm");
    }

    @Test
    void aRealDeviceIsMeasuredAgainstTheRealClockAndLeavesOutWhatIsUnknown() {
        JsonNode p = proprietes(json(serveur.get(CAPTEURS)), LIVERDUN);

        assertThat(p.get("fraicheur").asText()).isEqualTo("vu il y a 3" + INSECABLE + "h");
        assertThat(p.get("silencieux").asBoolean()).isTrue();
        assertThat(p.get("etat").asText()).isEqualTo("silencieux");
        assertThat(p.get("libelleModele").asText()).as("a model spelled by hand stays as it is").isEqualTo("Dragino LHT65");
        assertThat(p.has("batterie")).as("battery unknown").isFalse();
        assertThat(p.has("tauxPerte")).as("one frame only").isFalse();
        assertThat(p.get("nombrePasserelles").asInt()).isZero();
        assertThat(p.get("simule").asBoolean()).isFalse();
        assertThat(p.get("mention").isNull()).isTrue();
        assertThat(p.get("mesures").findValuesAsText("libelle"))
                .containsExactly("température", "tension de la batterie", "vitesse vent");
    }

    @Test
    void saysHowLongAgoInMinutesHoursOrDays() {
        JsonNode carte = json(serveur.get(CAPTEURS));

        assertThat(proprietes(carte, AJACCIO).get("fraicheur").asText()).isEqualTo("vu il y a 2" + INSECABLE + "jours");
        assertThat(proprietes(carte, AJACCIO).get("silencieux").asBoolean()).isTrue();
        assertThat(proprietes(carte, AILLEURS).get("fraicheur").asText()).isEqualTo("vu à l'instant");
        assertThat(proprietes(carte, AILLEURS).get("etat").asText()).isEqualTo("à jour");

        serveur.horloge.set(null); // no simulator: every device against the real clock, years later
        assertThat(proprietes(json(serveur.get(CAPTEURS)), POMPEY).get("etat").asText()).isEqualTo("silencieux");
        serveur.horloge.set(HEURE_SIMULEE);
    }

    @Test
    void keepsOnlyTheDevicesInsideTheCommunesOfTheTerritoryAsked() {
        assertThat(ids(json(serveur.get(CAPTEURS + "?territoire=val-de-test")))).containsExactly(POMPEY, LIVERDUN);
        assertThat(ids(json(serveur.get(CAPTEURS + "?territoire=corse-de-test")))).containsExactly(AJACCIO);

        var inconnu = serveur.get(CAPTEURS + "?territoire=atlantide");
        assertThat(inconnu.statusCode()).isEqualTo(404);
        assertThat(json(inconnu).get("erreur").asText()).startsWith("Territoire inconnu : « atlantide »");
    }

    @Test
    void aStoreStillLoadingIs503WithAFrenchInvitationToRetry() {
        serveur.capteurs.rendreIndisponible();

        var reponse = serveur.get(CAPTEURS + "?territoire=val-de-test");

        assertThat(reponse.statusCode()).isEqualTo(503);
        assertThat(json(reponse).get("erreur").asText()).isEqualTo(VizServer.MESSAGE_CHARGEMENT);
    }

    @Test
    void withoutDevicesConfiguredTheCollectionIsEmpty() {
        try (var sansCapteurs = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST), false)) {
            var reponse = sansCapteurs.get(CAPTEURS + "?territoire=val-de-test");

            assertThat(reponse.statusCode()).isEqualTo(200);
            assertThat(json(reponse).get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(json(reponse).get("features")).isEmpty();
        }
    }

    @Test
    void extraRouteGroupsAreServedWithTheSameFrenchErrorsAndConfigurationAfterStartIsRefused()
            throws IOException, InterruptedException {
        var serveurEnPlus = new VizServer(new FausseQueries(), List.of(Fixtures.VAL_DE_TEST),
                new fr.croisements.viz.live.LiveFeed(), () -> null)
                .avecCapteurs(new FaussesCapteurs())
                .avecRoutes(() -> post("/ingest/essai", ctx -> {
                    if (ctx.header("Authorization") == null) {
                        throw new UnauthorizedResponse("Jeton manquant.");
                    }
                    ctx.status(202).result("reçu");
                }));
        int port = serveurEnPlus.start(0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            var sansJeton = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/essai"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sansJeton.statusCode()).isEqualTo(401);
            assertThat(sansJeton.body()).isEqualTo("{\"erreur\":\"Jeton manquant.\"}");
            var avecJeton = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/essai"))
                    .header("Authorization", "Bearer x").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(avecJeton.statusCode()).isEqualTo(202);

            assertThatThrownBy(() -> serveurEnPlus.avecCapteurs(new FaussesCapteurs()))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> serveurEnPlus.avecRoutes(() -> { })).isInstanceOf(IllegalStateException.class);
        } finally {
            serveurEnPlus.stop();
        }
    }

    private static JsonNode proprietes(JsonNode carte, String devEui) {
        for (JsonNode f : carte.get("features")) {
            if (f.get("id").asText().equals(devEui)) {
                return f.get("properties");
            }
        }
        throw new AssertionError("no device " + devEui + " in " + carte);
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
