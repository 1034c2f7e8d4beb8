package fr.croisements.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.lora.ChirpstackAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** Issue #13, item 7: one MQTT message through the LoRaWAN adapters, format and event told by the topic. */
class MessagesMqttTest {

    static final String TOPIC_CHIRPSTACK = "application/0e3d3c2a/device/a81758fffe0a1b2c/event/";
    static final String TOPIC_TTS = "v3/qualite-air@ttn/devices/eui-a840410000000001/up";

    private final MockProducer<String, LoraUplink> uplinks = new MockProducer<>(true, null, Topics.LORA_UPLINKS.keySerde().serializer(),
            Topics.LORA_UPLINKS.valueSerde().serializer());
    private final MockProducer<String, LoraStatut> statuts = new MockProducer<>(true, null, Topics.LORA_STATUTS.keySerde().serializer(),
            Topics.LORA_STATUTS.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets = new MockProducer<>(true, null, Topics.REJETS.keySerde().serializer(),
            Topics.REJETS.valueSerde().serializer());

    private MessagesMqtt messages(String format) {
        return new MessagesMqtt(new TtsAdapter(), new ChirpstackAdapter(), format, "tcp://broker:1883", uplinks, statuts, rejets,
                Clock.fixed(Instant.parse("2025-07-14T08:00:00Z"), ZoneOffset.UTC));
    }

    static String chirpstackUp(long fCnt) {
        return """
                {"deduplicationId":"3f9a6c1e-0000-4e7a-9c41-%012d","time":"2025-07-14T06:%02d:00Z",
                 "deviceInfo":{"applicationId":"0e3d3c2a","deviceProfileName":"capteur","devEui":"a81758fffe0a1b2c","tags":{}},
                 "fCnt":%d,"fPort":5,"data":"AQID","object":{"temperature":21.5,"humidity":40},
                 "rxInfo":[{"gatewayId":"7276ff000b031f20","rssi":-97,"snr":7.5}]}
                """.formatted(fCnt, fCnt % 60, fCnt);
    }

    static String ttsUp(long fCnt) {
        return """
                {"end_device_ids":{"device_id":"eui-a840410000000001","dev_eui":"A840410000000001"},
                 "received_at":"2025-07-14T07:%02d:00Z",
                 "uplink_message":{"f_port":2,"f_cnt":%d,"frm_payload":"AQID","decoded_payload":{"temperature":22.0},
                   "rx_metadata":[{"gateway_ids":{"gateway_id":"passerelle","eui":"B827EBFFFE000001"},"rssi":-80,"snr":9}]}}
                """.formatted(fCnt % 60, fCnt);
    }

    private static byte[] octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recognisesChirpstackAndTheThingsStackByTheirTopics() {
        var m = messages(null);

        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(1)))).isEqualTo(MessagesMqtt.Issue.PUBLIE);
        assertThat(m.traiter(TOPIC_TTS, octets(ttsUp(7)))).isEqualTo(MessagesMqtt.Issue.PUBLIE);

        assertThat(uplinks.history()).extracting(r -> r.value().source(), r -> r.value().devEui(), r -> r.value().fCnt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chirpstack", "A81758FFFE0A1B2C", 1L),
                        org.assertj.core.groups.Tuple.tuple("tts", "A840410000000001", 7L));
        assertThat(rejets.history()).isEmpty();
        assertThat(m.bilan().lora().uplinks()).isEqualTo(2);
    }

    @Test
    void chirpstacksEventTypeComesFromTheTopicForAnEventWhoseFieldsTellNone() {
        // a status whose values are all zero: proto3 leaves them out, only the topic says it is a status
        String statutVide = """
                {"deduplicationId":"x","time":"2025-07-14T06:00:00Z","deviceInfo":{"devEui":"a81758fffe0a1b2c","tags":{}}}""";

        assertThat(messages(null).traiter(TOPIC_CHIRPSTACK + "status", octets(statutVide))).isEqualTo(MessagesMqtt.Issue.PUBLIE);

        assertThat(statuts.history()).hasSize(1);
        assertThat(uplinks.history()).isEmpty();
    }

    @Test
    void aMessageDeliveredAgainIsPublishedOnce() {
        var m = messages(null);
        byte[] up = octets(chirpstackUp(12));

        m.traiter(TOPIC_CHIRPSTACK + "up", up);
        // QoS 1 redelivery after a reconnection: the same bytes; or the network server publishing the uplink again
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", up)).isEqualTo(MessagesMqtt.Issue.DOUBLON);
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(12).replace("\n", " ")))).isEqualTo(MessagesMqtt.Issue.DOUBLON);
        // the next frame of the same device is another uplink
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(13)))).isEqualTo(MessagesMqtt.Issue.PUBLIE);

        assertThat(uplinks.history()).extracting(r -> r.value().fCnt()).containsExactly(12L, 13L);
        assertThat(m.bilan().doublons()).isEqualTo(2);
        assertThat(m.bilan().lora().lus()).isEqualTo(2);
    }

    @Test
    void aMalformedMessageIsRejectedWithItsTopicAndTheNextOneIsRead() {
        var m = messages(null);

        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets("{\"deviceInfo\": {\"devEui\": "))).isEqualTo(MessagesMqtt.Issue.REJETE);
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", new byte[] {0x0a, (byte) 0xff, (byte) 0xfe, 0x12})).isEqualTo(MessagesMqtt.Issue.REJETE);
        assertThat(m.traiter("capteurs/salle-1", octets(ttsUp(1)))).isEqualTo(MessagesMqtt.Issue.REJETE);
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(2)))).isEqualTo(MessagesMqtt.Issue.PUBLIE);

        List<Rejet> r = rejets.history().stream().map(ProducerRecord::value).toList();
        assertThat(r).extracting(Rejet::source).containsOnly("mqtt tcp://broker:1883");
        assertThat(r).extracting(Rejet::position).containsExactly(TOPIC_CHIRPSTACK + "up", TOPIC_CHIRPSTACK + "up", "capteurs/salle-1");
        assertThat(r.get(0).raison()).contains("JSON").doesNotContain("Unexpected");
        assertThat(r.get(1).raison()).contains("Protobuf", "json=true");
        assertThat(r.get(1).extrait()).startsWith("base64:");
        assertThat(r.get(2).raison()).startsWith("sujet MQTT non reconnu").contains("--mqtt-format");
        assertThat(uplinks.history()).hasSize(1);
        assertThat(m.bilan().lora().rejetes()).isEqualTo(3);
        assertThat(m.bilan().lora().raisons()).first().asString().startsWith(TOPIC_CHIRPSTACK + "up : ");
    }

    @Test
    void aForcedFormatReadsAnyTopic() {
        var m = messages("tts");

        assertThat(m.traiter("ma-ville/lora/up", octets(ttsUp(3)))).isEqualTo(MessagesMqtt.Issue.PUBLIE);
        // a ChirpStack event read as TTS is refused by the TTS adapter, with its reason
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(3)))).isEqualTo(MessagesMqtt.Issue.REJETE);

        assertThat(rejets.history()).extracting(r -> r.value().raison()).singleElement().asString().contains("ChirpStack");
    }

    @Test
    void whenKafkaRefusesTheExceptionReachesTheCallerSoTheMessageIsNotAcknowledged() {
        var refus = new MockProducer<>(false, null, Topics.LORA_UPLINKS.keySerde().serializer(),
                Topics.LORA_UPLINKS.valueSerde().serializer());
        refus.sendException = new KafkaException("broker parti");
        var m = new MessagesMqtt(new TtsAdapter(), new ChirpstackAdapter(), null, "tcp://broker:1883", refus, statuts, rejets,
                Clock.systemUTC());

        assertThatThrownBy(() -> m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(5)))).isInstanceOf(KafkaException.class);
        // not remembered as published: its redelivery, once Kafka is back, is published
        refus.sendException = null;
        assertThat(m.traiter(TOPIC_CHIRPSTACK + "up", octets(chirpstackUp(5)))).isEqualTo(MessagesMqtt.Issue.PUBLIE);
        assertThat(refus.history()).extracting(r -> r.value().fCnt()).containsExactly(5L);
    }
}
