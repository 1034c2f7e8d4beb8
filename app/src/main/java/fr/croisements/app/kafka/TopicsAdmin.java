package fr.croisements.app.kafka;

import fr.croisements.events.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the project's topics up front, since brokers run with {@code auto.create.topics.enable=false}.
 *
 * <p>Each topic gets its {@link Topic#configuration()}: compacted topics {@code cleanup.policy=compact}, the others
 * {@code cleanup.policy=delete} with {@code retention.ms=-1} (events carry historical timestamps and
 * must not expire). Idempotent: a topic that already exists is left as it is, whatever its settings.
 * Stateless and thread-safe.
 */
public final class TopicsAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicsAdmin.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private TopicsAdmin() {}

    /**
     * Creates the missing topics among {@code topics} and waits until every partition of every one of
     * them has a leader.
     *
     * @throws KafkaException if a topic cannot be created or is not ready within 30 s
     */
    public static void creer(String bootstrapServers, List<Topic<?, ?>> topics, int partitions, short replication) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        // the properties of --config (security of the cluster...), the servers given staying
        fr.croisements.events.ConfigurationKafka.appliquer(config).put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> newTopics = topics.stream()
                    .map(topic -> newTopic(topic, partitions, replication))
                    .toList();
            var results = admin.createTopics(newTopics).values();
            List<String> created = new ArrayList<>();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                    log.debug("Topic {} already exists", entry.getKey());
                }
            }
            Set<String> names = topics.stream().map(Topic::name).collect(Collectors.toSet());
            awaitLeaders(admin, names);
            awaitWritable(admin, names);
            log.info("Topics ready on {}: {} created, {} already present", bootstrapServers,
                    created.size(), names.size() - created.size());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out creating topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topics on " + bootstrapServers, e);
        }
    }

    static NewTopic newTopic(Topic<?, ?> topic, int partitions, short replication) {
        return new NewTopic(topic.name(), Optional.of(partitions), Optional.of(replication)).configs(topic.configuration());
    }

    /**
     * Bounded poll until the leader of every partition answers for it. The metadata may already
     * name a leader while that broker has not loaded the partition yet; a producer sending then got
     * NOT_LEADER_OR_FOLLOWER and, once in a while, stalled until its delivery timeout (seen on the
     * embedded broker, right after creating the topics). Listing the end offsets goes to the leader
     * itself, so it succeeds only once the partition is really served.
     */
    private static void awaitWritable(Admin admin, Set<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> partitions =
                        new java.util.HashMap<>();
                admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .forEach((name, description) -> description.partitions().forEach(p -> partitions.put(
                                new org.apache.kafka.common.TopicPartition(name, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                log.debug("Partitions not served yet: {}", e.getCause().getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Topics not served after " + TIMEOUT.toSeconds() + " s: " + names);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Bounded poll: a created topic may take a moment to reach the broker's metadata cache. */
    private static void awaitLeaders(Admin admin, Set<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                boolean ready = descriptions.values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException("Cannot describe topics " + names, e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Topics without a leader after " + TIMEOUT.toSeconds() + " s: " + names);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
