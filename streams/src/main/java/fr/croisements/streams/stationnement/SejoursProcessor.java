package fr.croisements.streams.stationnement;

import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Rejet;
import fr.croisements.events.SejourPlace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Runs {@link MachineSejours} on each space's uplinks (key = DevEUI, on the input partitioning: a
 * space is always seen by the same task), with the state of each space in {@value #STORE}. Every
 * {@link #VERIFICATION} of stream time, closes the stays of the spaces never freed.
 *
 * <p>Out (key = DevEUI): a {@link FaitPlace} for a space seen for the first time, for each stay
 * closed, and for each frame refused (out of order, or without position).
 */
final class SejoursProcessor implements Processor<String, LoraUplink, String, FaitPlace> {

    static final String STORE = "stationnement-etat-places";
    static final Duration VERIFICATION = Duration.ofHours(1);
    static final String OCCUPATION = "occupation";
    static final String DUREE_ETAT_PRECEDENT = "duree_etat_precedent";

    private ProcessorContext<String, FaitPlace> context;
    private KeyValueStore<String, EtatPlace> etats;

    static StoreBuilder<KeyValueStore<String, EtatPlace>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                JsonSerde.of(EtatPlace.class));
    }

    @Override
    public void init(ProcessorContext<String, FaitPlace> context) {
        this.context = context;
        this.etats = context.getStateStore(STORE);
        context.schedule(VERIFICATION, PunctuationType.STREAM_TIME, this::cloturerLesPlacesJamaisLiberees);
    }

    @Override
    public void process(Record<String, LoraUplink> record) {
        LoraUplink u = record.value();
        Mesure occupation = u == null ? null : u.mesures().get(OCCUPATION);
        if (occupation == null) {
            return;
        }
        String place = record.key();
        if (u.position() == null) {
            rejeter(record, "capteur de place sans position : ajoutez-le au fichier des appareils avec sa longitude et sa latitude");
            return;
        }
        Mesure duree = u.mesures().get(DUREE_ETAT_PRECEDENT);
        var o = new Observation(u.instant(), occupation.valeur() >= 0.5, u.fCnt(), duree == null ? null : duree.valeur());
        EtatPlace avant = etats.get(place);
        var r = MachineSejours.appliquer(place, avant, o, u.position().longitude(), u.position().latitude(), u.simule());
        if (r.refus() != null) {
            rejeter(record, r.refus());
            return;
        }
        etats.put(place, r.etat());
        if (avant == null) {
            context.forward(new Record<>(place, FaitPlace.nouvellePlace(place, u.position().longitude(),
                    u.position().latitude(), u.simule()), record.timestamp()));
        }
        for (SejourPlace s : r.sejours()) {
            context.forward(new Record<>(place, FaitPlace.de(s), record.timestamp()));
        }
    }

    private void cloturerLesPlacesJamaisLiberees(long tempsFlux) {
        var clotures = new ArrayList<KeyValue<String, MachineSejours.Resultat>>();
        try (var it = etats.all()) {
            it.forEachRemaining(kv -> {
                var r = MachineSejours.cloturer(kv.key, kv.value, Instant.ofEpochMilli(tempsFlux));
                if (!r.sejours().isEmpty()) {
                    clotures.add(KeyValue.pair(kv.key, r));
                }
            });
        }
        for (var kv : clotures) {
            etats.put(kv.key, kv.value.etat());
            kv.value.sejours().forEach(s -> context.forward(new Record<>(kv.key, FaitPlace.de(s), tempsFlux)));
        }
    }

    private void rejeter(Record<String, LoraUplink> record, String raison) {
        String source = context.recordMetadata().map(m -> m.topic()).orElse("lora-uplinks");
        String position = context.recordMetadata().map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                .orElse("DevEUI " + record.key());
        String extrait = new String(JsonSerde.of(LoraUplink.class).serialize(source, record.value()), StandardCharsets.UTF_8);
        var rejet = new Rejet(source, position, raison, extrait, record.value().instant());
        context.forward(new Record<>(record.key(), new FaitPlace(record.key(), 0, 0, record.value().simule(), null, rejet),
                record.timestamp()));
    }
}
