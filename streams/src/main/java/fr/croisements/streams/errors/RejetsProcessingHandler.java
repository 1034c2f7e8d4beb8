package fr.croisements.streams.errors;

import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on which a processor throws (a bug, or data no one foresaw) becomes a {@link Rejet}
 * naming the processor, the source topic, partition and offset, and the exception; processing
 * goes on. Without it, the stream thread would die on the record, be replaced, and die again.
 */
public final class RejetsProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RejetsProcessingHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String position = context.topic() + "/" + context.partition() + "/" + context.offset();
        log.error("Processor {} failed on the record at {} (task {}); sent to {}", context.processorNodeId(), position,
                context.taskId(), Topics.REJETS.name(), exception);
        byte[] brut = context.sourceRawValue();
        Rejet rejet = new Rejet(context.topic(), position, "erreur de traitement dans l'étape « " + context.processorNodeId()
                + " » : " + exception, brut == null ? null : new String(brut, StandardCharsets.UTF_8),
                Instant.ofEpochMilli(Math.max(0, context.timestamp())));
        var dlq = new ProducerRecord<>(Topics.REJETS.name(), null, Math.max(0, context.timestamp()),
                Topics.REJETS.keySerde().serializer().serialize(Topics.REJETS.name(), context.topic()),
                Topics.REJETS.valueSerde().serializer().serialize(Topics.REJETS.name(), rejet));
        return Response.resume(List.of(dlq));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
