package fr.croisements.viz.live;

import fr.croisements.events.Indicateur;
import java.time.Instant;
import java.util.Map;

/**
 * What a subscribed map needs of a new cell to recolour its zone: an {@link Indicateur} with the same
 * field names, without the zone's name, the contributors nor the sources (the GeoJSON the map drew
 * has them, and they make most of a cell's size). The value and numerator of a secret cell are left out.
 */
record CelluleCompacte(String indicateur, String codeZone, Instant debut, Instant fin, Double valeur, String unite,
        Double numerateur, Double denominateur, Map<String, Double> mesures, boolean secret, boolean simule) {

    static CelluleCompacte de(Indicateur c) {
        return new CelluleCompacte(c.indicateur(), c.codeZone(), c.debut(), c.fin(), c.secret() ? null : c.valeur(),
                c.unite(), c.secret() ? null : c.numerateur(), c.denominateur(), c.mesures(), c.secret(), c.simule());
    }
}
