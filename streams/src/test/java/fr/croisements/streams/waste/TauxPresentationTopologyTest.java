package fr.croisements.streams.waste;

import static fr.croisements.events.Topics.DECHETS_LEVEES;
import static fr.croisements.events.Topics.INDICATEURS_TAUX_PRESENTATION;
import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;
import static fr.croisements.events.Topics.REJETS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.streams.Fixtures;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.indicateurs.CellulesStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TauxPresentationTopologyTest {

    /** Monday 2025-01-06 00:00 UTC, the start of ISO week 2 of 2025. */
    private static final Instant LUNDI = Instant.parse("2025-01-06T00:00:00Z");
    private static final Instant LUNDI_SUIVANT = LUNDI.plus(Duration.ofDays(7));
    private static final double OUEST_LON = 6.05;
    private static final double LAT = 48.75;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, LeveeBac> levees;
    private TestInputTopic<String, IndicateurInsee> insee;
    private TestOutputTopic<String, Indicateur> indicateurs;
    private TestOutputTopic<String, Rejet> rejets;

    @BeforeEach
    void start() {
        Topology topology = Pipeline.topology(List.of(Fixtures.territoire()));
        Properties props = new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(topology, props);
        levees = driver.createInputTopic(DECHETS_LEVEES.name(), DECHETS_LEVEES.keySerde().serializer(),
                DECHETS_LEVEES.valueSerde().serializer());
        insee = driver.createInputTopic(REF_INSEE_COMMUNES.name(), REF_INSEE_COMMUNES.keySerde().serializer(),
                REF_INSEE_COMMUNES.valueSerde().serializer());
        indicateurs = driver.createOutputTopic(INDICATEURS_TAUX_PRESENTATION.name(),
                INDICATEURS_TAUX_PRESENTATION.keySerde().deserializer(), INDICATEURS_TAUX_PRESENTATION.valueSerde().deserializer());
        rejets = driver.createOutputTopic(REJETS.name(), REJETS.keySerde().deserializer(), REJETS.valueSerde().deserializer());
        Fixtures.territoire().indicateursInsee().forEach(row -> insee.pipeInput(row.codeZone(), row, LUNDI.minusSeconds(3600)));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsDistinctBinsOfTheWeekAndDividesThemByInseeHouseholds() {
        for (int i = 0; i < 12; i++) {
            lever("bac-" + i, LUNDI.plusSeconds(3600 + i), OUEST_LON);
        }
        lever("bac-0", LUNDI.plus(Duration.ofDays(3)), OUEST_LON); // same bin again: a lift, not a new bin

        Indicateur derniere = dernier(indicateurs.readValuesToList());
        assertThat(derniere.codeZone()).isEqualTo(Fixtures.OUEST);
        assertThat(derniere.nomZone()).isEqualTo("Ouest-la-Forêt");
        assertThat(derniere.debut()).isEqualTo(LUNDI);
        assertThat(derniere.fin()).isEqualTo(LUNDI_SUIVANT);
        assertThat(derniere.numerateur()).isEqualTo(12.0);
        assertThat(derniere.denominateur()).isEqualTo(100.0);
        assertThat(derniere.valeur()).isEqualTo(12.0);
        assertThat(derniere.unite()).isEqualTo("%");
        assertThat(derniere.mesures()).containsEntry("levees", 13.0).containsEntry("poidsKg", 13 * 9.5);
        assertThat(derniere.sourceDenominateur()).isEqualTo(Fixtures.MENAGES);
        assertThat(derniere.sourceNumerateur().simule()).isTrue();
        assertThat(derniere.simule()).isTrue();
        assertThat(derniere.secret()).isFalse();
        assertThat(rejets.isEmpty()).isTrue();
    }

    @Test
    void hidesACellOfTenBinsAndPublishesItFromElevenBins() {
        for (int i = 0; i < 10; i++) {
            lever("bac-" + i, LUNDI.plusSeconds(60L * i), OUEST_LON);
        }
        List<Indicateur> avant = indicateurs.readValuesToList();
        Indicateur dix = dernier(avant);
        assertThat(avant).allMatch(Indicateur::secret);
        assertThat(dix.valeur()).isNull();
        assertThat(dix.numerateur()).isNull();
        assertThat(dix.contributeurs()).isNull();
        assertThat(dix.mesures()).isEmpty();
        assertThat(dix.denominateur()).isEqualTo(100.0);

        lever("bac-10", LUNDI.plusSeconds(3600), OUEST_LON);
        Indicateur onze = indicateurs.readValue();
        assertThat(onze.secret()).isFalse();
        assertThat(onze.valeur()).isEqualTo(11.0);
        assertThat(onze.contributeurs()).isEqualTo(11L);
        assertThat(indicateurs.isEmpty()).isTrue();
    }

    @Test
    void putsTheLastSecondOfAWeekInThatWeekAndTheFirstSecondOfTheNextInTheNext() {
        lever("bac-a", LUNDI_SUIVANT.minusSeconds(1), OUEST_LON);
        lever("bac-b", LUNDI_SUIVANT, OUEST_LON);

        List<Indicateur> cellules = indicateurs.readValuesToList();
        assertThat(cellules).extracting(Indicateur::debut).containsExactly(LUNDI, LUNDI_SUIVANT);
        assertThat(indicateurs.isEmpty()).isTrue();
    }

    @Test
    void countsALateLiftInsideTheGracePeriodAndRejectsOneOutsideIt() {
        lever("bac-a", LUNDI.plusSeconds(10), OUEST_LON);
        // stream time moves to the last millisecond of the grace period of week 1
        lever("bac-b", LUNDI_SUIVANT.plus(TauxPresentationTopology.GRACE).minusMillis(1), OUEST_LON);
        lever("bac-c", LUNDI.plusSeconds(20), OUEST_LON); // late, but inside grace
        List<Indicateur> cellules = indicateurs.readValuesToList();
        assertThat(cellules).hasSize(3);
        assertThat(cellules.get(2).debut()).isEqualTo(LUNDI);
        assertThat(cellules.get(2).mesures()).isEmpty(); // two bins: secret, but counted
        assertThat(driverStore().get(CellulesStore.cle(Fixtures.OUEST, LUNDI)).secret()).isTrue();

        lever("bac-d", LUNDI_SUIVANT.plus(TauxPresentationTopology.GRACE), OUEST_LON); // closes week 1
        lever("bac-e", LUNDI.plusSeconds(30), OUEST_LON); // too late
        assertThat(indicateurs.readValuesToList()).hasSize(1).allMatch(c -> c.debut().equals(LUNDI_SUIVANT));
        Rejet rejet = rejets.readValue();
        assertThat(rejet.raison()).contains("trop tard");
        assertThat(rejet.source()).isEqualTo(DECHETS_LEVEES.name());
        assertThat(rejet.position()).isEqualTo(DECHETS_LEVEES.name() + "/0/4");
        assertThat(rejet.extrait()).contains("bac-e");
        assertThat(rejets.isEmpty()).isTrue();
    }

    @Test
    void rejectsALiftOutsideEveryCommuneWithItsPositionAndGoesOn() {
        lever("bac-loin", LUNDI.plusSeconds(10), 2.35);
        lever("bac-ici", LUNDI.plusSeconds(20), OUEST_LON);

        var rejet = rejets.readKeyValue();
        assertThat(rejet.key).isEqualTo(DECHETS_LEVEES.name());
        assertThat(rejet.value.raison()).contains("hors de toute commune").contains("2.35");
        assertThat(rejet.value.position()).isEqualTo(DECHETS_LEVEES.name() + "/0/0");
        assertThat(rejets.isEmpty()).isTrue();
        assertThat(indicateurs.readValue().codeZone()).isEqualTo(Fixtures.OUEST);
        assertThat(indicateurs.isEmpty()).isTrue();
    }

    @Test
    void skipsAnUnreadableRecordAndGoesOn() {
        // The Rejet itself is written through Kafka's dead-letter records, which the test driver
        // does not capture: RejetsDeserializationHandlerTest and the broker integration test check it.
        var brut = driver.createInputTopic(DECHETS_LEVEES.name(), new ByteArraySerializer(), new ByteArraySerializer());
        brut.pipeInput("bac-x".getBytes(StandardCharsets.UTF_8), "{pas du json".getBytes(StandardCharsets.UTF_8), LUNDI);
        lever("bac-ici", LUNDI.plusSeconds(20), OUEST_LON);

        assertThat(indicateurs.readValue().codeZone()).isEqualTo(Fixtures.OUEST);
        assertThat(indicateurs.isEmpty()).isTrue();
    }

    @Test
    void rejectsACellWhoseCommuneHasNoInseeHouseholds() {
        insee.pipeInput(Fixtures.EST, null, LUNDI); // the reference row is deleted
        lever("bac-est", LUNDI.plusSeconds(10), 6.15);

        Rejet rejet = rejets.readValue();
        assertThat(rejet.raison()).contains("pas de nombre de ménages Insee").contains(Fixtures.EST);
        assertThat(indicateurs.isEmpty()).isTrue();
    }

    @Test
    void keepsEveryCellOfACommuneInItsStoreOldestFirst() {
        lever("bac-1", LUNDI_SUIVANT.plusSeconds(5), OUEST_LON);
        lever("bac-2", LUNDI.plusSeconds(5), OUEST_LON);
        lever("bac-3", LUNDI.plusSeconds(5), 6.15);

        var store = driverStore();
        List<Instant> debuts = new java.util.ArrayList<>();
        try (var it = store.prefixScan(CellulesStore.prefixe(Fixtures.OUEST), new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> debuts.add(kv.value.debut()));
        }
        assertThat(debuts).containsExactly(LUNDI, LUNDI_SUIVANT);
        assertThat(store.get(CellulesStore.cle(Fixtures.EST, LUNDI)).denominateur()).isEqualTo(50.0);
    }

    @Test
    void recomputesEveryWeekOfACommuneWhenItsInseeRowChanges() {
        for (int i = 0; i < 12; i++) {
            lever("bac-" + i, LUNDI.plusSeconds(60L * i), OUEST_LON);
            lever("bac-" + i, LUNDI_SUIVANT.plusSeconds(60L * i), OUEST_LON);
        }
        indicateurs.readValuesToList();
        var nouvelle = Fixtures.commune(Fixtures.OUEST, "Ouest-la-Forêt", 200, "POLYGON ((6.0 48.7, 6.1 48.7, 6.1 48.8, 6.0 48.8, 6.0 48.7))");
        var territoire = new fr.croisements.datasets.Territoire("essai", "Essai", null, Fixtures.territoire().sources(),
                Fixtures.MENAGES, List.of(nouvelle), List.of());

        insee.pipeInput(Fixtures.OUEST, territoire.indicateursInsee().get(0), LUNDI_SUIVANT.plus(Duration.ofDays(1)));

        List<Indicateur> recalculees = indicateurs.readValuesToList();
        assertThat(recalculees).extracting(Indicateur::debut).containsExactlyInAnyOrder(LUNDI, LUNDI_SUIVANT);
        assertThat(recalculees).allSatisfy(c -> {
            assertThat(c.denominateur()).isEqualTo(200.0);
            assertThat(c.valeur()).isEqualTo(6.0);
        });
        assertThat(driverStore().get(CellulesStore.cle(Fixtures.OUEST, LUNDI)).valeur()).isEqualTo(6.0);
    }

    @Test
    void namesEveryStoreAndRepartitionTopic() {
        String description = Pipeline.topology(List.of(Fixtures.territoire())).describe().toString();
        assertThat(description)
                .contains("bacs-leves-par-semaine", "comptages-par-commune-semaine", "par-commune-repartition",
                        "joindre-menages-insee", "comptages-avec-menages-insee",
                        Indicateurs.TAUX_PRESENTATION_BACS.store(), "ref-insee-communes-store")
                .doesNotContain("KSTREAM-AGGREGATE-STATE-STORE", "KSTREAM-REPARTITION");
    }

    private KeyValueStore<String, Indicateur> driverStore() {
        return driver.getKeyValueStore(Indicateurs.TAUX_PRESENTATION_BACS.store());
    }

    private void lever(String bac, Instant quand, double longitude) {
        levees.pipeInput(bac, new LeveeBac(bac, quand, longitude, LAT, "OMR", 9.5, "camion-1", true), quand);
    }

    private static Indicateur dernier(List<Indicateur> cellules) {
        assertThat(cellules).isNotEmpty();
        return cellules.get(cellules.size() - 1);
    }
}
