package fr.croisements.datasets.catalogue;

import java.util.Locale;
import java.util.Map;

/** French labels of the variables of the territory packs, for the catalogue. Pure. */
final class VariablesInsee {

    private static final Map<String, String> LIBELLES = Map.ofEntries(
            Map.entry("population", "population municipale"),
            Map.entry("menages", "nombre de ménages"),
            Map.entry("superficie_km2", "superficie (km²)"),
            Map.entry("densite", "densité de population (habitants par km²)"),
            Map.entry("population_75_plus", "personnes de 75 ans et plus"),
            Map.entry("part_75_plus", "part des 75 ans et plus"),
            Map.entry("menages_une_personne", "ménages d'une seule personne"),
            Map.entry("part_menages_une_personne", "part des ménages d'une seule personne"),
            Map.entry("revenu_median", "revenu disponible médian par unité de consommation"),
            Map.entry("taux_pauvrete", "taux de pauvreté"),
            Map.entry("taux_chomage", "taux de chômage des 15-64 ans"),
            Map.entry("revenu_declare_median", "revenu déclaré médian par unité de consommation"),
            Map.entry("revenu_declare_d1", "premier décile du revenu déclaré"),
            Map.entry("revenu_declare_d9", "neuvième décile du revenu déclaré"),
            Map.entry("taux_bas_revenus_declares", "taux de bas revenus déclarés"),
            Map.entry("gini_revenus_declares", "indice de Gini des revenus déclarés"));

    private VariablesInsee() {}

    /** The French label of a pack variable; an unknown one is shown by its name, underscores as spaces. */
    static String libelle(String variable) {
        return LIBELLES.getOrDefault(variable, variable.replace('_', ' ').toLowerCase(Locale.ROOT));
    }
}
