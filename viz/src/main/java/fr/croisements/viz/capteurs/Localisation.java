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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Which commune of the territories covers a device's position (WGS84, as the packs' contours), and
 * whether a point stands near a territory (an antenna on a hill outside the town). A point on the
 * border of two communes belongs to the first in code order. Communes without a contour hold no
 * device. Built once; thread-safe afterwards (JTS locators index lazily under a lock, facet
 * distances are built eagerly and only read).
 */
public final class Localisation {

    private record Contour(Commune commune, Envelope boite, IndexedPointInAreaLocator localisateur) {
        boolean couvre(Coordinate point) {
            return boite.covers(point) && localisateur.locate(point) != Location.EXTERIOR;
        }
    }

    /**
     * The outlines of a territory's communes in a local plane in metres: longitudes scaled by the
     * cosine of the territory's middle latitude (an equirectangular projection, a few per cent off
     * across a territory of some tens of kilometres: enough to say "within about 5 km").
     */
    private record Voisinage(double metresParDegreLongitude, IndexedFacetDistance distance) {
        boolean aMoinsDe(Coordinate point, double metres) {
            Geometry p = USINE.createPoint(new Coordinate(point.x * metresParDegreLongitude, point.y * METRES_PAR_DEGRE));
            return distance.isWithinDistance(p, metres);
        }
    }

    private static final double METRES_PAR_DEGRE = 111_320;
    private static final GeometryFactory USINE = new GeometryFactory();

    /** Contours by territory id, communes in code order. */
    private final Map<String, List<Contour>> parTerritoire = new LinkedHashMap<>();
    /** Outlines in metres by territory id; absent for a territory without contours. */
    private final Map<String, Voisinage> voisinages = new LinkedHashMap<>();

    public Localisation(List<Territoire> territoires) {
        for (Territoire t : territoires) {
            List<Contour> contours = t.communes().stream()
                    .filter(c -> c.contour() != null && !c.contour().isEmpty())
                    .map(c -> new Contour(c, c.contour().getEnvelopeInternal(), new IndexedPointInAreaLocator(c.contour())))
                    .toList();
            parTerritoire.put(t.id(), contours);
            if (!contours.isEmpty()) {
                voisinages.put(t.id(), voisinage(contours));
            }
        }
    }

    private static Voisinage voisinage(List<Contour> contours) {
        var boite = new Envelope();
        contours.forEach(c -> boite.expandToInclude(c.boite()));
        double metresParDegreLongitude = METRES_PAR_DEGRE * Math.cos(Math.toRadians(boite.centre().y));
        var enMetres = AffineTransformation.scaleInstance(metresParDegreLongitude, METRES_PAR_DEGRE);
        Geometry communes = USINE.createGeometryCollection(contours.stream()
                .map(c -> enMetres.transform(c.commune().contour())).toArray(Geometry[]::new));
        var distance = new IndexedFacetDistance(communes);
        return new Voisinage(metresParDegreLongitude, distance);
    }

    /**
     * Whether the position is inside one of the territory's communes or within {@code metres} of
     * them (measured on a local plane, see {@link Voisinage}).
     */
    boolean dansOuPres(Territoire territoire, Position position, double metres) {
        if (commune(territoire, position).isPresent()) {
            return true;
        }
        Voisinage voisinage = voisinages.get(territoire.id());
        return voisinage != null
                && voisinage.aMoinsDe(new Coordinate(position.longitude(), position.latitude()), metres);
    }

    /** The commune of this territory covering the position. */
    public Optional<Commune> commune(Territoire territoire, Position position) {
        Coordinate point = new Coordinate(position.longitude(), position.latitude());
        return parTerritoire.getOrDefault(territoire.id(), List.of()).stream()
                .filter(c -> c.couvre(point)).map(Contour::commune).findFirst();
    }

    /** The commune of any territory covering the position, territories in the order given. */
    public Optional<Commune> commune(Position position) {
        Coordinate point = new Coordinate(position.longitude(), position.latitude());
        return parTerritoire.values().stream().flatMap(List::stream)
                .filter(c -> c.couvre(point)).map(Contour::commune).findFirst();
    }
}
