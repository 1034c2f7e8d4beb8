package fr.croisements.streams.lora;

import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.kstream.ValueJoiner;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the daily LoRaWAN crossings share: their per-commune, per-day table joined by foreign key
 * to the commune's INSEE row, so that a re-imported row recomputes every day of the commune.
 */
final class JoursParCommune {

    private JoursParCommune() {}

    /**
     * @param prefixe names the join ({@code <prefixe>-joindre-insee}) and its updates
     * @param store the store of the joined values
     */
    static <V, J> KStream<Windowed<String>, J> avecInsee(KTable<Windowed<String>, V> jours,
            KTable<String, IndicateurInsee> insee, ValueJoiner<V, IndicateurInsee, J> joindre, Class<J> type,
            String prefixe, String store) {
        return jours
                .leftJoin(insee, (jour, valeur) -> jour.key(), joindre, TableJoined.as(prefixe + "-joindre-insee"),
                        Materialized.<Windowed<String>, J, KeyValueStore<Bytes, byte[]>>as(store)
                                .withKeySerde(WindowedSerdes.timeWindowedSerdeFrom(String.class, Duration.ofDays(1).toMillis()))
                                .withValueSerde(JsonSerde.of(type)))
                .toStream(Named.as(prefixe + "-jours-mis-a-jour"));
    }
}
