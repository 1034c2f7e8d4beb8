package fr.croisements.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.CellulesStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell stores are read by their index: a store filled with three territories (twenty communes each,
 * and IRIS whose codes begin with a commune's) over a year of weekly windows, read through
 * {@link LocalIndicateursQueries} with a store that counts the entries it hands out and refuses to be
 * read whole. Each read must hand out only the cells of the zones, and of the period, it names.
 */
class LectureIndexeeTest {

    private static final DefinitionIndicateur DEFINITION = Indicateurs.TAUX_PRESENTATION_BACS;
    private static final String ENTREE = "cellules-essai";
    /** A Monday, 00:00 in Paris. */
    private static final Instant SEMAINE_0 = Instant.parse("2024-12-29T23:00:00Z");
    private static final int SEMAINES = 52;
    private static final List<String> POMPEY = communes("54");
    private static final List<String> LA_ROCHELLE = communes("17");
    private static final List<String> POITIERS = communes("86");

    @TempDir
    Path dossier;

    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    @AfterEach
    void fermer() {
        drivers.forEach(TopologyTestDriver::close);
    }

    private static List<String> communes(String departement) {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("%s%03d", departement, i)).toList();
    }

    private static Instant semaine(int n) {
        return SEMAINE_0.plus(Duration.ofDays(7L * n));
    }

    static Indicateur cellule(String zone, Instant debut, Instant fin, double valeur) {
        return new Indicateur(DEFINITION.id(), zone, zone.length() == 9 ? Zone.IRIS : Zone.COMMUNE, zone, debut, fin,
                valeur, "%", null, null, null, null, Map.of(), 20L, false, true);
    }

    private static Indicateur cellule(String zone, int semaine) {
        return cellule(zone, semaine(semaine), semaine(semaine + 1), semaine);
    }

    /** One partition's store (a test driver of the topology that keeps the cells), filled with {@code cellules}. */
    private StoreCompte partition(String nom, List<Indicateur> cellules) {
        var builder = new StreamsBuilder();
        builder.addStateStore(CellulesStore.builder(DEFINITION));
        CellulesStore.publier(builder.stream(ENTREE, Consumed.with(Serdes.String(), JsonSerde.of(Indicateur.class))),
                DEFINITION);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lecture-" + nom);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "inutilise:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dossier.resolve(nom).toString());
        var driver = new TopologyTestDriver(builder.build(), props);
        drivers.add(driver);
        TestInputTopic<String, Indicateur> entree = driver.createInputTopic(ENTREE, Serdes.String().serializer(),
                JsonSerde.of(Indicateur.class).serializer());
        cellules.forEach(c -> entree.pipeInput(c.codeZone(), c, c.debut()));
        return new StoreCompte(driver.getKeyValueStore(DEFINITION.store()));
    }

    /** Three territories, a year of weeks, and the IRIS of Pompey's first commune (codes beginning with 54001). */
    private StoreCompte troisTerritoires() {
        var cellules = new ArrayList<Indicateur>();
        for (int s = 0; s < SEMAINES; s++) {
            for (List<String> territoire : List.of(POMPEY, LA_ROCHELLE, POITIERS)) {
                for (String zone : territoire) {
                    cellules.add(cellule(zone, s));
                }
            }
            cellules.add(cellule("540010101", s));
            cellules.add(cellule("540010102", s));
        }
        return partition("unique", cellules);
    }

    private static LocalIndicateursQueries queries(StoreCompte... partitions) {
        return new LocalIndicateursQueries(RegistreIndicateurs.integres(),
                (indicateur, store, secours) -> List.of(partitions), false);
    }

    @Test
    void theLatestCellsOfATerritoryReadOneEntryPerZone() {
        StoreCompte store = troisTerritoires();
        var queries = queries(store);

        Map<String, Indicateur> dernieres = queries.dernieres(DEFINITION.id(), POMPEY);

        assertThat(store.lues()).as("one entry per commune of Pompey, none of the other territories or weeks")
                .isEqualTo(POMPEY.size());
        assertThat(dernieres).containsOnlyKeys(POMPEY);
        assertThat(dernieres.values()).allSatisfy(c -> assertThat(c.debut()).isEqualTo(semaine(SEMAINES - 1)));
        // the IRIS whose codes begin with 54001 are other zones
        assertThat(dernieres.get("54001").codeZone()).isEqualTo("54001");
        assertThat(queries.dernieres(DEFINITION.id(), List.of("540010102", "99999")))
                .containsOnlyKeys("540010102");
        assertThat(store.lues()).isEqualTo(1);
    }

    @Test
    void aPeriodReadsOnlyItsWindowsStartInclusiveEndExclusive() {
        StoreCompte store = troisTerritoires();
        var queries = queries(store);

        List<Indicateur> cellules = queries.cellules(DEFINITION.id(), LA_ROCHELLE, semaine(10), semaine(12));

        assertThat(store.lues()).as("two weeks of La Rochelle's communes").isEqualTo(2 * LA_ROCHELLE.size());
        assertThat(cellules).hasSize(2 * LA_ROCHELLE.size());
        assertThat(cellules).extracting(Indicateur::debut).containsOnly(semaine(10), semaine(11));
        assertThat(cellules).extracting(Indicateur::codeZone).containsOnlyElementsOf(LA_ROCHELLE);
        // zone by zone, oldest first
        assertThat(cellules.get(0).codeZone()).isEqualTo("17001");
        assertThat(cellules.get(0).debut()).isEqualTo(semaine(10));
        assertThat(cellules.get(1).codeZone()).isEqualTo("17001");
        assertThat(cellules.get(1).debut()).isEqualTo(semaine(11));

        // the window that starts exactly at the end is left out, the one that starts at the beginning is in
        assertThat(queries.cellules(DEFINITION.id(), List.of("17005"), semaine(10), semaine(10).plusMillis(1)))
                .extracting(Indicateur::debut).containsExactly(semaine(10));
        assertThat(queries.cellules(DEFINITION.id(), List.of("17005"), semaine(10).plusMillis(1), semaine(11))).isEmpty();
        assertThat(queries.cellules(DEFINITION.id(), List.of("17005"), semaine(11), semaine(10))).isEmpty();
        assertThat(store.lues()).isEqualTo(1);
    }

    @Test
    void openBoundsReadTheZonesWholeHistoryAndNothingElse() {
        StoreCompte store = troisTerritoires();
        var queries = queries(store);

        assertThat(queries.cellules(DEFINITION.id(), List.of("86003"), semaine(50), null))
                .extracting(Indicateur::debut).containsExactly(semaine(50), semaine(51));
        assertThat(queries.cellules(DEFINITION.id(), List.of("86003"), null, semaine(2)))
                .extracting(Indicateur::debut).containsExactly(semaine(0), semaine(1));
        assertThat(store.lues()).isEqualTo(4);

        assertThat(queries.historique(DEFINITION.id(), "54001")).hasSize(SEMAINES)
                .allSatisfy(c -> assertThat(c.codeZone()).isEqualTo("54001"));
        assertThat(store.lues()).as("the commune's weeks, not its IRIS'").isEqualTo(SEMAINES);
    }

    @Test
    void theWindowsOfATerritoryAreReadWithoutTheOtherTerritories() {
        StoreCompte store = troisTerritoires();
        var queries = queries(store);

        List<FenetreZone> fenetres = queries.fenetres(DEFINITION.id(), POITIERS);

        assertThat(store.lues()).isEqualTo(SEMAINES * POITIERS.size());
        assertThat(fenetres).hasSize(SEMAINES * POITIERS.size()).isSortedAccordingTo(FenetreZone.ORDRE);
        assertThat(fenetres.get(0)).isEqualTo(new FenetreZone("86001", semaine(0), semaine(1)));
        assertThat(fenetres).extracting(FenetreZone::codeZone).allMatch(POITIERS::contains);
    }

    @Test
    void theLatestCellOfAZoneSpreadOverPartitionsIsTheLatestOfAllOfThem() {
        // the car parks' peak hours: a commune's days hashed to different partitions
        var paires = new ArrayList<Indicateur>();
        var impaires = new ArrayList<Indicateur>();
        for (int s = 0; s < 10; s++) {
            (s % 2 == 0 ? paires : impaires).add(cellule("17300", s));
        }
        paires.add(cellule("17000", 3));
        StoreCompte premiere = partition("paires", impaires);
        StoreCompte seconde = partition("impaires", paires);
        var queries = queries(premiere, seconde);

        Map<String, Indicateur> dernieres = queries.dernieres(DEFINITION.id(), List.of("17300", "17000"));

        assertThat(dernieres.get("17300").debut()).isEqualTo(semaine(9));
        assertThat(dernieres.get("17000").debut()).isEqualTo(semaine(3));
        assertThat(premiere.lues() + seconde.lues()).as("the first entry of each partition holding the zone").isEqualTo(3);
        // the periods of both partitions, in order
        assertThat(queries.cellules(DEFINITION.id(), List.of("17300"), semaine(2), semaine(6)))
                .extracting(Indicateur::debut).containsExactly(semaine(2), semaine(3), semaine(4), semaine(5));
    }

    @Test
    void aStoreThatCannotBeReadSaysSo() {
        var queries = new LocalIndicateursQueries(RegistreIndicateurs.integres(), (indicateur, store, secours) -> {
            throw new InvalidStateStoreException("REBALANCING");
        }, false);

        assertThatThrownBy(() -> queries.dernieres(DEFINITION.id(), List.of())).isInstanceOf(StoreIndisponibleException.class);
        assertThatThrownBy(() -> queries.fenetres(DEFINITION.id(), POMPEY)).isInstanceOf(StoreIndisponibleException.class);
    }
}
