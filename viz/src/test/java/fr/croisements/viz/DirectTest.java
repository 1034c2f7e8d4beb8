package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.SEMAINE_3;
import static fr.croisements.viz.Fixtures.cellule;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-sent events on /api/direct, read line by line over real HTTP, and the clock. */
class DirectTest {

    private static final String ABONNEMENT = "/api/direct?territoire=val-de-test&indicateur=" + Fixtures.INDICATEUR;

    private ServeurDeTest serveur;
    private Stream<String> flux;
    private final List<Stream<String>> autresFlux = new ArrayList<>();

    @BeforeEach
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST));
    }

    @AfterEach
    void arreter() {
        if (flux != null) {
            flux.close();
        }
        autresFlux.forEach(Stream::close);
        serveur.close();
    }

    @Test
    void connectedClientReceivesAnIndicateurEventAfterPublier() throws Exception {
        Iterator<String> lignes = connecter();
        await().atMost(Duration.ofSeconds(5)).until(() -> serveur.liveFeed.nombreAbonnes() == 1);

        serveur.liveFeed.publier(cellule("54430", SEMAINE_2, 1000, 1600));

        JsonNode donnees = evenement(lignes, "indicateur");
        assertThat(donnees.get("codeZone").asText()).isEqualTo("54430");
        assertThat(donnees.get("indicateur").asText()).isEqualTo(Fixtures.INDICATEUR);
        assertThat(donnees.get("valeur").asDouble()).isEqualTo(62.5);
        assertThat(donnees.get("debut").asText()).isEqualTo("2025-01-06T00:00:00Z");
        assertThat(donnees.get("mesures").get("levees").asDouble()).isEqualTo(1150);
    }

    @Test
    void connectedClientReceivesTheSimulatedClockEverySecond() throws Exception {
        serveur.horloge.set(Instant.parse("2025-01-06T07:00:00Z"));
        Iterator<String> lignes = connecter();

        JsonNode donnees = evenement(lignes, "horloge");

        assertThat(donnees.get("simulee").asText()).isEqualTo("2025-01-06T07:00:00Z");
    }

    @Test
    void clientThatLeavesIsForgotten() {
        connecter();
        await().atMost(Duration.ofSeconds(5)).until(() -> serveur.liveFeed.nombreAbonnes() == 1);

        flux.close();
        flux = null;

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            serveur.liveFeed.publier(cellule("54430", SEMAINE_2, 1000, 1600));
            return serveur.liveFeed.nombreAbonnes() == 0;
        });
    }

    @Test
    void clockIsTheSimulatedInstantOrNullWithoutSimulator() {
        assertThat(json(serveur.get("/api/horloge")).get("simulee").isNull()).isTrue();

        serveur.horloge.set(Instant.parse("2025-01-06T07:00:00Z"));

        assertThat(json(serveur.get("/api/horloge")).get("simulee").asText()).isEqualTo("2025-01-06T07:00:00Z");
    }

    @Test
    void aSubscribedMapReceivesCompactCellsOfItsTerritoryAndIndicatorsOnly() throws Exception {
        Iterator<String> tout = connecter();
        Iterator<String> carte = connecter(ABONNEMENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> serveur.liveFeed.nombreAbonnes() == 2);

        serveur.liveFeed.publier(cellule("2A004", SEMAINE_2, 900, 1600)); // another territory
        serveur.liveFeed.publier(CellulesFragilite.cellule("54430", "Pompey", 11.2, 42.0, 18.6)); // another indicator
        serveur.liveFeed.publier(cellule("54430", SEMAINE_2, 1000, 1600));

        JsonNode premiere = evenement(carte, "indicateur");
        assertThat(premiere.get("codeZone").asText()).as("the first event of the map is its own").isEqualTo("54430");
        assertThat(premiere.get("indicateur").asText()).isEqualTo(Fixtures.INDICATEUR);
        assertThat(premiere.get("valeur").asDouble()).isEqualTo(62.5);
        assertThat(premiere.get("debut").asText()).isEqualTo("2025-01-06T00:00:00Z");
        assertThat(premiere.get("fin").asText()).isEqualTo("2025-01-13T00:00:00Z");
        assertThat(premiere.get("mesures").get("levees").asDouble()).isEqualTo(1150);
        assertThat(premiere.get("simule").asBoolean()).isTrue();
        assertThat(premiere.get("secret").asBoolean()).isFalse();
        assertThat(premiere.has("sourceNumerateur")).as("sources are in the GeoJSON").isFalse();
        assertThat(premiere.has("sourcesMesures")).isFalse();
        assertThat(premiere.has("nomZone")).isFalse();

        // a client without parameters still gets every cell, in full
        JsonNode autre = evenement(tout, "indicateur");
        assertThat(autre.get("codeZone").asText()).isEqualTo("2A004");
        assertThat(autre.get("sourceNumerateur").get("producteur").asText()).isEqualTo("Croisements");

        serveur.liveFeed.publier(cellule("2A004", SEMAINE_3, 950, 1600));
        serveur.liveFeed.publier(cellule("54318", SEMAINE_3, 700, 1600));
        assertThat(evenement(carte, "indicateur").get("codeZone").asText()).isEqualTo("54318");
    }

    @Test
    void theCellsOfOneZoneAreCoalescedTheLatestOneWinning() throws Exception {
        Iterator<String> carte = connecter(ABONNEMENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> serveur.liveFeed.nombreAbonnes() == 1);
        int publiees = 50;

        for (int i = 1; i <= publiees; i++) {
            serveur.liveFeed.publier(cellule("54430", SEMAINE_2, i, 1600));
        }

        // once the latest is received, a cell of another zone goes after every event sent for the burst
        int recues = 0;
        boolean temoinPublie = false;
        for (JsonNode cellule = evenement(carte, "indicateur"); !cellule.get("codeZone").asText().equals("54318");
                cellule = evenement(carte, "indicateur")) {
            recues++;
            if (cellule.get("numerateur").asDouble() == publiees && !temoinPublie) {
                serveur.liveFeed.publier(cellule("54318", SEMAINE_2, 700, 1600));
                temoinPublie = true;
            }
        }
        assertThat(recues).as("events for %d cells of one zone", publiees).isLessThan(publiees);
    }

    @Test
    void aSecretCellIsSentWithoutItsValue() throws Exception {
        Iterator<String> carte = connecter(ABONNEMENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> serveur.liveFeed.nombreAbonnes() == 1);

        serveur.liveFeed.publier(Fixtures.secrete("54318", SEMAINE_2, 8));

        JsonNode cellule = evenement(carte, "indicateur");
        assertThat(cellule.get("secret").asBoolean()).isTrue();
        assertThat(cellule.get("valeur").isNull()).isTrue();
        assertThat(cellule.get("denominateur").asDouble()).isEqualTo(8);
    }

    @Test
    void anUnknownTerritoryOrIndicatorIsRefusedInFrenchBeforeTheStreamOpens() throws Exception {
        var territoire = serveur.client.send(HttpRequest.newBuilder(serveur.uri("/api/direct?territoire=atlantide"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(territoire.statusCode()).isEqualTo(404);
        assertThat(json(territoire).get("erreur").asText()).startsWith("Territoire inconnu : « atlantide »");

        var indicateur = serveur.client.send(HttpRequest.newBuilder(serveur.uri("/api/direct?indicateur=bruit-nocturne"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(indicateur.statusCode()).isEqualTo(400);
        assertThat(json(indicateur).get("erreur").asText()).startsWith("Indicateur inconnu : « bruit-nocturne »");
        assertThat(serveur.liveFeed.nombreAbonnes()).isZero();
    }

    private Iterator<String> connecter() {
        flux = ouvrir("/api/direct");
        return flux.iterator();
    }

    private Iterator<String> connecter(String chemin) {
        Stream<String> lignes = ouvrir(chemin);
        autresFlux.add(lignes);
        return lignes.iterator();
    }

    private Stream<String> ouvrir(String chemin) {
        var requete = HttpRequest.newBuilder(serveur.uri(chemin)).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<Stream<String>> reponse = serveur.client
                    .sendAsync(requete, HttpResponse.BodyHandlers.ofLines())
                    .get(5, TimeUnit.SECONDS);
            assertThat(reponse.statusCode()).isEqualTo(200);
            assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            return reponse.body();
        } catch (Exception e) {
            throw new AssertionError("could not connect to " + chemin, e);
        }
    }

    /** The data of the next event of this type, within 5 seconds. */
    private static JsonNode evenement(Iterator<String> lignes, String type) throws Exception {
        String donnees = CompletableFuture.supplyAsync(() -> {
            boolean bonType = false;
            while (lignes.hasNext()) {
                String ligne = lignes.next();
                if (ligne.startsWith("event:")) {
                    bonType = ligne.substring("event:".length()).trim().equals(type);
                } else if (bonType && ligne.startsWith("data:")) {
                    return ligne.substring("data:".length()).trim();
                }
            }
            throw new AssertionError("stream ended before an event " + type);
        }).get(5, TimeUnit.SECONDS);
        try {
            return JsonSerde.MAPPER.readTree(donnees);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
