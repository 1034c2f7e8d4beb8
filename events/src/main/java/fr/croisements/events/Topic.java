package fr.croisements.events;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the formats of its keys and values.
 *
 * @param name the topic name, kebab-case {@code <domaine>-<entité>[-<qualificatif>]}
 * @param keySerde how keys are written
 * @param valueSerde how values are written
 * @param compacted whether the topic is a compacted reference table (latest value per key)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    /**
     * The settings the topic is created with: a compacted topic keeps the latest value of each key
     * ({@code cleanup.policy=compact}); the others keep every record ({@code cleanup.policy=delete} with
     * {@code retention.ms=-1}), since events carry historical timestamps and must not expire. Also
     * published in the AsyncAPI document of the topics.
     */
    public Map<String, String> configuration() {
        return compacted
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
}
