package fr.croisements.app;

import fr.croisements.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Finds where a previous simulation stopped: the latest record timestamp on {@code dechets-levees},
 * read from the last record of each partition. A restarted demo resumes just after it, so no lift
 * is published twice.
 */
final class DerniereLevee {

    private DerniereLevee() {}

    /** One millisecond after the latest lift on the topic, or empty when the topic is empty. */
    static Optional<Instant> apres(String bootstrapServers) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        fr.croisements.events.ConfigurationKafka.appliquer(props).put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.DECHETS_LEVEES.name(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            var fins = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long max = -1;
            int restantes = 0;
            for (TopicPartition tp : partitions) {
                long fin = fins.get(tp);
                if (fin > 0) {
                    consumer.seek(tp, Math.max(0, fin - 10)); // the last offsets may be transaction markers
                    restantes++;
                } else {
                    consumer.pause(java.util.List.of(tp));
                }
            }
            long limite = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (restantes > 0 && System.nanoTime() < limite) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    max = Math.max(max, record.timestamp());
                }
                restantes = 0;
                for (TopicPartition tp : partitions) {
                    if (!consumer.paused().contains(tp) && consumer.position(tp) < fins.get(tp)) {
                        restantes++;
                    }
                }
            }
            return max < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(max + 1));
        }
    }
}
