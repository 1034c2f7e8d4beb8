package fr.croisements.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** French agreement of counts: 0 and 1 are singular. */
class PlurielTest {

    @Test
    void zeroAndOneAreSingular() {
        assertThat(Pluriel.de(0, "message rejeté", "messages rejetés")).isEqualTo("0 message rejeté");
        assertThat(Pluriel.de(1, "message lu", "messages lus")).isEqualTo("1 message lu");
    }

    @Test
    void twoAndMoreArePlural() {
        assertThat(Pluriel.de(2, "message lu", "messages lus")).isEqualTo("2 messages lus");
        assertThat(Pluriel.de(17, "levée publiée", "levées publiées")).isEqualTo("17 levées publiées");
    }

    @Test
    void negativeCountsAgreeAsTheirMagnitude() {
        assertThat(Pluriel.estPluriel(-1)).isFalse();
        assertThat(Pluriel.estPluriel(-2)).isTrue();
    }

    @Test
    void largeCountsTakeTheFrenchThousandsSeparator() {
        assertThat(Pluriel.de(28_032, "relevé lu", "relevés lus")).isEqualTo("28\u202f032 relevés lus");
        assertThat(Pluriel.nombre(1_000_000)).isEqualTo("1\u202f000\u202f000");
    }
}
