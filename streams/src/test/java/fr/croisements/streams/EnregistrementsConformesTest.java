package fr.croisements.streams;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.contrats.ValidateurEnregistrements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every record of {@code cellules-avant-portage.jsonl}, the output of the seven crossings pinned by
 * {@link CroisementsInchangesTest} (cells, device health, rejects), follows the JSON Schema the AsyncAPI
 * document ({@code docs/asyncapi.yaml}) gives its topic.
 */
class EnregistrementsConformesTest {

    private static final Path ATTENDU = Path.of("src/test/resources/cellules-avant-portage.jsonl");

    @Test
    void everyRecordThePipelineWritesFollowsTheSchemaOfItsTopic() throws IOException {
        var validateur = ValidateurEnregistrements.integre();
        List<String> lignes = Files.readAllLines(ATTENDU, StandardCharsets.UTF_8);
        List<String> erreurs = new ArrayList<>();
        Set<String> topics = new TreeSet<>();
        int numero = 0;
        for (String ligne : lignes) {
            numero++;
            // "topic key json": the key never holds " {", the JSON value starts there
            String topic = ligne.substring(0, ligne.indexOf(' '));
            String json = ligne.substring(ligne.indexOf(" {") + 1);
            topics.add(topic);
            String ou = ATTENDU.getFileName() + ":" + numero + " (" + topic + ") ";
            validateur.erreurs(topic, json).forEach(e -> erreurs.add(ou + e));
        }
        assertThat(numero).as("records checked").isEqualTo(lignes.size()).isGreaterThan(800);
        assertThat(topics).as("every output topic of the golden file was checked").contains("rejets",
                "lora-sante-capteurs", "indicateurs-taux-presentation-bacs", "indicateurs-occupation-parkings");
        assertThat(erreurs).isEmpty();
    }
}
