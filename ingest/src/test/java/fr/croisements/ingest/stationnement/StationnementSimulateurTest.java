package fr.croisements.ingest.stationnement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.croisements.events.LoraUplink;
import fr.croisements.ingest.lora.DecodeurRegistre;
import fr.croisements.ingest.lora.Lecture;
import fr.croisements.ingest.lora.MessageSimule;
import fr.croisements.ingest.lora.TtsAdapter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated fleet of Antony: its places, its determinism, its TTS frames and its scenarios. */
class StationnementSimulateurTest {

    static final Instant DEBUT = Instant.parse("2026-03-02T00:00:00Z"); // a Monday
    static final Instant FIN = DEBUT.plus(Duration.ofDays(7));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void placesItsSpacesInAtLeastTwentyIrisWithTheCentreWeightedMost() {
        var sim = new StationnementSimulateur(7, new ScenarioVoirie("normal"));
        Map<String, Long> parIris = sim.places().stream().collect(Collectors.groupingBy(PlaceVoirie::codeIris, Collectors.counting()));
        assertThat(sim.places()).hasSize(StationnementSimulateur.NOMBRE_PLACES);
        assertThat(parIris).hasSizeGreaterThanOrEqualTo(20);
        assertThat(parIris.values()).allMatch(n -> n >= 3); // the secrecy threshold of the indicators
        long centre = ScenarioVoirie.IRIS_CENTRE.stream().mapToLong(parIris::get).sum();
        assertThat(centre).isGreaterThan(StationnementSimulateur.NOMBRE_PLACES / 5);
        assertThat(sim.places()).extracting(PlaceVoirie::devEui).doesNotHaveDuplicates().allMatch(e -> e.matches("[0-9A-F]{16}"));
    }

    @Test
    void theSameSeedGivesTheSameFramesAndAnotherSeedOthers() {
        var a = messages(new StationnementSimulateur(7, new ScenarioVoirie("normal")), DEBUT, DEBUT.plus(Duration.ofDays(1)));
        var b = messages(new StationnementSimulateur(7, new ScenarioVoirie("normal")), DEBUT, DEBUT.plus(Duration.ofDays(1)));
        var c = messages(new StationnementSimulateur(8, new ScenarioVoirie("normal")), DEBUT, DEBUT.plus(Duration.ofDays(1)));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void itsFramesAreTtsUplinksThatTellTheStaysItDrew() throws Exception {
        var sim = new StationnementSimulateur(7, new ScenarioVoirie("normal"));
        var tts = new TtsAdapter(DecodeurRegistre.standard(), sim.appareils());
        Instant fin = DEBUT.plus(Duration.ofDays(2));
        // per space: occupied and free frames rebuilt into stays, as a sensor's frames say them
        Map<String, Instant> arrivees = new HashMap<>();
        var lus = new ArrayList<String>();
        Instant precedent = Instant.MIN;
        for (MessageSimule m : messages(sim, DEBUT, fin)) {
            assertThat(m.instant()).isAfterOrEqualTo(precedent);
            precedent = m.instant();
            Lecture l = tts.lire(JSON.readTree(m.json()), m.evenement());
            assertThat(l).as(m.json()).isInstanceOf(Lecture.Uplink.class);
            LoraUplink u = ((Lecture.Uplink) l).uplink();
            assertThat(u.instant()).isEqualTo(m.instant());
            assertThat(u.position()).isNotNull();
            assertThat(u.modele()).isIn("nwave-nps", "bosch-tps110");
            boolean occupee = u.mesures().get("occupation").valeur() == 1;
            if (u.fPort() == 1 && occupee) {
                arrivees.put(u.devEui(), u.instant());
            } else if (u.fPort() == 1) {
                lus.add(u.devEui() + " " + arrivees.remove(u.devEui()) + " " + u.instant());
            }
        }
        var tires = sim.sejours(DEBUT, fin).stream().filter(s -> s.depart().isBefore(fin))
                .map(s -> s.place().devEui() + " " + s.arrivee() + " " + s.depart()).sorted().toList();
        assertThat(lus.stream().sorted().toList()).isEqualTo(tires);
    }

    @Test
    void marketDaysAndSalesBringMoreVehiclesWhereAndWhenTheySay() {
        int normal = arriveesCentre(new ScenarioVoirie("normal"), DayOfWeek.TUESDAY, 8, 13);
        int marche = arriveesCentre(new ScenarioVoirie("jour-de-marche"), DayOfWeek.TUESDAY, 8, 13);
        int marcheLundi = arriveesCentre(new ScenarioVoirie("jour-de-marche"), DayOfWeek.MONDAY, 8, 13);
        int normalLundi = arriveesCentre(new ScenarioVoirie("normal"), DayOfWeek.MONDAY, 8, 13);
        int soldes = arriveesCentre(new ScenarioVoirie("soldes"), DayOfWeek.MONDAY, 10, 19);
        int normalApresMidi = arriveesCentre(new ScenarioVoirie("normal"), DayOfWeek.MONDAY, 10, 19);
        assertThat(marche).isGreaterThan((int) (normal * 1.25)); // fewer than ×2: the spaces are occupied part of the time
        assertThat(marcheLundi).isEqualTo(normalLundi);
        assertThat(soldes).isGreaterThan((int) (normalApresMidi * 1.1)); // longer stays hold the spaces
    }

    private static int arriveesCentre(ScenarioVoirie scenario, DayOfWeek jour, int de, int a) {
        var sim = new StationnementSimulateur(7, scenario);
        return (int) sim.sejours(DEBUT, FIN).stream()
                .filter(s -> ScenarioVoirie.IRIS_CENTRE.contains(s.place().codeIris()))
                .filter(s -> {
                    var l = LocalDateTime.ofInstant(s.arrivee(), StationnementSimulateur.PARIS);
                    return l.getDayOfWeek() == jour && l.getHour() >= de && l.getHour() < a;
                }).count();
    }

    @Test
    void compressesDurationsAsTheNwaveDecoderReadsThem() {
        var lus = new TreeMap<Long, Integer>();
        for (long m : new long[] {0, 89, 90, 95, 239, 240, 300, 600, 5000}) {
            lus.put(m, StationnementSimulateur.dureeCompressee(m));
        }
        assertThat(lus).containsEntry(0L, 0).containsEntry(89L, 89).containsEntry(90L, 90).containsEntry(95L, 91)
                .containsEntry(239L, 119).containsEntry(240L, 120).containsEntry(300L, 121).containsEntry(600L, 126)
                .containsEntry(5000L, 127);
    }

    static List<MessageSimule> messages(StationnementSimulateur sim, Instant debut, Instant fin) {
        var l = new ArrayList<MessageSimule>();
        sim.iterateur(debut, fin).forEachRemaining(l::add);
        return l;
    }
}
