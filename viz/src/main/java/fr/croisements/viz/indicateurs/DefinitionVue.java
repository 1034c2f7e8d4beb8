package fr.croisements.viz.indicateurs;

/**
 * An indicator as the page shows it: its definition plus the words used next to its figures.
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
 * @param libelleNumerateur what the numerator counts, e.g. "bacs présentés"
 * @param libelleDenominateur what the denominator counts, e.g. "ménages (Insee)"
 * @param etatSansDonnee what a zone without a cell yet says, e.g. "pas encore de levée"
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
        String etatSansDonnee) {}
