package fr.croisements.streams.query;

import fr.croisements.events.Indicateur;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A cell store that counts the entries read through it, and refuses to be read whole: what proves a
 * query seeks its zones and periods instead of walking the store.
 */
final class StoreCompte implements ReadOnlyKeyValueStore<String, Indicateur> {

    private final ReadOnlyKeyValueStore<String, Indicateur> store;
    private final AtomicInteger lues = new AtomicInteger();

    StoreCompte(ReadOnlyKeyValueStore<String, Indicateur> store) {
        this.store = store;
    }

    /** The entries read since the last call. */
    int lues() {
        return lues.getAndSet(0);
    }

    @Override
    public Indicateur get(String key) {
        lues.incrementAndGet();
        return store.get(key);
    }

    @Override
    public KeyValueIterator<String, Indicateur> range(String from, String to) {
        return compte(store.range(from, to));
    }

    @Override
    public KeyValueIterator<String, Indicateur> reverseRange(String from, String to) {
        return compte(store.reverseRange(from, to));
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, Indicateur> prefixScan(P prefix, PS serializer) {
        return compte(store.prefixScan(prefix, serializer));
    }

    @Override
    public KeyValueIterator<String, Indicateur> all() {
        throw new AssertionError("a read walked the whole store");
    }

    @Override
    public KeyValueIterator<String, Indicateur> reverseAll() {
        throw new AssertionError("a read walked the whole store");
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
    }

    private KeyValueIterator<String, Indicateur> compte(KeyValueIterator<String, Indicateur> it) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, Indicateur> next() {
                lues.incrementAndGet();
                return it.next();
            }

            @Override
            public String peekNextKey() {
                return it.peekNextKey();
            }

            @Override
            public void close() {
                it.close();
            }
        };
    }
}
