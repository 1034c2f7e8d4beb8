package fr.croisements.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;

/**
 * JSON (UTF-8) serde for records, built on Jackson.
 *
 * <p>{@code null} maps to {@code null} both ways, so tombstones pass through. Any failure is
 * thrown as a {@link SerializationException} naming the target type, which Kafka's
 * deserialization exception handlers know how to route. Unknown properties are ignored so that
 * a newer producer does not break an older consumer. Map entries are written sorted by key, so that
 * one value always gives the same bytes (Kafka Streams' foreign-key joins drop a result whose left
 * value's hash changed in between). Thread-safe.
 */
public final class JsonSerde<T> extends SerdeJackson<T> {

    /** The one mapper of the project: instants as ISO-8601 text, unknown fields tolerated. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // the same value always gives the same bytes: foreign-key joins compare hashes of them
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private JsonSerde(Class<T> type) {
        super(MAPPER, "JSON", type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }
}
