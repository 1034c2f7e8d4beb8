package fr.croisements.streams.fichiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.streams.JeuDEssai;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file format proven on real crossings: two built-in indicators written as files give the
 * same cells as their Java code on the same input, and the shipped example
 * ({@code indicateurs/ordures-menageres-par-habitant.yaml}) equals a direct computation from the lifts.
 */
class CroisementsEnFichierTest {

    private static final Path EXEMPLE = Path.of("../indicateurs/ordures-menageres-par-habitant.yaml");

    @TempDir
    Path etat;

    @TempDir
    Path etatJava;

    /** The file indicators: a topology of their own, as each runs as its own application. */
    private TopologyTestDriver driver;
    /** The built-in crossings. */
    private TopologyTestDriver java;

    @BeforeEach
    void calculer() {
        var lecteur = LecteurIndicateur.pour(List.of(JeuDEssai.territoire()));
        var croisements = new ArrayList<Croisement>();
        var locator = new CommuneLocator(JeuDEssai.territoire().communes());
        for (Path fichier : List.of(Path.of("src/test/resources/indicateurs/taux-presentation-en-fichier.yaml"),
                Path.of("src/test/resources/indicateurs/couverture-en-fichier.yaml"), EXEMPLE)) {
            var lu = lecteur.lire(fichier);
            assertThat(lu.problemes()).as(fichier.toString()).isEmpty();
            croisements.add(new IndicateurDeclareTopology(lu.indicateur()));
        }
        Properties props = new StreamsSettings("inutilise:9092", "fichiers", etat, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(Entrees.topologie(locator, croisements), props);
        JeuDEssai.alimenter(driver);
        Properties propsJava = new StreamsSettings("inutilise:9092", "java", etatJava, 1, null).toProperties();
        propsJava.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        java = new TopologyTestDriver(Pipeline.topology(List.of(JeuDEssai.territoire())), propsJava);
        JeuDEssai.alimenter(java);
    }

    @AfterEach
    void fermer() {
        if (driver != null) {
            driver.close();
        }
        if (java != null) {
            java.close();
        }
    }

    @Test
    void thePresentationRateWrittenAsAFileEqualsTheJavaCrossing() {
        var attendues = dernieres(java, Indicateurs.TAUX_PRESENTATION_BACS.topic());
        var fichier = dernieres(driver, "indicateurs-taux-presentation-en-fichier");
        assertThat(attendues).hasSizeGreaterThan(3);
        assertMemesCellules(fichier, attendues);
        assertThat(attendues.values()).anyMatch(Indicateur::secret);
    }

    @Test
    void theObservedCoverageWrittenAsAFileEqualsTheJavaCrossing() {
        var attendues = dernieres(java, Indicateurs.COUVERTURE_LORA.topic());
        var fichier = dernieres(driver, "indicateurs-couverture-en-fichier");
        assertThat(attendues).hasSizeGreaterThan(3);
        assertMemesCellules(fichier, attendues);
    }

    @Test
    void theShippedExampleEqualsADirectComputationFromTheLifts() {
        var cellules = dernieres(driver, "indicateurs-ordures-menageres-par-habitant");
        // direct computation: per commune and Paris week, the weighed OMR lifts inside the commune
        var poids = new TreeMap<String, Double>();
        var bacs = new HashMap<String, Set<String>>();
        var parBac = new HashMap<String, Map<String, Double>>();
        var paris = ZoneId.of("Europe/Paris");
        for (LeveeBac l : JeuDEssai.levees()) {
            String commune = l.longitude() >= 6.0 && l.longitude() < 6.1 ? JeuDEssaiCodes.OUEST
                    : l.longitude() > 6.1 && l.longitude() <= 6.2 ? JeuDEssaiCodes.EST : null;
            if (commune == null || l.poidsKg() == null) {
                continue;
            }
            Instant semaine = l.instant().atZone(paris).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(paris).toInstant();
            String cle = commune + "|" + semaine;
            poids.merge(cle, l.poidsKg(), Double::sum);
            bacs.computeIfAbsent(cle, k -> new HashSet<>()).add(l.idBac());
            parBac.computeIfAbsent(cle, k -> new HashMap<>()).merge(l.idBac(), l.poidsKg(), Double::sum);
        }
        assertThat(cellules.keySet()).containsExactlyInAnyOrderElementsOf(poids.keySet());
        int secretes = 0;
        for (var e : poids.entrySet()) {
            Indicateur c = cellules.get(e.getKey());
            String code = e.getKey().substring(0, 5);
            double population = JeuDEssai.territoire().commune(code).orElseThrow().chiffres().get(Commune.POPULATION);
            double plusGros = parBac.get(e.getKey()).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            boolean secret = bacs.get(e.getKey()).size() < 11 || plusGros / e.getValue() > 0.85;
            assertThat(c.secret()).as(e.getKey()).isEqualTo(secret);
            assertThat(c.denominateur()).isEqualTo(population);
            if (secret) {
                secretes++;
                assertThat(c.valeur()).isNull();
                assertThat(c.numerateur()).isNull();
            } else {
                double attendu = BigDecimal.valueOf(e.getValue()).divide(BigDecimal.valueOf(population), 10, RoundingMode.HALF_UP)
                        .setScale(2, RoundingMode.HALF_UP).doubleValue();
                assertThat(c.valeur()).as(e.getKey()).isEqualTo(attendu);
                assertThat(c.contributeurs()).isEqualTo(bacs.get(e.getKey()).size());
                assertThat(c.simule()).isTrue();
                assertThat(c.sourceNumerateur().simule()).isTrue();
            }
        }
        assertThat(secretes).as("the eastern commune has fewer than 11 bins").isPositive();
        assertThat(secretes).isLessThan(poids.size());
        // the lift outside every commune is rejected by the file indicator too, with its reason and position
        var rejets = driver.createOutputTopic(Topics.REJETS.name(), Topics.REJETS.keySerde().deserializer(),
                Topics.REJETS.valueSerde().deserializer()).readValuesToList();
        assertThat(rejets).map(Rejet::raison).anyMatch(r -> r.startsWith("indicateur « ordures-menageres-par-habitant » : "
                + "point hors de toute commune"));
        assertThat(rejets).filteredOn(r -> r.raison().contains("ordures-menageres")).allMatch(r -> r.position().startsWith("dechets-levees/"));
    }

    private static void assertMemesCellules(Map<String, Indicateur> fichier, Map<String, Indicateur> java) {
        assertThat(fichier.keySet()).containsExactlyInAnyOrderElementsOf(java.keySet());
        java.forEach((cle, attendue) -> {
            Indicateur c = fichier.get(cle);
            assertThat(c.fin()).as(cle).isEqualTo(attendue.fin());
            assertThat(c.valeur()).as(cle).isEqualTo(attendue.valeur());
            assertThat(c.numerateur()).as(cle).isEqualTo(attendue.numerateur());
            assertThat(c.denominateur()).as(cle).isEqualTo(attendue.denominateur());
            assertThat(c.secret()).as(cle).isEqualTo(attendue.secret());
            assertThat(c.contributeurs()).as(cle).isEqualTo(attendue.contributeurs());
            assertThat(c.simule()).as(cle).isEqualTo(attendue.simule());
        });
    }

    /** The latest cell of each zone and window of an indicator topic. */
    private static Map<String, Indicateur> dernieres(TopologyTestDriver driver, String topic) {
        var cellules = new TreeMap<String, Indicateur>();
        driver.createOutputTopic(topic, Topics.REJETS.keySerde().deserializer(),
                        fr.croisements.events.JsonSerde.of(Indicateur.class).deserializer())
                .readValuesToList().forEach(c -> cellules.put(c.codeZone() + "|" + c.debut(), c));
        return cellules;
    }

    /** The codes of the two communes of the input. */
    private static final class JeuDEssaiCodes {
        static final String OUEST = fr.croisements.streams.Fixtures.OUEST;
        static final String EST = fr.croisements.streams.Fixtures.EST;
    }
}
