package fr.croisements.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.fuzz.Controles;
import fr.croisements.ingest.lora.ChirpstackAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import io.javalin.Javalin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TTS webhook under concurrent senders (issue #13): 8 threads post 250 messages each, distinct
 * devices and frame counters, one in ten damaged. Every accepted uplink is published exactly once
 * (none lost, none doubled) and every refused message was answered 400 with a French reason. In-process,
 * on a bare Javalin and a MockProducer (whose methods are synchronized, like a real producer's are
 * thread-safe).
 */
class LoraWebhookChargeTest {

    private static final String JETON = "un-jeton-de-charge-assez-long";
    private static final int FILS = 8;
    private static final int PAR_FIL = 250;

    private final MockProducer<String, LoraUplink> uplinks =
            new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_UPLINKS.valueSerde().serializer());
    private final MockProducer<String, LoraStatut> statuts =
            new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_STATUTS.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets =
            new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Javalin serveur;
    private Level niveau;

    @BeforeEach
    void demarrer() {
        niveau = Controles.silence();
        var routes = new LoraWebhookRoutes(JETON, new TtsAdapter(), new ChirpstackAdapter(), uplinks, statuts, rejets);
        serveur = Javalin.create(config -> config.routes.apiBuilder(routes)).start(0);
    }

    @AfterEach
    void arreter() {
        serveur.stop();
        Controles.retablir(niveau);
    }

    /** One message of the sample, for one device and one frame counter. */
    private static String message(ObjectNode modele, int fil, int i) {
        ObjectNode m = modele.deepCopy();
        ((ObjectNode) m.get("end_device_ids")).put("dev_eui", String.format(Locale.ROOT, "24E124710C4080%02X", fil));
        ((ObjectNode) m.get("uplink_message")).put("f_cnt", fil * 10_000 + i);
        return m.toString();
    }

    @Test
    void everyAcceptedUplinkIsPublishedExactlyOnceAndEveryRefusedOneHasItsReason() throws Exception {
        ObjectNode modele;
        try (InputStream in = getClass().getResourceAsStream("/lora/tts-uplink-sans-received-at.json")) {
            modele = (ObjectNode) JsonSerde.MAPPER.readTree(in);
        }
        URI cible = URI.create("http://localhost:" + serveur.port() + LoraWebhookRoutes.CHEMIN_TTS);
        Set<String> acceptes = ConcurrentHashMap.newKeySet();
        List<String> refus = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> anomalies = java.util.Collections.synchronizedList(new ArrayList<>());

        ExecutorService fils = Executors.newFixedThreadPool(FILS);
        var taches = new ArrayList<Future<?>>();
        for (int f = 0; f < FILS; f++) {
            int fil = f;
            taches.add(fils.submit(() -> {
                for (int i = 0; i < PAR_FIL; i++) {
                    String corps = message(modele, fil, i);
                    boolean abime = i % 10 == 9;
                    if (abime) {
                        corps = corps.substring(0, corps.length() / 2);
                    }
                    var requete = HttpRequest.newBuilder(cible).header("Authorization", "Bearer " + JETON)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps)).build();
                    HttpResponse<String> reponse = client.send(requete, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    JsonNode json = JsonSerde.MAPPER.readTree(reponse.body());
                    String cle = String.format(Locale.ROOT, "24E124710C4080%02X/%d", fil, fil * 10_000 + i);
                    if (reponse.statusCode() == 202 && !abime && json.get("uplinks").asInt() == 1) {
                        if (!acceptes.add(cle)) {
                            anomalies.add("accepté deux fois : " + cle);
                        }
                    } else if (reponse.statusCode() == 400 && abime && json.hasNonNull("erreur")) {
                        Controles.raisonFrancaise(json.get("erreur").asText());
                        refus.add(cle);
                    } else {
                        anomalies.add(cle + " : " + reponse.statusCode() + " " + reponse.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> t : taches) {
            t.get(60, TimeUnit.SECONDS);
        }
        fils.shutdown();

        assertThat(anomalies).isEmpty();
        List<String> publies = uplinks.history().stream().map(r -> r.value().devEui() + "/" + r.value().fCnt()).toList();
        assertThat(publies).doesNotHaveDuplicates();
        assertThat(publies).containsExactlyInAnyOrderElementsOf(acceptes);
        assertThat(acceptes).hasSize(FILS * PAR_FIL * 9 / 10);
        assertThat(refus).hasSize(FILS * PAR_FIL / 10);
        // besides, each uplink published without measures (no device model here) has its reject saying why
        assertThat(rejets.history().stream().filter(r -> r.value().raison().startsWith("JSON tronqué"))).hasSize(refus.size());
        System.out.println(String.format(Locale.ROOT, "[charge] webhook POST %s : %d fils × %d messages, %d trames publiées une fois"
                + " chacune, %d refusées avec leur raison", LoraWebhookRoutes.CHEMIN_TTS, FILS, PAR_FIL, publies.size(), refus.size()));
    }
}
