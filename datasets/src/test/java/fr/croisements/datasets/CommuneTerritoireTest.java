package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.EntreeInvalide;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CommuneTerritoireTest {

    private static final String ENTETE = "territoire,code_insee,nom,departement,region,siren_commune,codes_postaux,"
            + "epci_siren,epci_nom,epci_type,population_municipale";

    static CSVRecord ligne(String csv) {
        return CsvDeTest.ligne(ENTETE, csv, ',');
    }

    static CommuneTerritoire commune(String territoire, String code, String nom, String siren, String epciNom, String type) {
        return new CommuneTerritoire(territoire, code, nom, code.substring(0, 2), siren, epciNom, type);
    }

    @Test
    void parses_a_row_and_derives_the_pack_id() {
        var parsed = CommuneTerritoire.parse(ligne(
                "BASSIN_DE_POMPEY,54090,Bouxières-aux-Dames,54,44,215400904,54136,245400601,CC du Bassin de Pompey,CC,4106"));

        assertThat(parsed.valeur()).isEqualTo(new CommuneTerritoire("BASSIN_DE_POMPEY", "54090", "Bouxières-aux-Dames", "54",
                "245400601", "CC du Bassin de Pompey", "CC"));
        assertThat(parsed.valeur().idTerritoire()).isEqualTo("bassin-de-pompey");
    }

    @Test
    void keeps_a_corsican_code_and_skips_a_row_without_territory() {
        assertThat(CommuneTerritoire.parse(ligne("AJACCIO,2A004,Ajaccio,2A,94,212000046,20000,,,,70000")).valeur())
                .extracting(CommuneTerritoire::codeInsee, CommuneTerritoire::epciSiren)
                .containsExactly("2A004", null);
        assertThat(CommuneTerritoire.parse(ligne(",54090,Bouxières-aux-Dames,54,44,1,54136,245400601,CC x,CC,1")).raison())
                .isEqualTo("territoire absent (colonne territoire)");
    }

    @Test
    void an_epci_name_gets_its_type_spelt_out() {
        var membres = List.of(
                commune("GRAND_POITIERS", "86194", "Poitiers", "200069854", "CU du Grand Poitiers", "CU"),
                commune("GRAND_POITIERS", "86005", "Avanton", "200069854", "CU du Grand Poitiers", "CU"));

        assertThat(TerritoireImporter.nom("grand-poitiers", membres)).isEqualTo("Communauté urbaine du Grand Poitiers");
        assertThat(TerritoireImporter.epciSiren("grand-poitiers", membres)).isEqualTo("200069854");
    }

    @Test
    void a_single_commune_territory_is_a_town_without_epci() {
        var antony = List.of(commune("ANTONY", "92002", "Antony", "200054781", "Métropole du Grand Paris", "METRO"));
        var poitiers = List.of(commune("POITIERS", "86194", "Poitiers", "200069854", "CU du Grand Poitiers", "CU"));

        assertThat(TerritoireImporter.nom("antony", antony)).isEqualTo("Ville d'Antony");
        assertThat(TerritoireImporter.epciSiren("antony", antony)).isNull();
        assertThat(TerritoireImporter.nom("poitiers", poitiers)).isEqualTo("Ville de Poitiers");
    }

    @Test
    void communes_of_one_territory_in_two_epcis_are_refused() {
        var membres = List.of(
                commune("X", "86194", "Poitiers", "200069854", "CU du Grand Poitiers", "CU"),
                commune("X", "17300", "La Rochelle", "241700434", "CA de La Rochelle", "CA"));

        assertThatThrownBy(() -> TerritoireImporter.epciSiren("x", membres))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("epci_siren")
                .hasMessageContaining("liste des territoires livrés");
    }
}
