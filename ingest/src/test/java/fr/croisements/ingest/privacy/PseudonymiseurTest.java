package fr.croisements.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.EntreeInvalide;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudonymiseurTest {

    private static final byte[] CLE = "une clé de test assez longue".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesRfc4231TestCase2() {
        var hmac = new Pseudonymiseur("Jefe".getBytes(StandardCharsets.US_ASCII));

        assertThat(hmac.pseudonymiser("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void givesSixtyFourLowercaseHexCharactersStableForTheSameKey() {
        var p = Pseudonymiseur.avecCle(CLE);

        String pseudonyme = p.pseudonymiser("E004015012345678");

        assertThat(pseudonyme).matches("[0-9a-f]{64}").doesNotContain("E004015012345678");
        assertThat(Pseudonymiseur.avecCle(CLE.clone()).pseudonymiser("E004015012345678")).isEqualTo(pseudonyme);
        assertThat(p.pseudonymiser("E004015012345679")).isNotEqualTo(pseudonyme);
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        byte[] autre = "une autre clé, assez longue aussi".getBytes(StandardCharsets.UTF_8);

        assertThat(Pseudonymiseur.avecCle(autre).pseudonymiser("puce-1"))
                .isNotEqualTo(Pseudonymiseur.avecCle(CLE).pseudonymiser("puce-1"));
    }

    @Test
    void refusesAKeyShorterThanSixteenBytes() {
        assertThatThrownBy(() -> Pseudonymiseur.avecCle(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
    }

    @Test
    void readsTheKeyFromTheEnvironmentVariable() {
        var p = Pseudonymiseur.depuisEnvironnement(Map.of(Pseudonymiseur.VARIABLE_CLE, "une clé de test assez longue"));

        assertThat(p.pseudonymiser("puce-1")).isEqualTo(Pseudonymiseur.avecCle(CLE).pseudonymiser("puce-1"));
    }

    @Test
    void failsFastNamingTheVariableWhenItIsMissingOrTooShort() {
        assertThatThrownBy(() -> Pseudonymiseur.depuisEnvironnement(Map.of()))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageStartingWith("CROISEMENTS_CLE_PSEUDONYMISATION : variable d'environnement absente");
        assertThatThrownBy(() -> Pseudonymiseur.depuisEnvironnement(Map.of(Pseudonymiseur.VARIABLE_CLE, "courte")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessage("CROISEMENTS_CLE_PSEUDONYMISATION : clé trop courte : 6 octets, il en faut au moins 16");
    }

    @Test
    void generatesRandom256BitKeys() {
        byte[] a = Pseudonymiseur.genererCle();
        byte[] b = Pseudonymiseur.genererCle();

        assertThat(a).hasSize(32).isNotEqualTo(b);
        assertThat(Pseudonymiseur.avecCle(a).pseudonymiser("x")).matches("[0-9a-f]{64}");
    }
}
