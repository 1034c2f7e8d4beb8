package fr.croisements.viz.territoires;

import fr.croisements.events.Indicateur;
import fr.croisements.streams.query.FenetreZone;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The windows of one indicator kept for the zones of a territory, from the windows of their cells
 * ({@link fr.croisements.streams.query.IndicateursQueries#fenetres}), and the cells of one window by
 * zone. A window is known by its start. Pure and thread-safe.
 */
public final class Fenetres {

    /** A window with cells in the territory: its bounds (end exclusive), French label, zones with a cell. */
    record Fenetre(Instant debut, Instant fin, String libelle, int communes) {}

    private Fenetres() {}

    /** The windows having at least one cell in the zones (communes or IRIS) read, oldest first. */
    static List<Fenetre> liste(List<FenetreZone> fenetres) {
        var zones = new TreeMap<Instant, Set<String>>();
        var fins = new TreeMap<Instant, Instant>();
        for (FenetreZone f : fenetres) {
            zones.computeIfAbsent(f.debut(), d -> new HashSet<>()).add(f.codeZone());
            fins.putIfAbsent(f.debut(), f.fin());
        }
        return zones.entrySet().stream().map(e -> {
            Instant fin = fins.get(e.getKey());
            return new Fenetre(e.getKey(), fin, Periodes.libelle(e.getKey(), fin), e.getValue().size());
        }).toList();
    }

    /**
     * The end of the period that {@code ?debut=} names, exclusive: the map asks for the window starting
     * exactly at {@code debut}, so the cells read are those starting in {@code [debut, debut + 1 ms)}.
     */
    public static Instant finDeLaFenetre(Instant debut) {
        return debut.plusMillis(1);
    }

    /** The cells read, by zone code: the last one read of each zone (the latest, cells being oldest first). */
    public static Map<String, Indicateur> parZone(List<Indicateur> cellules) {
        var result = new LinkedHashMap<String, Indicateur>();
        cellules.forEach(c -> result.put(c.codeZone(), c));
        return result;
    }
}
