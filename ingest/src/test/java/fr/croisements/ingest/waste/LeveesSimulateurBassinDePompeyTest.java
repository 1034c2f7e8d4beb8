package fr.croisements.ingest.waste;

import static fr.croisements.ingest.waste.Fixtures.PSEUDONYMISEUR;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/** The simulator on the real Bassin de Pompey pack, at its real size. */
class LeveesSimulateurBassinDePompeyTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void simulatesAYearOfTheBassinDePompeyWithOneBinPerHouseholdInsideItsCommune() {
        Territoire pompey = Territoires.charger("bassin-de-pompey");
        Map<String, IndexedPointInAreaLocator> contours = pompey.communes().stream()
                .collect(toMap(Commune::codeInsee, c -> new IndexedPointInAreaLocator(c.contour())));
        Map<String, Commune> communes = pompey.communes().stream().collect(toMap(Commune::codeInsee, Function.identity()));

        var simulateur = new LeveesSimulateur(pompey, 2025, PSEUDONYMISEUR);
        long levees = simulateur.periode(Instant.parse("2025-01-06T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z"))
                .count();

        assertThat(simulateur.communes()).hasSize(13);
        assertThat(simulateur.communes()).allSatisfy(c ->
                assertThat(c.bacs()).isEqualTo(Math.round(communes.get(c.codeInsee()).chiffre(Commune.MENAGES))));
        assertThat(simulateur.nombreBacs()).isBetween(15_000, 20_000);
        assertThat(simulateur.bacs()).allSatisfy(b -> assertThat(contours.get(b.codeInsee())
                .locate(new Coordinate(b.longitude(), b.latitude()))).isEqualTo(Location.INTERIOR));
        double attendu = simulateur.communes().stream().mapToDouble(c -> 52 * c.bacs() * c.tauxPresentation()).sum();
        assertThat((double) levees).isCloseTo(attendu, within(attendu * 0.02));
    }
}
