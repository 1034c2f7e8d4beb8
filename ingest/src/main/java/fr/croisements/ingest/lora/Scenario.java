package fr.croisements.ingest.lora;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The weather the simulator plays: {@link #normal()} (seasonal normals and day-to-day variation),
 * or {@link #canicule} (a heat wave: from {@code debutCanicule}, for {@code joursCanicule} days,
 * daily maxima raised by 8 to 12 °C, rising then falling, {@link #ECART_MIN} to
 * {@link #ECART_MAX} °C, and minima by {@value #PART_MINIMA} of that).
 *
 * @param nom {@code normal} or {@code canicule}
 * @param debutCanicule first day of the heat wave (Europe/Paris), or {@code null}
 * @param joursCanicule its length in days, 0 without heat wave
 */
public record Scenario(String nom, LocalDate debutCanicule, int joursCanicule) {

    public static final String NORMAL = "normal";
    public static final String CANICULE = "canicule";
    /** Default heat-wave length, days. */
    public static final int JOURS_CANICULE = 5;
    /** Rise of the daily maximum on the first and last days of a heat wave, °C. */
    public static final double ECART_MIN = 8;
    /** Rise of the daily maximum in the middle of a heat wave, °C. */
    public static final double ECART_MAX = 12;
    /** Share of the rise applied to the daily minimum: heat-wave nights stay warm. */
    public static final double PART_MINIMA = 0.6;

    public Scenario {
        Objects.requireNonNull(nom, "nom");
        if (joursCanicule < 0 || (joursCanicule > 0) != (debutCanicule != null)) {
            throw new IllegalArgumentException("A heat wave needs a first day and a positive length: " + debutCanicule + ", " + joursCanicule);
        }
    }

    public static Scenario normal() {
        return new Scenario(NORMAL, null, 0);
    }

    /** A heat wave of {@value #JOURS_CANICULE} days from {@code debut}. */
    public static Scenario canicule(LocalDate debut) {
        return canicule(debut, JOURS_CANICULE);
    }

    public static Scenario canicule(LocalDate debut, int jours) {
        if (jours < 1) {
            throw new IllegalArgumentException("A heat wave lasts at least one day: " + jours);
        }
        return new Scenario(CANICULE, Objects.requireNonNull(debut, "debut"), jours);
    }

    /**
     * The scenario a command line names ({@code --scenario normal|canicule}).
     *
     * @param debut first day of the heat wave, for {@code canicule}
     * @throws IllegalArgumentException for another name, in French
     */
    public static Scenario depuisNom(String nom, LocalDate debut) {
        return switch (nom.strip().toLowerCase(Locale.ROOT)) {
            case NORMAL -> normal();
            case CANICULE -> canicule(debut);
            default -> throw new IllegalArgumentException("scénario inconnu : « " + nom + " » (normal ou canicule)");
        };
    }

    /** How much warmer the day's maximum is than without the heat wave, °C (0 outside it). */
    public double ecartMaximum(LocalDate jour) {
        if (joursCanicule == 0) {
            return 0;
        }
        long i = ChronoUnit.DAYS.between(debutCanicule, jour);
        if (i < 0 || i >= joursCanicule) {
            return 0;
        }
        return ECART_MIN + (ECART_MAX - ECART_MIN) * Math.sin(Math.PI * (i + 0.5) / joursCanicule);
    }
}
