package fr.croisements.events.contrats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates records as they are written on a topic against the schema the AsyncAPI document gives that
 * topic's messages (networknt's validator, JSON Schema draft-07, formats such as {@code date-time} asserted).
 * Shared with the tests of streams and app through the events' test jar. Thread-safe.
 */
public final class ValidateurEnregistrements {

    private final ObjectNode document;
    private final Map<String, Schema> parTopic = new ConcurrentHashMap<>();
    private final SchemaRegistry registre = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .locale(java.util.Locale.FRENCH).build()));

    private ValidateurEnregistrements(ObjectNode document) {
        this.document = document;
    }

    /** Against the document of the built-in topics. */
    public static ValidateurEnregistrements integre() {
        return new ValidateurEnregistrements(AsyncApi.document("localhost:9092", Indicateurs.INTEGRES));
    }

    /** Against a document (e.g. the one a server serves). */
    public static ValidateurEnregistrements pour(ObjectNode document) {
        return new ValidateurEnregistrements(document);
    }

    /** Whether the document describes {@code topic}. */
    public boolean connait(String topic) {
        return document.path("channels").has(topic);
    }

    /**
     * The errors of the value {@code json} written on {@code topic}, one line each with the property at fault;
     * empty when it follows the schema.
     *
     * @throws IllegalArgumentException for a topic the document does not describe
     */
    public List<String> erreurs(String topic, String json) {
        JsonNode valeur;
        try {
            valeur = JsonSerde.MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of("JSON illisible : " + e.getMessage());
        }
        return parTopic.computeIfAbsent(topic, this::schema).validate(valeur).stream()
                .map(e -> e.getInstanceLocation() + " : " + e.getMessage()).toList();
    }

    private Schema schema(String topic) {
        if (!connait(topic)) {
            throw new IllegalArgumentException("topic absent du document AsyncAPI : " + topic);
        }
        String message = document.path("channels").path(topic).path("messages").elements().next().path("$ref").asText();
        String nom = message.substring(message.lastIndexOf('/') + 1);
        String charge = document.path("components").path("messages").path(nom).path("payload").path("$ref").asText();
        // one draft-07 schema whose "definitions" are the document's schemas, references moved there with them
        String prefixe = "#/" + SchemasEnregistrements.CHEMIN + "/";
        String definitions = document.path("components").path("schemas").toString().replace(prefixe, "#/definitions/");
        ObjectNode enveloppe = JsonSerde.MAPPER.createObjectNode();
        enveloppe.put("$schema", "http://json-schema.org/draft-07/schema#");
        enveloppe.put("$ref", charge.replace(prefixe, "#/definitions/"));
        try {
            enveloppe.set("definitions", JsonSerde.MAPPER.readTree(definitions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return registre.getSchema(enveloppe);
    }

    /** The value of {@code valeur} as the project's serde writes it. */
    public static String json(Object valeur) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(valeur);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
