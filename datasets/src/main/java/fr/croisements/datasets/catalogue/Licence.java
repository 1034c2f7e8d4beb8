package fr.croisements.datasets.catalogue;

import java.util.Locale;

/**
 * The licence of a dataset, from the words of a {@code Source}.
 *
 * @param libelle as the source says it, e.g. "Licence Ouverte 2.0"
 * @param uri the licence document, or {@code null} when the words name no licence we know
 * @param dataGouv data.gouv.fr's licence id ({@code lov2}, {@code fr-lo}, {@code odc-odbl}...),
 *     {@code notspecified} when unknown
 */
public record Licence(String libelle, String uri, String dataGouv) {

    /** Etalab's Licence Ouverte 2.0, the licence of INSEE and IGN open data and of what Croisements computes. */
    public static final Licence OUVERTE_2 = new Licence("Licence Ouverte 2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "lov2");

    /** The licence named by these words. */
    public static Licence depuis(String libelle) {
        if (libelle == null || libelle.isBlank()) {
            return new Licence("licence non précisée", null, "notspecified");
        }
        String mots = libelle.toLowerCase(Locale.ROOT);
        if (mots.contains("ouverte") || mots.contains("open licence") || mots.contains("etalab")) {
            if (mots.contains("2.0") || mots.contains("2,0") || mots.contains("etalab-2")) {
                return new Licence(libelle, OUVERTE_2.uri(), OUVERTE_2.dataGouv());
            }
            // the first Licence Ouverte (2011), or a version not said: data.gouv.fr's "fr-lo"
            return new Licence(libelle, "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
                    "fr-lo");
        }
        if (mots.contains("odbl")) {
            return new Licence(libelle, "https://opendatacommons.org/licenses/odbl/1-0/", "odc-odbl");
        }
        return new Licence(libelle, null, "notspecified");
    }
}
