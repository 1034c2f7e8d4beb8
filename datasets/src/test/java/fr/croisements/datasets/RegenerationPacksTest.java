package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** THE regeneration check: the shipped packs are exactly what the importer makes from the official files. */
@DonneesOfficiellesRequises
class RegenerationPacksTest {

    static final String COMMANDE = "./croisements import --depuis ../shared/datasets"
            + " --vers datasets/src/main/resources/fr/croisements/datasets/territoires";

    private static Map<String, String> generes;

    @BeforeAll
    static void generer() {
        generes = TerritoireImporter.generer(DonneesOfficielles.dossier());
    }

    @Test
    void generates_one_pack_per_shipped_territory() {
        assertThat(generes.keySet()).containsExactlyElementsOf(Territoires.ids());
    }

    @Test
    void shipped_packs_are_byte_for_byte_what_the_importer_generates() {
        for (var pack : generes.entrySet()) {
            assertThat(Territoires.texte(pack.getKey()))
                    .as("Territory pack %s is stale or hand-edited: regenerate the packs with `%s`, then commit them",
                            pack.getKey(), COMMANDE)
                    .isEqualTo(pack.getValue());
        }
    }

    @Test
    void generating_twice_gives_the_same_text() {
        assertThat(TerritoireImporter.generer(DonneesOfficielles.dossier())).isEqualTo(generes);
    }

    @Test
    void ecrire_writes_each_pack_as_utf8_file_named_after_its_id(@TempDir Path dossier) throws Exception {
        var fichiers = TerritoireImporter.ecrire(DonneesOfficielles.dossier(), dossier.resolve("packs"));

        assertThat(fichiers).extracting(p -> p.getFileName().toString())
                .containsExactly("antony.geojson", "bassin-de-pompey.geojson", "grand-poitiers.geojson", "la-rochelle.geojson");
        for (Path fichier : fichiers) {
            String id = fichier.getFileName().toString().replace(".geojson", "");
            assertThat(Files.readString(fichier, StandardCharsets.UTF_8)).isEqualTo(generes.get(id));
        }
    }

    @Test
    void packs_are_compact_and_use_unix_line_endings() {
        int total = generes.values().stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(total).isLessThan(300 * 1024);
        assertThat(generes.values()).allSatisfy(t -> assertThat(t).doesNotContain("\r").endsWith("}\n"));
    }
}
