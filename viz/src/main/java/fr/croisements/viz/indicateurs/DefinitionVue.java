package fr.croisements.viz.indicateurs;

import java.util.List;

/**
 * An indicator as the page shows it: its definition, with the words written next to its figures
 * (all from {@code fr.croisements.events.DefinitionIndicateur}).
 *
 * @param id indicator id, e.g. {@code taux-presentation-bacs}
 * @param libelle short label, e.g. "Taux de présentation des bacs"
 * @param sujet what the map is about, for the page title, e.g. "présentation des bacs d'ordures ménagères"
 * @param unite unit, e.g. "%"
 * @param question the question answered
 * @param methode how it is computed
 * @param limites what it does not say
 * @param niveau zone level of the cells, e.g. {@code commune}
 * @param fenetre window length, ISO-8601 ({@code P7D})
 * @param fenetreJours window length in days
 * @param seuilSecret fewer distinct contributors than this and a cell is secret
 * @param libelleNumerateur what the numerator counts, e.g. "bacs présentés", or {@code null} (composite)
 * @param libelleDenominateur what the denominator counts, e.g. "ménages (Insee)", or {@code null}
 * @param etatSansDonnee what a zone without a cell says, e.g. "pas encore de levée"
 * @param mentionSecret the sentence shown on a secret cell, e.g. "Secret statistique : moins de 11 bacs…"
 * @param composantes the components of a composite indicator, or the measures detailing a ratio
 *     (e.g. the temperatures behind the heat exposure), in the order shown; empty when none
 * @param composite whether the value combines its components (the fragility index, "Ce que croise
 *     l'indice"), rather than being a ratio they only detail (their units are then in their labels)
 * @param bornes fixed class breaks of the map, or empty for quantiles of the values shown
 * @param dominance a cell where one contributor makes more than this share is secret, or {@code null}
 * @param fichier the file that declares the indicator (a data team's YAML), or {@code null} when it is
 *     built into Croisements
 * @param reference whether it shows a reference figure of the zones (INSEE, as published) rather than a crossing
 * @param variablesInsee the INSEE variables it needs
 * @param conservation how long its cells are kept (stream time), ISO-8601 ({@code P400D})
 * @param conservationJours the same in days: the map and the exports show the windows of that span only
 */
public record DefinitionVue(
        String id,
        String libelle,
        String sujet,
        String unite,
        String question,
        String methode,
        String limites,
        String niveau,
        String fenetre,
        long fenetreJours,
        int seuilSecret,
        String libelleNumerateur,
        String libelleDenominateur,
        String etatSansDonnee,
        String mentionSecret,
        List<ComposanteVue> composantes,
        boolean composite,
        List<Double> bornes,
        Double dominance,
        String fichier,
        boolean reference,
        List<String> variablesInsee,
        String conservation,
        long conservationJours) {

    /**
     * A component of a composite indicator, or a measure detailing a ratio.
     *
     * @param code its name in the cell's measures, e.g. {@code part_75_plus}
     * @param libelle its French label, e.g. "part des 75 ans et plus", "température la plus haute (°C)"
     */
    public record ComposanteVue(String code, String libelle) {}
}
