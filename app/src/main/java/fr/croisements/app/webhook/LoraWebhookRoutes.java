package fr.croisements.app.webhook;

import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.BilanLora;
import fr.croisements.ingest.lora.LoraAdapter;
import fr.croisements.viz.contrats.RouteDocumentee;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks for LoRaWAN network servers: {@code POST /ingest/tts} (a The Things Stack webhook) and
 * {@code POST /ingest/chirpstack} (a ChirpStack HTTP integration, which adds {@code ?event=up},
 * {@code ?event=status}...). The body is the message as the server sends it, read by the same
 * adapters as {@code croisements ingest tts|chirpstack}, and published to {@code lora-uplinks},
 * {@code lora-statuts} and {@code rejets}.
 *
 * <p>Answers, JSON, in French:
 * <ul>
 *   <li>503 {@code {"erreur": "webhook désactivé..."}} when no token is configured
 *       ({@value #VARIABLE_JETON} unset or blank): the webhooks are off by default;
 *   <li>401 without {@code Authorization: Bearer <jeton>} or with another token;
 *   <li>413 over {@value #TAILLE_MAX_OCTETS} bytes (announced or read);
 *   <li>400 when the body is not JSON (truncated, invalid) or when no message in it is usable,
 *       with the reason; the reject also goes to {@code rejets};
 *   <li>503 when Kafka does not take the records (the sender should retry);
 *   <li>202 otherwise, with a summary: messages read, uplinks, statuses, ignored events, rejects
 *       and their reasons. The records are flushed to Kafka before the answer.
 * </ul>
 *
 * <p>The adapters and producers come in through the constructor; they are thread-safe, and so is
 * this class.
 */
public final class LoraWebhookRoutes implements EndpointGroup {

    private static final Logger log = LoggerFactory.getLogger(LoraWebhookRoutes.class);

    /** The environment variable holding the bearer token of the webhooks. */
    public static final String VARIABLE_JETON = "CROISEMENTS_JETON_WEBHOOK";
    /** Largest body accepted: a TTS uplink message is 2 to 5 KiB. */
    public static final int TAILLE_MAX_OCTETS = 256 * 1024;
    /** What is read and dropped of a refused body so that its sender gets the 413 (see {@link #ignorerReste}). */
    static final long VIDANGE_MAX_OCTETS = 4L * TAILLE_MAX_OCTETS;
    public static final String CHEMIN_TTS = "/ingest/tts";
    public static final String CHEMIN_CHIRPSTACK = "/ingest/chirpstack";
    private static final String BEARER = "bearer ";

    private final byte[] jeton;
    private final LoraAdapter tts;
    private final LoraAdapter chirpstack;
    private final Producer<String, LoraUplink> uplinks;
    private final Producer<String, LoraStatut> statuts;
    private final Producer<String, Rejet> rejets;

    /**
     * @param jeton the bearer token the senders must present, or {@code null} (or blank) to refuse
     *     every request with 503
     * @param tts the adapter of {@code POST /ingest/tts}
     * @param chirpstack the adapter of {@code POST /ingest/chirpstack}
     */
    public LoraWebhookRoutes(String jeton, LoraAdapter tts, LoraAdapter chirpstack, Producer<String, LoraUplink> uplinks,
            Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets) {
        this.jeton = jeton == null || jeton.isBlank() ? null : jeton.strip().getBytes(StandardCharsets.UTF_8);
        this.tts = Objects.requireNonNull(tts, "tts");
        this.chirpstack = Objects.requireNonNull(chirpstack, "chirpstack");
        this.uplinks = Objects.requireNonNull(uplinks, "uplinks");
        this.statuts = Objects.requireNonNull(statuts, "statuts");
        this.rejets = Objects.requireNonNull(rejets, "rejets");
        if (this.jeton == null) {
            log.info("LoRaWAN webhooks disabled (answer 503): set {} to enable {} and {}", VARIABLE_JETON, CHEMIN_TTS, CHEMIN_CHIRPSTACK);
        }
    }

    /** With the token of the environment variable {@value #VARIABLE_JETON}. */
    public static LoraWebhookRoutes depuisEnvironnement(LoraAdapter tts, LoraAdapter chirpstack,
            Producer<String, LoraUplink> uplinks, Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets) {
        return new LoraWebhookRoutes(System.getenv(VARIABLE_JETON), tts, chirpstack, uplinks, statuts, rejets);
    }

    @Override
    public void addEndpoints() {
        post(CHEMIN_TTS, ctx -> recevoir(ctx, tts, CHEMIN_TTS));
        post(CHEMIN_CHIRPSTACK, ctx -> recevoir(ctx, chirpstack, CHEMIN_CHIRPSTACK));
    }

    void recevoir(Context ctx, LoraAdapter adapter, String chemin) throws IOException {
        if (jeton == null) {
            erreur(ctx, 503, "webhook désactivé : définir la variable d'environnement " + VARIABLE_JETON
                    + " (le jeton que le serveur de réseau enverra) et redémarrer");
            return;
        }
        if (!autorise(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"croisements\"");
            erreur(ctx, 401, "jeton manquant ou invalide : en-tête « Authorization: Bearer <jeton> » attendu");
            return;
        }
        if (ctx.contentLength() > TAILLE_MAX_OCTETS) {
            ignorerReste(ctx.bodyInputStream());
            erreur(ctx, 413, trop(ctx.contentLength()));
            return;
        }
        InputStream entree = ctx.bodyInputStream();
        byte[] corps = lire(entree);
        if (corps == null) {
            ignorerReste(entree);
            erreur(ctx, 413, trop(-1));
            return;
        }
        String source = "webhook " + chemin;
        String position = "POST " + chemin;
        String texte = new String(corps, StandardCharsets.UTF_8);
        JsonNode message;
        try {
            message = LoraAdapter.lireJson(texte);
        } catch (IllegalArgumentException e) {
            rejeter(source, position, e.getMessage(), texte);
            erreur(ctx, 400, e.getMessage());
            return;
        }
        BilanLora bilan;
        try {
            bilan = adapter.publier(message, source, position, ctx.queryParam("event"), uplinks, statuts, rejets);
        } catch (KafkaException e) {
            log.error("{} could not publish to Kafka", position, e);
            erreur(ctx, 503, "Kafka n'a pas pris le message : réessayer plus tard");
            return;
        }
        var reponse = new Reponse(bilan.lus(), bilan.uplinks(), bilan.nonDecodes(), bilan.statuts(), bilan.ignoresTries(),
                bilan.rejetes(), bilan.raisons());
        repondre(ctx, bilan.lus() > 0 && bilan.rejetes() == bilan.lus() ? 400 : 202, reponse);
    }

    /** The summary answered to a usable request. */
    record Reponse(long lus, long uplinks, long sansMesure, long statuts, Map<String, Long> ignores, long rejetes,
            List<String> raisons) {}

    private boolean autorise(String entete) {
        if (entete == null || !entete.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return false;
        }
        byte[] presente = entete.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presente, jeton);
    }

    /** The body, or {@code null} when it is longer than the limit (reading stops there). */
    private static byte[] lire(InputStream in) throws IOException {
        var sortie = new ByteArrayOutputStream();
        byte[] tampon = new byte[8192];
        for (int n = in.read(tampon); n >= 0; n = in.read(tampon)) {
            sortie.write(tampon, 0, n);
            if (sortie.size() > TAILLE_MAX_OCTETS) {
                return null;
            }
        }
        return sortie.toByteArray();
    }

    /**
     * Reads and drops what the sender still sends of a refused body, up to {@value #VIDANGE_MAX_OCTETS}
     * bytes: answering 413 while the sender is still writing closed the connection under it, and the
     * sender saw a broken connection instead of the answer (found by the fuzz suite). Above that, the
     * connection is closed all the same: a sender of megabytes gets no answer.
     */
    private static void ignorerReste(InputStream in) {
        byte[] tampon = new byte[8192];
        long lus = 0;
        try {
            for (int n = in.read(tampon); n >= 0 && lus < VIDANGE_MAX_OCTETS; n = in.read(tampon)) {
                lus += n;
            }
        } catch (IOException e) {
            log.debug("Refused body not read to its end", e);
        }
    }

    private static String trop(long taille) {
        return "corps de requête trop grand" + (taille > 0 ? " (" + taille + " octets)" : "")
                + " : au plus " + TAILLE_MAX_OCTETS + " octets par requête";
    }

    /** A body that is not JSON is rejected like a bad line of a file: on {@code rejets}, best effort. */
    private void rejeter(String source, String position, String raison, String extrait) {
        log.warn("{} rejected: {}", position, raison);
        var rejet = new Rejet(source, position, raison, extrait, Instant.now());
        try {
            rejets.send(new ProducerRecord<>(Topics.REJETS.name(), null, rejet.instant().toEpochMilli(), source, rejet),
                    (m, e) -> {
                        if (e != null) {
                            log.warn("Could not publish the reject of {}", position, e);
                        }
                    });
            rejets.flush();
        } catch (KafkaException e) {
            log.warn("Could not publish the reject of {}", position, e);
        }
    }

    private static void erreur(Context ctx, int statut, String message) {
        repondre(ctx, statut, Map.of("erreur", message));
    }

    private static void repondre(Context ctx, int statut, Object corps) {
        try {
            ctx.status(statut).contentType("application/json; charset=utf-8").result(JsonSerde.MAPPER.writeValueAsString(corps));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
    }

    /** What {@code /openapi.json} says of these routes (see {@link RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(webhook(CHEMIN_TTS, "Webhook The Things Stack v3",
                        "Le message d'un webhook The Things Stack (uplink_message, …), tel quel."),
                webhook(CHEMIN_CHIRPSTACK, "Intégration HTTP ChirpStack v4",
                        "L'événement d'une intégration HTTP ChirpStack (up, status…), tel quel.")
                        .requete("event", "le type d'événement qu'ajoute ChirpStack : « up », « status »…"));
    }

    private static RouteDocumentee webhook(String chemin, String resume, String corps) {
        return RouteDocumentee.post(chemin, resume)
                .description("Publie les trames sur « lora-uplinks », les états sur « lora-statuts » et ce qui est "
                        + "illisible sur « rejets », comme « croisements ingest ». Désactivé (503) tant que la variable "
                        + VARIABLE_JETON + " n'est pas définie.")
                .jeton("jeton partagé avec le serveur de réseau")
                .corps("application/json", corps + " Au plus " + TAILLE_MAX_OCTETS / 1024 + " Kio.")
                .json(202, "le bilan : messages lus, trames publiées, états, ignorés, rejetés et leurs raisons", Reponse.class)
                .erreur(400, "message illisible, ou tous ses éléments rejetés")
                .erreur(401, "jeton manquant ou invalide")
                .erreur(413, "corps de requête trop grand")
                .erreur(503, "webhook désactivé, ou Kafka n'a pas pris le message");
    }
}
