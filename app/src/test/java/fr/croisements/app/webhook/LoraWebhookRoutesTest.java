package fr.croisements.app.webhook;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.ChirpstackAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LoRaWAN webhooks over HTTP, on a bare Javalin with only these routes, and MockProducers. */
class LoraWebhookRoutesTest {

    private static final String JETON = "un-jeton-de-test-assez-long";

    private final MockProducer<String, LoraUplink> uplinks =
            new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_UPLINKS.valueSerde().serializer());
    private final MockProducer<String, LoraStatut> statuts =
            new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_STATUTS.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets =
            new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin serveur;

    @AfterEach
    void arreter() {
        if (serveur != null) {
            serveur.stop();
        }
    }

    private URI demarrer(String jeton) {
        var routes = new LoraWebhookRoutes(jeton, new TtsAdapter(), new ChirpstackAdapter(), uplinks, statuts, rejets);
        serveur = Javalin.create(config -> config.routes.apiBuilder(routes)).start(0);
        return URI.create("http://localhost:" + serveur.port());
    }

    private HttpResponse<String> poster(URI base, String chemin, String jeton, HttpRequest.BodyPublisher corps)
            throws IOException, InterruptedException {
        var requete = HttpRequest.newBuilder(base.resolve(chemin)).header("Content-Type", "application/json").POST(corps);
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        return client.send(requete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> poster(URI base, String chemin, String jeton, String corps) throws IOException, InterruptedException {
        return poster(base, chemin, jeton, HttpRequest.BodyPublishers.ofString(corps));
    }

    private static String echantillon(String nom) throws IOException {
        String dossier = System.getProperty("croisements.donnees.officielles", "../../shared/datasets");
        return Files.readString(Path.of(dossier, "lora", "message_samples", nom));
    }

    private static JsonNode json(HttpResponse<String> reponse) throws IOException {
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JsonSerde.MAPPER.readTree(reponse.body());
    }

    @Test
    @DonneesOfficiellesRequises
    void answers503WhenNoTokenIsConfigured() throws Exception {
        URI base = demarrer("  ");

        var reponse = poster(base, "/ingest/tts", JETON, echantillon("tts_v3_uplink_em500-co2.json"));

        assertThat(reponse.statusCode()).isEqualTo(503);
        assertThat(json(reponse).get("erreur").asText()).startsWith("webhook désactivé : définir la variable d'environnement CROISEMENTS_JETON_WEBHOOK");
        assertThat(uplinks.history()).isEmpty();
    }

    @Test
    @DonneesOfficiellesRequises
    void answers401WithoutTheRightBearerToken() throws Exception {
        URI base = demarrer(JETON);

        var sans = poster(base, "/ingest/tts", null, echantillon("tts_v3_uplink_em500-co2.json"));
        var mauvais = poster(base, "/ingest/chirpstack", JETON + "x", echantillon("chirpstack_v4_up_em500-co2.json"));
        var basic = client.send(HttpRequest.newBuilder(base.resolve("/ingest/tts")).header("Authorization", "Basic " + JETON)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sans.statusCode()).isEqualTo(401);
        assertThat(sans.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"croisements\"");
        assertThat(json(sans).get("erreur").asText()).isEqualTo("jeton manquant ou invalide : en-tête « Authorization: Bearer <jeton> » attendu");
        assertThat(mauvais.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(uplinks.history()).isEmpty();
        assertThat(rejets.history()).isEmpty();
    }

    @Test
    void answers413OverTheSizeLimitAnnouncedOrStreamed() throws Exception {
        URI base = demarrer(JETON);
        byte[] gros = ("{\"x\": \"" + "a".repeat(LoraWebhookRoutes.TAILLE_MAX_OCTETS) + "\"}").getBytes(StandardCharsets.UTF_8);

        var annonce = poster(base, "/ingest/tts", JETON, HttpRequest.BodyPublishers.ofByteArray(gros));
        var flux = poster(base, "/ingest/tts", JETON, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(gros)));

        assertThat(annonce.statusCode()).isEqualTo(413);
        assertThat(json(annonce).get("erreur").asText())
                .isEqualTo("corps de requête trop grand (" + gros.length + " octets) : au plus 262144 octets par requête");
        assertThat(flux.statusCode()).isEqualTo(413);
        assertThat(json(flux).get("erreur").asText()).isEqualTo("corps de requête trop grand : au plus 262144 octets par requête");
        assertThat(uplinks.history()).isEmpty();
    }

    /**
     * Found by the fuzz suite: the 413 was sent while the sender was still writing its body, and the
     * sender saw a broken connection (« Broken pipe ») instead of the answer, now and then.
     */
    @Test
    void theSenderOfAnOversizedBodyAlwaysGetsThe413() throws Exception {
        URI base = demarrer(JETON);
        byte[] gros = ("{\"x\": \"" + "a".repeat(LoraWebhookRoutes.TAILLE_MAX_OCTETS + 300_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 30; i++) {
            var annonce = poster(base, "/ingest/tts", JETON, HttpRequest.BodyPublishers.ofByteArray(gros));
            var flux = poster(base, "/ingest/chirpstack", JETON, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(gros)));

            assertThat(annonce.statusCode()).isEqualTo(413);
            assertThat(flux.statusCode()).isEqualTo(413);
        }
        assertThat(uplinks.history()).isEmpty();
        assertThat(rejets.history()).isEmpty();
    }

    /** Found by the fuzz suite: an emoji where JSON expects a value gave a reason with « ? » in the answer. */
    @Test
    void theReasonOfAnUnexpectedEmojiIsTheSameInTheAnswerAndTheReject() throws Exception {
        URI base = demarrer(JETON);

        var reponse = poster(base, "/ingest/tts", JETON, "{\"a\": \uD83D\uDE00}");

        assertThat(reponse.statusCode()).isEqualTo(400);
        String raison = json(reponse).get("erreur").asText();
        assertThat(raison).contains("caractère « U+D83D » inattendu").doesNotContain("« ? »");
        assertThat(rejets.history()).singleElement().satisfies(r -> assertThat(r.value().raison()).isEqualTo(raison));
    }

    @Test
    @DonneesOfficiellesRequises
    void answers400WithAFrenchReasonForInvalidJsonAndPublishesTheReject() throws Exception {
        URI base = demarrer(JETON);
        String tronque = echantillon("tts_v3_uplink_em500-co2.json").substring(0, 300);

        var reponse = poster(base, "/ingest/tts", JETON, tronque);
        var vide = poster(base, "/ingest/chirpstack", JETON, "");

        assertThat(reponse.statusCode()).isEqualTo(400);
        assertThat(json(reponse).get("erreur").asText()).startsWith("JSON tronqué (fin de texte inattendue) ligne ");
        assertThat(vide.statusCode()).isEqualTo(400);
        assertThat(json(vide).get("erreur").asText()).isEqualTo("corps vide : un message JSON est attendu");
        assertThat(rejets.history()).extracting(ProducerRecord::value).first().satisfies(r -> {
            assertThat(r.source()).isEqualTo("webhook /ingest/tts");
            assertThat(r.position()).isEqualTo("POST /ingest/tts");
            assertThat(r.raison()).startsWith("JSON tronqué");
            assertThat(r.extrait()).isEqualTo(tronque);
        });
        assertThat(uplinks.history()).isEmpty();
    }

    @Test
    @DonneesOfficiellesRequises
    void answers400WhenTheJsonHoldsNoUsableMessage() throws Exception {
        URI base = demarrer(JETON);

        var reponse = poster(base, "/ingest/chirpstack", JETON, echantillon("tts_v3_uplink_em500-co2.json"));

        assertThat(reponse.statusCode()).isEqualTo(400);
        JsonNode corps = json(reponse);
        assertThat(corps.get("rejetes").asInt()).isEqualTo(1);
        assertThat(corps.get("raisons").get(0).asText())
                .isEqualTo("POST /ingest/chirpstack : message The Things Stack reçu par l'adaptateur ChirpStack : utiliser l'adaptateur tts");
        assertThat(rejets.history()).hasSize(1);
    }

    @Test
    @DonneesOfficiellesRequises
    void acceptsATtsUplinkAndPublishesIt() throws Exception {
        URI base = demarrer(JETON);

        var reponse = poster(base, "/ingest/tts", JETON, echantillon("tts_v3_uplink_em310-udl.json"));

        assertThat(reponse.statusCode()).isEqualTo(202);
        JsonNode corps = json(reponse);
        assertThat(corps.get("lus").asInt()).isEqualTo(1);
        assertThat(corps.get("uplinks").asInt()).isEqualTo(1);
        assertThat(corps.get("sansMesure").asInt()).isEqualTo(1);
        assertThat(corps.get("rejetes").asInt()).isZero();
        assertThat(corps.get("raisons").get(0).asText()).startsWith("POST /ingest/tts : modèle d'appareil inconnu");
        assertThat(uplinks.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("lora-uplinks");
            assertThat(r.key()).isEqualTo("1000000000000001");
            assertThat(r.value().source()).isEqualTo("tts");
            assertThat(r.value().fCnt()).isEqualTo(10335L);
            assertThat(r.value().receptions()).singleElement().satisfies(g -> assertThat(g.gatewayId()).isEqualTo("6A7E111A10000000"));
        });
        assertThat(uplinks.flushed()).isTrue();
    }

    @Test
    @DonneesOfficiellesRequises
    void acceptsChirpstackEventsWithTheirEventTypeAndDecodesByDeviceProfile() throws Exception {
        URI base = demarrer(JETON);
        String up = echantillon("chirpstack_v4_up_em500-co2.json")
                .replace("\"Chirpstack default device profile\"", "\"Milesight EM500-CO2\"");
        String status = "{\"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"},"
                + " \"margin\": 12, \"batteryLevel\": 88.5}";
        String join = "{\"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"devAddr\": \"260b0001\"}";

        var reponseUp = poster(base, "/ingest/chirpstack?event=up", JETON, up);
        var reponseStatus = poster(base, "/ingest/chirpstack?event=status", JETON, status);
        var reponseJoin = poster(base, "/ingest/chirpstack?event=join", JETON, join);

        assertThat(reponseUp.statusCode()).isEqualTo(202);
        assertThat(json(reponseUp).get("sansMesure").asInt()).isZero();
        assertThat(uplinks.history()).singleElement().satisfies(r -> {
            assertThat(r.value().modele()).isEqualTo("milesight-em500-co2");
            assertThat(r.value().mesures().get("co2").valeur()).isEqualTo(1127.0);
            assertThat(r.value().source()).isEqualTo("chirpstack");
        });
        assertThat(reponseStatus.statusCode()).isEqualTo(202);
        assertThat(json(reponseStatus).get("statuts").asInt()).isEqualTo(1);
        assertThat(statuts.history()).singleElement().satisfies(r -> assertThat(r.value().batteriePourcent()).isEqualTo(88.5));
        assertThat(reponseJoin.statusCode()).isEqualTo(202);
        assertThat(json(reponseJoin).get("ignores").get("join").asInt()).isEqualTo(1);
        assertThat(rejets.history()).isEmpty();
    }

    @Test
    @DonneesOfficiellesRequises
    void answers503WhenKafkaDoesNotTakeTheRecords() throws Exception {
        uplinks.sendException = new TimeoutException("broker injoignable");
        URI base = demarrer(JETON);

        var reponse = poster(base, "/ingest/tts", JETON, echantillon("tts_v3_uplink_em500-co2.json"));

        assertThat(reponse.statusCode()).isEqualTo(503);
        assertThat(json(reponse).get("erreur").asText()).isEqualTo("Kafka n'a pas pris le message : réessayer plus tard");
    }
}
