package fr.croisements.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.SmileParser;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Binary serde for what only the pipeline reads: repartition topics and state stores (and their
 * changelogs). Smile, Jackson's binary JSON: the same records and annotations as {@link JsonSerde},
 * without the cost of writing and parsing text (numbers and instants are binary, field names are
 * shared back-references). The topics that people and other programs read stay in JSON
 * ({@link JsonSerde}): this format is not a contract, and changing it means resetting the pipeline's
 * state (`--reset`).
 *
 * <p>Same rules as {@link JsonSerde}: {@code null} both ways, failures as {@link SerializationException}
 * naming the type, unknown properties ignored, map entries sorted so that one value always gives the
 * same bytes (foreign-key joins compare hashes). Thread-safe.
 */
public final class BinaireSerde<T> extends SerdeJackson<T> {

    static final ObjectMapper MAPPER = SmileMapper.builder(SmileFactory.builder()
                    // no header: four bytes saved on every record, each topic has one format
                    .disable(SmileGenerator.Feature.WRITE_HEADER)
                    .disable(SmileParser.Feature.REQUIRE_HEADER)
                    .build())
            .addModule(new JavaTimeModule())
            // instants as numbers: no date text to format and parse
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private BinaireSerde(Class<T> type) {
        super(MAPPER, "Smile", type);
    }

    public static <T> BinaireSerde<T> of(Class<T> type) {
        return new BinaireSerde<>(type);
    }
}
