package fr.croisements.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.SmileParser;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

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
public final class BinaireSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

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

    private final Class<T> type;

    private BinaireSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> BinaireSerde<T> of(Class<T> type) {
        return new BinaireSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " as Smile", e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return MAPPER.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from Smile on " + topic, e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
