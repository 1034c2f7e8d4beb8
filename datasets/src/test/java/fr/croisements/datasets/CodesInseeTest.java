package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodesInseeTest {

    @ParameterizedTest
    @CsvSource({"01053, 01053", "2A004, 2A004", "2B033, 2B033", "97411, 97411", "54090, 54090"})
    void keeps_valid_codes_as_strings(String valeur, String code) {
        var lu = CodesInsee.codeCommune(valeur, "code");

        assertThat(lu.valeur()).isEqualTo(code);
        assertThat(lu.avertissements()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1053, 01053, zéro initial", "2a004, 2A004, majuscules", "2b033, 2B033, majuscules"})
    void repairs_spreadsheet_damage_with_a_warning(String valeur, String code, String motif) {
        var lu = CodesInsee.codeCommune(valeur, "code");

        assertThat(lu.valeur()).isEqualTo(code);
        assertThat(lu.avertissements()).singleElement().asString().contains("« " + valeur + " »", motif);
    }

    @ParameterizedTest
    @CsvSource(value = {"'54431 '|54431|espace en fin de valeur retiré", "' 54431'|54431|espace en début de valeur retiré",
            "' 54431  '|54431|espaces en début et en fin de valeur retirés", "'245400601 '|245400601|espace en fin"},
            delimiter = '|')
    void trims_a_code_with_a_warning(String brut, String code, String motif) {
        var lu = code.length() == 9 ? CodesInsee.siren(brut, "epci_siren") : CodesInsee.codeCommune(brut, "insee");

        assertThat(lu.valeur()).isEqualTo(code);
        assertThat(lu.avertissements()).singleElement().asString().contains("« " + code + " » : " + motif);
    }

    @ParameterizedTest
    @CsvSource({"1x053", "153", "540900", "20004", "2C004", "ABCDE", "54 090"})
    void rejects_anything_else_naming_the_value(String valeur) {
        var lu = CodesInsee.codeCommune(valeur, "code");

        assertThat(lu.estRejet()).isTrue();
        assertThat(lu.raison()).contains("« " + valeur + " »", "colonne code");
    }

    @ParameterizedTest
    @CsvSource({"170280102, 170280102", "10530101, 010530101", "2a0040101, 2A0040101"})
    void iris_codes_are_9_characters(String valeur, String code) {
        assertThat(CodesInsee.codeIris(valeur, "IRIS").valeur()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"245400601, true", "24540060, false", "2454006010, false", "A45400601, false"})
    void a_siren_is_9_digits(String valeur, boolean valide) {
        assertThat(CodesInsee.siren(valeur, "epci_siren").estRejet()).isNotEqualTo(valide);
    }
}
