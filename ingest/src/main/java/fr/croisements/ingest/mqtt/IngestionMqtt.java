package fr.croisements.ingest.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import fr.croisements.events.EntreeInvalide;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a network server's events on an MQTT broker and publishes them to Kafka through {@link MessagesMqtt}.
 *
 * <p>MQTT 5, QoS 1 and a persistent session: Croisements connects with {@code cleanStart = false}, a fixed
 * client id and a session that outlives the connection ({@link ConfigurationMqtt#expirationSession()}), so the
 * broker keeps the subscriptions and the messages published while Croisements or the broker is away. The
 * client reconnects by itself (from 0.5 s to 10 s apart), and subscribes again if the broker lost the session.
 * Each message is acknowledged (PUBACK) only once Kafka has its records: a message read but not yet in Kafka
 * when the connection breaks comes again, and is then recognised and not published twice
 * ({@link Dedoublonneur}). When Kafka refuses a record, the message is retried (1 s, then up to 30 s apart)
 * and the following messages wait: nothing is acknowledged that Kafka does not have.
 *
 * <p>Messages are read in order on one thread ({@code mqtt-croisements}); the other methods are thread-safe.
 */
public final class IngestionMqtt implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestionMqtt.class);

    /** How long the first connection and subscription may take before the start fails. */
    static final Duration DELAI_CONNEXION = Duration.ofSeconds(30);

    private final ConfigurationMqtt configuration;
    private final MessagesMqtt messages;
    private final ExecutorService lecture;
    private final Mqtt5AsyncClient client;
    private final AtomicBoolean ferme = new AtomicBoolean();
    private final AtomicBoolean dejaConnecte = new AtomicBoolean();
    private final AtomicBoolean connecte = new AtomicBoolean();
    private final AtomicLong connexions = new AtomicLong();

    private IngestionMqtt(ConfigurationMqtt configuration, MessagesMqtt messages) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.lecture = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, "mqtt-croisements");
            t.setDaemon(true);
            return t;
        });
        this.client = construire(configuration);
    }

    /**
     * Connects, subscribes to the filters and starts reading.
     *
     * @throws EntreeInvalide in French when the broker cannot be reached, refuses the connection (user, password,
     *     client id) or every filter, or when the trust store cannot be read
     */
    public static IngestionMqtt demarrer(ConfigurationMqtt configuration, MessagesMqtt messages) {
        var ingestion = new IngestionMqtt(configuration, messages);
        try {
            ingestion.connecter();
            return ingestion;
        } catch (RuntimeException e) {
            ingestion.close();
            throw e;
        }
    }

    private Mqtt5AsyncClient construire(ConfigurationMqtt c) {
        Mqtt5ClientBuilder b = Mqtt5Client.builder()
                .identifier(c.identifiantClient())
                .serverHost(c.hote())
                .serverPort(c.port())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    connecte.set(true);
                    connexions.incrementAndGet();
                    if (dejaConnecte.getAndSet(true)) {
                        log.info("Reconnected to the MQTT broker {}", c.broker());
                    }
                })
                .addDisconnectedListener(this::deconnecte);
        if (c.tls()) {
            TrustManagerFactory confiance = Confiance.gestionnaire(c.confiance(), c.motDePasseConfiance());
            b = confiance == null ? b.sslWithDefaultConfig() : b.sslConfig().trustManagerFactory(confiance).applySslConfig();
        }
        if (c.utilisateur() != null || c.motDePasse() != null) {
            var auth = Mqtt5SimpleAuth.builder();
            byte[] motDePasse = c.motDePasse() == null ? null : c.motDePasse().getBytes(StandardCharsets.UTF_8);
            b = b.simpleAuth(c.utilisateur() == null ? auth.password(motDePasse).build()
                    : motDePasse == null ? auth.username(c.utilisateur()).build()
                    : auth.username(c.utilisateur()).password(motDePasse).build());
        }
        Mqtt5AsyncClient async = b.buildAsync();
        // registered before connecting: a persistent session's queued messages come right after CONNACK,
        // before any SUBSCRIBE, and without a subscription this client instance knows of
        async.publishes(MqttGlobalPublishFilter.ALL, this::recevoir, lecture, true);
        return async;
    }

    private void deconnecte(MqttClientDisconnectedContext ctx) {
        boolean etaitConnecte = connecte.getAndSet(false);
        if (ferme.get() || !dejaConnecte.get()) {
            // closing, or the first connection failed: no retry, demarrer() reports it
            ctx.getReconnector().reconnect(false);
            return;
        }
        if (etaitConnecte) {
            log.warn("Lost the MQTT broker {} ({}): reconnecting, the persistent session keeps the messages published meanwhile",
                    configuration.broker(), ctx.getCause().getMessage());
        } else {
            log.debug("MQTT broker {} still unreachable (attempt {}): {}", configuration.broker(),
                    ctx.getReconnector().getAttempts(), ctx.getCause().getMessage());
        }
    }

    private void connecter() {
        var c = configuration;
        Mqtt5ConnAck connack;
        try {
            connack = client.connectWith().cleanStart(false).sessionExpiryInterval(c.expirationSession().toSeconds())
                    .send().get(DELAI_CONNEXION.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new EntreeInvalide("--mqtt", 0, "connexion au broker MQTT " + c.broker() + " impossible : " + raison(e.getCause()), e);
        } catch (TimeoutException e) {
            throw new EntreeInvalide("--mqtt", 0, "le broker MQTT " + c.broker() + " n'a pas répondu en "
                    + DELAI_CONNEXION.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntreeInvalide("--mqtt", 0, "connexion au broker MQTT " + c.broker() + " interrompue", e);
        }
        dejaConnecte.set(true);
        log.info("Connected to the MQTT broker {} as {} ({} session)", c.broker(), c.identifiantClient(),
                connack.isSessionPresent() ? "resumed" : "new");
        // subscribing again to a filter of a resumed session is harmless: queued messages stay queued
        List<Mqtt5Subscription> abonnements = c.filtres().stream()
                .map(f -> Mqtt5Subscription.builder().topicFilter(f).qos(MqttQos.AT_LEAST_ONCE).build()).toList();
        Mqtt5SubAck suback;
        try {
            suback = client.subscribeWith().addSubscriptions(abonnements).send().get(DELAI_CONNEXION.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EntreeInvalide("--mqtt-sujet", 0, "abonnement refusé par le broker MQTT " + c.broker() + " : "
                    + raison(e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntreeInvalide("--mqtt", 0, "abonnement au broker MQTT " + c.broker() + " interrompu", e);
        }
        List<String> refuses = new ArrayList<>();
        List<Mqtt5SubAckReasonCode> codes = suback.getReasonCodes();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).isError()) {
                refuses.add(c.filtres().get(i) + " (" + codes.get(i) + ")");
            }
        }
        if (!refuses.isEmpty() && refuses.size() == codes.size()) {
            throw new EntreeInvalide("--mqtt-sujet", 0, "le broker MQTT " + c.broker() + " refuse tous les sujets : "
                    + String.join(", ", refuses));
        }
        for (String r : refuses) {
            log.warn("The MQTT broker {} refused the topic filter {}: its messages will not be read", c.broker(), r);
        }
        log.info("Subscribed with QoS 1 to {} on {}", c.filtres(), c.broker());
    }

    /** On the reading thread: publishes the message, then acknowledges it. */
    private void recevoir(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        byte[] charge = publish.getPayloadAsBytes();
        long attente = 1000;
        while (!ferme.get()) {
            try {
                messages.traiter(topic, charge);
                acquitter(publish, topic);
                return;
            } catch (KafkaException e) {
                log.error("Kafka did not take the records of the MQTT message on {}: retrying in {} ms, not acknowledged meanwhile",
                        topic, attente, e);
            } catch (RuntimeException e) {
                // a bug must not stop the reading: the message is acknowledged, and the bug logged
                log.error("Could not read the MQTT message on {}", topic, e);
                acquitter(publish, topic);
                return;
            }
            try {
                Thread.sleep(attente);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            attente = Math.min(attente * 2, 30_000);
        }
    }

    /** PUBACK; a message of a connection since lost cannot be acknowledged any more: the broker delivers it again. */
    private static void acquitter(Mqtt5Publish publish, String topic) {
        try {
            publish.acknowledge();
        } catch (RuntimeException e) {
            log.debug("Could not acknowledge the MQTT message on {}: {}", topic, e.toString());
        }
    }

    /** Whether the client is connected now. */
    public boolean connecte() {
        return connecte.get();
    }

    /** How many times the client connected (1 + reconnections). */
    public long connexions() {
        return connexions.get();
    }

    /** What was read so far. */
    public MessagesMqtt.Bilan bilan() {
        return messages.bilan();
    }

    public ConfigurationMqtt configuration() {
        return configuration;
    }

    /**
     * Stops reading: the message being published finishes and is acknowledged, the ones received after it are left
     * unacknowledged (the broker delivers them again at the next start), then the client disconnects, keeping the session.
     */
    @Override
    public void close() {
        if (ferme.getAndSet(true)) {
            return;
        }
        lecture.shutdown();
        try {
            if (!lecture.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The MQTT reading thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.debug("MQTT disconnection: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("MQTT reading stopped ({})", configuration.broker());
    }

    /** A connection failure in French. */
    static String raison(Throwable e) {
        if (e instanceof Mqtt5ConnAckException refus) {
            Mqtt5ConnAckReasonCode code = refus.getMqttMessage().getReasonCode();
            return switch (code) {
                case BAD_USER_NAME_OR_PASSWORD -> "utilisateur ou mot de passe refusé (--mqtt-utilisateur, "
                        + "CROISEMENTS_MQTT_MOT_DE_PASSE ou --mqtt-mot-de-passe-fichier)";
                case NOT_AUTHORIZED -> "accès refusé à cet utilisateur (droits, clé d'API)";
                case CLIENT_IDENTIFIER_NOT_VALID -> "identifiant de client refusé (--mqtt-client-id)";
                case SERVER_UNAVAILABLE, SERVER_BUSY -> "broker indisponible pour le moment";
                default -> "connexion refusée (" + code + ")";
            };
        }
        String message = e.getMessage();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException || c instanceof java.security.cert.CertificateException) {
                return "échec de la connexion chiffrée (certificat du broker non reconnu ? donner son autorité avec "
                        + "--mqtt-confiance) : " + c.getMessage();
            }
            if (c instanceof java.net.ConnectException) {
                return "broker injoignable (adresse, port, pare-feu ?) : " + c.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
