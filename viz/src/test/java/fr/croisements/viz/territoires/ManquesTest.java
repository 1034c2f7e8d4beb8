package fr.croisements.viz.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateurs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Antony's card lists as missing, with and without its on-street parking proof of concept. */
class ManquesTest {

    /** The built-in crossings, on-street parking among them. */
    private static final List<fr.croisements.events.DefinitionIndicateur> TOUS = Indicateurs.TOUS;

    @Test
    void antonyWithoutParkingDataSaysWhatIsMissingAndHowToBringIt() {
        var manques = Manques.de(Territoires.charger("antony"), TOUS, List.of());
        assertThat(manques).extracting(Manques.Manque::indicateur).contains(Indicateurs.PLACES_PAR_HABITANT.id(),
                Indicateurs.ROTATION_STATIONNEMENT.id());
        assertThat(manques).filteredOn(m -> m.indicateur().equals(Indicateurs.ROTATION_STATIONNEMENT.id())).singleElement()
                .satisfies(m -> assertThat(m.commande()).contains("ingest horodateurs"));
    }

    @Test
    void antonysRotationByIrisTakesThePlaceOfTheMissingCarParks() {
        var manques = Manques.de(Territoires.charger("antony"), TOUS,
                List.of(Indicateurs.ROTATION_STATIONNEMENT.id(), Indicateurs.OCCUPATION_VOIRIE.id()));
        assertThat(manques).extracting(Manques.Manque::indicateur).doesNotContain(Indicateurs.PLACES_PAR_HABITANT.id(),
                Indicateurs.ROTATION_STATIONNEMENT.id(), Indicateurs.OCCUPATION_VOIRIE.id());
    }
}
