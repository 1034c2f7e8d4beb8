package fr.croisements.streams.lora;

import static fr.croisements.events.Topics.LORA_UPLINKS;
import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;
import static fr.croisements.events.Topics.REJETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.Fixtures;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaleurTopologyTest {

    static final DefinitionIndicateur DEFINITION = definition("essai-chaleur", "personnes");
    static final DefinitionIndicateur DEFINITION_COUVERTURE = definition("essai-couverture", "capteurs pour 10 000 habitants");

    static DefinitionIndicateur definition(String id, String unite) {
        return new DefinitionIndicateur(id, "Essai", unite, "?", "?", "?", Zone.COMMUNE, Duration.ofDays(1), 0,
                new DefinitionIndicateur.Libelles("essai", null, null, "pas de donnée", "secret"), Map.of(), List.of(), List.of());
    }
    private static final Source RP = new Source("Dossier complet", "Insee", "2022", "Licence Ouverte 2.0", false);
    private static final Instant JOUR = Instant.parse("2025-07-01T00:00:00Z");
    private static final Position OUEST = new Position(6.05, 48.75, null);
    private static final Position EST = new Position(6.15, 48.75, null);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, LoraUplink> uplinks;
    private TestOutputTopic<String, Indicateur> cellules;
    private TestOutputTopic<String, Rejet> rejets;

    @BeforeEach
    void start() {
        var topology = new ChaleurTopology(new CommuneLocator(Fixtures.territoire().communes()), DEFINITION, 30.0).build();
        var props = new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(topology, props);
        uplinks = driver.createInputTopic(LORA_UPLINKS.name(), LORA_UPLINKS.keySerde().serializer(), LORA_UPLINKS.valueSerde().serializer());
        var insee = driver.createInputTopic(REF_INSEE_COMMUNES.name(), REF_INSEE_COMMUNES.keySerde().serializer(),
                REF_INSEE_COMMUNES.valueSerde().serializer());
        cellules = driver.createOutputTopic(DEFINITION.topic(), Serdes.String().deserializer(), JsonSerde.of(Indicateur.class).deserializer());
        rejets = driver.createOutputTopic(REJETS.name(), REJETS.keySerde().deserializer(), REJETS.valueSerde().deserializer());
        insee.pipeInput(Fixtures.OUEST, ligne(Fixtures.OUEST, "Ouest-la-Forêt", 420.0), JOUR.minusSeconds(3600));
        insee.pipeInput(Fixtures.EST, ligne(Fixtures.EST, "Est-sur-Moselle", 95.0), JOUR.minusSeconds(3600));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsThePeopleAged75AndOverOfACommuneWhereASensorReachedTheThreshold() {
        lire("A1", OUEST, JOUR.plus(Duration.ofHours(14)), 28.0);
        lire("A2", OUEST, JOUR.plus(Duration.ofHours(15)), 31.5);

        Indicateur cellule = dernier(cellules.readValuesToList());
        assertThat(cellule.codeZone()).isEqualTo(Fixtures.OUEST);
        assertThat(cellule.valeur()).isEqualTo(420.0);
        assertThat(cellule.denominateur()).isEqualTo(420.0);
        assertThat(cellule.mesures()).containsEntry("temperature_max", 31.5).containsEntry("temperature_moyenne", 29.8)
                .containsEntry("capteurs", 2.0).containsEntry("capteurs_au_dessus_du_seuil", 1.0).containsEntry("seuil", 30.0);
        assertThat(cellule.sourceDenominateur()).isEqualTo(RP);
        assertThat(cellule.simule()).isTrue();
        assertThat(cellule.debut()).isEqualTo(JOUR);
        assertThat(cellule.fin()).isEqualTo(JOUR.plus(Duration.ofDays(1)));
    }

    @Test
    void givesZeroExposedWhenNoSensorReachedTheThresholdAndSaysHowManySensorsStandBehind() {
        lire("B1", EST, JOUR.plus(Duration.ofHours(15)), 29.9);

        Indicateur cellule = cellules.readValue();
        assertThat(cellule.valeur()).isZero();
        assertThat(cellule.contributeurs()).isEqualTo(1L);
        assertThat(cellule.mesures()).containsEntry("capteurs", 1.0);
        assertThat(cellules.isEmpty()).isTrue();
    }

    @Test
    void cutsDaysAtMidnightUtc() {
        lire("A1", OUEST, JOUR.plus(Duration.ofDays(1)).minusSeconds(1), 32.0);
        lire("A1", OUEST, JOUR.plus(Duration.ofDays(1)), 25.0);

        List<Indicateur> jours = cellules.readValuesToList();
        assertThat(jours).extracting(Indicateur::debut).containsExactly(JOUR, JOUR.plus(Duration.ofDays(1)));
        assertThat(jours).extracting(Indicateur::valeur).containsExactly(420.0, 0.0);
    }

    @Test
    void rejectsASensorWithoutPositionOrOutsideEveryCommune() {
        lire("C1", null, JOUR.plusSeconds(10), 35.0);
        lire("C2", new Position(2.35, 48.85, null), JOUR.plusSeconds(20), 35.0);

        assertThat(rejets.readValuesToList()).extracting(Rejet::raison)
                .containsExactly("capteur sans position : sa commune est inconnue",
                        "capteur hors de toute commune du territoire (longitude 2.35, latitude 48.85)");
        assertThat(cellules.isEmpty()).isTrue();
    }

    /**
     * Issue #13: an uplink older than the days the windows keep was dropped by Kafka Streams with a log warning only;
     * it goes to rejets, with its time and the limit, and is counted nowhere (coverage included).
     */
    @Test
    void rejectsAnUplinkTooOldForTheDaysKeptWithItsTimeAndTheLimit() {
        Instant recent = JOUR.plus(ChaleurTopology.CONSERVATION).plus(Duration.ofDays(3)).plus(Duration.ofHours(14));
        lire("A1", OUEST, recent, 25.0);
        cellules.readValuesToList();
        Instant ancien = JOUR.plus(Duration.ofHours(14));

        lire("A2", OUEST, ancien, 35.0);
        uplinks.pipeInput("A3", new LoraUplink("A3", ancien, 85, 1L, null, null, Map.of("co2", new Mesure(600, "ppm")),
                List.of(), OUEST, "tts", true), ancien);
        lire("A4", OUEST, recent.minus(ChaleurTopology.CONSERVATION), 31.0);

        List<Rejet> lus = rejets.readValuesToList();
        assertThat(lus).extracting(Rejet::raison).containsExactly(
                "trop ancien pour les fenêtres conservées (uplink reçu le 2025-07-01T14:00:00Z ; limite :"
                        + " 2025-07-04T00:00:00Z, les jours étant gardés 400 jours après l'uplink le plus récent lu, du"
                        + " 2026-08-08T14:00:00Z)",
                "trop ancien pour les fenêtres conservées (uplink reçu le 2025-07-01T14:00:00Z ; limite :"
                        + " 2025-07-04T00:00:00Z, les jours étant gardés 400 jours après l'uplink le plus récent lu, du"
                        + " 2026-08-08T14:00:00Z)");
        assertThat(lus).extracting(Rejet::source, Rejet::instant).containsOnly(tuple(LORA_UPLINKS.name(), ancien));
        assertThat(lus).extracting(Rejet::position).containsExactly("lora-uplinks/0/1 (DevEUI A2)", "lora-uplinks/0/2 (DevEUI A3)");
        // the uplink at the limit is still counted, in its day
        assertThat(cellules.readValuesToList()).extracting(Indicateur::debut, Indicateur::valeur)
                .containsExactly(tuple(Instant.parse("2025-07-04T00:00:00Z"), 420.0));
    }

    @Test
    void ignoresUplinksWithoutTemperature() {
        uplinks.pipeInput("D1", new LoraUplink("D1", JOUR, 85, 1L, null, null, Map.of("co2", new Mesure(600, "ppm")),
                List.of(), OUEST, "tts", true), JOUR);
        assertThat(cellules.isEmpty()).isTrue();
        assertThat(rejets.isEmpty()).isTrue();
    }

    private void lire(String devEui, Position position, Instant quand, double temperature) {
        uplinks.pipeInput(devEui, new LoraUplink(devEui, quand, 85, 1L, null, "milesight-em300-th",
                Map.of("temperature", new Mesure(temperature, "°C")), List.of(), position, "tts", true), quand);
    }

    private static IndicateurInsee ligne(String code, String nom, double population75) {
        return new IndicateurInsee(code, Zone.COMMUNE, nom, Map.of("population_75_plus", population75),
                Map.of("population_75_plus", RP));
    }

    private static Indicateur dernier(List<Indicateur> liste) {
        assertThat(liste).isNotEmpty();
        return liste.get(liste.size() - 1);
    }
}
