package fr.croisements.app;

import fr.croisements.app.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pipeline contract on the embedded KRaft broker, one broker for the class. */
class EmbeddedPipelineIT extends PipelineContract {

    private static Path dossier;
    private static EmbeddedKafka broker;

    @BeforeAll
    static void demarrerBroker() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-kafka");
        broker = EmbeddedKafka.start(dossier, true, 0);
    }

    @AfterAll
    static void arreterBroker() {
        broker.close();
        Dossiers.effacerSansErreur(dossier);
    }

    @Override
    String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
