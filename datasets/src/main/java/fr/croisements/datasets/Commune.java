package fr.croisements.datasets;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A commune of a territory pack.
 *
 * @param codeInsee COG code, 5 characters, a string
 * @param nom name, in French
 * @param chiffres INSEE figures by variable ({@link #POPULATION}, {@link #MENAGES}...); a secret
 *     or unpublished figure is absent, never 0
 * @param secrets the variables INSEE does not publish for this commune (statistical secrecy), to be
 *     shown as "secret statistique" rather than "pas de donnée"; never also in {@code chiffres}
 * @param contour WGS84 (lon/lat) polygon or multipolygon
 */
public record Commune(String codeInsee, String nom, Map<String, Double> chiffres, Set<String> secrets, Geometry contour) {

    /** Municipal population (INSEE census 2021, comparateur de territoires). */
    public static final String POPULATION = "population";
    /** Number of households (ménages, INSEE census 2021, comparateur de territoires). */
    public static final String MENAGES = "menages";
    /** Area in km². */
    public static final String SUPERFICIE_KM2 = "superficie_km2";
    /** Density, inhabitants per km²: {@link #POPULATION} / {@link #SUPERFICIE_KM2}, 1 decimal. */
    public static final String DENSITE = "densite";
    /** People aged 75 and over (census 2022, dossier complet: P22_POP7589 + P22_POP90P), rounded to a whole number. */
    public static final String POPULATION_75_PLUS = "population_75_plus";
    /** Share of people aged 75 and over in the sum of the census 2022 age bands, %, 1 decimal. */
    public static final String PART_75_PLUS = "part_75_plus";
    /** One-person households (census 2022, dossier complet: C22_MENPSEUL), rounded to a whole number. */
    public static final String MENAGES_UNE_PERSONNE = "menages_une_personne";
    /**
     * Share of one-person households, %, 1 decimal: C22_MENPSEUL / (C22_MENPSEUL + C22_MENFAM), the
     * households of the same census table (see datasets/README.md for what the sum leaves out).
     */
    public static final String PART_MENAGES_UNE_PERSONNE = "part_menages_une_personne";
    /** Median disposable income per consumption unit, EUR (Filosofi 2021: MED21). */
    public static final String REVENU_MEDIAN = "revenu_median";
    /** Poverty rate at the 60 % threshold, % (Filosofi 2021: TP6021); often secret in small communes. */
    public static final String TAUX_PAUVRETE = "taux_pauvrete";
    /** Unemployment rate of the 15-64, % (census 2021: unemployed / labour force aged 15-64), 1 decimal. */
    public static final String TAUX_CHOMAGE = "taux_chomage";

    public Commune {
        Objects.requireNonNull(codeInsee, "codeInsee");
        Objects.requireNonNull(nom, "nom");
        chiffres = Map.copyOf(chiffres);
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
        for (String secret : secrets) {
            if (chiffres.containsKey(secret)) {
                throw new IllegalArgumentException("Commune " + codeInsee + ": " + secret + " is both a figure and a secret");
            }
        }
    }

    /** The figure, or {@code null} when absent or secret. */
    public Double chiffre(String variable) {
        return chiffres.get(variable);
    }

    /** Whether INSEE keeps {@code variable} secret for this commune. */
    public boolean estSecret(String variable) {
        return secrets.contains(variable);
    }
}
