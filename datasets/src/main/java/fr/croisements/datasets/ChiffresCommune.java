package fr.croisements.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures of one commune or IRIS in a pack, from the rows of the official files, by pack
 * variable name, and the variables kept secret. One place for every derived figure and its rounding:
 *
 * <pre>
 * population, menages, superficie_km2  comparateur, as published
 * densite                              population / superficie_km2, 1 decimal
 * taux_chomage                         100 × pop_15_64_chomage_2021 / pop_15_64_active_2021, 1 decimal
 * population_75_plus                   P22_POP7589 + P22_POP90P, rounded to a whole number
 * part_75_plus                         100 × (P22_POP7589 + P22_POP90P) / sum of the 7 age bands, 1 decimal
 * menages_une_personne                 C22_MENPSEUL, rounded to a whole number
 * part_menages_une_personne            100 × C22_MENPSEUL / (C22_MENPSEUL + C22_MENFAM), 1 decimal
 * revenu_median, taux_pauvrete         Filosofi MED21, TP6021, as published
 * IRIS: revenu_declare_median, _d1, _d9, taux_bas_revenus_declares, gini_revenus_declares
 *                                      Filosofi IRIS DEC_MED21, DEC_D121, DEC_D921, DEC_TP6021, DEC_GI21
 * </pre>
 *
 * Shares are computed from the unrounded estimates. A figure computed from a secret input is
 * secret; from a missing input (row or cell), absent. Never 0 in place of either.
 *
 * @param chiffres figures by variable, in the order above
 * @param secrets variables kept secret
 */
record ChiffresCommune(Map<String, Double> chiffres, Set<String> secrets) {

    /** A cell: a number, secret, or absent (neither). */
    private record Entree(Double valeur, boolean secret) {
        static final Entree ABSENTE = new Entree(null, false);

        static Entree de(CellulesInsee.Chiffres cellules, String colonne) {
            return cellules == null ? ABSENTE : new Entree(cellules.valeur(colonne), cellules.secret(colonne));
        }
    }

    /** Pure: the commune figures from its rows; {@code dossier} and {@code filosofi} may be {@code null} (no row). */
    static ChiffresCommune commune(LigneComparateur comparateur, LigneDossierComplet dossier, LigneFilosofi filosofi) {
        var calcul = new Calcul();
        CellulesInsee.Chiffres c = comparateur == null ? null : comparateur.cellules();
        CellulesInsee.Chiffres d = dossier == null ? null : dossier.cellules();
        CellulesInsee.Chiffres f = filosofi == null ? null : filosofi.cellules();
        Entree population = Entree.de(c, LigneComparateur.POPULATION);
        Entree superficie = Entree.de(c, LigneComparateur.SUPERFICIE);
        calcul.poser(Commune.POPULATION, population, -1);
        calcul.poser(Commune.MENAGES, Entree.de(c, LigneComparateur.MENAGES), -1);
        calcul.poser(Commune.SUPERFICIE_KM2, superficie, -1);
        calcul.poser(Commune.DENSITE, ratio(population, superficie, 1), 1);
        Entree plus75 = somme(LigneDossierComplet.TRANCHES_75_PLUS.stream().map(t -> Entree.de(d, t)).toList());
        Entree ages = somme(LigneDossierComplet.TRANCHES_AGE.stream().map(t -> Entree.de(d, t)).toList());
        calcul.poser(Commune.POPULATION_75_PLUS, plus75, 0);
        calcul.poser(Commune.PART_75_PLUS, ratio(plus75, ages, 100), 1);
        Entree seules = Entree.de(d, LigneDossierComplet.MENAGES_UNE_PERSONNE);
        Entree menages2022 = somme(List.of(seules, Entree.de(d, LigneDossierComplet.MENAGES_FAMILLE)));
        calcul.poser(Commune.MENAGES_UNE_PERSONNE, seules, 0);
        calcul.poser(Commune.PART_MENAGES_UNE_PERSONNE, ratio(seules, menages2022, 100), 1);
        calcul.poser(Commune.REVENU_MEDIAN, Entree.de(f, LigneFilosofi.MED21), -1);
        calcul.poser(Commune.TAUX_PAUVRETE, Entree.de(f, LigneFilosofi.TP6021), -1);
        calcul.poser(Commune.TAUX_CHOMAGE,
                ratio(Entree.de(c, LigneComparateur.CHOMEURS), Entree.de(c, LigneComparateur.ACTIFS), 100), 1);
        return calcul.resultat();
    }

    /** Pure: the figures of an IRIS from its Filosofi row. */
    static ChiffresCommune iris(LigneFilosofi filosofi) {
        var calcul = new Calcul();
        CellulesInsee.Chiffres f = filosofi.cellules();
        calcul.poser(Iris.REVENU_DECLARE_MEDIAN, Entree.de(f, LigneFilosofi.DEC_MED21), -1);
        calcul.poser(Iris.REVENU_DECLARE_D1, Entree.de(f, LigneFilosofi.DEC_D121), -1);
        calcul.poser(Iris.REVENU_DECLARE_D9, Entree.de(f, LigneFilosofi.DEC_D921), -1);
        calcul.poser(Iris.TAUX_BAS_REVENUS_DECLARES, Entree.de(f, LigneFilosofi.DEC_TP6021), -1);
        calcul.poser(Iris.GINI_REVENUS_DECLARES, Entree.de(f, LigneFilosofi.DEC_GI21), -1);
        return calcul.resultat();
    }

    private static Entree somme(List<Entree> entrees) {
        if (entrees.stream().anyMatch(Entree::secret)) {
            return new Entree(null, true);
        }
        if (entrees.stream().anyMatch(e -> e.valeur() == null)) {
            return Entree.ABSENTE;
        }
        return new Entree(entrees.stream().mapToDouble(Entree::valeur).sum(), false);
    }

    /** {@code facteur × numerateur / denominateur}; absent when the denominator is not positive. */
    private static Entree ratio(Entree numerateur, Entree denominateur, double facteur) {
        if (numerateur.secret() || denominateur.secret()) {
            return new Entree(null, true);
        }
        if (numerateur.valeur() == null || denominateur.valeur() == null || denominateur.valeur() <= 0) {
            return Entree.ABSENTE;
        }
        return new Entree(facteur * numerateur.valeur() / denominateur.valeur(), false);
    }

    private static final class Calcul {
        private final Map<String, Double> chiffres = new LinkedHashMap<>();
        private final Set<String> secrets = new TreeSet<>();

        /** Puts a figure, rounded to {@code decimales} (negative: as published), or records its secret. */
        void poser(String variable, Entree entree, int decimales) {
            if (entree.secret()) {
                secrets.add(variable);
            } else if (entree.valeur() != null) {
                chiffres.put(variable, decimales < 0 ? entree.valeur() : CellulesInsee.arrondi(entree.valeur(), decimales));
            }
        }

        ChiffresCommune resultat() {
            return new ChiffresCommune(Collections.unmodifiableMap(chiffres),
                    Collections.unmodifiableSet(secrets));
        }
    }

    /** The variables of a commune, in pack order. */
    static final List<String> VARIABLES_COMMUNE = List.of(Commune.POPULATION, Commune.MENAGES, Commune.SUPERFICIE_KM2,
            Commune.DENSITE, Commune.POPULATION_75_PLUS, Commune.PART_75_PLUS, Commune.MENAGES_UNE_PERSONNE,
            Commune.PART_MENAGES_UNE_PERSONNE, Commune.REVENU_MEDIAN, Commune.TAUX_PAUVRETE, Commune.TAUX_CHOMAGE);
    /** The variables of an IRIS, in pack order. */
    static final List<String> VARIABLES_IRIS = List.of(Iris.REVENU_DECLARE_MEDIAN, Iris.REVENU_DECLARE_D1,
            Iris.REVENU_DECLARE_D9, Iris.TAUX_BAS_REVENUS_DECLARES, Iris.GINI_REVENUS_DECLARES);
}
