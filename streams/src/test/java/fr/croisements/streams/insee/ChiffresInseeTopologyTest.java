package fr.croisements.streams.insee;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Topics;
import fr.croisements.streams.Fixtures;
import fr.croisements.streams.JeuDEssai;
import fr.croisements.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChiffresInseeTopologyTest {

    @TempDir
    Path etat;

    @Test
    void eachPublishedFigureIsACellSecretWhereInseeHidesItAndAbsentWhereThePackLacksIt() {
        var props = new StreamsSettings("inutilise:9092", "chiffres", etat, 1, null).toProperties();
        try (var driver = new TopologyTestDriver(new ChiffresInseeTopology().build(), props)) {
            var insee = driver.createInputTopic(Topics.REF_INSEE_COMMUNES.name(), Topics.REF_INSEE_COMMUNES.keySerde().serializer(),
                    Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
            JeuDEssai.territoire().indicateursInsee().forEach(r -> insee.pipeInput(r.codeZone(), r));

            Map<String, Indicateur> pauvrete = cellules(driver, Indicateurs.TAUX_PAUVRETE.topic());
            assertThat(pauvrete).containsOnlyKeys(Fixtures.OUEST, Fixtures.EST);
            assertThat(pauvrete.get(Fixtures.OUEST).valeur()).isEqualTo(16.2);
            assertThat(pauvrete.get(Fixtures.OUEST).secret()).isFalse();
            assertThat(pauvrete.get(Fixtures.OUEST).sourceNumerateur().producteur()).isEqualTo("Insee");
            assertThat(pauvrete.get(Fixtures.OUEST).debut()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
            assertThat(pauvrete.get(Fixtures.EST).secret()).isTrue();
            assertThat(pauvrete.get(Fixtures.EST).valeur()).isNull();

            Map<String, Indicateur> densite = cellules(driver, Indicateurs.DENSITE.topic());
            assertThat(densite.get(Fixtures.OUEST).valeur()).isEqualTo(812.4);
            assertThat(densite.get(Fixtures.EST).valeur()).isEqualTo(95.0);
            assertThat(densite.get(Fixtures.EST).debut()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
            // the test territory has no median income: no cell, not a 0
            assertThat(cellules(driver, Indicateurs.REVENU_MEDIAN.topic())).isEmpty();
        }
    }

    private static Map<String, Indicateur> cellules(TopologyTestDriver driver, String topic) {
        var cellules = new TreeMap<String, Indicateur>();
        driver.createOutputTopic(topic, Topics.REJETS.keySerde().deserializer(), JsonSerde.of(Indicateur.class).deserializer())
                .readValuesToList().forEach(c -> cellules.put(c.codeZone(), c));
        return cellules;
    }
}
