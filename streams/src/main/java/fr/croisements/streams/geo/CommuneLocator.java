package fr.croisements.streams.geo;

import fr.croisements.datasets.Commune;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the commune that contains a WGS84 point.
 *
 * <p>Built once from the communes' contours: an {@link STRtree} of envelopes, each entry holding an
 * {@link IndexedPointInAreaLocator} of the commune. Thread-safe and immutable once built (the
 * tree is built in the constructor and only queried afterwards; both JTS classes are safe for
 * concurrent queries).
 *
 * <p>Boundary rule: a point strictly inside a commune belongs to it; a point on a shared boundary
 * (JTS {@link Location#BOUNDARY}) belongs to the commune with the smallest code among those whose
 * boundary holds it, so the answer is deterministic. Points outside every contour give empty.
 */
public final class CommuneLocator implements LocalisateurZone {

    private record Entry(String codeInsee, IndexedPointInAreaLocator locator) {}

    private final STRtree index = new STRtree();

    public CommuneLocator(List<Commune> communes) {
        for (Commune commune : communes) {
            if (commune.contour() == null || commune.contour().isEmpty()) {
                continue;
            }
            index.insert(commune.contour().getEnvelopeInternal(),
                    new Entry(commune.codeInsee(), new IndexedPointInAreaLocator(commune.contour())));
        }
        index.build();
    }

    @Override
    public Optional<String> codeAt(double longitude, double latitude) {
        return codeInseeAt(longitude, latitude);
    }

    /** The code of the commune containing (longitude, latitude), or empty. */
    public Optional<String> codeInseeAt(double longitude, double latitude) {
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude)) {
            return Optional.empty();
        }
        Coordinate point = new Coordinate(longitude, latitude);
        @SuppressWarnings("unchecked")
        List<Entry> candidates = index.query(new Envelope(point));
        String onBoundary = null;
        for (Entry entry : candidates.stream().sorted(Comparator.comparing(Entry::codeInsee)).toList()) {
            int location = entry.locator().locate(point);
            if (location == Location.INTERIOR) {
                return Optional.of(entry.codeInsee());
            }
            if (location == Location.BOUNDARY && onBoundary == null) {
                onBoundary = entry.codeInsee();
            }
        }
        return Optional.ofNullable(onBoundary);
    }
}
