package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.SEMAINE_2;
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

    private ServeurDeTest serveur;
    private Stream<String> flux;

    @BeforeEach
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST));
    }

    @AfterEach
    void arreter() {
        if (flux != null) {
            flux.close();
        }
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

    private Iterator<String> connecter() {
        var requete = HttpRequest.newBuilder(serveur.uri("/api/direct")).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<Stream<String>> reponse = serveur.client
                    .sendAsync(requete, HttpResponse.BodyHandlers.ofLines())
                    .get(5, TimeUnit.SECONDS);
            assertThat(reponse.statusCode()).isEqualTo(200);
            assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            flux = reponse.body();
            return flux.iterator();
        } catch (Exception e) {
            throw new AssertionError("could not connect to /api/direct", e);
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
