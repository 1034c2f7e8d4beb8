package fr.croisements.viz.capteurs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LibellesMesuresTest {

    @Test
    void namesTheMeasuresOfTheDecodersInFrench() {
        assertThat(LibellesMesures.libelle("temperature")).isEqualTo("température");
        assertThat(LibellesMesures.libelle("humidite")).isEqualTo("humidité");
        assertThat(LibellesMesures.libelle("co2")).isEqualTo("CO₂");
        assertThat(LibellesMesures.libelle("pm2_5")).isEqualTo("particules fines PM2,5");
        assertThat(LibellesMesures.libelle("vitesse_vent")).as("unknown: underscores as spaces").isEqualTo("vitesse vent");
    }

    @Test
    void listsKnownMeasuresInTheTableOrderThenTheOthersAlphabetically() {
        List<String> tries = Stream.of("zeta", "co2", "batterie", "alpha", "humidite", "temperature")
                .sorted(LibellesMesures.ordre()).toList();

        assertThat(tries).containsExactly("temperature", "humidite", "co2", "batterie", "alpha", "zeta");
    }

    @Test
    void writesModelIdsAsBrandAndReference() {
        assertThat(LibellesMesures.libelleModele("milesight-em500-co2")).isEqualTo("Milesight EM500-CO2");
        assertThat(LibellesMesures.libelleModele("dragino-lht65")).isEqualTo("Dragino LHT65");
        assertThat(LibellesMesures.libelleModele("Elsys ERS CO2")).isEqualTo("Elsys ERS CO2");
        assertThat(LibellesMesures.libelleModele("lht65")).isEqualTo("lht65");
        assertThat(LibellesMesures.libelleModele(null)).isNull();
    }
}
