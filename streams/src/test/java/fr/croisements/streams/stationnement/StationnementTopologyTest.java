package fr.croisements.streams.stationnement;

import static fr.croisements.events.Indicateurs.OCCUPATION_VOIRIE;
import static fr.croisements.events.Indicateurs.ROTATION_STATIONNEMENT;
import static fr.croisements.events.Topics.LORA_UPLINKS;
import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;
import static fr.croisements.events.Topics.REJETS;
import static fr.croisements.events.Topics.STATIONNEMENT_SEJOURS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.Rejet;
import fr.croisements.events.SejourPlace;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.geo.LocalisateurZone;
import fr.croisements.streams.indicateurs.Entrees;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stays crossing on hand-written frame sequences: a plain stay, a lost frame, a sensor reset, an
 * overnight stay, an out-of-order frame, a space never freed, a space outside every IRIS, paid stays,
 * the INSEE figures of the IRIS and the secrecy of an IRIS with too few spaces.
 */
class StationnementTopologyTest {

    static final String CENTRE = "920020301";
    static final String PAJEAUD = "920020502";
    /** West of 2.29: the centre; from 2.29 to 2.30: Pajeaud; elsewhere no IRIS. */
    static final LocalisateurZone IRIS = (lon, lat) -> lon < 2.29 ? Optional.of(CENTRE)
            : lon < 2.30 ? Optional.of(PAJEAUD) : Optional.empty();
    static final Instant J = Instant.parse("2026-03-03T00:00:00Z"); // a Tuesday, 1:00 in Paris
    static final Source RP = new Source("Recensement de la population", "Insee", "2016", "Licence Ouverte 2.0", false);

    @TempDir
    Path etat;

    private TopologyTestDriver driver;
    private TestInputTopic<String, LoraUplink> uplinks;
    private TestInputTopic<String, SejourPlace> payes;
    private TestInputTopic<String, IndicateurInsee> insee;
    private TestOutputTopic<String, Indicateur> heures;
    private TestOutputTopic<String, Indicateur> jours;
    private TestOutputTopic<String, Rejet> rejets;
    private final Map<String, Long> compteurs = new HashMap<>();

    @BeforeEach
    void demarrer() {
        var props = new StreamsSettings("inutilise:9092", "test", etat, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(Entrees.topologie(new CommuneLocator(List.of()),
                List.of(new StationnementTopology(IRIS))), props);
        uplinks = driver.createInputTopic(LORA_UPLINKS.name(), LORA_UPLINKS.keySerde().serializer(), LORA_UPLINKS.valueSerde().serializer());
        payes = driver.createInputTopic(STATIONNEMENT_SEJOURS.name(), STATIONNEMENT_SEJOURS.keySerde().serializer(),
                STATIONNEMENT_SEJOURS.valueSerde().serializer());
        insee = driver.createInputTopic(REF_INSEE_COMMUNES.name(), REF_INSEE_COMMUNES.keySerde().serializer(),
                REF_INSEE_COMMUNES.valueSerde().serializer());
        var cellules = JsonSerde.of(Indicateur.class).deserializer();
        heures = driver.createOutputTopic(OCCUPATION_VOIRIE.topic(), new org.apache.kafka.common.serialization.StringDeserializer(), cellules);
        jours = driver.createOutputTopic(ROTATION_STATIONNEMENT.topic(), new org.apache.kafka.common.serialization.StringDeserializer(), cellules);
        rejets = driver.createOutputTopic(REJETS.name(), REJETS.keySerde().deserializer(), REJETS.valueSerde().deserializer());
    }

    @AfterEach
    void arreter() {
        driver.close();
    }

    /** Three spaces of the centre, free at {@code t}. */
    private void troisPlacesLibres(Instant t) {
        for (String p : List.of("A1", "A2", "A3")) {
            trame(p, 2.28, t, false, null);
        }
    }

    private void trame(String place, double lon, Instant t, boolean occupee, Double dureePrecedente) {
        long fCnt = compteurs.merge(place, 1L, Long::sum);
        trame(place, lon, t, occupee, dureePrecedente, fCnt);
    }

    private void trame(String place, double lon, Instant t, boolean occupee, Double dureePrecedente, long fCnt) {
        compteurs.put(place, fCnt);
        var m = new LinkedHashMap<String, Mesure>();
        m.put("occupation", new Mesure(occupee ? 1 : 0, "0/1"));
        if (dureePrecedente != null) {
            m.put("duree_etat_precedent", new Mesure(dureePrecedente, "min"));
        }
        uplinks.pipeInput(place, new LoraUplink(place, t, 1, fCnt, null, "nwave-nps", m, List.of(),
                new Position(lon, 48.754, null), "tts", true), t);
    }

    /** The latest cell of each (zone, start). */
    private static Map<String, Indicateur> dernieres(TestOutputTopic<String, Indicateur> sortie) {
        var d = new LinkedHashMap<String, Indicateur>();
        sortie.readValuesToList().forEach(c -> d.put(c.codeZone() + " " + c.debut(), c));
        return d;
    }

    private static Instant h(int heure, int minute) {
        return J.plus(Duration.ofHours(heure).plusMinutes(minute));
    }

    @Test
    void aStayFromOccupiedToFreeGivesOccupancyAndRotationOfTheIris() {
        troisPlacesLibres(h(9, 0));
        trame("A1", 2.28, h(10, 5), true, null);
        trame("A1", 2.28, h(10, 35), false, null);

        Indicateur heure = dernieres(heures).get(CENTRE + " " + h(10, 0));
        assertThat(heure.valeur()).isEqualTo(16.7); // 30 min ÷ (3 places × 60 min)
        assertThat(heure.numerateur()).isEqualTo(30.0);
        assertThat(heure.mesures()).containsEntry("arrivees", 1.0).containsEntry("places", 3.0).containsEntry("duree_mediane", 30.0)
                .containsEntry("part_depassements", 0.0);
        assertThat(heure.niveau()).isEqualTo(Zone.IRIS);
        assertThat(heure.simule()).isTrue();
        Indicateur jour = dernieres(jours).get(CENTRE + " " + Instant.parse("2026-03-02T23:00:00Z"));
        assertThat(jour.valeur()).isEqualTo(0.3); // 1 vehicle ÷ 3 places
        assertThat(jour.mesures()).containsEntry("sejours", 1.0).containsEntry("taux_occupation", 1.7); // 30 ÷ 1 800 min
        assertThat(rejets.isEmpty()).isTrue();
    }

    @Test
    void aLostArrivalFrameIsRebuiltFromTheDurationTheSensorGivesAndLostWithoutIt() {
        troisPlacesLibres(h(9, 0));
        // A1 (Nwave): the occupied frame of 10:10 is lost; the free frame says the space was occupied 30 min
        trame("A1", 2.28, h(10, 40), false, 30.0, 3);
        // A2 (no duration, as a Bosch): the occupied frame is lost too; a free heartbeat tells nothing
        trame("A2", 2.28, h(10, 40), false, null, 3);

        Indicateur heure = dernieres(heures).get(CENTRE + " " + h(10, 0));
        assertThat(heure.numerateur()).isEqualTo(30.0);
        assertThat(heure.mesures()).containsEntry("arrivees", 1.0).containsEntry("duree_mediane", 30.0);
    }

    @Test
    void aLostFreeFrameBetweenTwoVehiclesEndsTheFirstStayWhenTheSensorGivesTheFreeDuration() {
        troisPlacesLibres(h(9, 0));
        trame("A1", 2.28, h(10, 0), true, null);
        // free at 10:40 lost; the next vehicle arrives at 11:00, the space having been free 20 min
        trame("A1", 2.28, h(11, 0), true, 20.0, 4);
        trame("A1", 2.28, h(11, 30), false, 30.0);

        var d = dernieres(heures);
        assertThat(d.get(CENTRE + " " + h(10, 0)).numerateur()).isEqualTo(40.0);
        assertThat(d.get(CENTRE + " " + h(11, 0)).numerateur()).isEqualTo(30.0);
        assertThat(dernieres(jours).values().iterator().next().mesures()).containsEntry("sejours", 2.0);
    }

    @Test
    void aSensorResetKeepsTheStayOfTheVehicleStillThere() {
        troisPlacesLibres(h(9, 0));
        trame("A1", 2.28, h(10, 0), true, null, 5);
        trame("A1", 2.28, h(11, 0), true, null, 0); // restarted: counter from 0, still occupied
        trame("A1", 2.28, h(11, 30), false, null, 1);

        var jour = dernieres(jours).values().iterator().next();
        assertThat(jour.mesures()).containsEntry("sejours", 1.0).containsEntry("duree_mediane", 90.0);
        assertThat(rejets.isEmpty()).isTrue();
    }

    @Test
    void anOvernightStayFillsTheHoursOfBothDaysAndCountsOnceOnTheDayOfArrival() {
        troisPlacesLibres(h(9, 0));
        trame("A1", 2.28, h(18, 0), true, null); // 19:00 in Paris
        trame("A1", 2.28, h(31, 0), false, null); // 08:00 next day in Paris

        var d = dernieres(heures);
        for (int i = 18; i < 31; i++) {
            assertThat(d.get(CENTRE + " " + h(i, 0)).numerateur()).as("heure %d", i).isEqualTo(60.0);
        }
        assertThat(d.get(CENTRE + " " + h(18, 0)).mesures()).containsEntry("arrivees", 1.0)
                .containsEntry("part_depassements", 100.0); // 13 h > 2 h paid
        assertThat(d.get(CENTRE + " " + h(19, 0)).mesures()).containsEntry("arrivees", 0.0);
        var j = dernieres(jours);
        assertThat(j.get(CENTRE + " " + Instant.parse("2026-03-02T23:00:00Z")).mesures()).containsEntry("sejours", 1.0)
                .containsEntry("taux_occupation", 0.0); // from 19:00, outside 9:00-19:00
        assertThat(j.get(CENTRE + " " + Instant.parse("2026-03-03T23:00:00Z")).mesures()).containsEntry("sejours", 0.0);
        assertThat(j.get(CENTRE + " " + Instant.parse("2026-03-03T23:00:00Z")).valeur()).isEqualTo(0.0);
    }

    @Test
    void anOutOfOrderFrameIsRejectedWithItsReasonAndChangesNothing() {
        troisPlacesLibres(h(9, 0));
        trame("A1", 2.28, h(10, 30), true, null);
        trame("A1", 2.28, h(10, 20), false, null); // older than the last frame of A1
        trame("A1", 2.28, h(11, 0), false, null);

        var r = rejets.readValuesToList();
        assertThat(r).hasSize(1);
        assertThat(r.get(0).raison()).startsWith("trame hors d'ordre");
        assertThat(r.get(0).source()).isEqualTo(LORA_UPLINKS.name());
        var jour = dernieres(jours).values().iterator().next();
        assertThat(jour.mesures()).containsEntry("sejours", 1.0).containsEntry("duree_mediane", 30.0);
    }

    @Test
    void aSpaceNeverFreedIsClosedAfterSevenDaysAndItsLateFreeingClosesNothing() {
        troisPlacesLibres(h(9, 0));
        trame("A1", 2.28, h(10, 0), true, null);
        // stream time moves on with the other spaces' heartbeats, past 7 days
        trame("A2", 2.28, h(10, 0).plus(Duration.ofDays(7)).plusSeconds(3600), false, null);
        var jours1 = dernieres(jours);
        var arrivee = jours1.get(CENTRE + " " + Instant.parse("2026-03-02T23:00:00Z"));
        assertThat(arrivee.mesures()).containsEntry("sejours", 1.0).containsEntry("duree_mediane", 7 * 24 * 60.0);

        assertThat(heures.readValuesToList()).hasSize(7 * 24); // one update of each hour of the 7 days
        trame("A1", 2.28, h(10, 0).plus(Duration.ofDays(8)), false, null);
        assertThat(jours.isEmpty()).isTrue();
        assertThat(heures.isEmpty()).isTrue();
    }

    @Test
    void aSpaceOutsideEveryIrisIsRejected() {
        trame("Z9", 2.40, h(9, 0), false, null);
        var r = rejets.readValuesToList();
        assertThat(r).hasSize(1);
        assertThat(r.get(0).raison()).contains("hors de tout IRIS");
        assertThat(heures.isEmpty()).isTrue();
    }

    @Test
    void paidStaysFeedTheSameCountsAndTheIrisFiguresOfInseeComeWithTheDay() {
        insee.pipeInput(PAJEAUD, new IndicateurInsee(PAJEAUD, Zone.IRIS, "Pajeaud", Map.of("population", 2400.0, "densite", 9100.0,
                        fr.croisements.datasets.Territoire.VARIABLES_REFERENCE_IRIS.get(fr.croisements.datasets.Iris.REVENU_DECLARE_MEDIAN), 31000.0),
                Map.of("population", RP, "densite", RP, "revenu_declare_median", RP)), J);
        for (int i = 1; i <= 4; i++) {
            payes.pipeInput("H" + i, new SejourPlace("H" + i, h(9 + i, 0), h(9 + i, 45), 2.295, 48.75, 60,
                    SejourPlace.HORODATEUR, false), h(9 + i, 0));
        }
        payes.pipeInput("H1", new SejourPlace("H1", h(15, 0), h(16, 30), 2.295, 48.75, 60, SejourPlace.HORODATEUR, false), h(15, 0));

        var jour = dernieres(jours).get(PAJEAUD + " " + Instant.parse("2026-03-02T23:00:00Z"));
        assertThat(jour.nomZone()).isEqualTo("Pajeaud");
        assertThat(jour.valeur()).isEqualTo(1.3); // 5 stays ÷ 4 spaces
        assertThat(jour.mesures()).containsEntry("population", 2400.0).containsEntry("densite", 9100.0)
                .containsEntry("part_depassements", 20.0).containsEntry("duree_mediane", 45.0)
                .containsEntry("revenu_declare_median", 31000.0); // the IRIS's declared median, as the packs publish it
        assertThat(jour.sourcesMesures().get("population")).isEqualTo(RP);
        assertThat(jour.simule()).isFalse();
    }

    @Test
    void anIrisWithFewerThanThreeSpacesIsKeptSecret() {
        trame("B1", 2.295, h(9, 0), false, null);
        trame("B2", 2.295, h(9, 0), false, null);
        trame("B1", 2.295, h(10, 0), true, null);
        trame("B1", 2.295, h(10, 30), false, null);

        var heure = dernieres(heures).get(PAJEAUD + " " + h(10, 0));
        assertThat(heure.secret()).isTrue();
        assertThat(heure.valeur()).isNull();
    }

    @Test
    void namesItsStoresAndTopics() {
        String description = Entrees.topologie(new CommuneLocator(List.of()), List.of(new StationnementTopology(IRIS)))
                .describe().toString();
        assertThat(description).contains(SejoursProcessor.STORE, VoirieProcessor.PERIODES, VoirieProcessor.PLACES,
                "stationnement-par-iris-repartition", OCCUPATION_VOIRIE.store(), ROTATION_STATIONNEMENT.store())
                .doesNotContain("KSTREAM-");
    }
}
