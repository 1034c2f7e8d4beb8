package fr.croisements.viz.live;

import static fr.croisements.viz.Fixtures.INDICATEUR;
import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.cellule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.events.Indicateur;
import fr.croisements.viz.CellulesFragilite;
import org.junit.jupiter.api.Test;

class CellulesEnAttenteTest {

    private final CellulesEnAttente enAttente = new CellulesEnAttente();

    @Test
    void keepsTheLastCellReceivedOfTheSameWindowForEachIndicatorAndZone() {
        enAttente.ajouter(cellule("54430", SEMAINE_2, 800, 1600));
        enAttente.ajouter(cellule("54430", SEMAINE_2, 1000, 1600));
        enAttente.ajouter(cellule("54318", SEMAINE_2, 700, 1600));
        Indicateur fragilite = CellulesFragilite.cellule("54430", "Pompey", 11.2, 42.0, 18.6);
        enAttente.ajouter(fragilite);

        assertThat(enAttente.prendre()).extracting(Indicateur::indicateur, Indicateur::codeZone, Indicateur::numerateur)
                .containsExactlyInAnyOrder(
                        tuple(INDICATEUR, "54430", 1000.0),
                        tuple(INDICATEUR, "54318", 700.0),
                        tuple(fragilite.indicateur(), "54430", fragilite.numerateur()));
    }

    @Test
    void aLateCellOfAnOlderWindowDoesNotReplaceANewerOne() {
        enAttente.ajouter(cellule("54430", SEMAINE_2, 1000, 1600));
        enAttente.ajouter(cellule("54430", SEMAINE_1, 800, 1600));

        assertThat(enAttente.prendre()).extracting(Indicateur::debut).containsExactly(SEMAINE_2);
    }

    @Test
    void eachCellIsTakenOnce() {
        enAttente.ajouter(cellule("54430", SEMAINE_2, 1000, 1600));

        assertThat(enAttente.prendre()).hasSize(1);
        assertThat(enAttente.prendre()).isEmpty();
    }
}
