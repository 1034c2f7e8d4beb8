package fr.croisements.ingest.waste;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static fr.croisements.ingest.waste.Fixtures.PSEUDONYMISEUR;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingDouble;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class LeveesSimulateurTest {

    private static final long GRAINE = 42;
    private static final LocalDate LUNDI = LocalDate.of(2025, 1, 6);
    private static final Territoire TERRITOIRE = Fixtures.petitTerritoire();
    private static final LeveesSimulateur SIMULATEUR = new LeveesSimulateur(TERRITOIRE, GRAINE, PSEUDONYMISEUR);

    @Test
    void sameSeedAndTerritoryGiveIdenticalLifts() {
        var autre = new LeveesSimulateur(Fixtures.petitTerritoire(), GRAINE, PSEUDONYMISEUR);

        assertThat(autre.semaine(LUNDI)).isNotEmpty().isEqualTo(SIMULATEUR.semaine(LUNDI));
        assertThat(autre.periode(debut(LUNDI), debut(LUNDI.plusWeeks(4))).toList())
                .isEqualTo(SIMULATEUR.periode(debut(LUNDI), debut(LUNDI.plusWeeks(4))).toList());
        assertThat(autre.communes()).isEqualTo(SIMULATEUR.communes());
    }

    @Test
    void anotherSeedGivesOtherLifts() {
        var autre = new LeveesSimulateur(TERRITOIRE, GRAINE + 1, PSEUDONYMISEUR);

        List<LeveeBac> a = SIMULATEUR.semaine(LUNDI);
        List<LeveeBac> b = autre.semaine(LUNDI);
        assertThat(b).isNotEqualTo(a);
        assertThat(ids(b)).doesNotContainAnyElementsOf(ids(a));
    }

    @Test
    void placesOneBinPerHouseholdStrictlyInsideItsCommune() {
        var geometries = new GeometryFactory();
        Map<String, Commune> communes = TERRITOIRE.communes().stream().collect(toMap(Commune::codeInsee, Function.identity()));

        List<LeveesSimulateur.Bac> bacs = SIMULATEUR.bacs();

        assertThat(bacs).hasSize(400 + 300 + 150).hasSize(SIMULATEUR.nombreBacs());
        assertThat(bacs.stream().collect(groupingBy(LeveesSimulateur.Bac::codeInsee, counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("54001", 400L, "54002", 300L, "2A004", 150L));
        assertThat(bacs).allSatisfy(bac -> assertThat(communes.get(bac.codeInsee()).contour()
                        .contains(geometries.createPoint(new Coordinate(bac.longitude(), bac.latitude()))))
                .as("bin of %s at %s %s", bac.codeInsee(), bac.longitude(), bac.latitude())
                .isTrue());
        // The concave commune's notch (6.05..6.10 x 48.81..48.83) lies in its envelope but not in it.
        assertThat(bacs).filteredOn(b -> b.codeInsee().equals("54002"))
                .noneMatch(b -> b.longitude() > 6.05 && b.latitude() > 48.81);
        // Both islands of the multipolygon get bins.
        assertThat(bacs).filteredOn(b -> b.codeInsee().equals("2A004"))
                .anyMatch(b -> b.longitude() < 6.22)
                .anyMatch(b -> b.longitude() > 6.24);
        assertThat(bacs).extracting(LeveesSimulateur.Bac::idBac).doesNotHaveDuplicates();
    }

    @Test
    void collectsEachCommuneOnItsOwnFixedWeekdayBetweenFiveAndOneInParis() {
        Map<String, String> communeDuBac = SIMULATEUR.bacs().stream()
                .collect(toMap(LeveesSimulateur.Bac::idBac, LeveesSimulateur.Bac::codeInsee));
        Map<String, CommuneSimulee> communes = SIMULATEUR.communes().stream()
                .collect(toMap(CommuneSimulee::codeInsee, Function.identity()));
        assertThat(communes.keySet()).containsExactlyInAnyOrder("54001", "54002", "2A004");

        List<LeveeBac> levees = SIMULATEUR.periode(debut(LUNDI), debut(LUNDI.plusWeeks(8))).toList();

        assertThat(levees).isNotEmpty().allSatisfy(l -> {
            ZonedDateTime locale = l.instant().atZone(LeveesSimulateur.FUSEAU);
            CommuneSimulee commune = communes.get(communeDuBac.get(l.idBac()));
            assertThat(locale.getDayOfWeek()).isEqualTo(commune.jourDeCollecte());
            assertThat(locale.toLocalTime()).isBetween(LocalTime.of(5, 0), LocalTime.of(12, 59, 59));
            assertThat(l.camion()).isEqualTo(commune.camion());
        });
        assertThat(communes.values()).extracting(CommuneSimulee::jourDeCollecte)
                .allMatch(j -> j.getValue() <= DayOfWeek.FRIDAY.getValue());
        assertThat(LeveesSimulateur.jourDeCollecte(GRAINE, "54001")).isEqualTo(communes.get("54001").jourDeCollecte());
    }

    @Test
    void presentsBinsAtTheConfiguredRateOverAYear() {
        var simulateur = new LeveesSimulateur(TERRITOIRE, 7, PSEUDONYMISEUR, 0.3);
        Map<String, String> communeDuBac = simulateur.bacs().stream()
                .collect(toMap(LeveesSimulateur.Bac::idBac, LeveesSimulateur.Bac::codeInsee));
        Map<String, Long> levees = simulateur.periode(debut(LUNDI), debut(LUNDI.plusWeeks(52)))
                .collect(groupingBy(l -> communeDuBac.get(l.idBac()), counting()));

        assertThat(simulateur.communes()).allSatisfy(c -> {
            assertThat(c.tauxPresentation()).isBetween(0.3 - LeveesSimulateur.ECART_TAUX_COMMUNE,
                    0.3 + LeveesSimulateur.ECART_TAUX_COMMUNE);
            double observe = levees.get(c.codeInsee()) / (52.0 * c.bacs());
            assertThat(observe).as("rate of %s", c.codeInsee()).isCloseTo(c.tauxPresentation(), within(0.02));
        });
        double moyenne = levees.values().stream().mapToLong(Long::longValue).sum() / (52.0 * simulateur.nombreBacs());
        assertThat(moyenne).isCloseTo(0.3, within(LeveesSimulateur.ECART_TAUX_COMMUNE));
        // Every commune does not get the same rate: the spread is there.
        assertThat(simulateur.communes()).extracting(CommuneSimulee::tauxPresentation).doesNotHaveDuplicates();
    }

    @Test
    void weighsAYearOfLiftsAtThePublishedKilogramsPerInhabitant() {
        Map<String, String> communeDuBac = SIMULATEUR.bacs().stream()
                .collect(toMap(LeveesSimulateur.Bac::idBac, LeveesSimulateur.Bac::codeInsee));
        Map<String, Double> kg = SIMULATEUR.periode(debut(LUNDI), debut(LUNDI.plusWeeks(52)))
                .collect(groupingBy(l -> communeDuBac.get(l.idBac()), summingDouble(LeveeBac::poidsKg)));

        assertThat(kg.get("54001") / 880).isCloseTo(LeveesSimulateur.OMR_KG_PAR_HABITANT_AN, within(8.0));
        assertThat(kg.get("54002") / 600).isCloseTo(LeveesSimulateur.OMR_KG_PAR_HABITANT_AN, within(8.0));
        // No population figure: persons per household of the rest of the territory, (880 + 600) / 700.
        assertThat(SIMULATEUR.communes().stream().filter(c -> c.codeInsee().equals("2A004")).findFirst().orElseThrow())
                .satisfies(c -> assertThat(c.kgParLevee())
                        .isCloseTo(132 * (1480.0 / 700) / (52 * c.tauxPresentation()), within(1e-9)));
    }

    @Test
    @DonneesOfficiellesRequises
    void calibrationFiguresAreThePublishedOnes() throws IOException {
        var fichier = Fixtures.donneesOfficielles().resolve("waste/reperes_publies_dechets_stationnement.csv");
        Map<String, String> reperes;
        try (Reader in = Files.newBufferedReader(fichier, StandardCharsets.UTF_8)) {
            reperes = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .collect(toMap(r -> r.get("indicateur"), (CSVRecord r) -> r.get("valeur")));
        }

        assertThat(Double.parseDouble(reperes.get("omr_kg_hab_an_collectivites_TI")))
                .isEqualTo(LeveesSimulateur.OMR_KG_PAR_HABITANT_AN);
        double leveesParAn = 52 * LeveesSimulateur.TAUX_PRESENTATION_MOYEN;
        assertThat(leveesParAn).isGreaterThan(Double.parseDouble(reperes.get("levees_minimum_facturees"))).isLessThan(52);
    }

    @Test
    void liftsAreSimulatedResidualWasteInTimeOrderWithPositiveWeights() {
        List<LeveeBac> semaine = SIMULATEUR.semaine(LUNDI);

        assertThat(semaine).isSortedAccordingTo(Comparator.comparing(LeveeBac::instant))
                .allSatisfy(l -> {
                    assertThat(l.simule()).isTrue();
                    assertThat(l.flux()).isEqualTo("OMR");
                    assertThat(l.poidsKg()).isPositive();
                    assertThat(l.idBac()).matches("[0-9a-f]{64}");
                });
        assertThat(ids(semaine)).doesNotHaveDuplicates();
    }

    @Test
    void aPeriodIsHalfOpenAndAgreesWithTheWeeks() {
        Instant debut = debut(LUNDI.plusDays(2));
        Instant fin = debut(LUNDI.plusDays(9));
        var attendu = new ArrayList<LeveeBac>(SIMULATEUR.semaine(LUNDI));
        attendu.addAll(SIMULATEUR.semaine(LUNDI.plusWeeks(1)));
        attendu.removeIf(l -> l.instant().isBefore(debut) || !l.instant().isBefore(fin));

        assertThat(SIMULATEUR.periode(debut, fin).toList()).isNotEmpty().isEqualTo(attendu);
        Instant premiere = attendu.get(0).instant();
        assertThat(SIMULATEUR.periode(premiere, premiere).toList()).isEmpty();
        assertThat(SIMULATEUR.periode(premiere, premiere.plusNanos(1)).toList()).allMatch(l -> l.instant().equals(premiere));
        assertThat(SIMULATEUR.depuis(debut).limit(attendu.size()).toList()).isEqualTo(attendu);
    }

    @Test
    void refusesAWeekThatDoesNotStartOnMonday() {
        assertThatThrownBy(() -> SIMULATEUR.semaine(LUNDI.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-01-07");
    }

    @Test
    void noClearChipIdAppearsInTheSerialisedLifts() {
        var idsClairs = Fixtures.idsClairs(TERRITOIRE, GRAINE);
        assertThat(idsClairs).hasSize(850).allMatch(id -> id.matches("E004[0-9A-F]{12}"));
        var serialiseur = Topics.DECHETS_LEVEES.valueSerde().serializer();
        var jetons = new HashSet<String>();

        SIMULATEUR.periode(debut(LUNDI), debut(LUNDI.plusWeeks(2))).forEach(l ->
                jetons.addAll(Fixtures.jetons(new String(serialiseur.serialize("t", l), StandardCharsets.UTF_8))));

        assertThat(jetons).isNotEmpty().doesNotContainAnyElementsOf(idsClairs);
        assertThat(jetons).containsAll(SIMULATEUR.semaine(LUNDI).stream().map(LeveeBac::idBac).toList());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void streamsAYearOfABassinDePompeySizedTerritoryWeekByWeek() {
        var simulateur = new LeveesSimulateur(Fixtures.grandTerritoire(), GRAINE, PSEUDONYMISEUR);

        long levees = simulateur.periode(debut(LUNDI), debut(LUNDI.plusWeeks(52))).count();

        assertThat(simulateur.nombreBacs()).isEqualTo(18_000);
        double attendu = simulateur.communes().stream().mapToDouble(c -> 52 * c.bacs() * c.tauxPresentation()).sum();
        assertThat((double) levees).isCloseTo(attendu, within(attendu * 0.02));
    }

    @Test
    void refusesACommuneWithHouseholdsButNoContour() {
        var sansContour = new Commune("54009", "Nulle-Part", Map.of(Commune.MENAGES, 10.0, Commune.POPULATION, 20.0),
                java.util.Set.of(), null);

        assertThatThrownBy(() -> new LeveesSimulateur(Fixtures.territoire(List.of(sansContour)), GRAINE, PSEUDONYMISEUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("54009");
    }

    private static List<String> ids(List<LeveeBac> levees) {
        return levees.stream().map(LeveeBac::idBac).toList();
    }

    private static Instant debut(LocalDate jour) {
        return jour.atStartOfDay(LeveesSimulateur.FUSEAU).toInstant();
    }
}
