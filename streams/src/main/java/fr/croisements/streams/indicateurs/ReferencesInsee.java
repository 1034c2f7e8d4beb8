package fr.croisements.streams.indicateurs;

import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;

import fr.croisements.events.IndicateurInsee;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The INSEE figures of every commune as a table, shared by the crossings of one topology.
 *
 * <p>A {@link KTable} rather than a {@code GlobalKTable}: joins on it are table joins, so a
 * re-imported row (new millésime, corrected figure) recomputes every dependent cell at once,
 * without restarting.
 */
public final class ReferencesInsee {

    public static final String STORE = "ref-insee-communes-store";

    private ReferencesInsee() {}

    public static KTable<String, IndicateurInsee> table(StreamsBuilder builder) {
        return builder.table(REF_INSEE_COMMUNES.name(),
                Consumed.with(REF_INSEE_COMMUNES.keySerde(), REF_INSEE_COMMUNES.valueSerde()).withName("ref-insee-source"),
                Materialized.as(STORE));
    }
}
