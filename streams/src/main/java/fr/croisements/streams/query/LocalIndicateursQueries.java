package fr.croisements.streams.query;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.streams.indicateurs.CellulesStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.InvalidStateStorePartitionException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the indicator cells held by this instance's state stores, partition by partition.
 *
 * <p>Every read seeks the zones it is given in the store's index ({@code <codeZone>|<window start>},
 * see {@link CellulesStore}): the latest cell of a zone is the first entry of a reverse range over the
 * zone's keys, the cells of a period a range from its start to its end; nothing reads the cells of
 * the other zones or, for a period, of the other windows. A zone's cells may lie in several
 * partitions (the car parks' peak hours are grouped by commune and day), so each partition's store
 * is read on its own: the first entry of each is a candidate for the latest.
 *
 * <p>With one instance (the demo) this is the whole state; with several, {@link RoutedIndicateursQueries}
 * adds the other instances'. Thread-safe: Kafka Streams' read-only stores may be queried from any thread.
 */
public final class LocalIndicateursQueries implements IndicateursQueries {

    /**
     * This instance's stores of one indicator, one per partition it holds (active tasks, and with
     * {@code secours} standby replicas and stores still restoring too). Throws
     * {@link StoreIndisponibleException} when none can be read.
     */
    @FunctionalInterface
    public interface PartitionsLocales {
        List<ReadOnlyKeyValueStore<String, Indicateur>> stores(String indicateur, String store, boolean secours);
    }

    private final RegistreIndicateurs registre;
    private final PartitionsLocales partitions;
    private final boolean secours;

    /** The built-in indicators, all in the stores of {@code streams}. */
    public LocalIndicateursQueries(KafkaStreams streams) {
        this(RegistreIndicateurs.integres(), id -> streams);
    }

    /**
     * @param registre the indicators known, built-in and declared by files
     * @param applications the application whose stores hold the cells of an indicator, by its id
     */
    public LocalIndicateursQueries(RegistreIndicateurs registre, Function<String, KafkaStreams> applications) {
        this(registre, (indicateur, store, secours) -> partitions(applications.apply(indicateur), store, secours), false);
    }

    /**
     * @param partitions the stores of an indicator, one per partition (tests give their own)
     * @param secours whether standby replicas (and stores still restoring) are read too, not only the
     *     active tasks: a fallback when the instance holding the active task is away
     */
    public LocalIndicateursQueries(RegistreIndicateurs registre, PartitionsLocales partitions, boolean secours) {
        this.registre = registre;
        this.partitions = partitions;
        this.secours = secours;
    }

    /** The same stores, standby replicas included. */
    public LocalIndicateursQueries avecSecours() {
        return new LocalIndicateursQueries(registre, partitions, true);
    }

    @Override
    public Map<String, Indicateur> dernieres(String indicateur, Collection<String> zones) {
        var stores = stores(indicateur);
        var dernieres = new TreeMap<String, Indicateur>();
        try {
            for (String zone : new TreeSet<>(zones)) {
                for (var store : stores) {
                    try (var it = store.reverseRange(CellulesStore.prefixe(zone), CellulesStore.finPrefixe(zone))) {
                        if (it.hasNext()) {
                            garderPlusRecente(dernieres, it.next().value);
                        }
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
        return dernieres;
    }

    @Override
    public List<Indicateur> cellules(String indicateur, Collection<String> zones, Instant debut, Instant fin) {
        var stores = stores(indicateur);
        var cellules = new ArrayList<Indicateur>();
        try {
            for (String zone : new TreeSet<>(zones)) {
                var deZone = new ArrayList<Indicateur>();
                lire(stores, zone, debut, fin, c -> deZone.add(c));
                // one partition's store after another: sorted here
                deZone.sort(Comparator.comparing(Indicateur::debut));
                cellules.addAll(deZone);
            }
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
        return cellules;
    }

    @Override
    public List<Indicateur> historique(String indicateur, String codeZone) {
        return cellules(indicateur, List.of(codeZone), null, null);
    }

    @Override
    public List<FenetreZone> fenetres(String indicateur, Collection<String> zones) {
        var stores = stores(indicateur);
        var fenetres = new ArrayList<FenetreZone>();
        try {
            for (String zone : new TreeSet<>(zones)) {
                lire(stores, zone, null, null, c -> fenetres.add(FenetreZone.de(c)));
            }
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
        fenetres.sort(FenetreZone.ORDRE);
        return fenetres;
    }

    /** The cells of {@code zone} whose window starts in {@code [debut, fin)} ({@code null}: open), store by store. */
    private static void lire(List<ReadOnlyKeyValueStore<String, Indicateur>> stores, String zone, Instant debut,
            Instant fin, java.util.function.Consumer<Indicateur> cellule) {
        String de = debut == null || debut.isBefore(Instant.EPOCH) ? CellulesStore.prefixe(zone) : CellulesStore.cle(zone, debut);
        String a;
        if (fin == null || fin.toEpochMilli() > CellulesStore.INSTANT_MAX) {
            a = CellulesStore.finPrefixe(zone);
        } else if (!fin.isAfter(Instant.EPOCH) || (debut != null && !fin.isAfter(debut))) {
            return; // an empty period
        } else {
            // the range is inclusive of its upper key: the last millisecond before fin
            a = CellulesStore.cle(zone, fin.minusMillis(1));
        }
        if (de.compareTo(a) > 0) {
            return;
        }
        for (var store : stores) {
            try (KeyValueIterator<String, Indicateur> it = store.range(de, a)) {
                it.forEachRemaining(kv -> cellule.accept(kv.value));
            }
        }
    }

    /**
     * The cell of each zone with the latest window start, of cells read from several stores (partitions,
     * instances): a zone's cells may lie in several of them, so the last one read is not always the
     * latest. Of two cells of the same window, the first read wins (an active task's before a standby's).
     */
    static Map<String, Indicateur> plusRecentes(Iterator<KeyValue<String, Indicateur>> cellules) {
        var dernieres = new TreeMap<String, Indicateur>();
        cellules.forEachRemaining(kv -> garderPlusRecente(dernieres, kv.value));
        return dernieres;
    }

    private static void garderPlusRecente(Map<String, Indicateur> dernieres, Indicateur cellule) {
        dernieres.merge(cellule.codeZone(), cellule,
                (connue, autre) -> autre.debut().isAfter(connue.debut()) ? autre : connue);
    }

    private List<ReadOnlyKeyValueStore<String, Indicateur>> stores(String indicateur) {
        DefinitionIndicateur definition = registre.parId(indicateur)
                .orElseThrow(() -> new IllegalArgumentException("indicateur inconnu : " + indicateur));
        try {
            return partitions.stores(indicateur, definition.store(), secours);
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
    }

    /**
     * The stores of {@code store} that {@code streams} holds, one per partition: every partition number
     * its threads' tasks or the application's metadata name is tried, those this instance does not hold
     * are left out.
     */
    static List<ReadOnlyKeyValueStore<String, Indicateur>> partitions(KafkaStreams streams, String store, boolean secours) {
        var parametres = StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Indicateur>keyValueStore());
        if (secours) {
            parametres = parametres.enableStaleStores();
        }
        // fails as before when the application does not run (not started, in error, closing)
        streams.store(parametres);
        var numeros = new TreeSet<Integer>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(t -> numeros.add(t.taskId().partition()));
            thread.standbyTasks().forEach(t -> numeros.add(t.taskId().partition()));
        }
        for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
            m.topicPartitions().forEach(tp -> numeros.add(tp.partition()));
            m.standbyTopicPartitions().forEach(tp -> numeros.add(tp.partition()));
        }
        var stores = new ArrayList<ReadOnlyKeyValueStore<String, Indicateur>>();
        InvalidStateStoreException absente = null;
        for (int numero : numeros) {
            ReadOnlyKeyValueStore<String, Indicateur> partition = streams.store(parametres.withPartition(numero));
            try {
                partition.approximateNumEntries(); // finds the partition's store, or says it is not here
                stores.add(partition);
            } catch (InvalidStateStorePartitionException e) {
                absente = e;
            }
        }
        if (stores.isEmpty()) {
            throw new InvalidStateStoreException("no partition of store " + store + " on this instance"
                    + (absente == null ? "" : ": " + absente.getMessage()), absente);
        }
        return stores;
    }

    private static StoreIndisponibleException indisponible(InvalidStateStoreException e) {
        return new StoreIndisponibleException("State store not queryable yet: " + e.getMessage(), e);
    }
}
