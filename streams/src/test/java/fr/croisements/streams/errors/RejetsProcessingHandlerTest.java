package fr.croisements.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class RejetsProcessingHandlerTest {

    @Test
    void turnsARecordThatMadeAProcessorThrowIntoARejetAndResumes() {
        var response = new RejetsProcessingHandler().handleError(context(), new Record<>("k", "v", 1_000L),
                new NullPointerException("batterie absente"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        var dlq = response.deadLetterQueueRecords().get(0);
        assertThat(dlq.topic()).isEqualTo(Topics.REJETS.name());
        Rejet rejet = Topics.REJETS.valueSerde().deserializer().deserialize("rejets", dlq.value());
        assertThat(rejet.position()).isEqualTo("lora-uplinks/1/7");
        assertThat(rejet.raison()).contains("sante-agreger").contains("batterie absente");
        assertThat(rejet.extrait()).isEqualTo("{\"devEui\":\"A1\"}");
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "lora-uplinks"; }
            @Override public int partition() { return 1; }
            @Override public long offset() { return 7; }
            @Override public Headers headers() { return null; }
            @Override public String processorNodeId() { return "sante-agreger"; }
            @Override public TaskId taskId() { return new TaskId(3, 1); }
            @Override public long timestamp() { return 1_000L; }
            @Override public byte[] sourceRawKey() { return null; }
            @Override public byte[] sourceRawValue() { return "{\"devEui\":\"A1\"}".getBytes(StandardCharsets.UTF_8); }
        };
    }
}
