package fr.croisements.viz.live;

import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows indicator topics and hands every new cell to {@link LiveFeed#publier}, on one
 * background thread ({@code viz-indicateurs-en-direct}), and tells {@link VersionsCellules#suivre} which
 * topics it follows once their end offsets are fixed: every cell of those topics committed before then is
 * already in the stores, and every later one will be handed over.
 *
 * <p>No consumer group: the consumer assigns itself every partition of the topics and starts at
 * their end, so each web server sees every cell published after its start and commits nothing.
 * It reads committed records only ({@code read_committed}: the streams run exactly-once). A
 * topic that does not exist yet is looked up again every second instead of failing. A record
 * that cannot be read is logged with topic, partition and offset, then skipped, and its topic is told
 * followed again (the answers built on it are built again).
 *
 * <p>{@link #start()} once; {@link #close()} from any thread: it wakes the consumer up and
 * waits at most two seconds for the thread to end.
 */
public final class IndicateursEnDirect implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndicateursEnDirect.class);
    private static final Duration ATTENTE_TOPICS = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECHERCHE_PARTITIONS = Duration.ofSeconds(2);
    private static final long ARRET_MS = 2_000;

    private final Consumer<String, Indicateur> consumer;
    private final List<String> topics;
    private final java.util.function.Consumer<Indicateur> destination;
    private final java.util.function.Consumer<Set<String>> suivis;
    private final Duration attenteTopics;
    private final Thread thread;
    private final AtomicBoolean demarre = new AtomicBoolean();
    private final AtomicBoolean ferme = new AtomicBoolean();
    private final CountDownLatch arret = new CountDownLatch(1);
    /** Topics to follow as well, added while running (indicators declared by files). */
    private final java.util.Queue<String> ajouts = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
     * @param topics the indicator topics to follow, e.g. {@code Topics.INDICATEURS_TAUX_PRESENTATION.name()}
     * @param liveFeed where each new cell goes
     */
    public IndicateursEnDirect(String bootstrapServers, List<String> topics, LiveFeed liveFeed) {
        this(new KafkaConsumer<>(proprietes(bootstrapServers), new StringDeserializer(), JsonSerde.of(Indicateur.class)),
                topics, liveFeed::publier, liveFeed.versions()::suivre, ATTENTE_TOPICS);
    }

    /**
     * @param destination where each new cell goes
     * @param suivis told the topics followed from now on (their end offsets fixed), or followed again
     */
    IndicateursEnDirect(
            Consumer<String, Indicateur> consumer,
            List<String> topics,
            java.util.function.Consumer<Indicateur> destination,
            java.util.function.Consumer<Set<String>> suivis,
            Duration attenteTopics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topic to follow");
        }
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.destination = destination;
        this.suivis = suivis;
        this.attenteTopics = attenteTopics;
        this.thread = new Thread(this::suivre, "viz-indicateurs-en-direct");
        this.thread.setDaemon(true);
    }

    static Properties proprietes(String bootstrapServers) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "croisements-viz-en-direct");
        // no group.id: partitions are assigned, not subscribed, and no offset is committed
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a read_committed fetch waiting for data is not answered when a transaction commits, only when new data
        // come or this wait ends: the default 500 ms would be most of the delay from a sensor to the map
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        // the streams application creates its output topics; never create them with broker defaults
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // the properties of --config (security of the cluster...), the servers given staying
        fr.croisements.events.ConfigurationKafka.appliquer(props).put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /**
     * Follows {@code topic} as well, from its end, within about a second (the topic of an indicator
     * declared by a file while the server runs). Any thread.
     */
    public void suivre(String topic) {
        ajouts.add(topic);
    }

    /** Starts following the topics on a background thread. */
    public void start() {
        if (!demarre.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        thread.start();
    }

    @Override
    public void close() {
        if (!ferme.compareAndSet(false, true)) {
            return;
        }
        arret.countDown();
        if (!demarre.get()) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(ARRET_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The live indicator consumer did not stop within {} ms", ARRET_MS);
        }
    }

    private void suivre() {
        Set<String> enAttente = new LinkedHashSet<>(topics);
        List<TopicPartition> assignees = new ArrayList<>();
        Set<TopicPartition> aConfirmer = new LinkedHashSet<>();
        long prochaineRecherche = System.nanoTime();
        try {
            while (!ferme.get()) {
                for (String ajout; (ajout = ajouts.poll()) != null; ) {
                    String nouveau = ajout;
                    if (assignees.stream().noneMatch(tp -> tp.topic().equals(nouveau))) {
                        enAttente.add(nouveau);
                        prochaineRecherche = System.nanoTime();
                    }
                }
                // topics still missing are looked for at most once per wait, while the others are read
                if (!enAttente.isEmpty() && System.nanoTime() - prochaineRecherche >= 0) {
                    aConfirmer.addAll(assigner(enAttente, assignees));
                    prochaineRecherche = System.nanoTime() + attenteTopics.toNanos();
                }
                confirmer(aConfirmer);
                if (assignees.isEmpty()) {
                    arret.await(attenteTopics.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    lire();
                }
            }
        } catch (WakeupException e) {
            if (!ferme.get()) {
                log.error("The live indicator consumer was woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The live indicator consumer stopped", e);
        } finally {
            consumer.close();
        }
    }

    /** Adds the partitions of the topics that now exist, starting at their end; returns those added. */
    private List<TopicPartition> assigner(Set<String> enAttente, List<TopicPartition> assignees) {
        List<TopicPartition> nouvelles = new ArrayList<>();
        for (String topic : List.copyOf(enAttente)) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic, RECHERCHE_PARTITIONS);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                partitions = List.of();
            }
            if (partitions != null && !partitions.isEmpty()) {
                partitions.forEach(p -> nouvelles.add(new TopicPartition(p.topic(), p.partition())));
                enAttente.remove(topic);
            }
        }
        if (!nouvelles.isEmpty()) {
            assignees.addAll(nouvelles);
            consumer.assign(assignees);
            consumer.seekToEnd(nouvelles);
            log.info("Following {} partition(s) of {} from their end", nouvelles.size(),
                    nouvelles.stream().map(TopicPartition::topic).distinct().toList());
        }
        if (!enAttente.isEmpty() && assignees.isEmpty()) {
            log.debug("Waiting for topics {}", enAttente);
        }
        return nouvelles;
    }

    /**
     * Fixes the position of the partitions just assigned (the end offset is looked up now, not at the
     * next poll), then tells which topics have all their partitions so fixed. A partition whose offset
     * cannot be looked up yet is tried again on the next turn.
     */
    private void confirmer(Set<TopicPartition> aConfirmer) {
        if (aConfirmer.isEmpty()) {
            return;
        }
        Set<String> confirmes = new LinkedHashSet<>();
        for (var it = aConfirmer.iterator(); it.hasNext(); ) {
            TopicPartition partition = it.next();
            try {
                consumer.position(partition, RECHERCHE_PARTITIONS);
                it.remove();
                confirmes.add(partition.topic());
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.debug("End offset of {} not known yet, trying again", partition);
            }
        }
        confirmes.removeIf(topic -> aConfirmer.stream().anyMatch(p -> p.topic().equals(topic)));
        if (!confirmes.isEmpty()) {
            suivis.accept(confirmes);
        }
    }

    private void lire() {
        try {
            for (ConsumerRecord<String, Indicateur> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    publier(record);
                }
            }
        } catch (RecordDeserializationException e) {
            log.warn("Skipping unreadable record {}/{}/{}: {}", e.topicPartition().topic(),
                    e.topicPartition().partition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            // its cell is in the stores but was not seen: what was built on that topic must be built again
            suivis.accept(Set.of(e.topicPartition().topic()));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("Polling indicator topics failed, retrying in {}", attenteTopics, e);
            try {
                arret.await(attenteTopics.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrompu) {
                Thread.currentThread().interrupt();
                ferme.set(true);
            }
        }
    }

    private void publier(ConsumerRecord<String, Indicateur> record) {
        try {
            destination.accept(record.value());
        } catch (RuntimeException e) {
            log.warn("Could not push record {}/{}/{} to the live clients", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }
}
