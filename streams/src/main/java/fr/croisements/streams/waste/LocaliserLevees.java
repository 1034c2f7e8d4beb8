package fr.croisements.streams.waste;

import fr.croisements.events.JsonSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.SemainesIso;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Locates each lift in its commune and tells whether its bin is new in the ISO week.
 *
 * <p>Runs on the input partitioning (key = pseudonymised bin id), so one bin is always seen by the
 * same task. A window store ({@value #STORE}) remembers the bins lifted per week, for the week and
 * its grace period. A lift outside every commune, or arriving after its week's grace period
 * (which the windowed count downstream would silently drop), comes out with a {@link Rejet}
 * naming the topic, partition and offset.
 */
final class LocaliserLevees implements FixedKeyProcessor<String, LeveeBac, LeveeLocalisee> {

    static final String STORE = "bacs-leves-par-semaine";

    private final CommuneLocator locator;
    private final Duration grace;
    private FixedKeyProcessorContext<String, LeveeLocalisee> context;
    private WindowStore<String, Long> bacsLeves;

    LocaliserLevees(CommuneLocator locator, Duration grace) {
        this.locator = locator;
        this.grace = grace;
    }

    static StoreBuilder<WindowStore<String, Long>> store(Duration grace) {
        Duration semaine = Duration.ofMillis(SemainesIso.SEMAINE_MS);
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, semaine.plus(grace), semaine, false),
                Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, LeveeLocalisee> context) {
        this.context = context;
        this.bacsLeves = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, LeveeBac> record) {
        LeveeBac levee = record.value();
        if (levee == null) {
            return; // tombstone: nothing to count
        }
        long semaine = SemainesIso.debut(record.timestamp());
        if (semaine + SemainesIso.SEMAINE_MS + grace.toMillis() <= context.currentStreamTimeMs()) {
            rejeter(record, "levée arrivée trop tard : sa semaine est close depuis plus de "
                    + grace.toHours() + " h");
            return;
        }
        var code = locator.codeInseeAt(levee.longitude(), levee.latitude());
        if (code.isEmpty()) {
            rejeter(record, String.format(Locale.ROOT,
                    "levée hors de toute commune du territoire (longitude %s, latitude %s)",
                    levee.longitude(), levee.latitude()));
            return;
        }
        boolean nouveau = bacsLeves.fetch(levee.idBac(), semaine) == null;
        if (nouveau) {
            bacsLeves.put(levee.idBac(), 1L, semaine);
        }
        context.forward(record.withValue(new LeveeLocalisee(code.get(), levee, nouveau, null)));
    }

    private void rejeter(FixedKeyRecord<String, LeveeBac> record, String raison) {
        String position = context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                .orElse("inconnue");
        String source = context.recordMetadata().map(m -> m.topic()).orElse("inconnue");
        String extrait = new String(JsonSerde.of(LeveeBac.class).serialize(source, record.value()),
                java.nio.charset.StandardCharsets.UTF_8);
        Rejet rejet = new Rejet(source, position, raison, extrait, Instant.ofEpochMilli(record.timestamp()));
        context.forward(record.withValue(new LeveeLocalisee(null, record.value(), false, rejet)));
    }
}
