package fr.croisements.streams.lora;

import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Uplinks too old for the daily windows still kept: judged before the windowed steps, on the task's
 * stream time, as {@code waste.LocaliserLevees} does for late lifts. Kafka Streams would drop such an
 * uplink in the windowed aggregation with only a log warning (issue #13); here it comes out with a
 * {@link Rejet} giving its reception time and the limit. An uplink passes when its day's window
 * ({@code fenetre} long, aligned on the epoch, i.e. UTC days) ends after stream time minus
 * {@code conservation}, the grace of the windows downstream.
 *
 * <p>Stream time downstream of a repartition is that of another task, at least as late as this one's
 * for the same records: an uplink judged here is almost always judged alike there; the rare one
 * that is not is still dropped by Kafka Streams with its warning.
 */
final class UplinksTropAnciens implements FixedKeyProcessor<String, LoraUplink, UplinksTropAnciens.Juge> {

    /** An uplink, or the reject saying why it is too old (then {@code uplink} is still given, for its key). */
    record Juge(LoraUplink uplink, Rejet rejet) {}

    private final long fenetre;
    private final long conservation;
    private FixedKeyProcessorContext<String, Juge> context;

    UplinksTropAnciens(Duration fenetre, Duration conservation) {
        this.fenetre = fenetre.toMillis();
        this.conservation = conservation.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Juge> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, LoraUplink> record) {
        LoraUplink uplink = record.value();
        if (uplink == null) {
            context.forward(record.withValue(new Juge(null, null)));
            return;
        }
        long debut = record.timestamp() - Math.floorMod(record.timestamp(), fenetre);
        long limite = context.currentStreamTimeMs() - conservation;
        if (debut + fenetre <= limite) {
            long premierGarde = limite - Math.floorMod(limite, fenetre);
            String raison = "trop ancien pour les fenêtres conservées (uplink reçu le " + Instant.ofEpochMilli(record.timestamp())
                    + " ; limite : " + Instant.ofEpochMilli(premierGarde) + ", les jours étant gardés "
                    + Duration.ofMillis(conservation).toDays() + " jours après l'uplink le plus récent lu, du "
                    + Instant.ofEpochMilli(context.currentStreamTimeMs()) + ")";
            String source = context.recordMetadata().map(m -> m.topic()).orElse("inconnue");
            String position = context.recordMetadata().map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                    .orElse("inconnue") + " (DevEUI " + uplink.devEui() + ")";
            String extrait = new String(JsonSerde.of(LoraUplink.class).serialize(source, uplink), StandardCharsets.UTF_8);
            context.forward(record.withValue(new Juge(uplink,
                    new Rejet(source, position, raison, extrait, Instant.ofEpochMilli(record.timestamp())))));
            return;
        }
        context.forward(record.withValue(new Juge(uplink, null)));
    }
}
