package fr.croisements.ingest.parking;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.events.OccupationParking;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilOccupationTest {

    @Test
    @DonneesOfficiellesRequises
    void montpellierConstantsAreTheFiguresOfTheRealSeries() throws IOException {
        var observations = OccupationAdapter.lire(DonneesParking.fichier(DonneesParking.MONTPELLIER_OCCUPATION)).valeurs();

        ProfilOccupation calcule = ProfilOccupation.calculer(observations);

        for (int h = 0; h < 24; h++) {
            assertThat(ProfilOccupation.MONTPELLIER.moyenne(false, h)).as("weekday, %d h", h)
                    .isCloseTo(calcule.moyenne(false, h), within(0.0005));
            assertThat(ProfilOccupation.MONTPELLIER.moyenne(true, h)).as("weekend, %d h", h)
                    .isCloseTo(calcule.moyenne(true, h), within(0.0005));
        }
        assertThat(calcule.heureDePointe(false)).isEqualTo(13);
        assertThat(calcule.moyenne(false, 13)).isCloseTo(0.546, within(0.0005));
        assertThat(calcule.heureDePointe(true)).isEqualTo(15);
        assertThat(calcule.moyenne(true, 15)).isCloseTo(0.409, within(0.0005));
    }

    @Test
    void interpolatesAnHourWithoutObservationBetweenItsNeighbours() {
        var lundi = ZonedDateTime.parse("2026-01-05T00:10:00+01:00[Europe/Paris]").toInstant();
        var observations = List.of(
                new OccupationParking("P", lundi, 60, 100, null, false),                    // 0 h: 0.4
                new OccupationParking("P", lundi.plusSeconds(3 * 3600), 20, 100, null, false), // 3 h: 0.8
                new OccupationParking("P", lundi.plusSeconds(3 * 3600), 0, null, null, false), // no capacity: ignored
                new OccupationParking("P", lundi.plusSeconds(5 * 86_400), 50, 100, null, false)); // Saturday 0 h: 0.5

        ProfilOccupation profil = ProfilOccupation.calculer(observations);

        assertThat(profil.semaine().subList(0, 5).stream().mapToDouble(Double::doubleValue).toArray())
                .containsExactly(new double[] {0.4, 0.4 + 0.4 / 3, 0.4 + 0.8 / 3, 0.8, 0.8 - 0.4 / 21}, within(1e-9));
        assertThat(profil.weekend()).containsOnly(0.5);
    }

    @Test
    void ratesStandAtTheMiddleOfTheirHourAndFollowTheKindOfDayAcrossMidnight() {
        ProfilOccupation p = ProfilOccupation.MONTPELLIER;

        assertThat(p.taux(ZonedDateTime.parse("2026-01-07T13:30:00+01:00[Europe/Paris]"))).isCloseTo(0.546, within(1e-9));
        assertThat(p.taux(ZonedDateTime.parse("2026-01-07T14:00:00+01:00[Europe/Paris]"))).isCloseTo((0.546 + 0.536) / 2, within(1e-9));
        // Friday 23:45 → between Friday 23 h (weekday) and Saturday 0 h (weekend)
        assertThat(p.taux(ZonedDateTime.parse("2026-01-09T23:45:00+01:00[Europe/Paris]")))
                .isCloseTo(0.75 * 0.344 + 0.25 * 0.365, within(1e-9));
        // The same instant written in UTC gives the same rate
        assertThat(p.taux(Instant.parse("2026-01-07T12:30:00Z").atZone(java.time.ZoneOffset.UTC))).isCloseTo(0.546, within(1e-9));
    }
}
