package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.croisements.events.ParcStationnement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * THE regeneration check of the car-park packs: the shipped packs are exactly what {@link ParkingImporter}
 * makes from the official schema-stationnement files. Skipped, saying so, where those files are not at hand
 * (a fresh clone without {@code ../shared}): the packs themselves are checked by {@link ParkingsTest}.
 */
class RegenerationPacksParkingsTest {

    static final String COMMANDE = "./croisements import --parkings --depuis ../shared/datasets";

    private static Path officiels;
    private static Map<String, String> generes;

    @BeforeAll
    static void generer() {
        officiels = DonneesOfficielles.dossier();
        Path parking = officiels.resolve(ParkingImporter.DOSSIER_OFFICIEL);
        if (ParkingImporter.FICHIERS_OFFICIELS.keySet().stream().allMatch(f -> Files.isRegularFile(parking.resolve(f)))) {
            generes = ParkingImporter.generer(officiels);
        }
    }

    /** Per test, so that each one is reported skipped with the reason (an assumption in @BeforeAll reports none). */
    @BeforeEach
    void exigerLesFichiersOfficiels() {
        assumeTrue(generes != null, () -> "Official car-park files " + ParkingImporter.FICHIERS_OFFICIELS.keySet()
                + " not found in " + officiels.resolve(ParkingImporter.DOSSIER_OFFICIEL) + " (system property "
                + TerritoireImporter.PROPRIETE_DOSSIER + "): the car-park packs are not regenerated; the shipped packs"
                + " are still checked by ParkingsTest");
    }

    @Test
    void generates_one_pack_per_shipped_territory_that_has_car_parks() {
        assertThat(generes.keySet()).containsExactlyElementsOf(Parkings.ids());
    }

    @Test
    void shipped_packs_are_byte_for_byte_what_the_importer_generates() {
        for (var pack : generes.entrySet()) {
            assertThat(Parkings.texte(pack.getKey()))
                    .as("Car-park pack %s is stale or hand-edited: regenerate the packs with `%s`, then commit them",
                            pack.getKey(), COMMANDE)
                    .isEqualTo(pack.getValue());
        }
    }

    @Test
    void generating_twice_gives_the_same_text() {
        assertThat(ParkingImporter.generer(officiels)).isEqualTo(generes);
    }

    @Test
    void ecrire_writes_each_pack_as_utf8_file_named_after_its_territory(@TempDir Path dossier) throws Exception {
        var fichiers = ParkingImporter.ecrire(officiels, dossier.resolve("parkings"));

        assertThat(fichiers).extracting(p -> p.getFileName().toString())
                .containsExactly("grand-poitiers.geojson", "la-rochelle.geojson");
        for (Path fichier : fichiers) {
            String id = fichier.getFileName().toString().replace(".geojson", "");
            assertThat(Files.readString(fichier, StandardCharsets.UTF_8)).isEqualTo(generes.get(id));
        }
    }

    /** The packs hold what the importer reads in the official files, every car park with its file's source. */
    @Test
    void the_packs_hold_every_car_park_of_the_official_files_with_their_source() {
        List<ParcStationnement> lus = ParkingImporter.FICHIERS_OFFICIELS.entrySet().stream()
                .flatMap(f -> ParkingImporter.lire(officiels.resolve(ParkingImporter.DOSSIER_OFFICIEL).resolve(f.getKey()))
                        .valeurs().stream().map(p -> p.parc(f.getValue())))
                .toList();

        assertThat(Parkings.livres()).hasSize(28).containsExactlyInAnyOrderElementsOf(lus);
    }
}
