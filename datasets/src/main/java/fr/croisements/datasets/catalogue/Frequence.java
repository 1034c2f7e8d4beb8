package fr.croisements.datasets.catalogue;

import java.time.Duration;

/**
 * How often a dataset is updated, in the EU frequency vocabulary (DCAT-AP
 * {@code dct:accrualPeriodicity}) and in data.gouv.fr's {@code frequency} field.
 */
public enum Frequence {
    CONTINUE("UPDATE_CONT", "continuous", "en continu"),
    QUOTIDIENNE("DAILY", "daily", "chaque jour"),
    HEBDOMADAIRE("WEEKLY", "weekly", "chaque semaine"),
    ANNUELLE("ANNUAL", "annual", "chaque année"),
    IRREGULIERE("IRREG", "irregular", "irrégulière");

    private static final String VOCABULAIRE = "http://publications.europa.eu/resource/authority/frequency/";

    private final String code;
    private final String dataGouv;
    private final String libelle;

    Frequence(String code, String dataGouv, String libelle) {
        this.code = code;
        this.dataGouv = dataGouv;
        this.libelle = libelle;
    }

    /** The URI in the EU frequency vocabulary, e.g. {@code …/frequency/WEEKLY}. */
    public String uri() {
        return VOCABULAIRE + code;
    }

    /** The value of data.gouv.fr's {@code frequency} field, e.g. {@code weekly}. */
    public String dataGouv() {
        return dataGouv;
    }

    /** In plain French, e.g. "chaque semaine". */
    public String libelle() {
        return libelle;
    }

    /** The frequency at which cells of windows of this length are added. */
    public static Frequence pourFenetre(Duration fenetre) {
        long jours = fenetre.toDays();
        if (fenetre.equals(Duration.ofDays(1))) {
            return QUOTIDIENNE;
        }
        if (jours == 7) {
            return HEBDOMADAIRE;
        }
        if (jours >= 365 && jours <= 366) {
            return ANNUELLE;
        }
        return IRREGULIERE;
    }
}
