package fr.croisements.streams.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FabriqueCellulesTest {

    private static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z");
    private static final Source LEVEES = new Source("Levées", "Croisements", "simulation", "Licence Ouverte 2.0", true);
    private static final Source INSEE = new Source("Comparateur", "Insee", "2021", "Licence Ouverte 2.0", false);

    private static DefinitionIndicateur definition(int seuil, Double dominance) {
        var d = new DefinitionIndicateur("essai", "Essai", "kg", "?", "…", "…", Zone.COMMUNE, Duration.ofDays(7), seuil);
        return new DefinitionIndicateur(d.id(), d.libelle(), d.unite(), d.question(), d.methode(), d.limites(), d.niveau(),
                d.fenetre(), seuil, d.libelles(), Map.of(), List.of(), List.of(), dominance, "essai.yaml", List.of(), false);
    }

    private static Indicateur cellule(DefinitionIndicateur d, long contributeurs, Double part) {
        return new FabriqueCellules(d).cellule("54430", Zone.COMMUNE, "Pompey", DEBUT, DEBUT.plus(Duration.ofDays(7)))
                .valeur(12.5).numerateur(125.0, LEVEES).denominateur(10.0, INSEE).mesure("levees", 40.0)
                .contributeurs(contributeurs).partDominante(part).simule(true).construire();
    }

    @Test
    void aCellWithEnoughContributorsKeepsEveryFigure() {
        Indicateur c = cellule(definition(11, 0.85), 11, 0.2);
        assertThat(c.secret()).isFalse();
        assertThat(c.valeur()).isEqualTo(12.5);
        assertThat(c.numerateur()).isEqualTo(125.0);
        assertThat(c.mesures()).containsEntry("levees", 40.0);
        assertThat(c.contributeurs()).isEqualTo(11);
        assertThat(c.simule()).isTrue();
    }

    @Test
    void tooFewContributorsHideTheCountedFiguresButNotThePublishedDenominator() {
        Indicateur c = cellule(definition(11, null), 10, 0.1);
        assertThat(c.secret()).isTrue();
        assertThat(c.valeur()).isNull();
        assertThat(c.numerateur()).isNull();
        assertThat(c.mesures()).isEmpty();
        assertThat(c.contributeurs()).isNull();
        assertThat(c.denominateur()).isEqualTo(10.0);
        assertThat(c.sourceDenominateur()).isEqualTo(INSEE);
    }

    @Test
    void oneDominantContributorHidesTheCell() {
        assertThat(cellule(definition(11, 0.85), 50, 0.86).secret()).isTrue();
        assertThat(cellule(definition(11, 0.85), 50, 0.85).secret()).isFalse();
        // without a dominance rule the share does not matter
        assertThat(cellule(definition(11, null), 50, 0.99).secret()).isFalse();
    }

    @Test
    void aFigureKeptSecretByItsPublisherHidesTheValueAndKeepsThePublishedComponents() {
        Indicateur c = new FabriqueCellules(definition(0, null)).cellule("17300", Zone.COMMUNE, "La Rochelle", DEBUT,
                        DEBUT.plus(Duration.ofDays(365)))
                .valeur(20.0).mesure("part_75_plus", 11.0).sourceMesure("part_75_plus", INSEE).secretDUneSource()
                .construire();
        assertThat(c.secret()).isTrue();
        assertThat(c.valeur()).isNull();
        assertThat(c.mesures()).containsEntry("part_75_plus", 11.0);
        assertThat(c.sourcesMesures()).containsEntry("part_75_plus", INSEE);
    }
}
