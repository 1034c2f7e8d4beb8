package fr.croisements.viz.live;

import fr.croisements.events.Indicateur;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cells waiting to be sent to the subscribed clients of {@link LiveFeed}, one per indicator and
 * zone: the cell of the latest window, and of two cells of the same window the last one received (an
 * update). A late cell of an older window never replaces a newer one, which the map would then miss.
 * Thread-safe: {@link #ajouter} on the Kafka consumer thread, {@link #prendre} on the sending thread.
 */
final class CellulesEnAttente {

    private final Map<String, Indicateur> cellules = new ConcurrentHashMap<>();

    void ajouter(Indicateur cellule) {
        cellules.merge(cellule.indicateur() + '|' + cellule.codeZone(), cellule,
                (avant, apres) -> apres.debut().isBefore(avant.debut()) ? avant : apres);
    }

    /** The cells waiting, removed from the wait; each one at most once. */
    List<Indicateur> prendre() {
        var prises = new ArrayList<Indicateur>();
        for (String cle : cellules.keySet()) {
            Indicateur cellule = cellules.remove(cle);
            if (cellule != null) {
                prises.add(cellule);
            }
        }
        return prises;
    }
}
