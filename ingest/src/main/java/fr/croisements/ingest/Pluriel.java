package fr.croisements.ingest;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A count and its words, agreed in number as French does: 0 and 1 take the singular ("0 message
 * rejeté", "1 message lu"), 2 and more the plural ("2 messages lus"). Counts are written with the
 * French thousands separator ("28 032"). For every summary line the command line and the adapters
 * print. Pure and thread-safe.
 */
public final class Pluriel {

    private Pluriel() {}

    /** Whether French writes a count in the plural: from 2 on (and from -2 down). */
    public static boolean estPluriel(long nombre) {
        return Math.abs(nombre) >= 2;
    }

    /** "1 ligne lue", "2 lignes lues": the count, then the singular or the plural words. */
    public static String de(long nombre, String singulier, String pluriel) {
        return nombre(nombre) + " " + (estPluriel(nombre) ? pluriel : singulier);
    }

    /** The count alone, with the French thousands separator (a narrow no-break space): "28 032". */
    public static String nombre(long nombre) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(nombre);
    }
}
