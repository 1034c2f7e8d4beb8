package fr.croisements.viz.capteurs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FraicheurTest {

    private static final Instant MAINTENANT = Instant.parse("2025-01-08T07:00:00Z");

    private static String ilYA(Duration duree) {
        return Fraicheur.libelle(MAINTENANT.minus(duree), MAINTENANT).replace('\u00a0', ' ');
    }

    @Test
    void underAMinuteOrAheadOfTheClockIsJustNow() {
        assertThat(ilYA(Duration.ofSeconds(59))).isEqualTo("vu à l'instant");
        assertThat(ilYA(Duration.ofSeconds(-90))).isEqualTo("vu à l'instant");
    }

    @Test
    void countsWholeMinutesThenHoursThenDays() {
        assertThat(ilYA(Duration.ofSeconds(60))).isEqualTo("vu il y a 1 min");
        assertThat(ilYA(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("vu il y a 59 min");
        assertThat(ilYA(Duration.ofHours(1))).isEqualTo("vu il y a 1 h");
        assertThat(ilYA(Duration.ofHours(23).plusMinutes(59))).isEqualTo("vu il y a 23 h");
        assertThat(ilYA(Duration.ofHours(24))).isEqualTo("vu il y a 1 jour");
        assertThat(ilYA(Duration.ofHours(47))).isEqualTo("vu il y a 1 jour");
        assertThat(ilYA(Duration.ofDays(2))).isEqualTo("vu il y a 2 jours");
    }

    @Test
    void joinsTheNumberAndItsUnitWithANonBreakingSpace() {
        assertThat(Fraicheur.libelle(MAINTENANT.minusSeconds(720), MAINTENANT)).isEqualTo("vu il y a 12\u00a0min");
    }

    @Test
    void silentAfterMoreThanOneHourOrWhenNeverHeard() {
        assertThat(Fraicheur.silencieux(MAINTENANT.minus(Duration.ofHours(1)), MAINTENANT)).isFalse();
        assertThat(Fraicheur.silencieux(MAINTENANT.minus(Duration.ofHours(1)).minusSeconds(1), MAINTENANT)).isTrue();
        assertThat(Fraicheur.silencieux(MAINTENANT.plusSeconds(30), MAINTENANT)).isFalse();
        assertThat(Fraicheur.silencieux(null, MAINTENANT)).isTrue();
        assertThat(Fraicheur.libelle(null, MAINTENANT)).isEqualTo("jamais entendu");
    }

    @Test
    void agreesWithAFeminineNounForAnAntenna() {
        assertThat(Fraicheur.libelle(MAINTENANT.minusSeconds(720), MAINTENANT, true)).isEqualTo("vue il y a 12\u00a0min");
        assertThat(Fraicheur.libelle(MAINTENANT.minusSeconds(10), MAINTENANT, true)).isEqualTo("vue à l'instant");
        assertThat(Fraicheur.libelle(null, MAINTENANT, true)).isEqualTo("jamais entendue");
    }
}
