package fr.croisements.streams.waste;

import static fr.croisements.events.Topics.DECHETS_LEVEES;
import static fr.croisements.events.Topics.REJETS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.BinaireSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.streams.Fixtures;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages of the presentation-rate crossing cut for the benchmark: what each writes to its topic. */
class EtapesTauxPresentationTest {

    private static final Instant LUNDI = Instant.parse("2025-01-06T00:00:00Z");
    private static final CommuneLocator LOCATOR = new CommuneLocator(Fixtures.territoire().communes());

    @TempDir
    Path stateDir;

    @Test
    void lireEcritChaqueLeveeTelleQuelleAuTempsDeLaLevee() {
        try (var driver = pilote(EtapesTauxPresentation.lire("sortie"))) {
            lever(driver);
            var sortie = driver.createOutputTopic("sortie", DECHETS_LEVEES.keySerde().deserializer(),
                    DECHETS_LEVEES.valueSerde().deserializer()).readRecordsToList();

            assertThat(sortie).hasSize(5).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(r.value().idBac());
                assertThat(r.getRecordTime()).isEqualTo(r.value().instant());
            });
        }
    }

    @Test
    void localiserEcritChaqueLeveeLocaliseeSousSaCommuneEtRejetteLesAutres() {
        try (var driver = pilote(EtapesTauxPresentation.localiser(LOCATOR, "sortie"))) {
            lever(driver);
            var sortie = driver.createOutputTopic("sortie", Serdes.String().deserializer(),
                    BinaireSerde.of(LeveeACompter.class).deserializer()).readKeyValuesToList();

            assertThat(sortie).extracting(kv -> kv.key)
                    .containsExactly(Fixtures.OUEST, Fixtures.OUEST, Fixtures.OUEST, Fixtures.EST);
            assertThat(sortie).extracting(kv -> kv.value.nouveauBac()).containsExactly(true, true, false, true);
            assertThat(driver.createOutputTopic(REJETS.name(), REJETS.keySerde().deserializer(),
                    REJETS.valueSerde().deserializer()).readValuesToList()).hasSize(1);
        }
    }

    @Test
    void fenetreEcritLesLeveesCompteesDeChaqueCommuneEtSemaine() {
        try (var driver = pilote(EtapesTauxPresentation.fenetre(LOCATOR, "sortie"))) {
            lever(driver);
            Map<String, Long> dernieres = driver.createOutputTopic("sortie", Serdes.String().deserializer(),
                    Serdes.Long().deserializer()).readKeyValuesToMap();

            assertThat(dernieres).containsExactlyInAnyOrderEntriesOf(Map.of(
                    Fixtures.OUEST + "@" + LUNDI, 3L, Fixtures.EST + "@" + LUNDI, 1L));
        }
    }

    private TopologyTestDriver pilote(Topology topologie) {
        Properties props = new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return new TopologyTestDriver(topologie, props);
    }

    /** Three lifts in the west (two bins), one in the east, one outside every commune. */
    private static void lever(TopologyTestDriver driver) {
        TestInputTopic<String, LeveeBac> levees = driver.createInputTopic(DECHETS_LEVEES.name(),
                DECHETS_LEVEES.keySerde().serializer(), DECHETS_LEVEES.valueSerde().serializer());
        double[] longitudes = {6.05, 6.05, 6.05, 6.15, 0.5};
        String[] bacs = {"bac-a", "bac-b", "bac-a", "bac-c", "bac-d"};
        for (int i = 0; i < bacs.length; i++) {
            Instant quand = LUNDI.plus(Duration.ofHours(i + 1));
            levees.pipeInput(bacs[i], new LeveeBac(bacs[i], quand, longitudes[i], 48.75, "OMR", 9.5, "camion-1", true), quand);
        }
    }
}
