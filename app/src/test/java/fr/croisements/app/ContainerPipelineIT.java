package fr.croisements.app;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same pipeline contract on the official Apache Kafka image, where Docker exists. Without
 * Docker (as on CI here) JUnit reports the class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT extends PipelineContract {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.0.0");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
