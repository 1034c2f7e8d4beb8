package fr.croisements.streams.indicateurs;

import static fr.croisements.events.Topics.REF_PARKINGS;

import fr.croisements.events.ParcStationnement;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;

/** The car parks as a table keyed by car park id, shared by the parking crossings of one topology. */
public final class ReferencesParkings {

    public static final String STORE = "ref-parkings-store";

    private ReferencesParkings() {}

    public static KTable<String, ParcStationnement> table(StreamsBuilder builder) {
        return builder.table(REF_PARKINGS.name(),
                Consumed.with(REF_PARKINGS.keySerde(), REF_PARKINGS.valueSerde()).withName("ref-parkings-source"),
                Materialized.as(STORE));
    }
}
