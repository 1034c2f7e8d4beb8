package fr.croisements.datasets.catalogue;

/** The finest zone a dataset describes, with data.gouv.fr's {@code spatial.granularity} value. */
public enum Granularite {
    COMMUNE("fr:commune", "à la commune"),
    IRIS("fr:iris", "à l'IRIS (quartier statistique)");

    private final String dataGouv;
    private final String libelle;

    Granularite(String dataGouv, String libelle) {
        this.dataGouv = dataGouv;
        this.libelle = libelle;
    }

    /** E.g. {@code fr:commune}. */
    public String dataGouv() {
        return dataGouv;
    }

    /** In plain French, e.g. "à la commune". */
    public String libelle() {
        return libelle;
    }
}
