package fr.croisements.viz.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodesTest {

    private static String libelle(String debut, String fin) {
        return Periodes.libelle(Instant.parse(debut), Instant.parse(fin));
    }

    @Test
    void weekFromMondayToMondayEndsOnSunday() {
        assertThat(libelle("2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z")).isEqualTo("semaine du 6 au 12 janvier 2025");
    }

    @Test
    void weekAcrossTwoMonthsNamesBothMonths() {
        assertThat(libelle("2025-01-27T00:00:00Z", "2025-02-03T00:00:00Z")).isEqualTo("semaine du 27 janvier au 2 février 2025");
    }

    @Test
    void weekAcrossTwoYearsNamesBothYears() {
        assertThat(libelle("2024-12-30T00:00:00Z", "2025-01-06T00:00:00Z"))
                .isEqualTo("semaine du 30 décembre 2024 au 5 janvier 2025");
    }

    @Test
    void firstDayOfAMonthIsWrittenPremier() {
        assertThat(libelle("2025-12-01T00:00:00Z", "2025-12-08T00:00:00Z")).isEqualTo("semaine du 1er au 7 décembre 2025");
    }

    @Test
    void otherWindowsAreNotCalledWeeks() {
        assertThat(libelle("2025-01-07T00:00:00Z", "2025-01-14T00:00:00Z")).isEqualTo("du 7 au 13 janvier 2025");
        assertThat(libelle("2025-01-06T00:00:00Z", "2025-01-07T00:00:00Z")).isEqualTo("journée du 6 janvier 2025");
        assertThat(libelle("2025-01-06T08:00:00Z", "2025-01-06T09:00:00Z")).isEqualTo("journée du 6 janvier 2025");
    }

    @Test
    void aDayCutAtMidnightInParisIsReadInParis() {
        // the car parks' days: summer (UTC+2) and winter (UTC+1)
        assertThat(libelle("2025-07-02T22:00:00Z", "2025-07-03T22:00:00Z")).isEqualTo("journée du 3 juillet 2025");
        assertThat(libelle("2025-01-05T23:00:00Z", "2025-01-06T23:00:00Z")).isEqualTo("journée du 6 janvier 2025");
        // the night the clocks go forward: 23 hours long
        assertThat(libelle("2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z")).isEqualTo("journée du 30 mars 2025");
    }

    @Test
    void wholeCalendarYearsAreNamedByTheirYears() {
        assertThat(libelle("2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z")).isEqualTo("année 2021");
        assertThat(libelle("2021-01-01T00:00:00Z", "2023-01-01T00:00:00Z")).isEqualTo("années 2021 et 2022");
        assertThat(libelle("2019-01-01T00:00:00Z", "2023-01-01T00:00:00Z")).isEqualTo("années 2019 à 2022");
        assertThat(libelle("2021-01-01T06:00:00Z", "2023-01-01T00:00:00Z"))
                .isEqualTo("du 1er janvier 2021 au 31 décembre 2022");
    }
}
