package fr.croisements.events;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the formats of its keys and values.
 *
 * @param name the topic name, kebab-case {@code <domaine>-<entité>[-<qualificatif>]}
 * @param keySerde how keys are written
 * @param valueSerde how values are written
 * @param compacted whether the topic is a compacted reference table (latest value per key)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {}
