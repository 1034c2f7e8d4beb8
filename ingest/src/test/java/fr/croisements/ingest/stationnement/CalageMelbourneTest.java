package fr.croisements.ingest.stationnement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/**
 * The calibration of {@link StationnementSimulateur}: every constant it takes from the real stays of
 * Melbourne ({@code shared/datasets/antony/melbourne_sensor_events_2017-02-08_extrait.csv}, City of
 * Melbourne, CC BY 4.0; a 1-in-10 sample of 8 February 2017, arrivals from 8:00 to 18:59) is computed
 * again here from the file, and must be the one in the simulator. Skips where the file is absent.
 * Then the simulated fleet is checked against those figures.
 */
class CalageMelbourneTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.ENGLISH);

    /** A stay of the file (Vehicle Present = True). */
    record SejourReel(LocalDateTime arrivee, long secondes, boolean infraction) {}

    static Path fichier() {
        String propriete = System.getProperty("croisements.donnees.officielles");
        return (propriete != null ? Path.of(propriete) : Path.of("../../shared/datasets"))
                .resolve("antony").resolve("melbourne_sensor_events_2017-02-08_extrait.csv");
    }

    @Test
    void theSimulatorsConstantsAreTheOnesOfMelbournesStays() throws IOException {
        assumeTrue(Files.isRegularFile(fichier()), "shared/datasets/antony absent : calage non vérifié");
        var sejours = new ArrayList<SejourReel>();
        var capteurs = new HashSet<String>();
        try (Reader r = Files.newBufferedReader(fichier(), StandardCharsets.UTF_8)) {
            for (var l : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                capteurs.add(l.get("DeviceId"));
                if (l.get("Vehicle Present").equals("True")) {
                    sejours.add(new SejourReel(LocalDateTime.parse(l.get("ArrivalTime"), DATE),
                            Long.parseLong(l.get("DurationSeconds").replace(",", "")), l.get("In Violation").equals("True")));
                }
            }
        }
        assertThat(sejours).hasSize(162);
        int n = sejours.size();

        double[] bornes = StationnementSimulateur.BORNES_CLASSES_MINUTES;
        int[] classes = new int[bornes.length];
        for (SejourReel s : sejours) {
            int k = 0;
            while (k < bornes.length - 1 && s.secondes() / 60.0 > bornes[k]) {
                k++;
            }
            classes[k]++;
        }
        for (int k = 0; k < classes.length; k++) {
            assertThat(StationnementSimulateur.PARTS_CLASSES[k]).as("classe %d", k).isCloseTo(classes[k] / (double) n, within(5e-5));
        }
        assertThat(StationnementSimulateur.PART_DEPASSEMENTS)
                .isCloseTo(sejours.stream().filter(SejourReel::infraction).count() / (double) n, within(5e-5));

        int[] parHeure = new int[StationnementSimulateur.ARRIVEES_PAR_HEURE.length];
        sejours.forEach(s -> parHeure[s.arrivee().getHour() - StationnementSimulateur.PREMIERE_HEURE]++);
        assertThat(StationnementSimulateur.ARRIVEES_PAR_HEURE).containsExactly(parHeure);

        double medianeJour = mediane(sejours.stream().map(s -> (double) s.secondes()).toList());
        for (int h = 0; h < parHeure.length; h++) {
            int heure = h + StationnementSimulateur.PREMIERE_HEURE;
            double m = mediane(sejours.stream().filter(s -> s.arrivee().getHour() == heure).map(s -> (double) s.secondes()).toList());
            assertThat(StationnementSimulateur.FACTEURS_DUREE_PAR_HEURE[h]).as("%d h", heure).isCloseTo(m / medianeJour, within(0.005));
        }
        // a 1-in-10 sample (arrivals at minutes ending in 9): ten times the stays, on every bay of the file
        assertThat(StationnementSimulateur.ROTATION_JOUR).isCloseTo(n * 10.0 / capteurs.size(), within(0.005));
        double occupees = sejours.stream().mapToLong(SejourReel::secondes).sum() * 10.0;
        assertThat(StationnementSimulateur.OCCUPATION).isCloseTo(occupees / (capteurs.size() * 11 * 3600.0), within(0.005));
    }

    @Test
    void theSimulatedFleetTurnsOverAndOverstaysAsMelbourneDoes() {
        var sim = new StationnementSimulateur(11, new ScenarioVoirie("normal"));
        Instant debut = Instant.parse("2026-03-02T00:00:00Z");
        var sejours = sim.sejours(debut, debut.plus(Duration.ofDays(7))).stream()
                .filter(s -> {
                    int h = LocalDateTime.ofInstant(s.arrivee(), StationnementSimulateur.PARIS).getHour();
                    return h >= 8 && h < 19;
                }).toList();
        double rotation = sejours.size() / (7.0 * sim.places().size());
        assertThat(rotation).isCloseTo(StationnementSimulateur.ROTATION_JOUR, within(StationnementSimulateur.ROTATION_JOUR * 0.2));
        double depassements = sejours.stream()
                .filter(s -> s.depart().isAfter(s.arrivee().plus(Duration.ofMinutes(s.place().limiteMinutes())))).count()
                / (double) sejours.size();
        assertThat(depassements).isCloseTo(StationnementSimulateur.PART_DEPASSEMENTS, within(0.03));
        double courts = sejours.stream().filter(s -> Duration.between(s.arrivee(), s.depart()).toMinutes() <= 15).count()
                / (double) sejours.size();
        assertThat(courts).isCloseTo(StationnementSimulateur.PARTS_CLASSES[0], within(0.08));
    }

    private static double mediane(List<Double> valeurs) {
        var t = valeurs.stream().sorted().toList();
        int n = t.size();
        return n % 2 == 1 ? t.get(n / 2) : (t.get(n / 2 - 1) + t.get(n / 2)) / 2;
    }
}
