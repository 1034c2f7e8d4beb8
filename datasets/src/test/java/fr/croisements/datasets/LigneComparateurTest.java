package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class LigneComparateurTest {

    private static final String ENTETE = "insee_com,insee_dep,commune_article,code_postal,lat,lng,superficie_km2,"
            + "population_2021,population_2015,menages_2021\n";

    static CSVRecord ligne(String csv) {
        try {
            var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            return CSVParser.parse(ENTETE + csv, format).getRecords().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void parses_a_complete_row() {
        var parsed = LigneComparateur.parse(ligne("54090,54,Bouxières-aux-Dames,54136,48.76019,6.16239,4.11,4134,4189,1797"));

        assertThat(parsed).contains(new LigneComparateur(
                "54090", "Bouxières-aux-Dames", 48.76019, 6.16239, 4134.0, 1797.0, 4.11));
        assertThat(parsed.orElseThrow().chiffres()).containsExactly(
                entry(Commune.POPULATION, 4134.0), entry(Commune.MENAGES, 1797.0), entry(Commune.SUPERFICIE_KM2, 4.11));
    }

    @Test
    void a_missing_or_secret_figure_is_absent_not_zero() {
        var parsed = LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38358,-0.46941,5.36,134,134,")).orElseThrow();
        var secret = LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38358,-0.46941,5.36,s,134,nd")).orElseThrow();

        assertThat(parsed.menages()).isNull();
        assertThat(parsed.chiffres()).containsOnlyKeys(Commune.POPULATION, Commune.SUPERFICIE_KM2);
        assertThat(secret.population()).isNull();
        assertThat(secret.chiffres()).containsOnlyKeys(Commune.SUPERFICIE_KM2);
    }

    @Test
    void keeps_a_corsican_code_and_leading_zeros_as_strings() {
        assertThat(LigneComparateur.parse(ligne("2A004,2A,Ajaccio,20000,41.9,8.7,82.03,73000,68000,33000")))
                .get().extracting(LigneComparateur::codeInsee).isEqualTo("2A004");
        assertThat(LigneComparateur.parse(ligne("01001,01,L'Abergement-Clémenciat,01400,46.15,4.92,15.95,832,776,330")))
                .get().extracting(LigneComparateur::codeInsee).isEqualTo("01001");
    }

    @Test
    void accepts_a_decimal_comma_in_a_quoted_field() {
        var parsed = LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38358,-0.46941,\"5,36\",134,134,59"));

        assertThat(parsed.orElseThrow().superficieKm2()).isEqualTo(5.36);
    }

    @Test
    void skips_a_row_without_a_commune_code() {
        assertThat(LigneComparateur.parse(ligne(",17,Agudelle,17500,45.38,-0.46,5.36,134,134,59"))).isEmpty();
        assertThat(LigneComparateur.parse(ligne("17,17,Charente-Maritime,,45.38,-0.46,5.36,134,134,59"))).isEmpty();
    }

    @Test
    void a_figure_that_is_not_a_number_fails_naming_the_column() {
        assertThatThrownBy(() -> LigneComparateur.parse(ligne("17002,17,Agudelle,17500,45.38,-0.46,5.36,cent,134,59")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population_2021")
                .hasMessageContaining("cent");
    }
}
