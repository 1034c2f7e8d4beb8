package fr.croisements.datasets;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * An IRIS (infra-communal statistical zone) of a territory pack, with its INSEE figures (Filosofi,
 * and where an IRIS file gives them census population, density and share of 75+) and, where the
 * import had IRIS contours (IGN – INSEE Contours…IRIS), its name and contour.
 *
 * @param codeIris IRIS code, 9 characters, a string; its first 5 characters are the commune's
 * @param codeInsee COG code of its commune
 * @param nom its name, in French as published (e.g. "Parc de Sceaux"), or {@code null} when unknown
 * @param chiffres figures by variable ({@link #REVENU_DECLARE_MEDIAN}...); a figure not published is absent, never 0
 * @param secrets the variables INSEE does not publish for this IRIS ({@code s}, {@code nd}, {@code ns}:
 *     too few households, or not significant); never also in {@code chiffres}
 * @param contour WGS84 (lon/lat) polygon or multipolygon, or {@code null} without IRIS contours
 */
public record Iris(String codeIris, String codeInsee, String nom, Map<String, Double> chiffres, Set<String> secrets,
        Geometry contour) {

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
    /** Population of the IRIS at the census (e.g. RP2016: the sum of its age bands), 1 decimal. */
    public static final String POPULATION = "population_iris";
    /** Area of the IRIS contour, km² (computed in Lambert-93). */
    public static final String SUPERFICIE_KM2 = "superficie_iris_km2";
    /** {@link #POPULATION} / {@link #SUPERFICIE_KM2}, inhabitants per km². */
    public static final String DENSITE = "densite_iris";
    /** Share of people aged 75 and over at the census, %, 1 decimal. */
    public static final String PART_75_PLUS = "part_75_plus_iris";

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

    /** An IRIS without name nor contour: a row of figures. */
    public Iris(String codeIris, String codeInsee, Map<String, Double> chiffres, Set<String> secrets) {
        this(codeIris, codeInsee, null, chiffres, secrets, null);
    }

    /** The same IRIS with this contour. */
    public Iris avecContour(Geometry autre) {
        return new Iris(codeIris, codeInsee, nom, chiffres, secrets, autre);
    }

    /** Whether the pack has its contour (it can be drawn and located). */
    public boolean aUnContour() {
        return contour != null && !contour.isEmpty();
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
