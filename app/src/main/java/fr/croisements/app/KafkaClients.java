package fr.croisements.app;

import fr.croisements.events.ConfigurationKafka;
import fr.croisements.events.Topic;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka clients of the command line, configured once: producers idempotent and acknowledged by all
 * replicas; consumers that read a topic by assignment, outside any consumer group. The properties of
 * {@code --config} ({@link ConfigurationKafka}) come over these defaults; the servers given stay.
 */
public final class KafkaClients {

    private KafkaClients() {}

    public static <K, V> KafkaProducer<K, V> producer(String bootstrapServers, Topic<K, V> topic, String clientId) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail within a minute rather than the default two: a stalled start-up should say so soon
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        ConfigurationKafka.appliquer(props).put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** A consumer to read a topic from its beginning (assign and seek): no group, nothing committed, committed records only. */
    public static <K, V> KafkaConsumer<K, V> lecteur(String bootstrapServers, Topic<K, V> topic, String clientId) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConfigurationKafka.appliquer(props).put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
