package fr.croisements.viz;

import fr.croisements.events.Indicateur;
import fr.croisements.streams.query.FenetreZone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.streams.query.Provenance;
import fr.croisements.streams.query.StoreIndisponibleException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory cells, in insertion order; can pretend the stores (all, or one) are not readable yet, and
 * counts the reads (to tell an answer kept ready from one built again).
 */
public final class FausseQueries implements IndicateursQueries {

    private final List<Indicateur> cellules = new CopyOnWriteArrayList<>();
    private volatile boolean indisponible;
    private final Set<String> indisponibles = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lectures = new AtomicInteger();
    private volatile Provenance provenance = Provenance.ACTIVES;

    /** Every read from now on notes {@code p}, as the routed queries do while an instance is away. */
    public void repondreDepuis(Provenance p) {
        provenance = p;
    }

    public FausseQueries ajouter(Indicateur... nouvelles) {
        cellules.addAll(List.of(nouvelles));
        return this;
    }

    public void vider() {
        cellules.clear();
        indisponible = false;
        indisponibles.clear();
    }

    public void rendreIndisponible() {
        indisponible = true;
    }

    /** Every store readable again (the cells kept). */
    public void rendreDisponible() {
        indisponible = false;
        indisponibles.clear();
    }

    /** Only the store of this indicator cannot be read (e.g. its topology is not running). */
    public void rendreIndisponible(String indicateur) {
        indisponibles.add(indicateur);
    }

    /** How many times the stores were read (any of its reads) since the start. */
    public int lectures() {
        return lectures.get();
    }

    @Override
    public Map<String, Indicateur> dernieres(String indicateur, Collection<String> zones) {
        verifier(indicateur);
        var result = new LinkedHashMap<String, Indicateur>();
        for (Indicateur c : cellules) {
            if (c.indicateur().equals(indicateur) && zones.contains(c.codeZone())) {
                // a later cell of the same window is an update and replaces the earlier one
                result.merge(c.codeZone(), c, (a, b) -> b.debut().isBefore(a.debut()) ? a : b);
            }
        }
        return result;
    }

    /** As a store: one cell per zone and window (the last added), by zone code then oldest first. */
    @Override
    public List<Indicateur> cellules(String indicateur, Collection<String> zones, Instant debut, Instant fin) {
        verifier(indicateur);
        var parCellule = new TreeMap<String, TreeMap<Instant, Indicateur>>();
        for (Indicateur c : cellules) {
            if (c.indicateur().equals(indicateur) && zones.contains(c.codeZone())
                    && (debut == null || !c.debut().isBefore(debut)) && (fin == null || c.debut().isBefore(fin))) {
                parCellule.computeIfAbsent(c.codeZone(), z -> new TreeMap<>()).put(c.debut(), c);
            }
        }
        var result = new ArrayList<Indicateur>();
        parCellule.values().forEach(z -> result.addAll(z.values()));
        return result;
    }

    /** In insertion order, on purpose not sorted: the server must sort. */
    @Override
    public List<Indicateur> historique(String indicateur, String codeZone) {
        verifier(indicateur);
        var result = new ArrayList<Indicateur>();
        for (Indicateur c : cellules) {
            if (c.indicateur().equals(indicateur) && c.codeZone().equals(codeZone)) {
                result.add(c);
            }
        }
        return result;
    }

    /** In insertion order, on purpose not sorted, an updated window twice: the server must sort and count once. */
    @Override
    public List<FenetreZone> fenetres(String indicateur, Collection<String> zones) {
        verifier(indicateur);
        var result = new ArrayList<FenetreZone>();
        for (Indicateur c : cellules) {
            if (c.indicateur().equals(indicateur) && zones.contains(c.codeZone())) {
                result.add(FenetreZone.de(c));
            }
        }
        return result;
    }

    private void verifier(String indicateur) {
        lectures.incrementAndGet();
        Provenance.noter(provenance);
        if (indisponible || indisponibles.contains(indicateur)) {
            throw new StoreIndisponibleException("store indicateurs-" + indicateur + "-store not running",
                    new IllegalStateException("REBALANCING"));
        }
    }
}
