package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the list of decoders of {@code ingest/README.md} (§4.3) true to the registry: every model the
 * registry decodes is named in the table of models, and the table names no model the registry does
 * not know. A decoder added without its line in the README fails here.
 */
class ReadmeDecodeursTest {

    @Test
    void theReadmeTableOfDecodersNamesExactlyTheModelsOfTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int debut = readme.indexOf("| modèle (`--modele`");
        int fin = readme.indexOf("\n\n", debut);
        assertThat(debut).as("the table of models in ingest/README.md §4.3").isPositive();
        String table = readme.substring(debut, fin);
        var nommes = new java.util.TreeSet<String>();
        var code = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)+)`").matcher(table);
        while (code.find()) {
            nommes.add(code.group(1));
        }

        assertThat(nommes).containsExactlyInAnyOrderElementsOf(DecodeurRegistre.standard().modeles());
    }
}
