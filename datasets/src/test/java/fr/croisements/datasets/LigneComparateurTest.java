package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class LigneComparateurTest {

    private static final String ENTETE = "insee_com,insee_dep,commune_article,code_postal,lat,lng,superficie_km2,"
            + "population_2021,population_2015,menages_2021,naissances_2022,deces_2022,pop_15_64_totale_2021,"
            + "pop_15_64_chomage_2021,pop_15_64_active_2021";

    static CSVRecord ligne(String csv) {
        return CsvDeTest.ligne(ENTETE, csv, ',');
    }

    @Test
    void parses_a_complete_row() {
        var parsed = LigneComparateur.parse(ligne(
                "54090,54,Bouxières-aux-Dames,54136,48.76019,6.16239,4.11,4134,4189,1797,30,35,2500,131,1838"));

        LigneComparateur l = parsed.valeur();
        assertThat(l.codeInsee()).isEqualTo("54090");
        assertThat(l.nom()).isEqualTo("Bouxières-aux-Dames");
        assertThat(l.latitude()).isEqualTo(48.76019);
        assertThat(l.longitude()).isEqualTo(6.16239);
        assertThat(l.cellules().valeur(LigneComparateur.CHOMEURS)).isEqualTo(131.0);
        assertThat(l.chiffres()).containsExactly(
                entry(Commune.POPULATION, 4134.0), entry(Commune.MENAGES, 1797.0), entry(Commune.SUPERFICIE_KM2, 4.11));
    }

    @Test
    void a_missing_figure_is_absent_and_a_secret_one_absent_and_secret_never_zero() {
        var parsed = LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38358,-0.46941,5.36,134,134,,1,1,69,3,51"))
                .valeur();
        var secret = LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38358,-0.46941,5.36,s,134,nd,1,1,69,3,51"))
                .valeur();

        assertThat(parsed.menages()).isNull();
        assertThat(parsed.cellules().secrets()).isEmpty();
        assertThat(parsed.chiffres()).containsOnlyKeys(Commune.POPULATION, Commune.SUPERFICIE_KM2);
        assertThat(secret.population()).isNull();
        assertThat(secret.cellules().secrets()).containsExactly(LigneComparateur.MENAGES, LigneComparateur.POPULATION);
        assertThat(secret.chiffres()).containsOnlyKeys(Commune.SUPERFICIE_KM2);
    }

    @Test
    void keeps_a_corsican_code_and_leading_zeros_as_strings() {
        assertThat(LigneComparateur.parse(ligne("2A004,2A,Ajaccio,20000,41.9,8.7,82.03,73000,68000,33000,,,,,"))
                .valeur().codeInsee()).isEqualTo("2A004");
        assertThat(LigneComparateur.parse(ligne("01001,01,L'Abergement-Clémenciat,01400,46.15,4.92,15.95,832,776,330,,,,,"))
                .valeur().codeInsee()).isEqualTo("01001");
    }

    @Test
    void accepts_a_decimal_comma_in_a_quoted_field() {
        var parsed = LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38358,-0.46941,\"5,36\",134,134,59,,,,,"));

        assertThat(parsed.valeur().superficieKm2()).isEqualTo(5.36);
    }

    @Test
    void a_row_without_a_valid_commune_code_is_rejected_with_the_reason() {
        assertThat(LigneComparateur.parse(ligne(",17,Agudelle,17500,45.38,-0.46,5.36,134,134,59,,,,,")).raison())
                .isEqualTo("code commune absent (colonne insee_com)");
        assertThat(LigneComparateur.parse(ligne("17,17,Charente-Maritime,,45.38,-0.46,5.36,134,134,59,,,,,")).raison())
                .startsWith("code commune invalide « 17 » dans la colonne insee_com");
    }

    @Test
    void a_figure_that_is_not_a_number_rejects_the_row_naming_the_column_and_value() {
        assertThat(LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38,-0.46,5.36,cent,134,59,,,,,")).raison())
                .isEqualTo("valeur « cent » non numérique dans la colonne population_2021");
    }
}
