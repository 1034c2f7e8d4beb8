package fr.croisements.app.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller, node id 1),
 * running inside this JVM for {@code croisements demo} and the integration tests.
 *
 * <p>Storage lives in {@code <dataDir>/kraft-combined-logs} (data and metadata log together). On first
 * start the directory is formatted with a new cluster id; when it already holds a formatted log it is
 * reused as is (same cluster id, topics and records survive a restart). The quorum is static
 * ({@code controller.quorum.voters}, {@code kraft.version} 0), so the ports may change between restarts.
 *
 * <p>Broker defaults suit a demo on historical event time: no time or size retention
 * ({@code log.retention.ms=-1}), any record timestamp accepted (past or future: the simulators run an
 * accelerated clock), no periodic producer-state expiry (Kafka computes it from record timestamps, so
 * historical events would expire at once), replication factor 1 for the internal topics (consumer offsets,
 * transactions, share state) so that exactly-once ({@code exactly_once_v2}) works, no automatic topic
 * creation. Listeners bind to 127.0.0.1 only.
 *
 * <p>Kafka's server-side loggers are turned down to WARN (see {@code SERVER_LOGGERS}) unless the logging
 * configuration already sets a level for them; warnings and errors are never hidden. Fatal broker faults
 * follow Kafka's own policy (the process halts). {@link #close()} is bounded and idempotent. Thread-safe.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String STORAGE_DIR = "kraft-combined-logs";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(8);
    /**
     * Logger names that are chatty at INFO on the server side. Client loggers (producer, consumer, streams)
     * are left alone, except three the broker shares with them: config dumps, version banner, connections.
     */
    private static final List<String> SERVER_LOGGERS = List.of(
            "kafka", "state.change.logger",
            "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
            "org.apache.kafka.image", "org.apache.kafka.server", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
            "org.apache.kafka.network", "org.apache.kafka.security", "org.apache.kafka.common.network",
            "org.apache.kafka.common.metrics", "org.apache.kafka.common.utils.internals.AppInfoParser",
            "org.apache.kafka.common.config.AbstractConfig", "org.apache.kafka.clients.NetworkClient");

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String clusterId;
    private final int port;
    private final int controllerPort;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, String clusterId, int port, int controllerPort) {
        this.server = server;
        this.dataDir = dataDir;
        this.clusterId = clusterId;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker on {@code dataDir} and waits until it accepts clients.
     *
     * @param dataDir where the broker keeps its logs; created if missing
     * @param reset   delete {@code dataDir} first (a fresh, empty cluster)
     * @param port    client port on 127.0.0.1, 0 to pick a free one
     * @throws IllegalStateException if the broker cannot be started or is not ready within 60 s
     */
    public static EmbeddedKafka start(Path dataDir, boolean reset, int port) {
        return start(dataDir, reset, port, Map.of());
    }

    /**
     * As {@link #start(Path, boolean, int)}, with broker settings overriding the defaults
     * (e.g. {@code log.retention.check.interval.ms} in tests).
     */
    public static EmbeddedKafka start(Path dataDir, boolean reset, int port, Map<String, String> overrides) {
        long begin = System.nanoTime();
        quietServerLoggers();
        Path absoluteDir = dataDir.toAbsolutePath();
        Path storage = absoluteDir.resolve(STORAGE_DIR);
        try {
            if (reset && Files.exists(absoluteDir)) {
                log.info("Deleting Kafka data directory {} (reset requested)", absoluteDir);
                Utils.delete(absoluteDir.toFile());
            }
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data directory " + absoluteDir, e);
        }
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        KafkaConfig config = new KafkaConfig(serverProperties(storage, clientPort, controllerPort, overrides), false);
        String clusterId = formatIfNeeded(storage);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        var kafka = new EmbeddedKafka(server, absoluteDir, clusterId, clientPort, controllerPort);
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            log.error("Embedded Kafka broker failed to start on {}", absoluteDir, e);
            kafka.close();
            throw e;
        }
        log.info("Embedded Kafka broker started in {} ms: bootstrap {}, cluster {}, data {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin),
                kafka.bootstrapServers(), clusterId, absoluteDir);
        return kafka;
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client (PLAINTEXT) port. */
    public int port() {
        return port;
    }

    /** The cluster id stored in the data directory; unchanged across restarts on the same directory. */
    public String clusterId() {
        return clusterId;
    }

    /** The data directory given to {@link #start}, made absolute. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stops the broker and waits for it, at most about 8 s; logs the time taken. If Kafka does not
     * finish in time an ERROR is logged and the method returns anyway (the JVM is usually exiting).
     * Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        // Kafka's shutdown blocks; run it aside so that a stuck broker cannot hang the caller (Ctrl-C).
        var stop = CompletableFuture.runAsync(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, runnable -> {
            Thread thread = new Thread(runnable, "embedded-kafka-shutdown");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            stop.get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Embedded Kafka broker stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        } catch (TimeoutException e) {
            log.error("Embedded Kafka broker did not stop within {} ms; giving up waiting", SHUTDOWN_TIMEOUT.toMillis());
        } catch (ExecutionException e) {
            log.error("Embedded Kafka broker failed to stop cleanly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the embedded Kafka broker");
        }
    }

    private static Properties serverProperties(Path storage, int clientPort, int controllerPort,
                                               Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node.id", Integer.toString(NODE_ID));
        settings.put("process.roles", "broker,controller");
        settings.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        // Static quorum: the voter address is read from this config at each start, not stored in the log.
        settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        settings.put("log.dirs", storage.toString());
        settings.put("metadata.log.dir", storage.toString());
        settings.put("num.partitions", "4");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("auto.create.topics.enable", "false");
        // Simulated and imported events carry historical timestamps: time retention would delete them at once.
        settings.put("log.retention.ms", "-1");
        settings.put("log.retention.bytes", "-1");
        settings.put("log.message.timestamp.type", "CreateTime");
        settings.put("log.message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE));
        // Accelerated simulation clocks may run ahead of wall time (default: 1 h).
        settings.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        // Producer-state expiry compares wall time with the *record* timestamps: with historical events every
        // idle idempotent producer would look expired at each check and lose its duplicate detection.
        settings.put("producer.id.expiration.check.interval.ms", Integer.toString(Integer.MAX_VALUE));
        // Internal topics on a single node: replication factor 1, few partitions (faster first use).
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "4");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "4");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("share.coordinator.state.topic.num.partitions", "4");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default compaction buffer is far more than a demo needs.
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        settings.putAll(overrides);
        var props = new Properties();
        props.putAll(settings);
        return props;
    }

    /** Formats {@code storage} unless it already holds a formatted log; returns the cluster id in use. */
    private static String formatIfNeeded(Path storage) {
        try {
            MetaPropertiesEnsemble existing = new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(List.of(storage.toString()))
                    .addMetadataLogDir(storage.toString())
                    .load();
            Optional<String> existingClusterId = existing.clusterId();
            if (existingClusterId.isPresent()) {
                log.info("Reusing formatted Kafka storage {} (cluster {})", storage, existingClusterId.get());
                return existingClusterId.get();
            }
            String clusterId = Uuid.randomUuid().toString();
            var output = new ByteArrayOutputStream();
            try (var printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                new Formatter()
                        .setPrintStream(printStream)
                        .setNodeId(NODE_ID)
                        .setClusterId(clusterId)
                        .addDirectory(storage.toString())
                        .setMetadataLogDirectory(storage.toString())
                        .setControllerListenerName(CONTROLLER_LISTENER)
                        .setReleaseVersion(MetadataVersion.latestProduction())
                        .run();
            }
            log.info("Formatted Kafka storage {} with cluster {}", storage, clusterId);
            log.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).strip());
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Kafka storage " + storage, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage " + storage, e);
        }
    }

    /** Waits until the broker answers a client with itself as the (only) cluster node. */
    private void awaitReady() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            var nodes = admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("Embedded Kafka broker reports no node");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Embedded Kafka broker not ready on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    /**
     * Picks a port that is free right now. Another process could take it before Kafka binds it;
     * start then fails with a clear bind error rather than silently using another port.
     */
    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on " + HOST, e);
        }
    }

    /** Turns Kafka's server loggers down to WARN where the logging configuration left them unset. */
    private static void quietServerLoggers() {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        for (String name : SERVER_LOGGERS) {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
