package fr.croisements.ingest.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OccupationSimulateurTest {

    private static final long GRAINE = 42;
    private static final Instant LUNDI = Instant.parse("2026-01-05T00:00:00Z");

    private static OccupationSimulateur simulateur(long graine, ScenarioStationnement scenario) {
        return OccupationSimulateur.poitiersEtLaRochelle(graine, scenario);
    }

    @Test
    void simulatesTheCarParksOfPoitiersAndLaRochelleThatHaveACapacity() {
        OccupationSimulateur s = simulateur(GRAINE, ScenarioStationnement.AUCUN);

        assertThat(s.parcs()).hasSize(26);
        List<ParcStationnement> poitiers = s.parcs().stream().filter(p -> p.codeInsee().equals("86194")).toList();
        assertThat(poitiers).hasSize(8);
        assertThat(poitiers.stream().mapToInt(ParcStationnement::capacite).sum()).isEqualTo(3311);
        assertThat(s.parcs()).filteredOn(p -> p.id().startsWith("17")).hasSize(18);
        assertThat(s.sansCapacite()).extracting(ParcStationnement::id).containsExactlyInAnyOrder("17028-P-004", "17300-P-522");
        assertThat(s.parcs()).allSatisfy(p -> assertThat(s.facteur(p.id())).isBetween(0.8, 1.2));
    }

    @Test
    void givesOneObservationPerCarParkEveryQuarterHourLabelledSimulated() {
        OccupationSimulateur s = simulateur(GRAINE, ScenarioStationnement.AUCUN);

        List<OccupationParking> jour = s.periode(LUNDI.plusSeconds(1), LUNDI.plusSeconds(86_400 + 1)).toList();

        assertThat(jour).hasSize(26 * 96);
        assertThat(jour.get(0).instant()).isEqualTo(LUNDI.plusSeconds(900));
        assertThat(jour.get(jour.size() - 1).instant()).isEqualTo(LUNDI.plusSeconds(86_400));
        assertThat(jour).isSortedAccordingTo((a, b) -> a.instant().compareTo(b.instant()));
        assertThat(jour).allSatisfy(o -> {
            assertThat(o.simule()).isTrue();
            assertThat(o.instant().getEpochSecond() % 900).isZero();
            assertThat(o.placesLibres()).isBetween(0, o.capacite());
            assertThat(o.statut()).isIn("ouvert", "presque_complet", "complet");
        });
        assertThat(s.periode(LUNDI, LUNDI.plusSeconds(900))).hasSize(26); // start inclusive, end exclusive
    }

    @Test
    void isDeterministicForASeedAndDiffersForAnother() {
        Instant debut = LUNDI.plusSeconds(3 * 86_400);
        Instant fin = debut.plusSeconds(2 * 86_400);

        List<OccupationParking> a = simulateur(GRAINE, ScenarioStationnement.AUCUN).periode(debut, fin).toList();
        List<OccupationParking> b = simulateur(GRAINE, ScenarioStationnement.AUCUN).periode(debut, fin).toList();
        List<OccupationParking> c = simulateur(GRAINE + 1, ScenarioStationnement.AUCUN).periode(debut, fin).toList();
        // A sub-period computed alone is the same as within a longer one
        List<OccupationParking> d = simulateur(GRAINE, ScenarioStationnement.AUCUN)
                .periode(debut.plusSeconds(86_400), fin).toList();

        assertThat(a).isEqualTo(b);
        assertThat(c).hasSameSizeAs(a).isNotEqualTo(a);
        assertThat(a.subList(a.size() - d.size(), a.size())).isEqualTo(d);
    }

    @Test
    void weekdayProfilePeaksBetweenTenAndThreeCloseToMontpellier() {
        OccupationSimulateur s = simulateur(GRAINE, ScenarioStationnement.AUCUN);

        double[][] moyennes = moyennesHoraires(s, LUNDI, LUNDI.plusSeconds(28 * 86_400), p -> true, false);

        int pointe = 0;
        for (int h = 1; h < 24; h++) {
            pointe = moyennes[0][h] > moyennes[0][pointe] ? h : pointe;
        }
        assertThat(pointe).isBetween(10, 14);
        double montpellier = ProfilOccupation.MONTPELLIER.moyenne(false, ProfilOccupation.MONTPELLIER.heureDePointe(false));
        assertThat(moyennes[0][pointe]).isCloseTo(montpellier, within(0.04));
        assertThat(moyennes[0][4]).isCloseTo(ProfilOccupation.MONTPELLIER.moyenne(false, 4), within(0.04)); // night
    }

    @Test
    void marketScenarioRaisesSaturdayMorningOccupancyInTheCentreOnly() {
        OccupationSimulateur sans = simulateur(GRAINE, ScenarioStationnement.AUCUN);
        OccupationSimulateur marche = simulateur(GRAINE, ScenarioStationnement.marche());
        Set<String> centre = marche.parcsConcernes();
        Instant debut = LUNDI;
        Instant fin = LUNDI.plusSeconds(14 * 86_400);

        assertThat(centre).contains("86194-P-002", "17300-P-007").doesNotContain("17200-P-001", "17391-P-001");
        double[][] avant = moyennesHoraires(sans, debut, fin, p -> centre.contains(p), true);
        double[][] apres = moyennesHoraires(marche, debut, fin, p -> centre.contains(p), true);
        for (int h = 9; h < 12; h++) {
            assertThat(apres[1][h] - avant[1][h]).as("Saturday %d h", h).isCloseTo(0.25, within(0.03));
        }
        assertThat(apres[1][15] - avant[1][15]).isCloseTo(0, within(1e-9));
        // Outside the centre and on other days, nothing changes
        Instant mercredi = LUNDI.plusSeconds(2 * 86_400);
        assertThat(marche.periode(mercredi, mercredi.plusSeconds(86_400)).toList())
                .isEqualTo(sans.periode(mercredi, mercredi.plusSeconds(86_400)).toList());
        Instant samedi = LUNDI.plusSeconds(5 * 86_400);
        assertThat(marche.periode(samedi, samedi.plusSeconds(86_400)).filter(o -> !centre.contains(o.parkingId())).toList())
                .isEqualTo(sans.periode(samedi, samedi.plusSeconds(86_400)).filter(o -> !centre.contains(o.parkingId())).toList());
    }

    @Test
    void festivalFillsTheCentreNearSaturationOnItsEvenings() {
        var festival = ScenarioStationnement.parNom("festival", LocalDate.of(2026, 1, 5));
        OccupationSimulateur s = simulateur(GRAINE, festival);
        Instant jeudi21h = ZonedDateTime.parse("2026-01-08T21:00:00+01:00[Europe/Paris]").toInstant();
        Instant lundi21h = ZonedDateTime.parse("2026-01-12T21:00:00+01:00[Europe/Paris]").toInstant();

        List<OccupationParking> soir = s.periode(jeudi21h, jeudi21h.plusSeconds(1)).filter(o -> s.parcsConcernes()
                .contains(o.parkingId())).toList();
        List<OccupationParking> apres = s.periode(lundi21h, lundi21h.plusSeconds(1)).filter(o -> s.parcsConcernes()
                .contains(o.parkingId())).toList();

        assertThat(festival).hasToString("festival (4 soirs à partir du 2026-01-08)");
        assertThat(soir).isNotEmpty().allSatisfy(o -> assertThat(taux(o)).isGreaterThan(0.92));
        assertThat(soir).anySatisfy(o -> assertThat(o.statut()).isIn("complet", "presque_complet"));
        assertThat(apres.stream().mapToDouble(OccupationSimulateurTest::taux).average().orElseThrow()).isLessThan(0.6);
    }

    @Test
    void refusesAnUnknownScenarioNameInFrench() {
        assertThatThrownBy(() -> ScenarioStationnement.parNom("braderie", LocalDate.of(2026, 1, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Scénario de stationnement inconnu : braderie (disponibles : aucun, marche, festival)");
        assertThat(ScenarioStationnement.parNom("Marché", LocalDate.of(2026, 1, 5)).nom()).isEqualTo("marche");
    }

    private static double taux(OccupationParking o) {
        return 1 - (double) o.placesLibres() / o.capacite();
    }

    /** Mean rate of the observations by local hour of Paris: [0] weekdays, [1] weekends (only Saturdays when asked). */
    private static double[][] moyennesHoraires(OccupationSimulateur s, Instant debut, Instant fin, Predicate<String> parcs,
            boolean samediSeulement) {
        double[][] somme = new double[2][24];
        int[][] nombre = new int[2][24];
        s.periode(debut, fin).filter(o -> parcs.test(o.parkingId())).forEach(o -> {
            ZonedDateTime local = o.instant().atZone(ProfilOccupation.PARIS);
            boolean weekend = ProfilOccupation.estWeekend(local.toLocalDate());
            if (samediSeulement && weekend && local.getDayOfWeek() != DayOfWeek.SATURDAY) {
                return;
            }
            int j = weekend ? 1 : 0;
            somme[j][local.getHour()] += taux(o);
            nombre[j][local.getHour()]++;
        });
        for (int j = 0; j < 2; j++) {
            for (int h = 0; h < 24; h++) {
                somme[j][h] /= nombre[j][h];
            }
        }
        return somme;
    }
}
