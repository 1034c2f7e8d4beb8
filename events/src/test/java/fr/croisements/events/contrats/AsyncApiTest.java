package fr.croisements.events.contrats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of the topics: the committed {@code docs/asyncapi.yaml} is the one the code
 * generates, every topic has its channel with its settings and an example that follows its schema, and a
 * wrong record is refused by that schema.
 *
 * <p>To write {@code docs/asyncapi.yaml} again after a record or a topic changed:
 * {@code mvn -B -ntp -pl events test -Dtest=AsyncApiTest -Dasyncapi.ecrire=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AsyncApiTest {

    private static final Path FICHIER = Path.of("../docs/asyncapi.yaml");
    private static final String COMMANDE = "mvn -B -ntp -pl events test -Dtest=AsyncApiTest -Dasyncapi.ecrire=true "
            + "-Dsurefire.failIfNoSpecifiedTests=false";

    private static final ObjectNode DOCUMENT = AsyncApi.document("localhost:9092", Indicateurs.INTEGRES);
    private static final ValidateurEnregistrements VALIDATEUR = ValidateurEnregistrements.pour(DOCUMENT);

    /** The document as committed: YAML, keys in the order the code writes them. */
    static String yaml(ObjectNode document) throws IOException {
        var mapper = new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES).build());
        return "# Généré par le code (fr.croisements.events.contrats.AsyncApi) : ne pas modifier à la main.\n"
                + "# Pour le régénérer : " + COMMANDE + "\n" + mapper.writeValueAsString(document);
    }

    @Test
    void theCommittedDocumentIsTheOneTheCodeGenerates() throws IOException {
        String genere = yaml(DOCUMENT);
        if (Boolean.getBoolean("asyncapi.ecrire")) {
            Files.writeString(FICHIER, genere, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FICHIER)).as("docs/asyncapi.yaml is missing; write it with: " + COMMANDE).isTrue();
        assertThat(Files.readString(FICHIER, StandardCharsets.UTF_8))
                .as("docs/asyncapi.yaml differs from the generated document (a record or a topic changed?); "
                        + "write it again with: " + COMMANDE)
                .isEqualTo(genere);
    }

    @Test
    void everyTopicHasItsChannelKeySettingsAndAnExampleThatFollowsItsSchema() {
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
        for (Topic<?, ?> topic : Topics.TOUS) {
            JsonNode canal = DOCUMENT.path("channels").path(topic.name());
            assertThat(canal.path("address").asText()).as(topic.name()).isEqualTo(topic.name());
            JsonNode reglages = canal.path("bindings").path("kafka").path("topicConfiguration");
            assertThat(reglages.path("cleanup.policy").get(0).asText()).as(topic.name())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            if (!topic.compacted()) {
                assertThat(reglages.path("retention.ms").asLong()).as(topic.name()).isEqualTo(-1);
            }
            JsonNode message = DOCUMENT.path("components").path("messages").path(topic.name());
            assertThat(message.path("bindings").path("kafka").path("key").path("description").asText()).as(topic.name())
                    .isNotBlank();
            JsonNode exemple = message.path("examples").path(0).path("payload");
            assertThat(exemple.isObject()).as("example of " + topic.name()).isTrue();
            assertThat(VALIDATEUR.erreurs(topic.name(), exemple.toString())).as("example of " + topic.name()).isEmpty();
            assertThat(DOCUMENT.path("operations").has("lire-" + topic.name())).as(topic.name()).isTrue();
        }
    }

    @Test
    void theSchemasFollowTheRecordsAsTheSerdeWritesThem() {
        var levee = new LeveeBac("abc", Instant.parse("2025-01-28T06:12:00Z"), 6.1, 48.7, "OMR", null, null, false);
        assertThat(VALIDATEUR.erreurs(Topics.DECHETS_LEVEES.name(), ValidateurEnregistrements.json(levee))).isEmpty();
        var secret = new Indicateur("taux-presentation-bacs", "54090", "commune", "Bouxières-aux-Dames",
                Instant.parse("2025-01-27T00:00:00Z"), Instant.parse("2025-02-03T00:00:00Z"), null, "%", null, 1797.0,
                null, null, Map.of(), null, true, true);
        assertThat(VALIDATEUR.erreurs(Topics.INDICATEURS_TAUX_PRESENTATION.name(), ValidateurEnregistrements.json(secret)))
                .isEmpty();
        JsonNode schema = DOCUMENT.path("components").path("schemas").path("LeveeBac");
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("idBac", "instant", "longitude", "latitude", "flux", "simule");
        assertThat(schema.path("properties").path("instant").path("format").asText()).isEqualTo("date-time");
    }

    @Test
    void aWrongRecordIsRefused() {
        String topic = Topics.DECHETS_LEVEES.name();
        String bonne = "{\"idBac\":\"abc\",\"instant\":\"2025-01-28T06:12:00Z\",\"longitude\":6.1,\"latitude\":48.7,"
                + "\"flux\":\"OMR\",\"poidsKg\":null,\"camion\":null,\"simule\":false}";
        assertThat(VALIDATEUR.erreurs(topic, bonne)).isEmpty();
        assertThat(VALIDATEUR.erreurs(topic, bonne.replace("\"idBac\":\"abc\",", "")))
                .as("missing bin id").singleElement().asString().contains("idBac");
        assertThat(VALIDATEUR.erreurs(topic, bonne.replace("\"latitude\":48.7", "\"latitude\":\"48,7\"")))
                .as("latitude as text").singleElement().asString().contains("latitude");
        assertThat(VALIDATEUR.erreurs(topic, bonne.replace("2025-01-28T06:12:00Z", "mardi matin")))
                .as("instant not ISO-8601").singleElement().asString().contains("instant");
        assertThat(VALIDATEUR.erreurs(topic, bonne.replace("\"flux\":\"OMR\"", "\"flux\":null")))
                .as("null waste stream").isNotEmpty();
        assertThat(VALIDATEUR.erreurs(Topics.REF_INSEE_COMMUNES.name(), bonne)).as("a lift is not an INSEE row")
                .isNotEmpty();
        assertThat(VALIDATEUR.erreurs(topic, "{pas du json")).singleElement().asString().startsWith("JSON illisible");
    }
}
