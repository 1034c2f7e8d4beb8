package fr.croisements.viz.territoires;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The windows of one indicator kept for the communes of a territory, read from the history of each
 * commune (a territory has at most some forty communes), and the cells of one of them. A window is
 * known by its start; when a history holds several cells of the same window, the last one is an
 * update of the others and wins. Pure and thread-safe.
 */
public final class Fenetres {

    /** A window with cells in the territory: its bounds (end exclusive), French label, communes with a cell. */
    record Fenetre(Instant debut, Instant fin, String libelle, int communes) {}

    private Fenetres() {}

    /** The windows having at least one cell in the communes of the territory, oldest first. */
    static List<Fenetre> liste(Territoire territoire, Function<String, List<Indicateur>> historique) {
        return liste(territoire.communes().stream().map(Commune::codeInsee).toList(), historique);
    }

    /** The windows having at least one cell in these zones (communes or IRIS), oldest first. */
    static List<Fenetre> liste(List<String> codes, Function<String, List<Indicateur>> historique) {
        var cellules = new TreeMap<Instant, Map<String, Indicateur>>();
        for (String code : codes) {
            for (Indicateur c : historique.apply(code)) {
                cellules.computeIfAbsent(c.debut(), d -> new HashMap<>()).put(code, c);
            }
        }
        return cellules.entrySet().stream().map(e -> {
            Instant fin = e.getValue().values().iterator().next().fin();
            return new Fenetre(e.getKey(), fin, Periodes.libelle(e.getKey(), fin), e.getValue().size());
        }).toList();
    }

    /** The cell of each commune of the territory for the window starting at {@code debut}, by code; none without. */
    static Map<String, Indicateur> cellules(Territoire territoire, Instant debut,
            Function<String, List<Indicateur>> historique) {
        return cellules(territoire.communes().stream().map(Commune::codeInsee).toList(), debut, historique);
    }

    /** The cell of each of these zones for the window starting at {@code debut}, by code; none without. */
    static Map<String, Indicateur> cellules(List<String> codes, Instant debut, Function<String, List<Indicateur>> historique) {
        var result = new HashMap<String, Indicateur>();
        for (String code : codes) {
            cellule(historique.apply(code), debut).ifPresent(c -> result.put(code, c));
        }
        return result;
    }

    /** The cell of this window in the history of one zone: the last one starting at {@code debut}. */
    public static Optional<Indicateur> cellule(List<Indicateur> historique, Instant debut) {
        Indicateur trouvee = null;
        for (Indicateur c : historique) {
            if (c.debut().equals(debut)) {
                trouvee = c;
            }
        }
        return Optional.ofNullable(trouvee);
    }
}
