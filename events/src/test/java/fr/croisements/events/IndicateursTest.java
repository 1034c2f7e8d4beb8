package fr.croisements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.DefinitionIndicateur.Libelles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicateursTest {

    @Test
    void everyIndicatorReadsTopicsOfTheCatalogueAndWritesItsOwn() {
        List<String> topics = Topics.TOUS.stream().map(Topic::name).toList();
        for (DefinitionIndicateur d : Indicateurs.TOUS) {
            assertThat(d.entrees()).as(d.id()).isNotEmpty().allSatisfy(t -> assertThat(topics).contains(t));
            assertThat(topics).as(d.id()).contains(d.topic());
        }
    }

    @Test
    void everyIndicatorHasItsWordsInFrench() {
        for (DefinitionIndicateur d : Indicateurs.TOUS) {
            Libelles l = d.libelles();
            assertThat(l.sujet()).as(d.id()).isNotBlank();
            assertThat(l.sansDonnee()).as(d.id()).isNotBlank();
            assertThat(l.secret()).as(d.id()).startsWith("Secret statistique : ");
        }
        assertThat(Indicateurs.TAUX_PRESENTATION_BACS.libelles()).isEqualTo(new Libelles(
                "présentation des bacs d'ordures ménagères", "bacs présentés", "ménages (Insee)", "pas encore de levée",
                "Secret statistique : moins de 11 bacs présentés, la valeur n'est pas publiée."));
    }

    @Test
    void theFragilityIndexListsItsThreeComponentsInTheOrderShown() {
        DefinitionIndicateur fragilite = Indicateurs.FRAGILITE_ISOLEMENT;

        assertThat(fragilite.estComposite()).isTrue();
        assertThat(fragilite.composantes()).containsExactly(
                Map.entry("part_75_plus", "part des 75 ans et plus"),
                Map.entry("part_menages_une_personne", "part des ménages d'une seule personne"),
                Map.entry("taux_pauvrete", "taux de pauvreté"));
        assertThat(fragilite.libelles().numerateur()).isNull();
        assertThat(fragilite.bornes()).as("classes cut from the values shown").isEmpty();
        assertThat(Indicateurs.TAUX_PRESENTATION_BACS.estComposite()).isFalse();
        assertThat(Indicateurs.EXPOSITION_CHALEUR_75_PLUS.estComposite()).as("measures beside a numerator").isFalse();
        assertThat(Indicateurs.TAUX_PRESENTATION_BACS.bornes()).containsExactly(20.0, 40.0, 60.0, 80.0);
    }

    @Test
    void classBreaksMustBeAscending() {
        Libelles mots = new Libelles("sujet", null, null, "rien", "Secret statistique : non.");

        assertThatThrownBy(() -> new DefinitionIndicateur("essai", "Essai", "%", "?", "", "", Zone.COMMUNE,
                Duration.ofDays(1), 0, mots, null, null, List.of(10.0, 10.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    }

    @Test
    void theShortConstructorGivesNeutralWords() {
        var d = new DefinitionIndicateur("couverture-lora", "Couverture LoRaWAN", "%", "?", "", "", Zone.COMMUNE,
                Duration.ofDays(1), 3);

        assertThat(d.libelles().sujet()).isEqualTo("couverture LoRaWAN");
        assertThat(d.libelles().sansDonnee()).isEqualTo("pas encore de donnée");
        assertThat(d.libelles().secret()).startsWith("Secret statistique : moins de 3 ");
        assertThat(d.composantes()).isEmpty();
        assertThat(d.entrees()).isEmpty();
        assertThat(d.bornes()).isEmpty();
    }
}
