package fr.croisements.streams.fichiers;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar windows in a time zone: the hour, the day, the ISO week (from Monday 0:00) or the month
 * holding an instant, as people of that zone name them. A day in Paris lasts 23 or 25 hours on the
 * days the clocks change, and a month 28 to 31 days: the windows follow the calendar, not a fixed
 * length, which is why the cells are keyed by zone and window start rather than held in a Kafka
 * Streams window store (whose windows have one size).
 */
enum FenetreCalendaire {
    HEURE("heure"), JOUR("jour"), SEMAINE("semaine"), MOIS("mois");

    private final String nom;

    FenetreCalendaire(String nom) {
        this.nom = nom;
    }

    static FenetreCalendaire parNom(String nom) {
        for (FenetreCalendaire f : values()) {
            if (f.nom.equals(nom)) {
                return f;
            }
        }
        throw new IllegalArgumentException("durée de fenêtre inconnue : " + nom);
    }

    /** The start of the window holding {@code instant}. */
    Instant debut(Instant instant, ZoneId fuseau) {
        ZonedDateTime local = instant.atZone(fuseau);
        ZonedDateTime debut = switch (this) {
            case HEURE -> local.truncatedTo(ChronoUnit.HOURS);
            case JOUR -> local.toLocalDate().atStartOfDay(fuseau);
            case SEMAINE -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(fuseau);
            case MOIS -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(fuseau);
        };
        return debut.toInstant();
    }

    /** The end (exclusive) of the window starting at {@code debut}. */
    Instant fin(Instant debut, ZoneId fuseau) {
        ZonedDateTime local = debut.atZone(fuseau);
        ZonedDateTime fin = switch (this) {
            case HEURE -> local.plusHours(1);
            case JOUR -> local.toLocalDate().plusDays(1).atStartOfDay(fuseau);
            case SEMAINE -> local.toLocalDate().plusWeeks(1).atStartOfDay(fuseau);
            case MOIS -> local.toLocalDate().plusMonths(1).atStartOfDay(fuseau);
        };
        return fin.toInstant();
    }

    /** The nominal length, for the definition's {@code fenetre} (a month counts 30 days there). */
    java.time.Duration dureeNominale() {
        return switch (this) {
            case HEURE -> java.time.Duration.ofHours(1);
            case JOUR -> java.time.Duration.ofDays(1);
            case SEMAINE -> java.time.Duration.ofDays(7);
            case MOIS -> java.time.Duration.ofDays(30);
        };
    }
}
