package fr.croisements.events;

import java.time.Duration;

/**
 * What an indicator means, for the topology that computes it and for the people who read it.
 * Every crossing is described by one of these, so that stores, topics, labels and the secrecy
 * rule are named the same way everywhere.
 *
 * @param id stable id, kebab-case; names the output topic ({@code indicateurs-<id>}) and store
 * @param libelle short French label, e.g. "Taux de présentation des bacs"
 * @param unite unit as shown, e.g. "%"
 * @param question the question the indicator answers, in plain French
 * @param methode how it is computed, in plain French
 * @param limites what it does not say, in plain French
 * @param niveau zone level of the cells ({@link Zone#COMMUNE}...)
 * @param fenetre window length of the cells
 * @param seuilSecret minimum number of distinct contributors for a cell to be published
 */
public record DefinitionIndicateur(
        String id,
        String libelle,
        String unite,
        String question,
        String methode,
        String limites,
        String niveau,
        Duration fenetre,
        int seuilSecret) {

    /** The output topic name of this indicator. */
    public String topic() {
        return "indicateurs-" + id;
    }

    /** The name of the state store that keeps its cells. */
    public String store() {
        return "indicateurs-" + id + "-store";
    }

    /** Whether a cell built on {@code contributeurs} distinct contributors must be hidden. */
    public boolean estSecret(long contributeurs) {
        return contributeurs < seuilSecret;
    }
}
