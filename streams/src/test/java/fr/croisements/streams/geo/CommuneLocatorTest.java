package fr.croisements.streams.geo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.streams.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommuneLocatorTest {

    private final CommuneLocator locator = new CommuneLocator(Fixtures.territoire().communes());

    @Test
    void findsTheCommuneHoldingAnInteriorPoint() {
        assertThat(locator.codeInseeAt(6.05, 48.75)).contains(Fixtures.OUEST);
        assertThat(locator.codeInseeAt(6.15, 48.75)).contains(Fixtures.EST);
    }

    @Test
    void givesAPointOnASharedEdgeToTheSmallestCode() {
        assertThat(locator.codeInseeAt(6.1, 48.75)).contains(Fixtures.OUEST);
    }

    @Test
    void findsNothingOutsideEveryCommuneOrForNonFiniteCoordinates() {
        assertThat(locator.codeInseeAt(5.9, 48.75)).isEmpty();
        assertThat(locator.codeInseeAt(Double.NaN, 48.75)).isEmpty();
    }

    @Test
    void skipsEmptyContours() {
        var vide = Fixtures.commune("54003", "Vide", 1, "POLYGON EMPTY");
        var avecVide = new CommuneLocator(List.of(vide, Fixtures.territoire().communes().get(0)));
        assertThat(avecVide.codeInseeAt(6.05, 48.75)).contains(Fixtures.OUEST);
    }
}
