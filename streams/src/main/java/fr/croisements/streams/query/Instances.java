package fr.croisements.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances of one Kafka Streams application, as its metadata knows them (each instance
 * sets {@code application.server} to the address of its web server), and the small internal HTTP API
 * through which they hand each other the content of their local stores ({@code /interne/…}).
 * Each scatter-gather notes its {@link Provenance} on the calling thread: whether an instance was
 * away and its part read from standby replicas, and whether some of it could not be read at all.
 * Thread-safe.
 */
public final class Instances {

    /** How long a call to another instance may take: an instance that does not answer is skipped. */
    static final Duration ATTENTE = Duration.ofSeconds(3);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Instances.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(ATTENTE).build();

    private final Supplier<Collection<StreamsMetadata>> metadonnees;
    private final HostInfo moi;
    private final Function<String, Set<String>> sources;

    /** The instances of {@code streams}' application; missing parts are judged store by store. */
    public Instances(KafkaStreams streams, HostInfo moi) {
        this(streams::metadataForAllStreamsClients, moi, store -> Set.of());
    }

    /**
     * @param metadonnees every instance of the application, as Kafka Streams' metadata knows them
     * @param sources the source topics of the tasks that hold a store (as the topology describes them; an
     *     internal topic may lack the application id its full name begins with), empty when unknown: then
     *     a part is judged missing only when no instance that answered holds a replica of the store at all
     */
    public Instances(Supplier<Collection<StreamsMetadata>> metadonnees, HostInfo moi,
            Function<String, Set<String>> sources) {
        this.metadonnees = metadonnees;
        this.moi = moi;
        this.sources = sources;
    }

    public HostInfo moi() {
        return moi;
    }

    /**
     * The other instances that hold {@code store}: those with active tasks of it first, then those
     * with only standby replicas of it.
     */
    List<HostInfo> autres(String store) {
        return autres(store, metadonnees.get());
    }

    private List<HostInfo> autres(String store, Collection<StreamsMetadata> toutes) {
        Set<HostInfo> actives = new LinkedHashSet<>();
        Set<HostInfo> secours = new LinkedHashSet<>();
        for (StreamsMetadata m : toutes) {
            HostInfo hote = m.hostInfo();
            if (hote == null || hote.port() <= 0 || hote.equals(moi)) {
                continue;
            }
            if (m.stateStoreNames().contains(store)) {
                actives.add(hote);
            } else if (m.standbyStateStoreNames().contains(store)) {
                secours.add(hote);
            }
        }
        var hotes = new ArrayList<>(actives);
        secours.stream().filter(h -> !actives.contains(h)).forEach(hotes::add);
        return hotes;
    }

    /**
     * Scatter-gather: this instance's items ({@code local}), then those of every other instance holding
     * {@code store} ({@code chemin} of the internal API); when one does not answer, the standby replicas'
     * after them ({@code localSecours}, and {@code chemin?secours=true} of the others); the same when this
     * instance's own active stores cannot be read (a rebalance moves them). Items met first
     * should win when the caller removes duplicates: active tasks come before standby replicas.
     * Notes the {@link Provenance} of the answer on this thread.
     */
    public <T> List<T> rassembler(String store, String chemin, Supplier<List<T>> local,
            Supplier<List<T>> localSecours, TypeReference<List<T>> type) {
        return rassembler(store, chemin, null, local, localSecours, type);
    }

    /**
     * The same, each other instance asked with {@code POST chemin} and {@code corps} as its JSON body
     * ({@code null}: {@code GET chemin}), for questions too long for an address (the zones of a territory).
     */
    public <T> List<T> rassembler(String store, String chemin, Object corps, Supplier<List<T>> local,
            Supplier<List<T>> localSecours, TypeReference<List<T>> type) {
        byte[] json;
        try {
            json = corps == null ? null : JsonSerde.MAPPER.writeValueAsBytes(corps);
        } catch (IOException e) {
            throw new IllegalArgumentException("not writable as JSON: " + corps, e);
        }
        var items = new ArrayList<T>();
        var absentes = new LinkedHashSet<HostInfo>();
        try {
            items.addAll(local.get());
        } catch (StoreIndisponibleException e) {
            // a rebalance: this instance's tasks are moving; its standby replicas and stale stores fill in
            log.debug("Local store {} not readable now: {}", store, e.getMessage());
            absentes.add(moi);
        }
        Collection<StreamsMetadata> toutes = metadonnees.get();
        List<HostInfo> hotes = autres(store, toutes);
        for (HostInfo hote : hotes) {
            try {
                items.addAll(demander(hote, chemin, json, type));
            } catch (IOException e) {
                log.info("Instance {} did not answer {}: {}; reading the standby replicas", hote, chemin, e.getMessage());
                absentes.add(hote);
            }
        }
        if (absentes.isEmpty()) {
            return items;
        }
        var repondu = new LinkedHashSet<HostInfo>();
        try {
            items.addAll(localSecours.get());
            repondu.add(moi);
        } catch (StoreIndisponibleException e) {
            log.debug("Local standby store {} not readable either: {}", store, e.getMessage());
        }
        String secours = chemin + (chemin.contains("?") ? "&" : "?") + "secours=true";
        for (HostInfo hote : hotes) {
            try {
                items.addAll(demander(hote, secours, json, type));
                repondu.add(hote);
            } catch (IOException e) {
                log.debug("Instance {} still away: {}", hote, e.getMessage());
            }
        }
        boolean complete = couvertes(store, toutes, absentes, repondu);
        var noms = new TreeSet<String>();
        absentes.forEach(h -> noms.add(h.host() + ":" + h.port()));
        Provenance.noter(new Provenance(true, !complete, noms));
        return items;
    }

    /**
     * Whether the partitions of {@code store} that the absent instances held as active tasks are each held,
     * active or standby, by an instance that answered for its replicas ({@code repondu}). Without the
     * store's source topics, whether an instance that answered holds a replica of the store at all.
     */
    private boolean couvertes(String store, Collection<StreamsMetadata> toutes, Set<HostInfo> absentes,
            Set<HostInfo> repondu) {
        Set<String> topics = sources.apply(store);
        for (StreamsMetadata absente : toutes) {
            if (!absentes.contains(absente.hostInfo())) {
                continue;
            }
            if (topics.isEmpty()) {
                boolean ailleurs = repondu.contains(absente.hostInfo()) || toutes.stream().anyMatch(m ->
                        repondu.contains(m.hostInfo()) && m.standbyStateStoreNames().contains(store));
                if (absente.stateStoreNames().contains(store) && !ailleurs) {
                    return false;
                }
                continue;
            }
            for (TopicPartition tp : absente.topicPartitions()) {
                if (source(tp.topic(), topics) && toutes.stream().noneMatch(m -> repondu.contains(m.hostInfo())
                        && (m.topicPartitions().contains(tp) || m.standbyTopicPartitions().contains(tp)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code topic} is one of {@code sources}, an internal topic having its application id before its name. */
    private static boolean source(String topic, Set<String> sources) {
        return sources.stream().anyMatch(s -> topic.equals(s) || topic.endsWith("-" + s));
    }

    /** The first item of each key: an active task's before a standby replica's. */
    public static <T> List<T> uniques(List<T> items, Function<T, String> cle) {
        var parCle = new java.util.LinkedHashMap<String, T>();
        items.forEach(i -> parCle.putIfAbsent(cle.apply(i), i));
        return List.copyOf(parCle.values());
    }

    /** GET {@code chemin} on another instance, a JSON list. */
    static <T> List<T> demander(HostInfo hote, String chemin, TypeReference<List<T>> type) throws IOException {
        return demander(hote, chemin, null, type);
    }

    /** POST {@code corps} (JSON) to {@code chemin} on another instance, GET without a body; a JSON list. */
    static <T> List<T> demander(HostInfo hote, String chemin, byte[] corps, TypeReference<List<T>> type)
            throws IOException {
        var builder = HttpRequest.newBuilder(URI.create("http://" + hote.host() + ":" + hote.port() + chemin))
                .timeout(ATTENTE);
        var requete = corps == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(corps)).build();
        try {
            HttpResponse<byte[]> reponse = HTTP.send(requete, HttpResponse.BodyHandlers.ofByteArray());
            if (reponse.statusCode() != 200) {
                throw new IOException("instance " + hote + " answered " + reponse.statusCode() + " to " + chemin);
            }
            return JsonSerde.MAPPER.readValue(reponse.body(), type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
