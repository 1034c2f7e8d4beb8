package fr.croisements.streams.stationnement;

import fr.croisements.events.SejourPlace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state machine that turns a space's occupied/free frames into stays. Pure and thread-safe.
 *
 * <p>The rules, for frames of one space taken in the order they arrive:
 * <ul>
 *   <li><b>first frame</b> of a space: the space is known from now on; occupied at first sight, the
 *       arrival is unknown and that stay is never counted;
 *   <li><b>free → occupied</b>: a stay starts at the frame; <b>occupied → free</b>: it ends at the frame;
 *   <li><b>same state again</b> (a heartbeat): nothing, unless the sensor says how long the previous
 *       state lasted (Nwave port 1, sent on each change): then a change was missed. Free again after
 *       a lost occupied frame: the stay is rebuilt, ending at the frame and lasting the duration given
 *       ({@link SejourPlace#RECONSTITUE}). Occupied again after a lost free frame: the previous stay
 *       ended at the frame minus the free duration given, and a new one starts at the frame. Without
 *       that duration (Bosch, Dingtek) a lost change is lost;
 *   <li><b>lost frames</b> between two frames of different states change nothing: the change is dated
 *       by the frame that reports it;
 *   <li><b>sensor reset</b> (the frame counter starts again from 0): not a lost or a late frame; the
 *       frame is read by the rules above, so a vehicle still there keeps its stay;
 *   <li><b>out-of-order frame</b> (older than the last frame taken of the space): refused, with a reason;
 *   <li><b>space never freed</b>: a stay still open {@link #SEJOUR_MAX} after its arrival is closed at
 *       that length ({@link SejourPlace#JAMAIS_LIBEREE}, see {@link #cloturer}); the frame that
 *       finally frees the space then closes nothing;
 *   <li><b>overnight stay</b>: nothing special here; the counts split it over the hours and days it covers.
 * </ul>
 */
final class MachineSejours {

    /** 7 days: beyond, a vehicle is « en stationnement abusif » (Code de la route, art. R417-12). */
    static final Duration SEJOUR_MAX = Duration.ofDays(7);

    /** The new state of the space, the stays it closed, or the reason the frame is refused. */
    record Resultat(EtatPlace etat, List<SejourPlace> sejours, String refus) {}

    private MachineSejours() {}

    static Resultat appliquer(String place, EtatPlace e, Observation o, double lon, double lat, boolean simule) {
        Instant t = o.instant();
        if (e == null) {
            return new Resultat(new EtatPlace(o.occupee(), null, t, o.fCnt(), lon, lat, simule), List.of(), null);
        }
        if (t.isBefore(e.dernierInstant())) {
            return new Resultat(e, List.of(), "trame hors d'ordre : reçue à " + t + ", après une trame de " + e.dernierInstant()
                    + " ; l'état de la place n'est pas remonté dans le temps");
        }
        var sejours = new ArrayList<SejourPlace>();
        Instant depuis = e.depuis();
        Double d = o.dureePrecedentMinutes();
        Instant debutEtatPrecedent = d == null ? null : t.minusSeconds(Math.round(d * 60));
        if (e.occupee() && !o.occupee()) {
            if (depuis != null) {
                sejours.add(sejour(place, depuis, t, lon, lat, SejourPlace.LIBEREE, simule));
            }
            depuis = null;
        } else if (!e.occupee() && o.occupee()) {
            depuis = t;
        } else if (!o.occupee() && debutEtatPrecedent != null && !debutEtatPrecedent.isBefore(e.dernierInstant())) {
            sejours.add(sejour(place, debutEtatPrecedent, t, lon, lat, SejourPlace.RECONSTITUE, simule));
        } else if (o.occupee() && debutEtatPrecedent != null && depuis != null && debutEtatPrecedent.isAfter(depuis)
                && !debutEtatPrecedent.isBefore(e.dernierInstant())) {
            sejours.add(sejour(place, depuis, debutEtatPrecedent, lon, lat, SejourPlace.RECONSTITUE, simule));
            depuis = t;
        }
        return new Resultat(new EtatPlace(o.occupee(), depuis, t, o.fCnt(), lon, lat, simule), sejours, null);
    }

    /**
     * Closes the stay of a space not freed {@link #SEJOUR_MAX} after its arrival, once the stream
     * time {@code maintenant} is past that; empty otherwise. The space stays occupied, with no stay open.
     */
    static Resultat cloturer(String place, EtatPlace e, Instant maintenant) {
        if (e == null || !e.occupee() || e.depuis() == null || maintenant.isBefore(e.depuis().plus(SEJOUR_MAX))) {
            return new Resultat(e, List.of(), null);
        }
        var s = sejour(place, e.depuis(), e.depuis().plus(SEJOUR_MAX), e.longitude(), e.latitude(), SejourPlace.JAMAIS_LIBEREE,
                e.simule());
        return new Resultat(new EtatPlace(true, null, e.dernierInstant(), e.fCnt(), e.longitude(), e.latitude(), e.simule()),
                List.of(s), null);
    }

    private static SejourPlace sejour(String place, Instant arrivee, Instant depart, double lon, double lat, String cloture,
            boolean simule) {
        return new SejourPlace(place, arrivee, depart, lon, lat, null, cloture, simule);
    }
}
