package fr.croisements.streams.query;

import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import fr.croisements.streams.lora.SanteCapteursTopology;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** Reads this instance's device-health store (all devices with one instance). Thread-safe. */
public final class LocalCapteursQueries implements CapteursQueries {

    private final KafkaStreams streams;
    private final boolean secours;

    public LocalCapteursQueries(KafkaStreams streams) {
        this(streams, false);
    }

    /** @param secours whether standby replicas are read too (see {@link LocalIndicateursQueries#avecSecours()}) */
    public LocalCapteursQueries(KafkaStreams streams, boolean secours) {
        this.streams = streams;
        this.secours = secours;
    }

    private <V> StoreQueryParameters<org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, V>> parametres(String store) {
        var p = StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore());
        return secours ? p.enableStaleStores() : p;
    }

    @Override
    public List<SanteCapteur> capteurs() {
        var capteurs = new ArrayList<SanteCapteur>();
        try (var it = streams.store(this.<SanteCapteur>parametres(SanteCapteursTopology.STORE)).all()) {
            it.forEachRemaining(kv -> capteurs.add(kv.value));
        } catch (InvalidStateStoreException e) {
            throw new StoreIndisponibleException("Device store not queryable yet: " + e.getMessage(), e);
        }
        return capteurs;
    }

    @Override
    public List<SantePasserelle> passerelles() {
        var passerelles = new ArrayList<SantePasserelle>();
        try (var it = streams.store(this.<SantePasserelle>parametres(SanteCapteursTopology.STORE_PASSERELLES)).all()) {
            it.forEachRemaining(kv -> passerelles.add(kv.value));
        } catch (InvalidStateStoreException e) {
            throw new StoreIndisponibleException("Gateway store not queryable yet: " + e.getMessage(), e);
        }
        return passerelles;
    }
}
