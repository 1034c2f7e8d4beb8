package fr.croisements.streams.indicateurs;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state store that keeps every cell of one indicator, for the map and its history.
 *
 * <p>Key: {@code <codeZone>|<window start in epoch ms, 15 digits>}, so that a prefix scan on
 * {@code <codeZone>|} returns a zone's cells oldest first within one partition's store. Most
 * indicators are partitioned by zone code upstream, so one partition holds a zone; those grouped by
 * more (the car parks' peak hours, by commune and day) spread a zone's cells over partitions, and
 * readers must not assume the order across them. Value: the latest {@link Indicateur} of the cell.
 * Readers seek this index ({@code fr.croisements.streams.query.LocalIndicateursQueries}): a zone's latest
 * cell is the first entry of {@code reverseRange(prefixe(zone), finPrefixe(zone))}, a period's cells a
 * {@code range} from {@code cle(zone, debut)}; nothing reads every cell of the store.
 */
public final class CellulesStore {

    private CellulesStore() {}

    public static StoreBuilder<KeyValueStore<String, Indicateur>> builder(DefinitionIndicateur definition) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(definition.store()), Serdes.String(), JsonSerde.of(Indicateur.class));
    }

    public static String cle(String codeZone, Instant debut) {
        return prefixe(codeZone) + String.format(Locale.ROOT, "%015d", debut.toEpochMilli());
    }

    public static String prefixe(String codeZone) {
        return codeZone + "|";
    }

    /**
     * A key after every key of the zone and before the next zone's: the upper bound of a range over the
     * zone's cells ({@code ~} sorts after the digits of the window start).
     */
    public static String finPrefixe(String codeZone) {
        return codeZone + "|~";
    }

    /** The latest window start a key can hold (15 digits of epoch milliseconds). */
    public static final long INSTANT_MAX = 999_999_999_999_999L;

    /**
     * The one way an indicator publishes its cells: each cell kept in the indicator's store and
     * written to its topic ({@code indicateurs-<id>}, key = zone code). The indicator's store must
     * have been added to the builder ({@link #builder}).
     */
    public static void publier(KStream<String, Indicateur> cellules, DefinitionIndicateur definition) {
        cellules.process(() -> ecrivain(definition), Named.as(definition.id() + "-garder-cellules"), definition.store());
        cellules.to(definition.topic(), Produced.with(Serdes.String(), JsonSerde.of(Indicateur.class))
                .withName(definition.id() + "-sink"));
    }

    /** A terminal processor writing each cell it receives into the store (key = zone code). */
    public static Processor<String, Indicateur, Void, Void> ecrivain(DefinitionIndicateur definition) {
        return new Processor<>() {
            private KeyValueStore<String, Indicateur> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(definition.store());
            }

            @Override
            public void process(Record<String, Indicateur> record) {
                Indicateur cellule = record.value();
                if (cellule != null) {
                    store.put(cle(cellule.codeZone(), cellule.debut()), cellule);
                }
            }
        };
    }
}
