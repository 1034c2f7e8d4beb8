package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every importer on the real official files of {@code shared/datasets}: row counts, a known value, secrets. */
@DonneesOfficiellesRequises
class FichiersOfficielsTest {

    private static <T> ImportCsv<T> importer(String fichier, List<String> colonnes, Function<CSVRecord, Lecture<T>> parse) {
        Path chemin = DonneesOfficielles.dossier().resolve(fichier);
        return TableCsv.importer(chemin, null, colonnes, parse);
    }

    private static <T> Map<String, T> parCode(List<T> lignes, Function<T, String> code) {
        return lignes.stream().collect(Collectors.toMap(code, l -> l));
    }

    @Test
    void national_list_of_communes_has_every_commune_of_the_four_departements_with_its_epci() {
        var lu = importer(DonneesOfficielles.COMMUNES, LigneCommune.COLONNES, LigneCommune::parse);

        assertThat(lu.valeurs()).hasSize(1354);
        assertThat(lu.signalements()).isEmpty();
        Map<String, LigneCommune> communes = parCode(lu.valeurs(), LigneCommune::codeInsee);
        assertThat(communes.get("54159")).isEqualTo(new LigneCommune("54159", "Dombasle-sur-Meurthe", "54", "245400189",
                "CC des Pays du Sel et du Vermois", "CC", communes.get("54159").populationMunicipale()));
        assertThat(communes.get("92002").epciType()).isEqualTo("METRO");
        assertThat(communes.get("17300").epciType()).isEqualTo("CA");
        assertThat(lu.valeurs()).allSatisfy(c -> assertThat(c.codeInsee()).hasSize(5).startsWith(c.departement()));
    }

    @Test
    void territory_list_has_82_communes_in_4_territories() {
        var lu = importer(DonneesOfficielles.TERRITOIRES, CommuneTerritoire.COLONNES, CommuneTerritoire::parse);

        assertThat(lu.signalements()).isEmpty();
        assertThat(lu.valeurs().stream().collect(Collectors.groupingBy(CommuneTerritoire::idTerritoire, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("grand-poitiers", 40L, "bassin-de-pompey", 13L,
                        "la-rochelle", 28L, "antony", 1L));
    }

    @Test
    void epci_list_has_the_five_groupings_with_their_member_counts() {
        var lu = importer(DonneesOfficielles.EPCI, LigneEpci.COLONNES, LigneEpci::parse);

        assertThat(lu.signalements()).isEmpty();
        assertThat(lu.valeurs()).hasSize(5);
        assertThat(parCode(lu.valeurs(), LigneEpci::siren).get("200069854"))
                .extracting(LigneEpci::nom, LigneEpci::type, LigneEpci::nombreCommunes)
                .containsExactly("CU du Grand Poitiers", "CU", 40);
    }

    @Test
    void filosofi_communes_keeps_secret_markers_as_secret_never_zero() {
        var lu = importer(DonneesOfficielles.FILOSOFI_COMMUNES, List.of(LigneFilosofi.CODE_COMMUNE), LigneFilosofi::parseCommune);

        assertThat(lu.valeurs()).hasSize(1355);
        assertThat(lu.signalements()).isEmpty();
        Map<String, LigneFilosofi> lignes = parCode(lu.valeurs(), LigneFilosofi::code);
        assertThat(lignes.get("86194").cellules().valeurs())
                .containsEntry(LigneFilosofi.MED21, 20150.0).containsEntry(LigneFilosofi.TP6021, 26.0);
        LigneFilosofi agudelle = lignes.get("17002");
        assertThat(agudelle.cellules().valeur(LigneFilosofi.MED21)).isEqualTo(20930.0);
        assertThat(agudelle.cellules().valeur(LigneFilosofi.TP6021)).isNull();
        assertThat(agudelle.cellules().secret(LigneFilosofi.TP6021)).isTrue();
        // SOURCES.md: MED21 secret for 114 communes, TP6021 for 1165
        assertThat(lu.valeurs().stream().filter(l -> l.cellules().secret(LigneFilosofi.MED21))).hasSize(114);
        assertThat(lu.valeurs().stream().filter(l -> l.cellules().secret(LigneFilosofi.TP6021))).hasSize(1165);
        assertThat(lu.valeurs()).allSatisfy(l -> assertThat(l.cellules().valeurs().values()).doesNotContain(0.0));
    }

    @Test
    void filosofi_iris_reads_9_character_codes_and_ns_nd_as_secret() {
        var lu = importer(DonneesOfficielles.FILOSOFI_IRIS, List.of(LigneFilosofi.CODE_IRIS), LigneFilosofi::parseIris);

        assertThat(lu.valeurs()).hasSize(966);
        assertThat(lu.signalements()).isEmpty();
        Map<String, LigneFilosofi> lignes = parCode(lu.valeurs(), LigneFilosofi::code);
        assertThat(lignes.get("861940101").cellules().valeurs()).containsEntry(LigneFilosofi.DEC_MED21, 19720.0)
                .containsEntry(LigneFilosofi.DEC_TP6021, 33.0).containsEntry(LigneFilosofi.DEC_GI21, 0.462);
        assertThat(lignes.get("170280101").cellules().secrets()).containsExactlyInAnyOrderElementsOf(
                LigneFilosofi.COLONNES_IRIS);
        assertThat(lignes.get("170280101").codeCommune()).isEqualTo("17028");
        // 66 IRIS are "ns" (non significatif) and 3 "nd" for DEC_MED21
        assertThat(lu.valeurs().stream().filter(l -> l.cellules().secret(LigneFilosofi.DEC_MED21))).hasSize(69);
    }

    @Test
    void comparateur_has_every_commune_with_population_households_area_and_labour_force() {
        var lu = importer(DonneesOfficielles.COMPARATEUR, LigneComparateur.COLONNES, LigneComparateur::parse);

        assertThat(lu.valeurs()).hasSize(1355);
        assertThat(lu.signalements()).isEmpty();
        LigneComparateur antony = parCode(lu.valeurs(), LigneComparateur::codeInsee).get("92002");
        assertThat(antony.chiffres()).containsEntry(Commune.POPULATION, 63232.0).containsEntry(Commune.MENAGES, 27478.0);
        assertThat(antony.cellules().valeur(LigneComparateur.CHOMEURS)).isEqualTo(2812.0);
        assertThat(antony.cellules().valeur(LigneComparateur.ACTIFS)).isEqualTo(31651.0);
    }

    @Test
    void dossier_complet_extract_has_the_82_communes_with_age_bands_and_households_2022() {
        var lu = importer(DonneesOfficielles.DOSSIER_COMPLET, LigneDossierComplet.COLONNES, LigneDossierComplet::parse);

        assertThat(lu.valeurs()).hasSize(82);
        assertThat(lu.signalements()).isEmpty();
        LigneDossierComplet antony = parCode(lu.valeurs(), LigneDossierComplet::codeInsee).get("92002");
        assertThat(antony.cellules().valeur("P22_POP7589") + antony.cellules().valeur("P22_POP90P"))
                .isCloseTo(5372.34, within(0.01));
        assertThat(antony.cellules().valeur(LigneDossierComplet.MENAGES_UNE_PERSONNE)).isCloseTo(10209.19, within(0.01));
    }

    /** SOURCES.md: the age bands add up to the comparateur's population_2021 within −1.3 % … +3.4 %. */
    @Test
    void age_bands_add_up_to_about_the_census_population() {
        var comparateur = parCode(importer(DonneesOfficielles.COMPARATEUR, LigneComparateur.COLONNES, LigneComparateur::parse)
                .valeurs(), LigneComparateur::codeInsee);
        var dossier = importer(DonneesOfficielles.DOSSIER_COMPLET, LigneDossierComplet.COLONNES, LigneDossierComplet::parse);

        assertThat(dossier.valeurs()).allSatisfy(l -> {
            double somme = LigneDossierComplet.TRANCHES_AGE.stream().mapToDouble(t -> l.cellules().valeur(t)).sum();
            assertThat(somme / comparateur.get(l.codeInsee()).population()).isBetween(0.986, 1.035);
        });
    }
}
