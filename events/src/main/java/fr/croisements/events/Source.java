package fr.croisements.events;

/**
 * Where a figure comes from, as shown to users next to it.
 *
 * @param titre the dataset, in French, e.g. "Base du comparateur de territoires"
 * @param producteur who publishes it, e.g. "Insee"
 * @param millesime the vintage of the figure, e.g. "2021"
 * @param licence the licence, e.g. "Licence Ouverte 2.0"
 * @param simule whether the figure comes from a simulator
 */
public record Source(String titre, String producteur, String millesime, String licence, boolean simule) {

    /** A short French label, e.g. "Insee, Base du comparateur de territoires (2021)". */
    public String libelle() {
        return producteur + ", " + titre + " (" + millesime + ")" + (simule ? ", données simulées" : "");
    }
}
