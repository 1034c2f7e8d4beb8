package fr.croisements.viz.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerritoireVueTest {

    @Test
    void shortNameDropsTheKindOfGrouping() {
        assertThat(TerritoireVue.nomCourt("Communauté de communes du Bassin de Pompey")).isEqualTo("Bassin de Pompey");
        assertThat(TerritoireVue.nomCourt("Communauté urbaine du Grand Poitiers")).isEqualTo("Grand Poitiers");
        assertThat(TerritoireVue.nomCourt("Communauté d'agglomération de La Rochelle")).isEqualTo("La Rochelle");
        assertThat(TerritoireVue.nomCourt("Communauté d’agglomération de l’Auxerrois")).isEqualTo("Auxerrois");
        assertThat(TerritoireVue.nomCourt("Communauté de communes des Portes de Meuse")).isEqualTo("Portes de Meuse");
    }

    @Test
    void shortNameOfACommuneIsItsName() {
        assertThat(TerritoireVue.nomCourt("Antony")).isEqualTo("Antony");
    }
}
