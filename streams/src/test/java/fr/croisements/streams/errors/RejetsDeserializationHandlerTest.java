package fr.croisements.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class RejetsDeserializationHandlerTest {

    @Test
    void turnsAnUnreadableRecordIntoARejetOnTheRejectsTopicAndResumes() {
        byte[] valeur = "{pas du json".getBytes(StandardCharsets.UTF_8);
        var record = new ConsumerRecord<>("dechets-levees", 2, 41L, "k".getBytes(StandardCharsets.UTF_8), valeur);
        var response = new RejetsDeserializationHandler().handleError(context(), record,
                new SerializationException("Cannot read LeveeBac from JSON on dechets-levees", new RuntimeException("Unexpected character")));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        var dlq = response.deadLetterQueueRecords().get(0);
        assertThat(dlq.topic()).isEqualTo(Topics.REJETS.name());
        Rejet rejet = Topics.REJETS.valueSerde().deserializer().deserialize("rejets", dlq.value());
        assertThat(rejet.source()).isEqualTo("dechets-levees");
        assertThat(rejet.position()).isEqualTo("dechets-levees/2/41");
        assertThat(rejet.raison()).isEqualTo("enregistrement illisible : Unexpected character");
        assertThat(rejet.extrait()).isEqualTo("{pas du json");
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "dechets-levees"; }
            @Override public int partition() { return 2; }
            @Override public long offset() { return 41; }
            @Override public Headers headers() { return null; }
            @Override public String processorNodeId() { return "levees-source"; }
            @Override public TaskId taskId() { return new TaskId(0, 2); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return null; }
            @Override public byte[] sourceRawValue() { return null; }
        };
    }
}
