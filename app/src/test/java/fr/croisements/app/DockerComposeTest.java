package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** Docker is not available here: this checks that docker-compose.yml agrees with the real command line. */
class DockerComposeTest {

    private static final Path RACINE = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String nom) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(RACINE.resolve("docker-compose.yml")));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(nom);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApplicationServiceRunsOptionsThatTheCommandLineAccepts() throws IOException {
        List<String> commande = (List<String>) service("croisements").get("command");
        var ligne = new CommandLine(new Croisements());
        var resultat = ligne.parseArgs(commande.toArray(String[]::new));

        var run = resultat.subcommand();
        assertThat(run.commandSpec().name()).isEqualTo("run");
        RunCommand options = (RunCommand) run.commandSpec().userObject();
        assertThat(options.simuler).isTrue();
        assertThat(options.bootstrapServers).isEqualTo("kafka:9092");
        assertThat((List<String>) service("croisements").get("ports")).containsExactly(options.port + ":" + options.port);
        assertThat(Files.readString(RACINE.resolve("Dockerfile"))).contains("EXPOSE " + options.port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrokerIsTheOfficialImageInKraftModeAdvertisingWhatTheApplicationUses() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(env.get("KAFKA_LOG_RETENTION_MS")).isEqualTo(-1);
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo(1);
        List<String> commande = (List<String>) service("croisements").get("command");
        assertThat(commande.get(commande.indexOf("--bootstrap-servers") + 1)).isEqualTo("kafka:9092");
    }

    @Test
    void theImageRunsTheShadedJarThatTheBuildProduces() throws IOException {
        String dockerfile = Files.readString(RACINE.resolve("Dockerfile"));
        String pom = Files.readString(RACINE.resolve("app/pom.xml"));
        assertThat(pom).contains("<finalName>croisements</finalName>")
                .contains("<mainClass>fr.croisements.app.Croisements</mainClass>");
        assertThat(dockerfile).contains("/src/app/target/croisements.jar");
        assertThat(Files.readString(RACINE.resolve("croisements"))).contains("app/target/croisements.jar");
    }
}
