package fr.croisements.streams.insee;

import static fr.croisements.events.Topics.INDICATEURS_FRAGILITE_ISOLEMENT;
import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragiliteIsolementTopologyTest {

    private static final Source RP = new Source("Dossier complet (recensement de la population)", "Insee", "2022",
            "Licence Ouverte 2.0", false);
    private static final Source FILOSOFI = new Source("Filosofi", "Insee", "2021", "Licence Ouverte 2.0", false);
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, IndicateurInsee> insee;
    private TestOutputTopic<String, Indicateur> cellules;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(new FragiliteIsolementTopology().build(),
                new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties());
        insee = driver.createInputTopic(REF_INSEE_COMMUNES.name(), REF_INSEE_COMMUNES.keySerde().serializer(),
                REF_INSEE_COMMUNES.valueSerde().serializer());
        cellules = driver.createOutputTopic(INDICATEURS_FRAGILITE_ISOLEMENT.name(),
                INDICATEURS_FRAGILITE_ISOLEMENT.keySerde().deserializer(),
                INDICATEURS_FRAGILITE_ISOLEMENT.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void crossesTheThreeRatesOfACommuneIntoTheirGeometricMeanWithEachComponentAndItsSource() {
        insee.pipeInput("17300", ligne("17300", "La Rochelle", 12.0, 52.0, 18.0, Set.of()), T0);

        Indicateur cellule = cellules.readValue();
        assertThat(cellule.indicateur()).isEqualTo(Indicateurs.FRAGILITE_ISOLEMENT.id());
        assertThat(cellule.nomZone()).isEqualTo("La Rochelle");
        assertThat(cellule.valeur()).isCloseTo(Math.cbrt(12.0 * 52.0 * 18.0), within(0.05));
        assertThat(cellule.mesures()).containsEntry("part_75_plus", 12.0).containsEntry("part_menages_une_personne", 52.0)
                .containsEntry("taux_pauvrete", 18.0);
        assertThat(cellule.sourcesMesures()).containsEntry("part_75_plus", RP).containsEntry("taux_pauvrete", FILOSOFI);
        assertThat(cellule.debut()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
        assertThat(cellule.fin()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(cellule.secret()).isFalse();
        assertThat(cellule.simule()).isFalse();
        assertThat(cellules.isEmpty()).isTrue();
    }

    @Test
    void aSecretPovertyRateMakesTheCellSecretNeverZeroAndKeepsTheOtherComponents() {
        insee.pipeInput("17028", ligne("17028", "Aytré", 10.0, 35.0, null, Set.of("taux_pauvrete")), T0);

        Indicateur cellule = cellules.readValue();
        assertThat(cellule.secret()).isTrue();
        assertThat(cellule.valeur()).isNull();
        assertThat(cellule.mesures()).containsOnlyKeys("part_75_plus", "part_menages_une_personne");
        assertThat(cellule.sourcesMesures()).containsKey("taux_pauvrete");
    }

    @Test
    void givesNoCellWhenAComponentIsNeitherPublishedNorSecret() {
        insee.pipeInput("17999", ligne("17999", "Inconnue", 10.0, null, 15.0, Set.of()), T0);
        assertThat(cellules.isEmpty()).isTrue();
    }

    @Test
    void aReimportedRowRecomputesTheCellWithoutRestart() {
        insee.pipeInput("17300", ligne("17300", "La Rochelle", 12.0, 52.0, 18.0, Set.of()), T0);
        insee.pipeInput("17300", ligne("17300", "La Rochelle", 12.0, 52.0, 27.0, Set.of()), T0.plusSeconds(60));

        assertThat(cellules.readValuesToList()).extracting(Indicateur::valeur)
                .containsExactly(Math.round(10 * Math.cbrt(12.0 * 52.0 * 18.0)) / 10.0,
                        Math.round(10 * Math.cbrt(12.0 * 52.0 * 27.0)) / 10.0);
        var store = driver.<String, Indicateur>getKeyValueStore(Indicateurs.FRAGILITE_ISOLEMENT.store());
        try (var it = store.all()) {
            assertThat(it.next().value.mesures()).containsEntry("taux_pauvrete", 27.0);
            assertThat(it.hasNext()).isFalse();
        }
    }

    private static IndicateurInsee ligne(String code, String nom, Double part75, Double partSeuls, Double pauvrete,
            Set<String> secrets) {
        var valeurs = new HashMap<String, Double>();
        if (part75 != null) {
            valeurs.put("part_75_plus", part75);
        }
        if (partSeuls != null) {
            valeurs.put("part_menages_une_personne", partSeuls);
        }
        if (pauvrete != null) {
            valeurs.put("taux_pauvrete", pauvrete);
        }
        return new IndicateurInsee(code, "commune", nom, valeurs,
                Map.of("part_75_plus", RP, "part_menages_une_personne", RP, "taux_pauvrete", FILOSOFI), secrets);
    }
}
