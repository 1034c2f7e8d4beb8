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

    public LocalCapteursQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<SanteCapteur> capteurs() {
        var capteurs = new ArrayList<SanteCapteur>();
        try (var it = streams.store(StoreQueryParameters.fromNameAndType(SanteCapteursTopology.STORE,
                QueryableStoreTypes.<String, SanteCapteur>keyValueStore())).all()) {
            it.forEachRemaining(kv -> capteurs.add(kv.value));
        } catch (InvalidStateStoreException e) {
            throw new StoreIndisponibleException("Device store not queryable yet: " + e.getMessage(), e);
        }
        return capteurs;
    }

    @Override
    public List<SantePasserelle> passerelles() {
        var passerelles = new ArrayList<SantePasserelle>();
        try (var it = streams.store(StoreQueryParameters.fromNameAndType(SanteCapteursTopology.STORE_PASSERELLES,
                QueryableStoreTypes.<String, SantePasserelle>keyValueStore())).all()) {
            it.forEachRemaining(kv -> passerelles.add(kv.value));
        } catch (InvalidStateStoreException e) {
            throw new StoreIndisponibleException("Gateway store not queryable yet: " + e.getMessage(), e);
        }
        return passerelles;
    }
}
