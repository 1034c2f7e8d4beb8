package fr.croisements.streams.stationnement;

import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds up the stays of each IRIS (key = code IRIS, after the repartition) per hour and per day
 * ({@value #PERIODES}, key {@code <IRIS>|H|<hour>} or {@code <IRIS>|J|<day>}) and keeps the spaces of
 * each IRIS ({@value #PLACES}). On each stay, emits the updated cell of every period it touches
 * (emit on update: a late departure updates the past hours). Out: key = code IRIS, value = a cell
 * of {@code occupation-voirie} or {@code rotation-stationnement}.
 */
final class VoirieProcessor implements Processor<String, FaitLocalise, String, Indicateur> {

    static final String PERIODES = "stationnement-voirie-periodes";
    static final String PLACES = "stationnement-voirie-places";

    private ProcessorContext<String, Indicateur> context;
    private KeyValueStore<String, Periode> periodes;
    private KeyValueStore<String, List<String>> places;

    static List<StoreBuilder<?>> stores() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERIODES), Serdes.String(), JsonSerde.of(Periode.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLACES), Serdes.String(),
                        Serdes.ListSerde(ArrayList.class, Serdes.String())));
    }

    @Override
    public void init(ProcessorContext<String, Indicateur> context) {
        this.context = context;
        this.periodes = context.getStateStore(PERIODES);
        this.places = context.getStateStore(PLACES);
    }

    @Override
    public void process(Record<String, FaitLocalise> record) {
        FaitLocalise f = record.value();
        String iris = record.key();
        List<String> connues = places.get(iris);
        var ensemble = new TreeSet<String>(connues == null ? List.of() : connues);
        if (ensemble.add(f.fait().place())) {
            places.put(iris, new ArrayList<>(ensemble));
        }
        if (f.fait().sejour() == null) {
            return;
        }
        for (var e : CompteVoirie.contributions(f.fait().sejour()).entrySet()) {
            String cle = iris + "|" + e.getKey();
            Periode avant = periodes.get(cle);
            Periode apres = avant == null ? e.getValue() : avant.plus(e.getValue());
            periodes.put(cle, apres);
            context.forward(new Record<>(iris, CompteVoirie.cellule(iris, e.getKey(), apres, ensemble.size(), f.insee()),
                    record.timestamp()));
        }
    }
}
