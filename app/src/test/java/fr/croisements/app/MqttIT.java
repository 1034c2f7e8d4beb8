package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.mqtt.ConfigurationMqtt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #13, item 7: LoRaWAN events read on a real MQTT broker (Debian's mosquitto, started by the test) and
 * published on the real embedded Kafka broker through the same wiring as {@code run --mqtt} and
 * {@code ingest tts|chirpstack --mqtt}. Skipped, saying why, where mosquitto is not installed.
 */
class MqttIT {

    private static final Duration ATTENTE = Duration.ofSeconds(30);

    private static Path dossier;
    private static EmbeddedKafka kafka;
    private static Mosquitto mosquitto;

    @BeforeAll
    static void demarrer() throws Exception {
        var binaire = Mosquitto.binaire();
        assumeTrue(binaire.isPresent(), "mosquitto absent: MqttIT skipped (apt-get install mosquitto; .ci/run installs it)");
        dossier = Files.createTempDirectory("croisements-it-mqtt");
        kafka = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        TopicsAdmin.creer(kafka.bootstrapServers(), Topics.TOUS, 2, (short) 1);
        mosquitto = Mosquitto.demarrer(binaire.get(), dossier.resolve("mosquitto"));
    }

    @AfterAll
    static void arreter() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (dossier != null) {
            Dossiers.effacerSansErreur(dossier);
        }
    }

    @Test
    void everyMessageOfChirpstackAndTheThingsStackTopicsBecomesARecord() throws Exception {
        // the options as run parses them: format recognised from each topic, the default filters of both servers
        var run = new RunCommand();
        var ligne = new CommandLine(run);
        ligne.parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--mqtt", mosquitto.url(), "--mqtt-client-id", "croisements-it-1");
        ConfigurationMqtt configuration = run.mqtt.configuration(null, "run", ligne.getCommandSpec());
        assertThat(configuration.filtres()).hasSize(3);

        try (var lecture = OptionsMqtt.Lecture.demarrer(configuration, kafka.bootstrapServers(), Appareils.aucun())) {
            publier("application/0e3d3c2a/device/a81758fffe0a0001/event/up", chirpstackUp("a81758fffe0a0001", 1),
                    chirpstackUp("a81758fffe0a0001", 2), chirpstackUp("a81758fffe0a0001", 3));
            publier("application/0e3d3c2a/device/a81758fffe0a0001/event/status", """
                    {"time":"2025-07-14T06:00:00Z","deviceInfo":{"devEui":"a81758fffe0a0001","tags":{}},"margin":12,"batteryLevel":76.5}""");
            publier("v3/qualite-air@ttn/devices/eui-a840410000000002/up", ttsUp("A840410000000002", 1),
                    ttsUp("A840410000000002", 2), ttsUp("A840410000000002", 3));
            // not subscribed by default: ChirpStack's join events
            publier("application/0e3d3c2a/device/a81758fffe0a0001/event/join", "{\"deviceInfo\":{\"devEui\":\"a81758fffe0a0001\"}}");

            List<LoraUplink> uplinks = lire(Topics.LORA_UPLINKS, u -> u.devEui().endsWith("0001") || u.devEui().endsWith("0002"), 6);
            assertThat(uplinks).extracting(LoraUplink::source, LoraUplink::devEui, LoraUplink::fCnt).containsExactlyInAnyOrder(
                    tuple("chirpstack", "A81758FFFE0A0001", 1L), tuple("chirpstack", "A81758FFFE0A0001", 2L),
                    tuple("chirpstack", "A81758FFFE0A0001", 3L), tuple("tts", "A840410000000002", 1L),
                    tuple("tts", "A840410000000002", 2L), tuple("tts", "A840410000000002", 3L));
            assertThat(uplinks).allSatisfy(u -> assertThat(u.mesures()).containsKey("temperature"));
            List<LoraStatut> statuts = lire(Topics.LORA_STATUTS, s -> s.devEui().equals("A81758FFFE0A0001"), 1);
            assertThat(statuts).singleElement().satisfies(s -> assertThat(s.batteriePourcent()).isEqualTo(76.5));
            Awaitility.await().atMost(ATTENTE).until(() -> lecture.ingestion().bilan().lora().lus() == 7);
            assertThat(lecture.ingestion().bilan().lora().rejetes()).isZero();
        }
    }

    @Test
    void aMalformedMessageGoesToRejetsWithItsTopicAndTheNextOnesArePublished() throws Exception {
        var configuration = configuration("croisements-it-2", List.of("application/+/device/+/event/up", "ville/#"));
        String topic = "application/0e3d3c2a/device/a81758fffe0a0003/event/up";
        try (var lecture = OptionsMqtt.Lecture.demarrer(configuration, kafka.bootstrapServers(), Appareils.aucun())) {
            publier(topic, "{\"deviceInfo\": {\"devEui\": \"a81758fffe0a0003\"}, \"fCnt\": ");
            publier("ville/capteurs/salle-1", ttsUp("A840410000000003", 1));
            publier(topic, chirpstackUp("a81758fffe0a0003", 1));

            assertThat(lire(Topics.LORA_UPLINKS, u -> u.devEui().equals("A81758FFFE0A0003"), 1))
                    .extracting(LoraUplink::fCnt).containsExactly(1L);
            List<Rejet> rejets = lire(Topics.REJETS, r -> r.source().equals("mqtt " + configuration.broker()), 2);
            assertThat(rejets).extracting(Rejet::position).containsExactlyInAnyOrder(topic, "ville/capteurs/salle-1");
            assertThat(rejets).filteredOn(r -> r.position().equals(topic)).singleElement()
                    .satisfies(r -> assertThat(r.raison()).contains("JSON"));
            assertThat(rejets).filteredOn(r -> r.position().startsWith("ville/")).singleElement()
                    .satisfies(r -> assertThat(r.raison()).startsWith("sujet MQTT non reconnu"));
        }
    }

    /**
     * The broker restarts while Croisements reads it (it reconnects by itself and resumes its session), then
     * messages are published while Croisements is away and the broker restarts again before it comes back: every
     * frame counter 1 to 30 is published to Kafka exactly once.
     */
    @Test
    void aBrokerRestartLosesNothingAndDuplicatesNothing() throws Exception {
        String appareil = "a81758fffe0a0004";
        String topic = "application/0e3d3c2a/device/" + appareil + "/event/up";
        var configuration = configuration("croisements-it-3", List.of());
        var premiere = OptionsMqtt.Lecture.demarrer(configuration, kafka.bootstrapServers(), Appareils.aucun());
        try {
            publier(topic, trames(appareil, 1, 10));
            lire(Topics.LORA_UPLINKS, u -> u.devEui().equals("A81758FFFE0A0004"), 10);

            mosquitto.arreter();
            Awaitility.await().atMost(ATTENTE).until(() -> !premiere.ingestion().connecte());
            mosquitto.demarrer();
            // published as soon as the broker is back, whether Croisements has reconnected yet or not
            publier(topic, trames(appareil, 11, 20));
            lire(Topics.LORA_UPLINKS, u -> u.devEui().equals("A81758FFFE0A0004"), 20);
            assertThat(premiere.ingestion().connexions()).isGreaterThanOrEqualTo(2);
        } finally {
            premiere.close();
        }

        // away: the broker keeps these for the session, and keeps them through its own restart
        publier(topic, trames(appareil, 21, 30));
        mosquitto.arreter();
        mosquitto.demarrer();
        try (var seconde = OptionsMqtt.Lecture.demarrer(configuration, kafka.bootstrapServers(), Appareils.aucun())) {
            // a last frame, published twice as a network server or a QoS 1 redelivery would: once it is in Kafka,
            // every message before it (and any redelivery) is too
            String derniere = chirpstackUp(appareil, 31);
            publier(topic, derniere, derniere);
            List<LoraUplink> tous = lire(Topics.LORA_UPLINKS, u -> u.devEui().equals("A81758FFFE0A0004"), 31);
            assertThat(tous).extracting(LoraUplink::fCnt).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 31).boxed().toList());
            Awaitility.await().atMost(ATTENTE).until(() -> seconde.ingestion().bilan().doublons() == 1);
            assertThat(seconde.ingestion().bilan().lora().uplinks()).isEqualTo(11);
        }
    }

    /**
     * TLS: a broker with its own self-signed certificate is reached with that certificate given as PEM in
     * --mqtt-confiance; without it (the system's authorities), the start fails with a French reason.
     */
    @Test
    void readsABrokerOverTlsTrustingTheCertificateGiven() throws Exception {
        Path tls = Files.createDirectories(dossier.resolve("tls"));
        Path[] certificatEtCle = Certificats.autoSigne(tls);
        try (var chiffre = Mosquitto.demarrer(Mosquitto.binaire().orElseThrow(), dossier.resolve("mosquitto-tls"),
                List.of("certfile " + certificatEtCle[0].toAbsolutePath(), "keyfile " + certificatEtCle[1].toAbsolutePath()))) {
            var run = new RunCommand();
            var ligne = new CommandLine(run);
            ligne.parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--mqtt", "ssl://127.0.0.1:" + chiffre.port(),
                    "--mqtt-client-id", "croisements-it-tls", "--mqtt-confiance", certificatEtCle[0].toString());
            var configuration = run.mqtt.configuration(null, "run", ligne.getCommandSpec());
            var sansConfiance = new ConfigurationMqtt("127.0.0.1", chiffre.port(), true, List.of(), null, "croisements-it-tls-2",
                    null, null, null, null, null);

            assertThatThrownBy(() -> OptionsMqtt.Lecture.demarrer(sansConfiance, kafka.bootstrapServers(), Appareils.aucun()))
                    .isInstanceOf(fr.croisements.events.EntreeInvalide.class).hasMessageContaining("échec de la connexion chiffrée");
            try (var lecture = OptionsMqtt.Lecture.demarrer(configuration, kafka.bootstrapServers(), Appareils.aucun())) {
                var editeur = Mqtt5Client.builder().identifier("serveur-tls").serverHost("127.0.0.1").serverPort(chiffre.port())
                        .sslConfig().trustManagerFactory(Certificats.confiance(certificatEtCle[0])).applySslConfig().buildBlocking();
                editeur.connect();
                editeur.publishWith().topic("v3/qualite-air@ttn/devices/eui-a840410000000005/up").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(ttsUp("A840410000000005", 1).getBytes(StandardCharsets.UTF_8)).send();
                editeur.disconnect();

                assertThat(lire(Topics.LORA_UPLINKS, u -> u.devEui().equals("A840410000000005"), 1))
                        .extracting(LoraUplink::source).containsExactly("tts");
            }
        }
    }

    private static ConfigurationMqtt configuration(String client, List<String> filtres) {
        var adresse = ConfigurationMqtt.adresse(mosquitto.url());
        return new ConfigurationMqtt(adresse.hote(), adresse.port(), false, filtres, null, client, null, null, null, null, null);
    }

    private static String[] trames(String devEui, int de, int a) {
        return java.util.stream.IntStream.rangeClosed(de, a).mapToObj(f -> chirpstackUp(devEui, f)).toArray(String[]::new);
    }

    static String chirpstackUp(String devEui, long fCnt) {
        return ("{\"deduplicationId\":\"" + UUID.randomUUID() + "\",\"time\":\"2025-07-14T06:%02d:%02dZ\","
                + "\"deviceInfo\":{\"applicationId\":\"0e3d3c2a\",\"devEui\":\"%s\",\"tags\":{}},"
                + "\"fCnt\":%d,\"fPort\":5,\"data\":\"AQID\",\"object\":{\"temperature\":21.5},"
                + "\"rxInfo\":[{\"gatewayId\":\"7276ff000b031f20\",\"rssi\":-97,\"snr\":7.5}]}")
                .formatted(fCnt / 60, fCnt % 60, devEui, fCnt);
    }

    static String ttsUp(String devEui, long fCnt) {
        return ("{\"end_device_ids\":{\"device_id\":\"eui-%s\",\"dev_eui\":\"%s\"},\"received_at\":\"2025-07-14T07:00:%02dZ\","
                + "\"uplink_message\":{\"f_port\":2,\"f_cnt\":%d,\"frm_payload\":\"AQID\",\"decoded_payload\":{\"temperature\":22.0},"
                + "\"rx_metadata\":[{\"gateway_ids\":{\"gateway_id\":\"passerelle\",\"eui\":\"B827EBFFFE000001\"},\"rssi\":-80}]}}")
                .formatted(devEui.toLowerCase(java.util.Locale.ROOT), devEui, fCnt % 60, fCnt);
    }

    /** Publishes with QoS 1 as a network server would, each message acknowledged by the broker before the next. */
    private static void publier(String topic, String... messages) {
        var editeur = Mqtt5Client.builder().identifier("serveur-de-reseau-" + UUID.randomUUID()).serverHost("127.0.0.1")
                .serverPort(mosquitto.port()).buildBlocking();
        editeur.connect();
        try {
            for (String m : messages) {
                editeur.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(m.getBytes(StandardCharsets.UTF_8)).send();
            }
        } finally {
            editeur.disconnect();
        }
    }

    /**
     * Waits until the topic holds {@code attendus} records that pass the filter, then reads it to its end and returns
     * them all: more than expected (a duplicate) shows.
     */
    private static <V> List<V> lire(Topic<String, V> topic, Predicate<V> filtre, int attendus) {
        try (var consumer = KafkaClients.lecteur(kafka.bootstrapServers(), topic, "mqtt-it-" + UUID.randomUUID())) {
            var parts = consumer.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            List<V> valeurs = new ArrayList<>();
            Awaitility.await(attendus + " records on " + topic.name()).atMost(ATTENTE).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                            if (filtre.test(r.value())) {
                                valeurs.add(r.value());
                            }
                        });
                        return valeurs.size() >= attendus;
                    });
            var fins = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(p -> consumer.position(p) < fins.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    if (filtre.test(r.value())) {
                        valeurs.add(r.value());
                    }
                });
            }
            assertThat(valeurs).hasSize(attendus);
            return valeurs;
        }
    }
}
