package fr.croisements.streams.indicateurs;

import static fr.croisements.events.Topics.REF_PARKINGS;

import fr.croisements.events.ParcStationnement;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The car parks as a table keyed by car park id, shared by the parking crossings of one topology.
 *
 * <p>Its records are read with timestamp 0, "known since always": Kafka Streams processes a stream
 * and a table in timestamp order, so a car park published today would otherwise be unknown to the
 * observations of the past that a replay or a simulation sends, and they would all be rejected.
 */
public final class ReferencesParkings {

    public static final String STORE = "ref-parkings-store";

    private ReferencesParkings() {}

    public static KTable<String, ParcStationnement> table(StreamsBuilder builder) {
        return builder.table(REF_PARKINGS.name(),
                Consumed.with(REF_PARKINGS.keySerde(), REF_PARKINGS.valueSerde())
                        .withTimestampExtractor((record, partitionTime) -> 0L).withName("ref-parkings-source"),
                Materialized.as(STORE));
    }
}
