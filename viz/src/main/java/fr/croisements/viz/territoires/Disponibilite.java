package fr.croisements.viz.territoires;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Zone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.streams.query.StoreIndisponibleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which indicators have at least one cell (of any window, secret or not) in the communes of each
 * territory, read from {@link IndicateursQueries#dernieres} for the zones of the territories. An indicator whose store cannot be
 * read counts as absent, so that one indicator without a running store does not hide the others;
 * when no store at all can be read (start-up), the {@link StoreIndisponibleException} goes up (503).
 */
final class Disponibilite {

    private static final Logger log = LoggerFactory.getLogger(Disponibilite.class);

    private Disponibilite() {}

    /** Indicator ids by territory id, in catalogue order (cells in its communes or in its IRIS with a contour). */
    static Map<String, List<String>> parTerritoire(IndicateursQueries queries, List<Territoire> territoires,
            List<DefinitionIndicateur> indicateurs) {
        var result = new LinkedHashMap<String, List<String>>();
        niveaux(queries, territoires, indicateurs).forEach((id, parIndicateur) -> result.put(id, List.copyOf(parIndicateur.keySet())));
        return result;
    }

    /**
     * For each territory, its indicators in catalogue order, each with the levels at which it has cells:
     * {@code commune} (some commune has one), {@code iris} (some IRIS with a contour has one).
     */
    static Map<String, Map<String, List<String>>> niveaux(IndicateursQueries queries, List<Territoire> territoires,
            List<DefinitionIndicateur> indicateurs) {
        // the zones of these territories only: each read seeks them, never the other territories' cells
        var lues = new TreeSet<String>();
        for (Territoire t : territoires) {
            t.communes().forEach(c -> lues.add(c.codeInsee()));
            t.irisAvecContour().forEach(i -> lues.add(i.codeIris()));
        }
        var zones = new LinkedHashMap<String, Set<String>>();
        StoreIndisponibleException premiere = null;
        for (DefinitionIndicateur d : indicateurs) {
            try {
                zones.put(d.id(), queries.dernieres(d.id(), lues).keySet());
            } catch (StoreIndisponibleException e) {
                log.debug("Indicator {} not readable, left out of the territories' list: {}", d.id(), e.getMessage());
                premiere = premiere == null ? e : premiere;
            }
        }
        if (zones.isEmpty() && premiere != null) {
            throw premiere;
        }
        var result = new LinkedHashMap<String, Map<String, List<String>>>();
        for (Territoire t : territoires) {
            var ids = new LinkedHashMap<String, List<String>>();
            zones.forEach((id, codes) -> {
                var niveaux = new ArrayList<String>();
                if (t.communes().stream().map(Commune::codeInsee).anyMatch(codes::contains)) {
                    niveaux.add(Zone.COMMUNE);
                }
                if (t.irisAvecContour().stream().map(Iris::codeIris).anyMatch(codes::contains)) {
                    niveaux.add(Zone.IRIS);
                }
                if (!niveaux.isEmpty()) {
                    ids.put(id, List.copyOf(niveaux));
                }
            });
            result.put(t.id(), ids);
        }
        return result;
    }
}
