package fr.croisements.streams.insee;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.indicateurs.CellulesStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INSEE reference indicators at IRIS level: cells named after the IRIS, secret where INSEE hides the figure. */
class ChiffresInseeIrisTopologyTest {

    private static final Source RP2016 = new Source("Recensement de la population par IRIS", "Insee", "2016",
            "Licence Ouverte 2.0", false);
    private static final Source FILOSOFI_IRIS = new Source("Filosofi : revenus déclarés (IRIS)", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    private static final Source FILOSOFI_COMMUNES = new Source("Filosofi (revenus et pauvreté)", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    @TempDir
    Path etat;

    private static Territoire antonyDEssai() {
        var commune = new Commune("92002", "Antony", Map.of(Commune.DENSITE, 6700.0, Commune.REVENU_MEDIAN, 29350.0),
                Set.of(), null);
        var parc = new Iris("920020101", "92002", "Parc de Sceaux", Map.of(Iris.DENSITE, 1633.0, Iris.PART_75_PLUS, 7.5,
                Iris.POPULATION, 1783.9, Iris.REVENU_DECLARE_MEDIAN, 48930.0), Set.of(), null);
        var terray = new Iris("920020306", "92002", "Lionel Terray", Map.of(Iris.DENSITE, 20000.0, Iris.PART_75_PLUS, 4.1),
                Set.of(Iris.REVENU_DECLARE_MEDIAN), null);
        var sansChiffre = new Iris("920020407", "92002", "Sans chiffre", Map.of(), Set.of(), null);
        Map<String, Source> sources = Map.of(Commune.DENSITE, RP2016, Iris.DENSITE, RP2016, Iris.PART_75_PLUS, RP2016,
                Iris.POPULATION, RP2016, Iris.REVENU_DECLARE_MEDIAN, FILOSOFI_IRIS, Commune.REVENU_MEDIAN, FILOSOFI_COMMUNES);
        return new Territoire("antony", "Ville d'Antony", null, sources, null, List.of(commune),
                List.of(parc, terray, sansChiffre));
    }

    @Test
    void irisFiguresBecomeIrisCellsNamedAfterTheIrisSecretWhereInseeHidesThem() {
        var props = new StreamsSettings("inutilise:9092", "chiffres-iris", etat, 1, null).toProperties();
        try (var driver = new TopologyTestDriver(new ChiffresInseeTopology().build(), props)) {
            var insee = driver.createInputTopic(Topics.REF_INSEE_COMMUNES.name(), Topics.REF_INSEE_COMMUNES.keySerde().serializer(),
                    Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
            antonyDEssai().indicateursInsee().forEach(r -> insee.pipeInput(r.codeZone(), r));

            Map<String, Indicateur> densite = cellules(driver, Indicateurs.DENSITE.topic());
            assertThat(densite).containsOnlyKeys("92002", "920020101", "920020306");
            Indicateur parc = densite.get("920020101");
            assertThat(parc.niveau()).isEqualTo(Zone.IRIS);
            assertThat(parc.nomZone()).isEqualTo("Parc de Sceaux");
            assertThat(parc.valeur()).isEqualTo(1633.0);
            assertThat(parc.debut()).isEqualTo(Instant.parse("2016-01-01T00:00:00Z"));
            assertThat(parc.sourceNumerateur()).isEqualTo(RP2016);
            assertThat(densite.get("92002").niveau()).isEqualTo(Zone.COMMUNE);

            Map<String, Indicateur> part75 = cellules(driver, Indicateurs.PART_75_PLUS.topic());
            assertThat(part75.get("920020306").valeur()).isEqualTo(4.1);

            // the declared median of the IRIS is its own indicator; the disposable median keeps the commune only
            Map<String, Indicateur> declare = cellules(driver, Indicateurs.REVENU_DECLARE_MEDIAN.topic());
            assertThat(declare).containsOnlyKeys("920020101", "920020306");
            assertThat(declare.get("920020101").indicateur()).isEqualTo("revenu-declare-median");
            assertThat(declare.get("920020101").niveau()).isEqualTo(Zone.IRIS);
            assertThat(declare.get("920020101").valeur()).isEqualTo(48930.0);
            assertThat(declare.get("920020101").sourceNumerateur().titre()).contains("revenus déclarés");
            assertThat(declare.get("920020306").secret()).isTrue();
            assertThat(declare.get("920020306").valeur()).isNull();
            assertThat(declare.get("920020306").nomZone()).isEqualTo("Lionel Terray");
            Map<String, Indicateur> disponible = cellules(driver, Indicateurs.REVENU_MEDIAN.topic());
            assertThat(disponible).as("no IRIS cell of declared income under the disposable median")
                    .containsOnlyKeys("92002");
            assertThat(disponible.get("92002").niveau()).isEqualTo(Zone.COMMUNE);
            assertThat(disponible.get("92002").valeur()).isEqualTo(29350.0);
            assertThat(disponible.get("92002").sourceNumerateur()).isEqualTo(FILOSOFI_COMMUNES);
            KeyValueStore<String, Indicateur> disponibles = driver.getKeyValueStore(Indicateurs.REVENU_MEDIAN.store());
            try (var tout = disponibles.all()) {
                tout.forEachRemaining(kv -> assertThat(kv.value.niveau()).as(kv.key).isEqualTo(Zone.COMMUNE));
            }

            // IRIS have no household or poverty figure: no cell, not a 0
            assertThat(cellules(driver, Indicateurs.MENAGES.topic())).isEmpty();
            assertThat(cellules(driver, Indicateurs.TAUX_PAUVRETE.topic())).isEmpty();

            // every cell of an IRIS is kept under its own code (the prefix of its store keys)
            KeyValueStore<String, Indicateur> store = driver.getKeyValueStore(Indicateurs.DENSITE.store());
            var cles = new ArrayList<String>();
            try (var tout = store.prefixScan("920020101|", new org.apache.kafka.common.serialization.StringSerializer())) {
                tout.forEachRemaining(kv -> cles.add(kv.key));
            }
            assertThat(cles).containsExactly(CellulesStore.cle("920020101", Instant.parse("2016-01-01T00:00:00Z")));
        }
    }

    @Test
    void theDeclaredMedianIndicatorTakesIrisRowsOnly() {
        var props = new StreamsSettings("inutilise:9092", "chiffres-iris-seuls", etat, 1, null).toProperties();
        try (var driver = new TopologyTestDriver(new ChiffresInseeTopology().build(), props)) {
            var insee = driver.createInputTopic(Topics.REF_INSEE_COMMUNES.name(), Topics.REF_INSEE_COMMUNES.keySerde().serializer(),
                    Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
            // a commune row that carries the variable (a hand-made pack): not a quartier, no cell
            insee.pipeInput("92002", new fr.croisements.events.IndicateurInsee("92002", Zone.COMMUNE, "Antony",
                    Map.of(Iris.REVENU_DECLARE_MEDIAN, 30000.0), Map.of(Iris.REVENU_DECLARE_MEDIAN, FILOSOFI_IRIS)));
            insee.pipeInput("920020101", new fr.croisements.events.IndicateurInsee("920020101", Zone.IRIS, "Parc de Sceaux",
                    Map.of(Iris.REVENU_DECLARE_MEDIAN, 48930.0), Map.of(Iris.REVENU_DECLARE_MEDIAN, FILOSOFI_IRIS)));

            assertThat(cellules(driver, Indicateurs.REVENU_DECLARE_MEDIAN.topic())).containsOnlyKeys("920020101");
            assertThat(cellules(driver, Indicateurs.REVENU_MEDIAN.topic())).isEmpty();
        }
    }

    private static Map<String, Indicateur> cellules(TopologyTestDriver driver, String topic) {
        var cellules = new TreeMap<String, Indicateur>();
        driver.createOutputTopic(topic, Topics.REJETS.keySerde().deserializer(), JsonSerde.of(Indicateur.class).deserializer())
                .readKeyValuesToList().forEach(kv -> {
                    assertThat(kv.key).as("topic key = zone code: all cells of a zone in one partition")
                            .isEqualTo(kv.value.codeZone());
                    cellules.put(kv.key, kv.value);
                });
        return cellules;
    }
}
