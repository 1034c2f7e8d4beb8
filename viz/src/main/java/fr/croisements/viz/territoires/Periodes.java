package fr.croisements.viz.territoires;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * French labels of cell windows, e.g. "semaine du 6 au 12 janvier 2025", "années 2021 et 2022" (whole
 * calendar years). Windows are read in universal time, as most topologies cut them, except those
 * cut at midnight in Paris (the car parks' days), read in Paris time; the end is exclusive, so a
 * week from Monday 0 h to the next Monday 0 h ends on Sunday. Pure and thread-safe.
 */
public final class Periodes {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MOIS = DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH);

    private Periodes() {}

    public static String libelle(Instant debut, Instant fin) {
        ZoneId zone = minuit(debut, PARIS) && minuit(fin, PARIS) && !minuit(debut, ZoneOffset.UTC) ? PARIS : ZoneOffset.UTC;
        LocalDate premier = debut.atZone(zone).toLocalDate();
        LocalDate dernier = fin.minusNanos(1).atZone(zone).toLocalDate();
        if (!dernier.isAfter(premier)) {
            return "journée du " + date(premier, true, true);
        }
        if (debut.equals(premier.atStartOfDay(zone).toInstant()) && premier.getDayOfYear() == 1
                && dernier.getMonthValue() == 12 && dernier.getDayOfMonth() == 31) {
            // whole calendar years, as the cells of yearly INSEE figures
            int nombre = dernier.getYear() - premier.getYear();
            return nombre == 0 ? "année " + premier.getYear()
                    : "années " + premier.getYear() + (nombre == 1 ? " et " : " à ") + dernier.getYear();
        }
        boolean semaine = Duration.between(debut, fin).equals(Duration.ofDays(7))
                && premier.getDayOfWeek() == DayOfWeek.MONDAY;
        return (semaine ? "semaine du " : "du ") + intervalle(premier, dernier);
    }

    private static boolean minuit(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static String intervalle(LocalDate premier, LocalDate dernier) {
        boolean memeAnnee = premier.getYear() == dernier.getYear();
        boolean memeMois = memeAnnee && premier.getMonth() == dernier.getMonth();
        return date(premier, !memeMois, !memeAnnee) + " au " + date(dernier, true, true);
    }

    private static String date(LocalDate jour, boolean avecMois, boolean avecAnnee) {
        String texte = jour.getDayOfMonth() == 1 ? "1er" : Integer.toString(jour.getDayOfMonth());
        if (avecMois) {
            texte += " " + MOIS.format(jour);
        }
        if (avecAnnee) {
            texte += " " + jour.getYear();
        }
        return texte;
    }
}
