package fr.croisements.streams.lora;

import static fr.croisements.events.Topics.LORA_UPLINKS;
import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.Fixtures;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import java.nio.file.Path;
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

class CouvertureTopologyTest {

    private static final Source RP = new Source("Comparateur", "Insee", "2021", "Licence Ouverte 2.0", false);
    private static final Instant JOUR = Instant.parse("2025-07-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, LoraUplink> uplinks;
    private TestOutputTopic<String, Indicateur> cellules;

    @BeforeEach
    void start() {
        var topology = new CouvertureTopology(new CommuneLocator(Fixtures.territoire().communes()), ChaleurTopologyTest.DEFINITION_COUVERTURE).build();
        var props = new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(topology, props);
        uplinks = driver.createInputTopic(LORA_UPLINKS.name(), LORA_UPLINKS.keySerde().serializer(), LORA_UPLINKS.valueSerde().serializer());
        var insee = driver.createInputTopic(REF_INSEE_COMMUNES.name(), REF_INSEE_COMMUNES.keySerde().serializer(),
                REF_INSEE_COMMUNES.valueSerde().serializer());
        cellules = driver.createOutputTopic(ChaleurTopologyTest.DEFINITION_COUVERTURE.topic(), Serdes.String().deserializer(),
                JsonSerde.of(Indicateur.class).deserializer());
        insee.pipeInput(Fixtures.OUEST, new IndicateurInsee(Fixtures.OUEST, Zone.COMMUNE, "Ouest-la-Forêt",
                Map.of("population", 5000.0), Map.of("population", RP)), JOUR.minusSeconds(60));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsTheDevicesAndGatewaysHeardInACommuneWithTheMedianSignal() {
        uplink("A1", 60, new Reception("gw-1", -110.4, -5.0, null), new Reception("gw-2", -95.0, 6.0, null));
        uplink("A2", 120, new Reception("gw-1", -100.0, 2.5, null));
        uplink("A1", 900, new Reception("gw-1", -108.0, -4.0, null));

        var valeurs = cellules.readValuesToList();
        Indicateur cellule = valeurs.get(valeurs.size() - 1);
        assertThat(cellule.numerateur()).isEqualTo(2.0);
        assertThat(cellule.denominateur()).isEqualTo(5000.0);
        assertThat(cellule.valeur()).isEqualTo(4.0);
        assertThat(cellule.mesures()).containsEntry("passerelles", 2.0).containsEntry("rssi_median", -108.0)
                .containsEntry("snr_median", -4.0).containsEntry("habitants_couverts", 5000.0);
        assertThat(cellule.simule()).isTrue();
    }

    @Test
    void leavesOutUplinksWithoutPositionOrOutsideEveryCommune() {
        uplinks.pipeInput("B1", new LoraUplink("B1", JOUR, 1, 1L, null, null, Map.of(), List.of(), null, "tts", true), JOUR);
        uplinks.pipeInput("B2", new LoraUplink("B2", JOUR, 1, 1L, null, null, Map.of(), List.of(),
                new Position(2.35, 48.85, null), "tts", true), JOUR);
        assertThat(cellules.isEmpty()).isTrue();
    }

    @Test
    void theMedianOfAHistogramIsItsLowerMiddleBin() {
        assertThat(CouvertureJour.mediane(Map.of(-110, 1L, -100, 1L))).isEqualTo(-110.0);
        assertThat(CouvertureJour.mediane(Map.of(-110, 1L, -100, 2L))).isEqualTo(-100.0);
        assertThat(CouvertureJour.mediane(Map.of())).isNull();
    }

    private void uplink(String devEui, int secondes, Reception... receptions) {
        Instant t = JOUR.plusSeconds(secondes);
        uplinks.pipeInput(devEui, new LoraUplink(devEui, t, 85, 1L, null, null, Map.of(), List.of(receptions),
                new Position(6.05, 48.75, null), "chirpstack", true), t);
    }
}
