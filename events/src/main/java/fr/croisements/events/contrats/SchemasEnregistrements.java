package fr.croisements.events.contrats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.naming.CleanSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import fr.croisements.events.JsonSerde;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas (draft-07, the dialect of AsyncAPI 3.0's default schema format) of the records written
 * on the topics, generated from the Java records themselves with victools' generator and its Jackson
 * module, so that they follow the records as {@link JsonSerde} writes them and cannot drift from them.
 *
 * <p>Rules: every component is a property, under its Jackson name; instants are {@code date-time} strings;
 * maps are objects whose values follow the value type; a primitive component or one marked {@link Requis}
 * is required and never {@code null}; any other component may be absent or {@code null}. Further properties
 * are allowed, since {@link JsonSerde} ignores unknown ones (a newer producer does not break an older
 * consumer). Types used by several records (e.g. {@code Source}) are defined once.
 * Pure and thread-safe.
 */
public final class SchemasEnregistrements {

    /** Where the definitions go in the AsyncAPI document, and where the references point. */
    public static final String CHEMIN = "components/schemas";

    private SchemasEnregistrements() {}

    /**
     * The schemas of {@code types} and of every type they use, by name (the simple class name), as
     * {@code #/components/schemas/<nom>} references between them.
     *
     * @return the definitions, then the reference to each of {@code types} by its class
     */
    public static Definitions generer(List<Class<?>> types) {
        SchemaGenerator generateur = new SchemaGenerator(configuration());
        var constructeur = generateur.buildMultipleSchemaDefinitions();
        Map<Class<?>, ObjectNode> references = new LinkedHashMap<>();
        for (Class<?> type : types) {
            references.put(type, constructeur.createSchemaReference(type));
        }
        ObjectNode definitions = constructeur.collectDefinitions(CHEMIN);
        return new Definitions(definitions, references);
    }

    /**
     * The generated definitions.
     *
     * @param schemas every schema by name
     * @param references the reference ({@code {"$ref": …}}) of each type asked for
     */
    public record Definitions(ObjectNode schemas, Map<Class<?>, ObjectNode> references) {

        /** The name under which {@code type}'s schema is defined. */
        public String nom(Class<?> type) {
            String ref = references.get(type).path("$ref").asText();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
    }

    private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig configuration() {
        var config = new SchemaGeneratorConfigBuilder(JsonSerde.MAPPER, SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                // every record gets its own definition, so each payload is a reference to a named schema
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // AsyncAPI component names allow letters, digits, '.', '-' and '_' only: Map(String,Source) becomes MapStringSource
        config.forTypesInGeneral().withDefinitionNamingStrategy(new CleanSchemaDefinitionNamingStrategy(
                new DefaultSchemaDefinitionNamingStrategy(), nom -> nom.replaceAll("[^A-Za-z0-9.\\-_]", "")));
        config.forFields().withRequiredCheck(SchemasEnregistrements::requis);
        config.forFields().withNullableCheck(champ -> !requis(champ));
        return config.build();
    }

    private static boolean requis(FieldScope champ) {
        return champ.getType().isPrimitive() || champ.getAnnotationConsideringFieldAndGetter(Requis.class) != null;
    }
}
