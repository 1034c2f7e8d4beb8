package fr.croisements.ingest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The dates a Kafka record can carry: a record's timestamp is a count of milliseconds since
 * 1970-01-01 that may not be negative, so a reading dated earlier (a gateway without GPS says year 1,
 * a typo says 0025) cannot be published with its date. Found by the fuzz suites (issue #13): such a
 * date made the producer throw instead of the line being rejected.
 */
public final class Horodatages {

    /** The earliest date published: Kafka's epoch. */
    public static final Instant PREMIER = Instant.EPOCH;
    /** The latest date published: the end of year 9999 (ISO 8601's four-digit years). */
    public static final Instant DERNIER = Instant.parse("9999-12-31T23:59:59.999Z");

    private Horodatages() {}

    /** Whether a record can be dated so. */
    public static boolean publiable(Instant instant) {
        return !instant.isBefore(PREMIER) && !instant.isAfter(DERNIER);
    }

    /** The French reason for a date outside {@link #publiable}: « horodatage hors des dates possibles : « 0025-03-04 » (…) ». */
    public static String horsLimites(String champ, String texte) {
        return champ + " hors des dates possibles : « " + texte + " » (attendu entre le 1er janvier 1970 et l'an 9999 :"
                + " un enregistrement Kafka ne peut pas être daté avant 1970)";
    }

    /** Same, for a date already read. */
    public static String horsLimites(String champ, Instant instant) {
        return horsLimites(champ, DateTimeFormatter.ISO_INSTANT.format(instant));
    }
}
