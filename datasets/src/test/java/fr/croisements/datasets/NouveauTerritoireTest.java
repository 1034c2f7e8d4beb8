package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A territory that is not among the four, built by the same importer from the national-format
 * files: the CC des Pays du Sel et du Vermois (54, SIREN 245400189, 16 communes). Its pack is
 * kept as a test fixture and regenerated here byte for byte.
 */
@DonneesOfficiellesRequises
class NouveauTerritoireTest {

    static final String SIREN = "245400189";
    static final String FIXTURE = "nouveau-territoire/pays-du-sel-et-du-vermois.geojson";
    static final String COMMANDE = "./croisements import --epci " + SIREN + " --depuis ../shared/datasets"
            + " --vers datasets/src/test/resources/fr/croisements/datasets/nouveau-territoire";

    private static String genere;
    private static Territoire territoire;

    @BeforeAll
    static void generer() {
        genere = TerritoireImporter.generer(DonneesOfficielles.dossier(), Perimetre.epci(SIREN));
        territoire = PackGeoJson.lire(genere);
    }

    @Test
    void the_fixture_is_byte_for_byte_what_the_importer_generates() throws Exception {
        try (InputStream in = NouveauTerritoireTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("Fixture %s is stale: regenerate it with `%s`", FIXTURE, COMMANDE)
                    .isEqualTo(genere);
        }
    }

    @Test
    void holds_the_16_communes_of_the_epci_under_its_spelt_out_name() {
        assertThat(territoire.id()).isEqualTo("pays-du-sel-et-du-vermois");
        assertThat(territoire.nom()).isEqualTo("Communauté de communes des Pays du Sel et du Vermois");
        assertThat(territoire.epciSiren()).isEqualTo(SIREN);
        assertThat(territoire.communes()).hasSize(16);
        assertThat(territoire.communes()).allSatisfy(c -> assertThat(c.contour().isValid()).isTrue());
    }

    @Test
    void carries_the_national_figures_and_the_iris_of_dombasle() {
        Commune dombasle = territoire.commune("54159").orElseThrow();
        assertThat(dombasle.nom()).isEqualTo("Dombasle-sur-Meurthe");
        assertThat(dombasle.chiffre(Commune.POPULATION)).isEqualTo(9633);
        assertThat(dombasle.chiffre(Commune.REVENU_MEDIAN)).isEqualTo(22810);
        assertThat(dombasle.chiffre(Commune.TAUX_PAUVRETE)).isEqualTo(12);
        assertThat(territoire.commune("54037").orElseThrow().estSecret(Commune.TAUX_PAUVRETE)).isTrue();
        assertThat(territoire.iris()).extracting(Iris::codeIris)
                .containsExactly("541590101", "541590102", "541590103", "541590104");
        assertThat(territoire.iris().get(0).chiffre(Iris.REVENU_DECLARE_MEDIAN)).isEqualTo(21710);
    }

    /** The dossier complet extract covers only the 82 communes of the four territories. */
    @Test
    void figures_missing_from_the_official_files_are_absent_and_the_pack_says_so() {
        List<String> dossierComplet = List.of(Commune.POPULATION_75_PLUS, Commune.PART_75_PLUS,
                Commune.MENAGES_UNE_PERSONNE, Commune.PART_MENAGES_UNE_PERSONNE);

        assertThat(territoire.communes()).allSatisfy(c -> assertThat(c.chiffres()).doesNotContainKeys(
                dossierComplet.toArray(String[]::new)));
        assertThat(PackGeoJson.absences(territoire)).containsOnlyKeys(dossierComplet.toArray(String[]::new));
        assertThat(PackGeoJson.absences(territoire).get(Commune.PART_75_PLUS)).hasSize(16);
        assertThat(genere).contains("\"absences\":{\n\"population_75_plus\":[\"54037\",\"54108\",");
        assertThat(territoire.sources()).containsKeys(dossierComplet.toArray(String[]::new));
    }

    @Test
    void writes_the_pack_named_after_its_id_and_reads_it_back(@TempDir Path dossier) {
        Path fichier = TerritoireImporter.ecrire(DonneesOfficielles.dossier(), Perimetre.epci(SIREN), dossier);

        assertThat(fichier.getFileName()).hasToString("pays-du-sel-et-du-vermois.geojson");
        assertThat(Territoires.lire(fichier)).isEqualTo(territoire);
    }

    @Test
    void a_list_of_communes_makes_a_territory_too() {
        Territoire une = TerritoireImporter.territoire(DonneesOfficielles.dossier(), Perimetre.communes(List.of("86066")));
        Territoire deux = TerritoireImporter.territoire(DonneesOfficielles.dossier(),
                Perimetre.communes(List.of("54159", "54483")).avecNom("Dombasle et Saint-Nicolas").avecId("sel"));

        assertThat(une).extracting(Territoire::id, Territoire::nom, Territoire::epciSiren)
                .containsExactly("chatellerault", "Ville de Châtellerault", null);
        assertThat(une.iris()).isNotEmpty();
        assertThat(deux).extracting(Territoire::id, Territoire::nom, Territoire::epciSiren)
                .containsExactly("sel", "Dombasle et Saint-Nicolas", null);
        assertThat(deux.communes()).extracting(Commune::codeInsee).containsExactly("54159", "54483");
    }

    @Test
    void an_unknown_epci_or_commune_or_an_unnamed_list_is_refused() {
        Path officiels = DonneesOfficielles.dossier();

        assertThatThrownBy(() -> TerritoireImporter.generer(officiels, Perimetre.epci("200000000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200000000");
        assertThatThrownBy(() -> TerritoireImporter.generer(officiels, Perimetre.communes(List.of("75056"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("75056");
        assertThatThrownBy(() -> TerritoireImporter.generer(officiels, Perimetre.communes(List.of("54159", "86066"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nom");
        assertThatThrownBy(() -> Perimetre.epci("24540018")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perimetre.epci(SIREN).avecId("Pays du Sel")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void default_ids_follow_the_names_of_the_shipped_packs() {
        assertThat(TerritoireImporter.idDe("CA de La Rochelle")).isEqualTo("la-rochelle");
        assertThat(TerritoireImporter.idDe("CU du Grand Poitiers")).isEqualTo("grand-poitiers");
        assertThat(TerritoireImporter.idDe("CC du Bassin de Pompey")).isEqualTo("bassin-de-pompey");
        assertThat(TerritoireImporter.idDe("Antony")).isEqualTo("antony");
        assertThat(TerritoireImporter.idDe("CA \"Saintes - Grandes Rives - L'Agglo\"")).isEqualTo("saintes-grandes-rives-l-agglo");
        assertThat(TerritoireImporter.idDe("Métropole du Grand Nancy")).isEqualTo("grand-nancy");
    }
}
