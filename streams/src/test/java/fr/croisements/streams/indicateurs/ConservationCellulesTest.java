package fr.croisements.streams.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Zone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell stores keep each indicator's declared retention on stream time (the cells' own time): the
 * cells whose window ends more than the retention before the latest window end disappear from the store
 * and leave a tombstone in its changelog, the recent ones stay, whatever the wall clock says.
 */
class ConservationCellulesTest {

    /** Weekly cells kept four weeks. */
    private static final DefinitionIndicateur QUATRE_SEMAINES =
            Indicateurs.TAUX_PRESENTATION_BACS.conserveePendant(Duration.ofDays(28));
    private static final String ENTREE = "cellules-essai";
    private static final String APPLICATION = "conservation";
    /** A Monday, 00:00 in Paris, in 2025 like the simulated data. */
    private static final Instant SEMAINE_0 = Instant.parse("2024-12-29T23:00:00Z");

    @TempDir
    Path dossier;

    private TopologyTestDriver driver;

    @AfterEach
    void fermer() {
        if (driver != null) {
            driver.close();
        }
    }

    private static Instant semaine(int n) {
        return SEMAINE_0.plus(Duration.ofDays(7L * n));
    }

    private static Indicateur cellule(String zone, int semaine) {
        return new Indicateur(QUATRE_SEMAINES.id(), zone, Zone.COMMUNE, zone, semaine(semaine), semaine(semaine + 1),
                50.0 + semaine, "%", null, null, null, null, Map.of(), 20L, false, true);
    }

    private TestInputTopic<String, Indicateur> demarrer() {
        var builder = new StreamsBuilder();
        builder.addStateStore(CellulesStore.builder(QUATRE_SEMAINES));
        CellulesStore.publier(builder.stream(ENTREE, Consumed.with(Serdes.String(), JsonSerde.of(Indicateur.class))),
                QUATRE_SEMAINES);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "inutilise:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dossier.toString());
        // the wall clock of the test starts today: nothing to do with the cells' 2025
        driver = new TopologyTestDriver(builder.build(), props, Instant.now());
        return driver.createInputTopic(ENTREE, Serdes.String().serializer(), JsonSerde.of(Indicateur.class).serializer());
    }

    private List<String> cles() {
        var cles = new ArrayList<String>();
        KeyValueStore<String, Indicateur> store = driver.getKeyValueStore(QUATRE_SEMAINES.store());
        try (var it = store.range(null, null)) {
            it.forEachRemaining(kv -> cles.add(kv.key));
        }
        return cles;
    }

    @Test
    void cellsOlderThanTheRetentionLeaveTheStoreAndTheChangelogGetsTheirTombstones() {
        var entree = demarrer();
        // Frouard's only cell is of week 1
        entree.pipeInput("54215", cellule("54215", 1), semaine(1));
        for (int s = 0; s < 10; s++) {
            for (String zone : List.of("54430", "54318")) {
                entree.pipeInput(zone, cellule(zone, s), semaine(s));
            }
        }
        assertThat(cles()).as("nothing deleted before the writer's round").hasSize(21);

        driver.advanceWallClockTime(CellulesStore.PURGE);

        // stream time: the end of week 9 (= start of week 10); kept: the windows ending 28 days before or later
        assertThat(cles()).containsExactly(
                CellulesStore.cle("54318", semaine(5)), CellulesStore.cle("54318", semaine(6)),
                CellulesStore.cle("54318", semaine(7)), CellulesStore.cle("54318", semaine(8)),
                CellulesStore.cle("54318", semaine(9)),
                CellulesStore.cle("54430", semaine(5)), CellulesStore.cle("54430", semaine(6)),
                CellulesStore.cle("54430", semaine(7)), CellulesStore.cle("54430", semaine(8)),
                CellulesStore.cle("54430", semaine(9)));

        String changelog = APPLICATION + "-" + QUATRE_SEMAINES.store() + "-changelog";
        assertThat(driver.producedTopicNames()).contains(changelog);
        List<TestRecord<String, byte[]>> journal = driver.createOutputTopic(changelog, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readRecordsToList();
        var tombes = journal.stream().filter(r -> r.value() == null).map(TestRecord::key).toList();
        assertThat(tombes).as("one tombstone per deleted cell").hasSize(11)
                .contains(CellulesStore.cle("54215", semaine(1)), CellulesStore.cle("54430", semaine(0)),
                        CellulesStore.cle("54318", semaine(4)))
                .doesNotContain(CellulesStore.cle("54430", semaine(5)));
    }

    @Test
    void aCellArrivingPastTheRetentionIsPublishedButNotKept() {
        var entree = demarrer();
        var sortie = driver.createOutputTopic(QUATRE_SEMAINES.topic(), Serdes.String().deserializer(),
                JsonSerde.of(Indicateur.class).deserializer());
        entree.pipeInput("54430", cellule("54430", 9), semaine(9));
        entree.pipeInput("54430", cellule("54430", 2), semaine(2));
        entree.pipeInput("54430", cellule("54430", 6), semaine(6));

        assertThat(cles()).containsExactly(CellulesStore.cle("54430", semaine(6)), CellulesStore.cle("54430", semaine(9)));
        assertThat(sortie.readValuesToList()).extracting(Indicateur::debut)
                .containsExactly(semaine(9), semaine(2), semaine(6));
    }

    @Test
    void theWallClockAloneDeletesNothing() {
        var entree = demarrer();
        entree.pipeInput("54430", cellule("54430", 0), semaine(0));
        entree.pipeInput("54430", cellule("54430", 1), semaine(1));

        // a year of wall-clock time, no newer cell: stream time has not moved
        driver.advanceWallClockTime(Duration.ofDays(365));

        assertThat(cles()).hasSize(2);
    }

    @Test
    void aRestartedWriterFindsTheZonesAndStreamTimeOfItsStoreAgain() {
        // a store restored from its changelog: cells of three zones, nothing in the writer's memory yet
        var context = new MockProcessorContext<Void, Void>();
        KeyValueStore<String, Indicateur> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(QUATRE_SEMAINES.store()), Serdes.String(), JsonSerde.of(Indicateur.class))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        for (int s = 0; s < 10; s++) {
            store.put(CellulesStore.cle("54430", semaine(s)), cellule("54430", s));
        }
        store.put(CellulesStore.cle("5443", semaine(1)), cellule("5443", 1));
        store.put(CellulesStore.cle("544300101", semaine(8)), cellule("544300101", 8));

        var ecrivain = new CellulesStore.Ecrivain(QUATRE_SEMAINES);
        ecrivain.init(context);
        assertThat(ecrivain.zones()).containsExactlyInAnyOrder("5443", "54430", "544300101");

        context.scheduledPunctuators().get(0).getPunctuator().punctuate(0L);

        var restent = new ArrayList<String>();
        try (var it = store.range(null, null)) {
            it.forEachRemaining((KeyValue<String, Indicateur> kv) -> restent.add(kv.key));
        }
        // in key order: "544300101|" sorts before "54430|"
        assertThat(restent).containsExactly(CellulesStore.cle("544300101", semaine(8)),
                CellulesStore.cle("54430", semaine(5)), CellulesStore.cle("54430", semaine(6)),
                CellulesStore.cle("54430", semaine(7)), CellulesStore.cle("54430", semaine(8)),
                CellulesStore.cle("54430", semaine(9)));
        assertThat(ecrivain.zones()).as("a zone without cells is forgotten").containsExactlyInAnyOrder("54430", "544300101");
    }
}
