package fr.croisements.streams.query;

import fr.croisements.events.Indicateur;
import java.util.List;
import java.util.Map;

/**
 * Read-only access to the indicator cells kept in the Kafka Streams state stores. The only
 * interface between the web layer and the streams; a local implementation reads this
 * instance's stores.
 *
 * <p>Implementations throw {@link StoreIndisponibleException} while a store cannot be read
 * (start-up, rebalance).
 */
public interface IndicateursQueries {

    /** The most recent cell (by window start) of every zone that has one, by zone code. */
    Map<String, Indicateur> dernieres(String indicateur);

    /** Every kept cell of one zone, oldest window first; empty when the zone has none. */
    List<Indicateur> historique(String indicateur, String codeZone);
}
