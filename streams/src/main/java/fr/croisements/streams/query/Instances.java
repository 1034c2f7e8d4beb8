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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances of one Kafka Streams application, as its metadata knows them (each instance
 * sets {@code application.server} to the address of its web server), and the small internal HTTP API
 * through which they hand each other the content of their local stores ({@code /interne/…}).
 * Thread-safe.
 */
public final class Instances {

    /** How long a call to another instance may take: an instance that does not answer is skipped. */
    static final Duration ATTENTE = Duration.ofSeconds(3);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Instances.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(ATTENTE).build();

    private final KafkaStreams streams;
    private final HostInfo moi;

    public Instances(KafkaStreams streams, HostInfo moi) {
        this.streams = streams;
        this.moi = moi;
    }

    public HostInfo moi() {
        return moi;
    }

    /**
     * The other instances that hold {@code store}: those with active tasks of it first, then those
     * with only standby replicas of it.
     */
    List<HostInfo> autres(String store) {
        Set<HostInfo> actives = new LinkedHashSet<>();
        Set<HostInfo> secours = new LinkedHashSet<>();
        for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
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
        var toutes = new ArrayList<>(actives);
        secours.stream().filter(h -> !actives.contains(h)).forEach(toutes::add);
        return toutes;
    }

    /**
     * Scatter-gather: this instance's items ({@code local}), then those of every other instance holding
     * {@code store} ({@code chemin} of the internal API); when one does not answer, the standby replicas'
     * after them ({@code localSecours}, and {@code chemin?secours=true} of the others); the same when this
     * instance's own active stores cannot be read (a rebalance moves them). Items met first
     * should win when the caller removes duplicates: active tasks come before standby replicas.
     */
    public <T> List<T> rassembler(String store, String chemin, java.util.function.Supplier<List<T>> local,
            java.util.function.Supplier<List<T>> localSecours, TypeReference<List<T>> type) {
        var items = new ArrayList<T>();
        boolean absente = false;
        try {
            items.addAll(local.get());
        } catch (StoreIndisponibleException e) {
            // a rebalance: this instance's tasks are moving; its standby replicas and stale stores fill in
            log.debug("Local store {} not readable now: {}", store, e.getMessage());
            absente = true;
        }
        List<HostInfo> hotes = autres(store);
        for (HostInfo hote : hotes) {
            try {
                items.addAll(demander(hote, chemin, type));
            } catch (IOException e) {
                log.info("Instance {} did not answer {}: {}; reading the standby replicas", hote, chemin, e.getMessage());
                absente = true;
            }
        }
        if (absente) {
            try {
                items.addAll(localSecours.get());
            } catch (StoreIndisponibleException e) {
                log.debug("Local standby store {} not readable either: {}", store, e.getMessage());
            }
            String secours = chemin + (chemin.contains("?") ? "&" : "?") + "secours=true";
            for (HostInfo hote : hotes) {
                try {
                    items.addAll(demander(hote, secours, type));
                } catch (IOException e) {
                    log.debug("Instance {} still away: {}", hote, e.getMessage());
                }
            }
        }
        return items;
    }

    /** The first item of each key: an active task's before a standby replica's. */
    public static <T> List<T> uniques(List<T> items, java.util.function.Function<T, String> cle) {
        var parCle = new java.util.LinkedHashMap<String, T>();
        items.forEach(i -> parCle.putIfAbsent(cle.apply(i), i));
        return List.copyOf(parCle.values());
    }

    /** GET {@code chemin} on another instance, a JSON list. */
    static <T> List<T> demander(HostInfo hote, String chemin, TypeReference<List<T>> type) throws IOException {
        var requete = HttpRequest.newBuilder(URI.create("http://" + hote.host() + ":" + hote.port() + chemin))
                .timeout(ATTENTE).GET().build();
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
