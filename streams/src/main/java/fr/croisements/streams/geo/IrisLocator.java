package fr.croisements.streams.geo;

import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the IRIS that contains a WGS84 point, among the IRIS of the territory packs that have a
 * contour (Antony and Poitiers today); {@link #codeAt} answers the 9-character IRIS code.
 *
 * <p>Built once: an {@link STRtree} of envelopes, each entry holding an {@link IndexedPointInAreaLocator}
 * of the IRIS. Thread-safe and immutable once built (the tree is built in the constructor and only queried
 * afterwards; both JTS classes are safe for concurrent queries).
 *
 * <p>Boundary rule, the same as {@link CommuneLocator}'s: a point strictly inside an IRIS belongs to it; a
 * point on a shared boundary (JTS {@link Location#BOUNDARY}) belongs to the IRIS with the smallest code
 * among those whose boundary holds it, so the answer is deterministic. A point outside every IRIS contour
 * (outside the communes that have IRIS contours, or in a sliver between two simplified IRIS) gives empty.
 */
public final class IrisLocator implements LocalisateurZone {

    private record Entry(String codeIris, IndexedPointInAreaLocator locator) {}

    private final STRtree index = new STRtree();
    private final int taille;

    /** A locator over these IRIS; those without a contour are left out. */
    public IrisLocator(Collection<Iris> iris) {
        int n = 0;
        for (Iris i : iris) {
            if (!i.aUnContour()) {
                continue;
            }
            index.insert(i.contour().getEnvelopeInternal(), new Entry(i.codeIris(), new IndexedPointInAreaLocator(i.contour())));
            n++;
        }
        index.build();
        this.taille = n;
    }

    /** A locator over the IRIS contours of every territory. */
    public static IrisLocator de(List<Territoire> territoires) {
        return new IrisLocator(territoires.stream().flatMap(t -> t.iris().stream()).toList());
    }

    /** How many IRIS have a contour here. */
    public int taille() {
        return taille;
    }

    @Override
    public Optional<String> codeAt(double longitude, double latitude) {
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude) || taille == 0) {
            return Optional.empty();
        }
        Coordinate point = new Coordinate(longitude, latitude);
        @SuppressWarnings("unchecked")
        List<Entry> candidates = index.query(new Envelope(point));
        String onBoundary = null;
        for (Entry entry : candidates.stream().sorted(Comparator.comparing(Entry::codeIris)).toList()) {
            int location = entry.locator().locate(point);
            if (location == Location.INTERIOR) {
                return Optional.of(entry.codeIris());
            }
            if (location == Location.BOUNDARY && onBoundary == null) {
                onBoundary = entry.codeIris();
            }
        }
        return Optional.ofNullable(onBoundary);
    }
}
