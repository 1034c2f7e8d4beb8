package fr.croisements.app.kafka;

import static fr.croisements.app.kafka.KafkaTestClients.readAll;
import static fr.croisements.app.kafka.KafkaTestClients.sendAll;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops and restarts the embedded broker on the same directory, then resets it. */
class EmbeddedKafkaRestartIT {

    private static final Topic<String, String> EVENTS =
            new Topic<>("test-restart", Serdes.String(), Serdes.String(), false);
    private static final long JUNE_2020 = Instant.parse("2020-06-15T12:00:00Z").toEpochMilli();

    @TempDir
    Path dataDir;
    EmbeddedKafka kafka;

    @AfterEach
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void keepsClusterIdTopicsAndRecordsAcrossARestartAndForgetsThemOnReset() throws Exception {
        kafka = EmbeddedKafka.start(dataDir, true, 0);
        String clusterId = kafka.clusterId();
        TopicsAdmin.creer(kafka.bootstrapServers(), List.of(EVENTS), 2, (short) 1);
        List<String> before = List.of("one", "two", "three");
        try (var producer = KafkaTestClients.producer(kafka.bootstrapServers())) {
            sendAll(producer, EVENTS.name(), JUNE_2020, before);
        }

        long stopBegin = System.nanoTime();
        kafka.close();
        assertThat(Duration.ofNanos(System.nanoTime() - stopBegin)).isLessThan(Duration.ofSeconds(10));

        kafka = EmbeddedKafka.start(dataDir, false, 0);
        assertThat(kafka.clusterId()).isEqualTo(clusterId);
        assertThat(clusterIdReportedBy(kafka)).isEqualTo(clusterId);
        assertThat(readAll(kafka.bootstrapServers(), EVENTS.name(), IsolationLevel.READ_COMMITTED))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(before);
        try (var producer = KafkaTestClients.producer(kafka.bootstrapServers())) {
            sendAll(producer, EVENTS.name(), JUNE_2020, List.of("four"));
        }
        assertThat(readAll(kafka.bootstrapServers(), EVENTS.name(), IsolationLevel.READ_COMMITTED)).hasSize(4);
        kafka.close();

        kafka = EmbeddedKafka.start(dataDir, true, 0);
        assertThat(kafka.clusterId()).isNotEqualTo(clusterId);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(EVENTS.name());
        }
    }

    private static String clusterIdReportedBy(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }
}
