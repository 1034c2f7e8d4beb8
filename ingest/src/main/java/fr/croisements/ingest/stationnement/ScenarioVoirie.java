package fr.croisements.ingest.stationnement;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * What raises the demand on Antony's spaces in the simulation (« simulé »). Immutable.
 * <ul>
 *   <li>{@code normal}: the calibrated profile alone;
 *   <li>{@code jour-de-marche}: on market days (Tuesday, Friday and Sunday, an assumption: Antony's
 *       market is held in the centre several mornings a week), from 8:00 to 13:00 (Paris), arrivals
 *       × {@value #ARRIVEES_MARCHE} and stays × {@value #DUREES_MARCHE} in the IRIS of the centre;
 *   <li>{@code soldes}: every day from 10:00 to 19:00, arrivals × {@value #ARRIVEES_SOLDES} and stays
 *       × {@value #DUREES_SOLDES} in the shopping IRIS (centre, Croix de Berny, Pajeaud, Breuil).
 * </ul>
 *
 * @param nom {@code normal}, {@code jour-de-marche} or {@code soldes}
 */
public record ScenarioVoirie(String nom) {

    public static final String NORMAL = "normal";
    public static final String MARCHE = "jour-de-marche";
    public static final String SOLDES = "soldes";
    public static final double ARRIVEES_MARCHE = 2.0;
    public static final double DUREES_MARCHE = 0.7;
    public static final double ARRIVEES_SOLDES = 1.5;
    public static final double DUREES_SOLDES = 1.3;
    /** Hôtel de Ville, Céline, Onze Novembre: rue Auguste Mounié and the market square. */
    public static final Set<String> IRIS_CENTRE = Set.of("920020403", "920020402", "920020201");
    public static final Set<String> IRIS_COMMERCES = Set.of("920020403", "920020402", "920020201", "920020105",
            "920020301", "920020302");
    static final Set<DayOfWeek> JOURS_DE_MARCHE = Set.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);

    public ScenarioVoirie {
        nom = nom.strip().toLowerCase(Locale.ROOT);
        if (!Set.of(NORMAL, MARCHE, SOLDES).contains(nom)) {
            throw new IllegalArgumentException("scénario de stationnement inconnu : « " + nom
                    + " » (normal, jour-de-marche ou soldes)");
        }
    }

    /** How much the arrival rate is multiplied by on a space of {@code codeIris} at local time {@code t}. */
    double facteurArrivees(String codeIris, LocalDateTime t) {
        if (marche(codeIris, t)) {
            return ARRIVEES_MARCHE;
        }
        return soldes(codeIris, t) ? ARRIVEES_SOLDES : 1;
    }

    /** How much the stays that start then are multiplied by. */
    double facteurDurees(String codeIris, LocalDateTime t) {
        if (marche(codeIris, t)) {
            return DUREES_MARCHE;
        }
        return soldes(codeIris, t) ? DUREES_SOLDES : 1;
    }

    private boolean marche(String codeIris, LocalDateTime t) {
        return nom.equals(MARCHE) && IRIS_CENTRE.contains(codeIris) && JOURS_DE_MARCHE.contains(t.getDayOfWeek())
                && t.getHour() >= 8 && t.getHour() < 13;
    }

    private boolean soldes(String codeIris, LocalDateTime t) {
        return nom.equals(SOLDES) && IRIS_COMMERCES.contains(codeIris) && t.getHour() >= 10 && t.getHour() < 19;
    }
}
