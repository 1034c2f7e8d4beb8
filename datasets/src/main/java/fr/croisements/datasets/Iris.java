package fr.croisements.datasets;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An IRIS (infra-communal statistical zone) of a territory pack, with its INSEE Filosofi figures.
 * The packs have no IRIS contours (none could be shipped): IRIS are a table.
 *
 * @param codeIris IRIS code, 9 characters, a string; its first 5 characters are the commune's
 * @param codeInsee COG code of its commune
 * @param chiffres figures by variable ({@link #REVENU_DECLARE_MEDIAN}...); a figure not published is absent, never 0
 * @param secrets the variables INSEE does not publish for this IRIS ({@code s}, {@code nd}, {@code ns}:
 *     too few households, or not significant); never also in {@code chiffres}
 */
public record Iris(String codeIris, String codeInsee, Map<String, Double> chiffres, Set<String> secrets) {

    /** Median declared income per consumption unit, EUR (Filosofi 2021 IRIS: DEC_MED21). */
    public static final String REVENU_DECLARE_MEDIAN = "revenu_declare_median";
    /** First decile of declared income per consumption unit, EUR (DEC_D121). */
    public static final String REVENU_DECLARE_D1 = "revenu_declare_d1";
    /** Ninth decile of declared income per consumption unit, EUR (DEC_D921). */
    public static final String REVENU_DECLARE_D9 = "revenu_declare_d9";
    /** Low-declared-income rate, % (DEC_TP6021). */
    public static final String TAUX_BAS_REVENUS_DECLARES = "taux_bas_revenus_declares";
    /** Gini index of declared income, between 0 and 1 (DEC_GI21). */
    public static final String GINI_REVENUS_DECLARES = "gini_revenus_declares";

    public Iris {
        Objects.requireNonNull(codeIris, "codeIris");
        Objects.requireNonNull(codeInsee, "codeInsee");
        if (codeIris.length() != 9 || !codeIris.startsWith(codeInsee)) {
            throw new IllegalArgumentException("IRIS " + codeIris + " is not a 9-character code of commune " + codeInsee);
        }
        chiffres = Map.copyOf(chiffres);
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
        for (String secret : secrets) {
            if (chiffres.containsKey(secret)) {
                throw new IllegalArgumentException("IRIS " + codeIris + ": " + secret + " is both a figure and a secret");
            }
        }
    }

    /** The figure, or {@code null} when absent or secret. */
    public Double chiffre(String variable) {
        return chiffres.get(variable);
    }

    /** Whether INSEE does not publish {@code variable} for this IRIS. */
    public boolean estSecret(String variable) {
        return secrets.contains(variable);
    }
}
