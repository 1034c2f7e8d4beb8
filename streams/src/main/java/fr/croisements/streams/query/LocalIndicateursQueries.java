package fr.croisements.streams.query;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.RegistreIndicateurs;
import java.util.function.Function;
import fr.croisements.streams.indicateurs.CellulesStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the indicator cells held by this instance's state stores.
 *
 * <p>With one instance (the demo) this is the whole state. With several instances each holds the
 * zones of its partitions only; routing a query to the owner of a zone is not done yet.
 * Thread-safe: Kafka Streams' read-only stores may be queried from any thread.
 */
public final class LocalIndicateursQueries implements IndicateursQueries {

    private final RegistreIndicateurs registre;
    private final Function<String, KafkaStreams> applications;
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
        this(registre, applications, false);
    }

    /**
     * @param secours whether standby replicas (and stores still restoring) are read too, not only the
     *     active tasks: a fallback when the instance holding the active task is away
     */
    public LocalIndicateursQueries(RegistreIndicateurs registre, Function<String, KafkaStreams> applications,
            boolean secours) {
        this.registre = registre;
        this.applications = applications;
        this.secours = secours;
    }

    /** The same stores, standby replicas included. */
    public LocalIndicateursQueries avecSecours() {
        return new LocalIndicateursQueries(registre, applications, true);
    }

    @Override
    public Map<String, Indicateur> dernieres(String indicateur) {
        try (var cellules = store(indicateur).all()) {
            return plusRecentes(cellules);
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
    }

    @Override
    public List<Indicateur> historique(String indicateur, String codeZone) {
        var cellules = new ArrayList<Indicateur>();
        try (var it = store(indicateur).prefixScan(CellulesStore.prefixe(codeZone), new StringSerializer())) {
            it.forEachRemaining(kv -> cellules.add(kv.value));
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
        // one partition's store after another: sorted here
        cellules.sort(Comparator.comparing(Indicateur::debut));
        return cellules;
    }

    /**
     * The cell of each zone with the latest window start. The stores of the partitions are read one
     * after the other, each sorted by zone then window: a zone's cells may lie in several of them
     * (the car parks' peak hours are grouped by commune and day), so the last one read is not
     * always the latest.
     */
    static Map<String, Indicateur> plusRecentes(Iterator<KeyValue<String, Indicateur>> cellules) {
        var dernieres = new TreeMap<String, Indicateur>();
        cellules.forEachRemaining(kv -> dernieres.merge(kv.value.codeZone(), kv.value,
                (connue, autre) -> autre.debut().isAfter(connue.debut()) ? autre : connue));
        return dernieres;
    }

    private ReadOnlyKeyValueStore<String, Indicateur> store(String indicateur) {
        DefinitionIndicateur definition = registre.parId(indicateur)
                .orElseThrow(() -> new IllegalArgumentException("indicateur inconnu : " + indicateur));
        try {
            var parametres = StoreQueryParameters.fromNameAndType(definition.store(),
                    QueryableStoreTypes.<String, Indicateur>keyValueStore());
            return applications.apply(indicateur).store(secours ? parametres.enableStaleStores() : parametres);
        } catch (InvalidStateStoreException e) {
            throw indisponible(e);
        }
    }

    private static StoreIndisponibleException indisponible(InvalidStateStoreException e) {
        return new StoreIndisponibleException("State store not queryable yet: " + e.getMessage(), e);
    }
}
