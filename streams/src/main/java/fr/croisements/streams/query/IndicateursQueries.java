package fr.croisements.streams.query;

import fr.croisements.events.Indicateur;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Read-only access to the indicator cells kept in the Kafka Streams state stores. The only
 * interface between the web layer and the streams; a local implementation reads this
 * instance's stores, a routed one every instance's.
 *
 * <p>Every read names its zones, and a read about a period names its bounds: the stores are indexed
 * by zone then window start ({@code CellulesStore}), so that a read seeks each zone it names and
 * never walks the cells of other territories or other periods.
 *
 * <p>Implementations throw {@link StoreIndisponibleException} while a store cannot be read
 * (start-up, rebalance).
 */
public interface IndicateursQueries {

    /**
     * The most recent cell (by window start) of each of these zones that has one, by zone code. With
     * no zone, nothing, but a store that cannot be read still throws.
     */
    Map<String, Indicateur> dernieres(String indicateur, Collection<String> zones);

    /**
     * The cells of these zones whose window starts in {@code [debut, fin)}, zone by zone (in code order)
     * and oldest window first, one per zone and window. A {@code null} bound is open: {@code debut} null
     * from the oldest kept cell, {@code fin} null up to the latest.
     */
    List<Indicateur> cellules(String indicateur, Collection<String> zones, Instant debut, Instant fin);

    /** Every kept cell of one zone, oldest window first; empty when the zone has none (a zone's chart). */
    List<Indicateur> historique(String indicateur, String codeZone);

    /**
     * The windows of the kept cells of these zones, without their figures (the list of periods of a
     * territory), oldest first then by zone code, one per zone and window.
     */
    List<FenetreZone> fenetres(String indicateur, Collection<String> zones);
}
