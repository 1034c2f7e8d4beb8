package fr.croisements.app.kafka;

import static fr.croisements.app.kafka.KafkaTestClients.readAll;
import static fr.croisements.app.kafka.KafkaTestClients.sendAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.croisements.events.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One embedded broker for the class: topic creation, old timestamps, transactions. */
class EmbeddedKafkaIT {

    private static final Topic<String, String> EVENTS =
            new Topic<>("test-events", Serdes.String(), Serdes.String(), false);
    private static final Topic<String, String> REFERENCE =
            new Topic<>("test-ref", Serdes.String(), Serdes.String(), true);
    private static final long MARCH_2020 = Instant.parse("2020-03-01T08:00:00Z").toEpochMilli();
    /** Retention checks every 200 ms from the start, so that expiry (if any) happens within the test. */
    private static final Map<String, String> FAST_RETENTION_CHECKS =
            Map.of("log.retention.check.interval.ms", "200", "log.initial.task.delay.ms", "0");

    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dataDir, true, 0, FAST_RETENTION_CHECKS);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        TopicsAdmin.creer(kafka.bootstrapServers(), List.of(EVENTS, REFERENCE), 3, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void createsCompactedReferenceTopicsAndNeverExpiringEventTopics() throws Exception {
        TopicsAdmin.creer(kafka.bootstrapServers(), List.of(EVENTS, REFERENCE), 3, (short) 1); // idempotent

        var eventsResource = new ConfigResource(ConfigResource.Type.TOPIC, EVENTS.name());
        var referenceResource = new ConfigResource(ConfigResource.Type.TOPIC, REFERENCE.name());
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(eventsResource, referenceResource))
                .all().get(30, TimeUnit.SECONDS);

        assertThat(configs.get(eventsResource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
        assertThat(configs.get(eventsResource).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(configs.get(referenceResource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(admin.describeTopics(List.of(EVENTS.name(), REFERENCE.name())).allTopicNames()
                .get(30, TimeUnit.SECONDS).values())
                .allSatisfy(description -> assertThat(description.partitions()).hasSize(3));
    }

    @Test
    void keepsRecordsWithTimestampsFrom2020() throws Exception {
        // Also a topic with no override at all: the broker default must not expire old records either.
        String plainTopic = "test-broker-defaults";
        admin.createTopics(List.of(new NewTopic(plainTopic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        List<String> values = List.of("a", "b", "c", "d", "e");
        try (var producer = KafkaTestClients.producer(kafka.bootstrapServers())) {
            sendAll(producer, EVENTS.name(), MARCH_2020, values);
            sendAll(producer, plainTopic, MARCH_2020, values);
        }

        // Several retention checks run meanwhile; with any time retention the log start offset would move.
        var plainPartition = new TopicPartition(plainTopic, 0);
        await("log start offset of " + plainTopic + " stays 0").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> earliestOffset(plainPartition) == 0L);

        for (String topic : List.of(EVENTS.name(), plainTopic)) {
            List<ConsumerRecord<String, String>> records = readAll(kafka.bootstrapServers(), topic,
                    IsolationLevel.READ_UNCOMMITTED);
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(values);
            assertThat(records).extracting(ConsumerRecord::timestamp).containsOnly(MARCH_2020);
        }
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnly() throws Exception {
        String topic = "test-transactions";
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (var producer = KafkaTestClients.transactionalProducer(kafka.bootstrapServers(), "test-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            sendAll(producer, topic, MARCH_2020, List.of("committed-1", "committed-2", "committed-3"));
            producer.commitTransaction();
            producer.beginTransaction();
            sendAll(producer, topic, MARCH_2020, List.of("aborted-1", "aborted-2"));
            producer.abortTransaction();
            producer.beginTransaction();
            sendAll(producer, topic, MARCH_2020, List.of("committed-4"));
            producer.commitTransaction();
        }

        assertThat(readAll(kafka.bootstrapServers(), topic, IsolationLevel.READ_COMMITTED))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3", "committed-4");
        // The aborted records were written: only the isolation level hides them.
        assertThat(readAll(kafka.bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED))
                .extracting(ConsumerRecord::value)
                .contains("aborted-1", "aborted-2")
                .hasSize(6);
    }

    private static long earliestOffset(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition)
                .get(10, TimeUnit.SECONDS).offset();
    }
}
