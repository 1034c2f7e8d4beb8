package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The derived figures of a commune and how secrets and gaps propagate. */
class ChiffresCommuneTest {

    private static LigneComparateur comparateur(Double population, Double superficie, Double chomeurs, Double actifs,
            Set<String> secrets) {
        var valeurs = new java.util.HashMap<String, Double>();
        valeurs.put(LigneComparateur.POPULATION, population);
        valeurs.put(LigneComparateur.SUPERFICIE, superficie);
        valeurs.put(LigneComparateur.CHOMEURS, chomeurs);
        valeurs.put(LigneComparateur.ACTIFS, actifs);
        valeurs.put(LigneComparateur.MENAGES, 1000.0);
        valeurs.values().removeIf(java.util.Objects::isNull);
        return new LigneComparateur("86194", "Poitiers", new CellulesInsee.Chiffres(valeurs, secrets));
    }

    private static LigneDossierComplet dossier(double... valeurs) {
        var cellules = new java.util.HashMap<String, Double>();
        for (int i = 0; i < valeurs.length; i++) {
            cellules.put(LigneDossierComplet.COLONNES_CHIFFRES.get(i), valeurs[i]);
        }
        return new LigneDossierComplet("86194", new CellulesInsee.Chiffres(cellules, Set.of()));
    }

    @Test
    void derives_density_unemployment_ages_and_households_with_their_rounding() {
        var chiffres = ChiffresCommune.commune(
                comparateur(90240.0, 42.11, 6630.0, 39699.0, Set.of()),
                dossier(10000, 30000, 15000, 14000, 12000, 6076.46, 1225.23, 30160.65, 17914.72),
                new LigneFilosofi("86194", new CellulesInsee.Chiffres(
                        Map.of(LigneFilosofi.MED21, 20150.0, LigneFilosofi.TP6021, 26.0), Set.of())));

        assertThat(chiffres.secrets()).isEmpty();
        assertThat(chiffres.chiffres()).containsExactly(
                entry(Commune.POPULATION, 90240.0),
                entry(Commune.MENAGES, 1000.0),
                entry(Commune.SUPERFICIE_KM2, 42.11),
                entry(Commune.DENSITE, 2143.0),             // 90240 / 42.11 = 2142.96
                entry(Commune.POPULATION_75_PLUS, 7302.0),  // 6076.46 + 1225.23 = 7301.69
                entry(Commune.PART_75_PLUS, 8.3),           // 7301.69 / 88301.69 (sum of the 7 bands) = 8.27 %
                entry(Commune.MENAGES_UNE_PERSONNE, 30161.0),
                entry(Commune.PART_MENAGES_UNE_PERSONNE, 62.7), // 30160.65 / 48075.37
                entry(Commune.REVENU_MEDIAN, 20150.0),
                entry(Commune.TAUX_PAUVRETE, 26.0),
                entry(Commune.TAUX_CHOMAGE, 16.7));         // 6630 / 39699 = 16.70 %
    }

    @Test
    void a_secret_input_makes_the_derived_figure_secret_and_a_missing_row_leaves_it_absent() {
        var chiffres = ChiffresCommune.commune(
                comparateur(3213.0, 12.5, null, 1500.0, Set.of(LigneComparateur.CHOMEURS)), null,
                new LigneFilosofi("86194", new CellulesInsee.Chiffres(
                        Map.of(LigneFilosofi.MED21, 22540.0), Set.of(LigneFilosofi.TP6021))));

        assertThat(chiffres.secrets()).containsExactly(Commune.TAUX_CHOMAGE, Commune.TAUX_PAUVRETE);
        assertThat(chiffres.chiffres()).containsOnlyKeys(Commune.POPULATION, Commune.MENAGES, Commune.SUPERFICIE_KM2,
                Commune.DENSITE, Commune.REVENU_MEDIAN);
        assertThat(chiffres.chiffres().values()).doesNotContain(0.0);
    }

    @Test
    void no_ratio_on_a_zero_denominator() {
        var chiffres = ChiffresCommune.commune(comparateur(100.0, 0.0, 0.0, 0.0, Set.of()), null, null);

        assertThat(chiffres.chiffres()).doesNotContainKeys(Commune.DENSITE, Commune.TAUX_CHOMAGE);
        assertThat(chiffres.secrets()).isEmpty();
    }
}
