package fr.croisements.streams.indicateurs;

import fr.croisements.events.DefinitionIndicateur;
import java.util.List;

/**
 * A crossing of the pipeline: it reads its inputs from {@link Entrees} (source topics, the INSEE
 * and car-park tables, the zone locator), builds its cells with a {@link FabriqueCellules} and
 * publishes them with {@link Entrees#publier}, its rejects with {@link Entrees#rejeter}. The
 * built-in crossings and the indicators declared by files all enter the pipeline this way.
 */
public interface Croisement {

    /** The indicators whose cells it publishes (none for a follow-up such as the devices' health). */
    List<DefinitionIndicateur> definitions();

    /** Adds its steps to the topology being built. */
    void ajouter(Entrees entrees);
}
