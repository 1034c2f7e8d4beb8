package fr.croisements.datasets.catalogue;

/** What kind of dataset: reference data from a pack, a live feed (Kafka topic), or a computed indicator. */
public enum Genre {
    REFERENCE("donnée de référence"),
    FLUX("flux"),
    INDICATEUR("indicateur");

    private final String libelle;

    Genre(String libelle) {
        this.libelle = libelle;
    }

    /** In plain French, e.g. "donnée de référence". */
    public String libelle() {
        return libelle;
    }
}
