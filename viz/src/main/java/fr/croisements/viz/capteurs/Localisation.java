package fr.croisements.viz.capteurs;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

/**
 * Which commune of the territories covers a device's position (WGS84, as the packs' contours). A
 * point on the border of two communes belongs to the first in code order. Communes without a
 * contour hold no device. Built once; thread-safe afterwards (JTS locators index lazily under a lock).
 */
final class Localisation {

    private record Contour(Commune commune, Envelope boite, IndexedPointInAreaLocator localisateur) {
        boolean couvre(Coordinate point) {
            return boite.covers(point) && localisateur.locate(point) != Location.EXTERIOR;
        }
    }

    /** Contours by territory id, communes in code order. */
    private final Map<String, List<Contour>> parTerritoire = new LinkedHashMap<>();

    Localisation(List<Territoire> territoires) {
        for (Territoire t : territoires) {
            parTerritoire.put(t.id(), t.communes().stream()
                    .filter(c -> c.contour() != null && !c.contour().isEmpty())
                    .map(c -> new Contour(c, c.contour().getEnvelopeInternal(), new IndexedPointInAreaLocator(c.contour())))
                    .toList());
        }
    }

    /** The commune of this territory covering the position. */
    Optional<Commune> commune(Territoire territoire, Position position) {
        Coordinate point = new Coordinate(position.longitude(), position.latitude());
        return parTerritoire.getOrDefault(territoire.id(), List.of()).stream()
                .filter(c -> c.couvre(point)).map(Contour::commune).findFirst();
    }

    /** The commune of any territory covering the position, territories in the order given. */
    Optional<Commune> commune(Position position) {
        Coordinate point = new Coordinate(position.longitude(), position.latitude());
        return parTerritoire.values().stream().flatMap(List::stream)
                .filter(c -> c.couvre(point)).map(Contour::commune).findFirst();
    }
}
