package fr.croisements.streams;

import fr.croisements.events.ConfigurationKafka;
import fr.croisements.streams.errors.RejetsDeserializationHandler;
import fr.croisements.streams.errors.RejetsProcessingHandler;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams settings of the pipeline.
 *
 * @param bootstrapServers the Kafka cluster
 * @param applicationId shared by the instances that split the work
 * @param stateDir where this instance keeps its state stores
 * @param replicationFactor of internal topics (1 on the embedded broker, 3 on a real cluster)
 * @param applicationServer {@code host:port} of this instance's HTTP server, for routing queries
 * @param repliquesSecours standby replicas of each state store on other instances
 *     ({@code num.standby.replicas}): with 1, a map stays complete while an instance is away
 * @param threads stream threads of this instance ({@code num.stream.threads})
 *
 * <p>The properties of {@code --config} ({@link ConfigurationKafka}: security of the cluster, or any Kafka
 * Streams setting) come over the built-in settings below; these settings, which the command line gives,
 * come over the file.
 */
public record StreamsSettings(
        String bootstrapServers, String applicationId, Path stateDir, int replicationFactor, String applicationServer,
        int repliquesSecours, int threads) {

    /** One stream thread. */
    public StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, int replicationFactor,
            String applicationServer, int repliquesSecours) {
        this(bootstrapServers, applicationId, stateDir, replicationFactor, applicationServer, repliquesSecours, 1);
    }

    /** Without standby replica. */
    public StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, int replicationFactor,
            String applicationServer) {
        this(bootstrapServers, applicationId, stateDir, replicationFactor, applicationServer, 0);
    }

    public static final String APPLICATION_ID = "croisements";

    /** The same settings for another application (e.g. an indicator declared by a file). */
    public StreamsSettings avecApplicationId(String autre) {
        return new StreamsSettings(bootstrapServers, autre, stateDir, replicationFactor, applicationServer, repliquesSecours,
                threads);
    }

    public Properties toProperties() {
        var props = new Properties();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejetsDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejetsProcessingHandler.class);
        // the map follows the stream: every hop through an internal topic waits for a commit (exactly-once), so
        // a lift reaches its cell after about four commits. 100 ms (Kafka Streams' own default under exactly-once)
        // was tried: the fault suite then once lost cells when the broker restarted (docs/performance.md)
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        // and for its read_committed fetch to come back: the broker answers a waiting fetch when data arrive, not
        // when a transaction commits, so each hop could wait the default 500 ms
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Window stores keep their windows by stream time (400 days), but the broker applies a changelog's
        // retention.ms against the wall clock: with simulated or imported events from 2025, the default
        // (window retention + 1 day) let it delete the changelog of the windows at once, and a restore
        // (after an unclean stop, or a task wiped under exactly-once) lost every window. Kafka Streams
        // turns this overflow into retention.ms = Long.MAX_VALUE; the stores still drop old windows.
        props.put(StreamsConfig.WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG, Long.MAX_VALUE);
        // RocksDB's native memory bounded: one block cache for every store, small memtables (docs/performance.md)
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemoire.class);
        ConfigurationKafka.appliquer(props);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, repliquesSecours);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return props;
    }
}
