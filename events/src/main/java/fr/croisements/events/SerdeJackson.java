package fr.croisements.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde of one record type through a Jackson mapper: {@link JsonSerde} for the topics people
 * read, {@link BinaireSerde} for what only the pipeline reads. {@code null} maps to {@code null} both
 * ways, so tombstones pass through; any failure is a {@link SerializationException} naming the type and
 * the format, which Kafka's deserialization exception handlers know how to route. Thread-safe.
 */
public abstract sealed class SerdeJackson<T> implements Serde<T>, Serializer<T>, Deserializer<T>
        permits JsonSerde, BinaireSerde {

    private final ObjectMapper mapper;
    private final String format;
    private final Class<T> type;

    SerdeJackson(ObjectMapper mapper, String format, Class<T> type) {
        this.mapper = mapper;
        this.format = format;
        this.type = type;
    }

    /** The record class this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " as " + format, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + format + " on " + topic, e);
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
