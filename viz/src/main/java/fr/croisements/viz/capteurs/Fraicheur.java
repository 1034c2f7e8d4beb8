package fr.croisements.viz.capteurs;

import java.time.Duration;
import java.time.Instant;

/**
 * How long ago a device was last heard, in French: "vu il y a 12 min", "vu il y a 3 h", "vu il y
 * a 2 jours"; for an antenna (feminine), "vue il y a 12 min". Numbers and units are joined by a
 * non-breaking space, as the page writes them. Pure.
 */
final class Fraicheur {

    /** Beyond this silence, a device is shown as silent (grey). */
    static final Duration SEUIL_SILENCE = Duration.ofHours(1);

    private static final String INSECABLE = "\u00a0";

    private Fraicheur() {}

    /** "vu il y a 12 min"; "jamais entendu" without a reception; "vu à l'instant" under a minute or in the future. */
    static String libelle(Instant derniereReception, Instant maintenant) {
        return libelle(derniereReception, maintenant, false);
    }

    /**
     * As {@link #libelle(Instant, Instant)}, agreed in gender: {@code feminin} for an antenna,
     * "vue il y a 12 min", "jamais entendue".
     */
    static String libelle(Instant derniereReception, Instant maintenant, boolean feminin) {
        String e = feminin ? "e" : "";
        if (derniereReception == null) {
            return "jamais entendu" + e;
        }
        long secondes = Duration.between(derniereReception, maintenant).toSeconds();
        String vu = "vu" + e;
        if (secondes < 60) {
            // a reception ahead of the clock (clocks of the network server and ours differ) is recent too
            return vu + " à l'instant";
        }
        if (secondes < 3_600) {
            return vu + " il y a " + secondes / 60 + INSECABLE + "min";
        }
        if (secondes < 86_400) {
            return vu + " il y a " + secondes / 3_600 + INSECABLE + "h";
        }
        long jours = secondes / 86_400;
        return vu + " il y a " + jours + INSECABLE + (jours == 1 ? "jour" : "jours");
    }

    /** Not heard for more than {@link #SEUIL_SILENCE}, or never. */
    static boolean silencieux(Instant derniereReception, Instant maintenant) {
        return derniereReception == null || Duration.between(derniereReception, maintenant).compareTo(SEUIL_SILENCE) > 0;
    }
}
