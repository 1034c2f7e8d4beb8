package fr.croisements.ingest.parking;

import fr.croisements.events.OccupationParking;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Mean occupancy rate (occupied places ÷ capacity, 0 to 1) by hour of the day, local time of Paris,
 * for weekdays (Monday to Friday) and weekends. Immutable and thread-safe.
 *
 * <p>{@link #MONTPELLIER} is computed by {@link #calculer} from the real Montpellier series
 * ({@code shared/datasets/parking/montpellier_parkings_occupancy_2025-12-28_2026-02-08.csv}); a test
 * checks that these constants are the file's figures.
 *
 * @param semaine 24 rates, hour 0 to 23, Monday to Friday
 * @param weekend 24 rates, hour 0 to 23, Saturday and Sunday
 */
public record ProfilOccupation(List<Double> semaine, List<Double> weekend) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Montpellier, 24 car parks, 28 032 observations from 2025-12-28 to 2026-02-08, rounded to 0.001.
     * Weekdays at 1 h had no observation: interpolated between 0 h and 2 h.
     */
    public static final ProfilOccupation MONTPELLIER = new ProfilOccupation(
            List.of(0.335, 0.330, 0.325, 0.327, 0.326, 0.331, 0.346, 0.410, 0.447, 0.499, 0.528, 0.536,
                    0.539, 0.546, 0.536, 0.524, 0.501, 0.429, 0.420, 0.396, 0.396, 0.373, 0.365, 0.344),
            List.of(0.365, 0.330, 0.325, 0.327, 0.324, 0.326, 0.331, 0.338, 0.351, 0.374, 0.385, 0.397,
                    0.403, 0.401, 0.405, 0.409, 0.407, 0.396, 0.392, 0.389, 0.389, 0.370, 0.353, 0.336));

    public ProfilOccupation {
        semaine = verifier(semaine, "semaine");
        weekend = verifier(weekend, "weekend");
    }

    /**
     * The mean rate of each hour of observations having a capacity: each observation counts once,
     * whatever its car park's size (as "mean occupancy over all car parks"). The local hour is the
     * hour of Paris at the observation instant; Saturday and Sunday are the weekend (public holidays
     * count as the weekday they fall on). An hour without observation is interpolated linearly
     * between the nearest hours with one, around the clock.
     *
     * @throws IllegalArgumentException when weekdays or weekends have no observation at all
     */
    public static ProfilOccupation calculer(Collection<OccupationParking> observations) {
        double[][] somme = new double[2][24];
        long[][] nombre = new long[2][24];
        for (OccupationParking o : observations) {
            if (o.capacite() == null || o.capacite() <= 0) {
                continue;
            }
            ZonedDateTime local = o.instant().atZone(PARIS);
            int jour = estWeekend(local.toLocalDate()) ? 1 : 0;
            somme[jour][local.getHour()] += 1.0 - (double) o.placesLibres() / o.capacite();
            nombre[jour][local.getHour()]++;
        }
        return new ProfilOccupation(moyennes(somme[0], nombre[0], "semaine"), moyennes(somme[1], nombre[1], "weekend"));
    }

    /** The rate of an hour (0 to 23) of weekdays or weekends. */
    public double moyenne(boolean weekendOuNon, int heure) {
        return (weekendOuNon ? weekend : semaine).get(heure);
    }

    /** The hour (0 to 23) with the highest rate. */
    public int heureDePointe(boolean weekendOuNon) {
        List<Double> l = weekendOuNon ? weekend : semaine;
        int pointe = 0;
        for (int h = 1; h < 24; h++) {
            if (l.get(h) > l.get(pointe)) {
                pointe = h;
            }
        }
        return pointe;
    }

    /**
     * The rate at a local time: each hourly mean stands at the middle of its hour (10 h's at 10:30),
     * linearly interpolated in between, across midnight into the neighbouring day (and its kind).
     */
    public double taux(ZonedDateTime instant) {
        ZonedDateTime local = instant.withZoneSameInstant(PARIS);
        double x = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0 - 0.5;
        int k = (int) Math.floor(x);
        double f = x - k;
        LocalDate jour = local.toLocalDate();
        return (1 - f) * valeur(jour, k) + f * valeur(jour, k + 1);
    }

    static boolean estWeekend(LocalDate jour) {
        return jour.getDayOfWeek() == DayOfWeek.SATURDAY || jour.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The hourly mean of hour {@code k} of a day, k from -1 (the day before, 23 h) to 24 (the day after, 0 h). */
    private double valeur(LocalDate jour, int k) {
        LocalDate j = k < 0 ? jour.minusDays(1) : k > 23 ? jour.plusDays(1) : jour;
        return moyenne(estWeekend(j), Math.floorMod(k, 24));
    }

    private static List<Double> moyennes(double[] somme, long[] nombre, String quoi) {
        var connues = new ArrayList<Integer>();
        for (int h = 0; h < 24; h++) {
            if (nombre[h] > 0) {
                connues.add(h);
            }
        }
        if (connues.isEmpty()) {
            throw new IllegalArgumentException("No observation with a capacity for " + quoi);
        }
        var taux = new ArrayList<Double>();
        for (int h = 0; h < 24; h++) {
            if (nombre[h] > 0) {
                taux.add(somme[h] / nombre[h]);
                continue;
            }
            int avant = h;
            int apres = h;
            int da = 0;
            int dp = 0;
            while (nombre[avant] == 0) {
                avant = Math.floorMod(avant - 1, 24);
                da++;
            }
            while (nombre[apres] == 0) {
                apres = (apres + 1) % 24;
                dp++;
            }
            double a = somme[avant] / nombre[avant];
            double p = somme[apres] / nombre[apres];
            taux.add(a + (p - a) * da / (da + dp));
        }
        return taux;
    }

    private static List<Double> verifier(List<Double> taux, String quoi) {
        if (taux == null || taux.size() != 24) {
            throw new IllegalArgumentException("24 hourly rates expected for " + quoi + ": " + taux);
        }
        for (Double t : taux) {
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("Rate outside [0, 1] for " + quoi + ": " + t);
            }
        }
        return List.copyOf(taux);
    }
}
