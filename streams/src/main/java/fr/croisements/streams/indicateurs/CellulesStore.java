package fr.croisements.streams.indicateurs;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state store that keeps the cells of one indicator, for the map and its history, for the
 * indicator's retention ({@link DefinitionIndicateur#conservation()}, see {@link Ecrivain}).
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

    /** How often each task's writer deletes the cells past their retention (wall-clock time). */
    public static final Duration PURGE = Duration.ofMinutes(1);

    /**
     * A terminal processor writing each cell it receives into the store (key = zone code), and keeping
     * the store to the indicator's retention ({@link DefinitionIndicateur#conservation()}): see {@link Ecrivain}.
     */
    public static Processor<String, Indicateur, Void, Void> ecrivain(DefinitionIndicateur definition) {
        return new Ecrivain(definition);
    }

    /**
     * Writes the cells of one task (one partition) into the indicator's store and deletes those past the
     * retention. Time is stream time, the cells' own: the latest window end of the cells this store holds
     * (simulated data are in 2025, whatever the wall clock says). A cell whose window ends before that time
     * minus the retention is deleted, a delete that reaches the changelog as a tombstone, so the changelog
     * stays bounded too; one that arrives already past it is not kept (it still goes to the topic).
     *
     * <p>Every {@link #PURGE} of wall-clock time, each zone the store holds is read from its first key up to
     * the expiry time ({@code range}), never the whole store: the zones are kept in memory, found again at
     * start-up by one seek per zone (from each zone's last key to the next zone's first). A zone whose
     * cells are all gone is forgotten.
     */
    static final class Ecrivain implements Processor<String, Indicateur, Void, Void> {

        private final DefinitionIndicateur definition;
        private final Set<String> zones = new TreeSet<>();
        private KeyValueStore<String, Indicateur> store;
        private Instant tempsDuFlux = Instant.MIN;

        Ecrivain(DefinitionIndicateur definition) {
            this.definition = definition;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(definition.store());
            retrouverLesZones();
            context.schedule(PURGE, PunctuationType.WALL_CLOCK_TIME, maintenant -> purger());
        }

        @Override
        public void process(Record<String, Indicateur> record) {
            Indicateur cellule = record.value();
            if (cellule == null) {
                return;
            }
            if (cellule.fin().isAfter(tempsDuFlux)) {
                tempsDuFlux = cellule.fin();
            }
            if (expiree(cellule)) {
                return;
            }
            store.put(cle(cellule.codeZone(), cellule.debut()), cellule);
            zones.add(cellule.codeZone());
        }

        private boolean expiree(Indicateur cellule) {
            return tempsDuFlux != Instant.MIN && cellule.fin().isBefore(tempsDuFlux.minus(definition.conservation()));
        }

        /** Deletes the cells past the retention, zone by zone, reading only the keys before the expiry time. */
        void purger() {
            if (tempsDuFlux == Instant.MIN) {
                return;
            }
            Instant limite = tempsDuFlux.minus(definition.conservation());
            if (!limite.isAfter(Instant.EPOCH)) {
                return;
            }
            var oubliees = new ArrayList<String>();
            for (String zone : zones) {
                // a cell that ends before the limit starts before it
                var expirees = new ArrayList<String>();
                try (var it = store.range(prefixe(zone), cle(zone, limite))) {
                    it.forEachRemaining(kv -> {
                        if (kv.value == null || kv.value.fin().isBefore(limite)) {
                            expirees.add(kv.key);
                        }
                    });
                }
                expirees.forEach(store::delete);
                if (!expirees.isEmpty()) {
                    try (var reste = store.range(prefixe(zone), finPrefixe(zone))) {
                        if (!reste.hasNext()) {
                            oubliees.add(zone);
                        }
                    }
                }
            }
            zones.removeAll(oubliees);
        }

        /** The zones of the store and its stream time, by one seek per zone: its first key, then its latest cell. */
        private void retrouverLesZones() {
            String depuis = null;
            while (true) {
                String zone;
                try (var it = store.range(depuis, null)) {
                    if (!it.hasNext()) {
                        return;
                    }
                    String cle = it.next().key;
                    zone = cle.substring(0, cle.lastIndexOf('|'));
                }
                zones.add(zone);
                try (var it = store.reverseRange(prefixe(zone), finPrefixe(zone))) {
                    if (it.hasNext()) {
                        Instant fin = it.next().value.fin();
                        if (fin.isAfter(tempsDuFlux)) {
                            tempsDuFlux = fin;
                        }
                    }
                }
                depuis = finPrefixe(zone);
            }
        }

        /** The zones held, for tests. */
        Set<String> zones() {
            return zones;
        }
    }
}
