package fr.croisements.streams.lora;

import static fr.croisements.events.Topics.LORA_SANTE_CAPTEURS;
import static fr.croisements.events.Topics.LORA_STATUTS;
import static fr.croisements.events.Topics.LORA_UPLINKS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.events.SanteCapteur;
import fr.croisements.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanteCapteursTopologyTest {

    private static final Instant T0 = Instant.parse("2025-07-01T10:00:00Z");
    private static final String CAPTEUR = "A81758FFFE030001";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, LoraUplink> uplinks;
    private TestInputTopic<String, LoraStatut> statuts;
    private TestOutputTopic<String, SanteCapteur> sante;

    @BeforeEach
    void start() {
        var props = new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(new SanteCapteursTopology().build(), props);
        uplinks = driver.createInputTopic(LORA_UPLINKS.name(), LORA_UPLINKS.keySerde().serializer(), LORA_UPLINKS.valueSerde().serializer());
        statuts = driver.createInputTopic(LORA_STATUTS.name(), LORA_STATUTS.keySerde().serializer(), LORA_STATUTS.valueSerde().serializer());
        sante = driver.createOutputTopic(LORA_SANTE_CAPTEURS.name(), LORA_SANTE_CAPTEURS.keySerde().deserializer(),
                LORA_SANTE_CAPTEURS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsFramesLostFromCounterGapsAndKeepsTheLatestMeasures() {
        uplink(1, 0, 21.0);
        uplink(2, 10, 22.0);
        uplink(5, 20, 23.5); // frames 3 and 4 never arrived

        SanteCapteur etat = dernier();
        assertThat(etat.trames()).isEqualTo(3);
        assertThat(etat.tramesPerdues()).isEqualTo(2);
        assertThat(etat.tauxPerte()).isEqualTo(40.0);
        assertThat(etat.dernierFCnt()).isEqualTo(5L);
        assertThat(etat.dernieresMesures()).containsEntry("temperature", new Mesure(23.5, "°C"));
        assertThat(etat.derniereReception()).isEqualTo(T0.plusSeconds(20 * 60));
        assertThat(etat.passerelles()).containsExactly("gw-nord", "gw-sud");
        assertThat(etat.position()).isEqualTo(new Position(0.34, 46.58, null));
        assertThat(etat.simule()).isTrue();
    }

    @Test
    void aCounterResetIsNotALossAndARepeatedFrameIsCountedOnce() {
        uplink(40, 0, 20.0);
        uplink(40, 1, 20.0); // the same frame heard again
        uplink(0, 10, 20.5); // device rejoined: counter back to 0
        uplink(1, 20, 21.0);

        SanteCapteur etat = driver.<String, SanteCapteur>getKeyValueStore(SanteCapteursTopology.STORE).get(CAPTEUR);
        assertThat(etat.trames()).isEqualTo(3);
        assertThat(etat.tramesPerdues()).isZero();
        assertThat(etat.reinitialisations()).isEqualTo(1);
    }

    @Test
    void takesTheBatteryFromStatusReports() {
        uplink(1, 0, 20.0);
        statuts.pipeInput(CAPTEUR, new LoraStatut(CAPTEUR, T0.plusSeconds(60), 87.0, 12, "chirpstack", true), T0.plusSeconds(60));

        assertThat(dernier().batteriePourcent()).isEqualTo(87.0);
        assertThat(sante.isEmpty()).isTrue();
    }

    @Test
    void knowsEveryGatewayFromTheReceptionsWithTheDevicesItHeard() {
        uplink(1, 0, 20.0);
        Instant t = T0.plusSeconds(600);
        uplinks.pipeInput("B2", new LoraUplink("B2", t, 85, 1L, null, null, Map.of(),
                List.of(new Reception("gw-sud", -90.0, 9.0, new Position(0.33, 46.57, 120.0))), null, "chirpstack", true), t);

        var passerelles = driver.<String, fr.croisements.events.SantePasserelle>getKeyValueStore(SanteCapteursTopology.STORE_PASSERELLES);
        var sud = passerelles.get("gw-sud");
        assertThat(sud.capteurs()).containsExactly(CAPTEUR, "B2");
        assertThat(sud.receptions()).isEqualTo(2);
        assertThat(sud.position()).isEqualTo(new Position(0.33, 46.57, 120.0));
        assertThat(sud.derniereReception()).isEqualTo(t);
        assertThat(passerelles.get("gw-nord").capteurs()).containsExactly(CAPTEUR);
    }

    private void uplink(long fCnt, int minutes, double temperature) {
        Instant t = T0.plusSeconds(minutes * 60L);
        uplinks.pipeInput(CAPTEUR, new LoraUplink(CAPTEUR, t, 85, fCnt, null, "milesight-em300-th",
                Map.of("temperature", new Mesure(temperature, "°C")),
                List.of(new Reception("gw-sud", -101.0, 7.5, null), new Reception("gw-nord", -117.0, -3.0, null)),
                new Position(0.34, 46.58, null), "tts", true), t);
    }

    private SanteCapteur dernier() {
        var valeurs = sante.readValuesToList();
        return valeurs.isEmpty() ? null : valeurs.get(valeurs.size() - 1);
    }
}
