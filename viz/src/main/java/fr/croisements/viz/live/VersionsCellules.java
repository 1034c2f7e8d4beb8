package fr.croisements.viz.live;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live feed knows of the cells in the stores, for answers built from them and kept ready: a
 * version of the cells of one indicator in some zones, that changes with every new cell of those zones
 * seen live ({@link LiveFeed#publier}).
 *
 * <p>A version exists only once the indicator's topic is followed from a known offset ({@link #suivre},
 * called by {@link IndicateursEnDirect} after fixing its positions): before that, a store may hold cells
 * the feed never saw (those written between the start of the streams and the consumer's assignment), so
 * nothing built from it may be kept. A cell reaches the store before its topic (the streams write both in
 * one transaction, and the consumer reads committed records only), so a version read before reading the
 * store changes if a cell arrives afterwards.
 *
 * <p>All versions are taken from one counter, so the greatest of several changes whenever one of them
 * does. Thread-safe.
 */
public final class VersionsCellules {

    private final AtomicLong compteur = new AtomicLong();
    /** The version at which each followed topic began to be followed (or was found to skip a record). */
    private final Map<String, Long> topicsSuivis = new ConcurrentHashMap<>();
    /** The version of the latest cell of each indicator and zone, by {@code indicateur|codeZone}. */
    private final Map<String, Long> zones = new ConcurrentHashMap<>();

    /**
     * Every cell written to these topics from now on will be seen: answers built on their indicators may be
     * kept. Also called for a topic whose record could not be read, to drop what was built before it.
     */
    public void suivre(Collection<String> topics) {
        topics.forEach(t -> topicsSuivis.put(t, compteur.incrementAndGet()));
    }

    /** A cell was written to the stores. */
    void nouvelleCellule(Indicateur cellule) {
        zones.put(cle(cellule.indicateur(), cellule.codeZone()), compteur.incrementAndGet());
    }

    /**
     * The version of the cells of {@code indicateur} in {@code codesZones}; empty while its topic is not
     * followed, when nothing built from its store may be kept.
     */
    public OptionalLong version(DefinitionIndicateur indicateur, Collection<String> codesZones) {
        Long suivi = topicsSuivis.get(indicateur.topic());
        if (suivi == null) {
            return OptionalLong.empty();
        }
        long version = suivi;
        for (String code : codesZones) {
            version = Math.max(version, zones.getOrDefault(cle(indicateur.id(), code), 0L));
        }
        return OptionalLong.of(version);
    }

    private static String cle(String indicateur, String codeZone) {
        return indicateur + '|' + codeZone;
    }
}
