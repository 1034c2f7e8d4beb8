package fr.croisements.streams;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.ConfigurationKafka;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The properties of {@code --config} come over the built-in settings, and the command line's over the file's. */
class StreamsSettingsTest {

    private final StreamsSettings reglages = new StreamsSettings("kafka1:9092", "croisements-ville", Path.of("etat"), 3,
            "instance-1:7070", 1, 2);

    @AfterEach
    void oublier() {
        ConfigurationKafka.oublier();
    }

    @Test
    void theFilesPropertiesReachKafkaStreamsOverTheBuiltInSettings() {
        ConfigurationKafka.utiliser(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000"));

        var props = reglages.toProperties();

        assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void theCommandLinesOwnSettingsWinOverTheFile() {
        ConfigurationKafka.utiliser(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "autre", StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                "8", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "ailleurs:9092", StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0"));

        var props = reglages.toProperties();

        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("croisements-ville");
        assertThat(props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
        assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("kafka1:9092");
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("instance-1:7070");
        assertThat(reglages.avecApplicationId("croisements-ville-fichier-x").threads()).isEqualTo(2);
    }

    @Test
    void withoutAFileNothingIsAdded() {
        assertThat(reglages.toProperties()).doesNotContainKey("security.protocol");
    }
}
