package fr.croisements.streams.errors;

import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record that cannot be read (a poison pill) into a {@link Rejet} on the rejects topic and
 * goes on. Like Kafka's {@code LogAndContinueExceptionHandler}, it logs task, topic, partition and
 * offset; unlike it, the record is kept, with the reason, through the dead-letter records of
 * KIP-1034, written in the same transaction as the task's output.
 */
public final class RejetsDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RejetsDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String position = record.topic() + "/" + record.partition() + "/" + record.offset();
        log.warn("Unreadable record in task {} at {}: {}", context.taskId(), position, exception.getMessage());
        String extrait = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        String cause = exception.getCause() != null ? exception.getCause().getMessage() : exception.getMessage();
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null; // -1: no timestamp
        Rejet rejet = new Rejet(record.topic(), position, "enregistrement illisible : " + firstLine(cause), extrait,
                timestamp == null ? Instant.now() : Instant.ofEpochMilli(timestamp));
        var dlq = new ProducerRecord<>(Topics.REJETS.name(), null, timestamp,
                Topics.REJETS.keySerde().serializer().serialize(Topics.REJETS.name(), record.topic()),
                Topics.REJETS.valueSerde().serializer().serialize(Topics.REJETS.name(), rejet));
        return Response.resume(List.of(dlq));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "format inconnu";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
