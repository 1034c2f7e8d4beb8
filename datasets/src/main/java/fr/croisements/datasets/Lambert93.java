package fr.croisements.datasets;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reprojection from Lambert-93 (EPSG:2154, the French official projection, metres) to WGS84
 * lon/lat (EPSG:4326), with proj4j (LocationTech, Apache 2.0).
 *
 * <p>The projection is given by its PROJ parameters (those of the EPSG registry for 2154: Lambert
 * conformal conic on GRS80, standard parallels 49° and 44°, origin 46.5° N 3° E, false easting
 * 700 000 m, false northing 6 600 000 m; RGF93 is taken equal to WGS84, as the EPSG registry does,
 * to well below a metre), so the EPSG database module ({@code proj4j-epsg}, under the EPSG terms of
 * use) is not needed.
 */
final class Lambert93 {

    static final String PARAMETRES = "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000"
            + " +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
    private static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    /** Where Lambert-93 coordinates of metropolitan France and Corsica lie, in metres, with a margin. */
    static final Envelope ETENDUE = new Envelope(0, 1_300_000, 6_000_000, 7_200_000);

    private static final CoordinateReferenceSystem L93;
    private static final CoordinateReferenceSystem LONLAT;

    static {
        var factory = new CRSFactory();
        L93 = factory.createFromParameters("EPSG:2154", PARAMETRES);
        LONLAT = factory.createFromParameters("EPSG:4326", WGS84);
    }

    private Lambert93() {}

    /** Whether a CRS name of a GeoJSON {@code crs} member designates EPSG:2154 (e.g. {@code urn:ogc:def:crs:EPSG::2154},
     * {@code EPSG:2154}, {@code http://www.opengis.net/def/crs/EPSG/0/2154}). */
    static boolean estLambert93(String nomCrs) {
        return nomCrs != null && nomCrs.matches("(?i).*EPSG.*\\D2154\\s*");
    }

    /** Whether a CRS name designates WGS84 lon/lat ({@code EPSG:4326}, {@code OGC:1.3:CRS84}). */
    static boolean estWgs84(String nomCrs) {
        return nomCrs != null && nomCrs.matches("(?i).*(EPSG.*\\D4326\\s*|CRS84.*)");
    }

    /** A copy of the geometry with every coordinate reprojected from Lambert-93 to WGS84 lon/lat. */
    static Geometry versWgs84(Geometry lambert93) {
        // A transform keeps intermediate state: one per call, so the method is thread-safe.
        CoordinateTransform transform = new CoordinateTransformFactory().createTransform(L93, LONLAT);
        Geometry copie = lambert93.copy();
        copie.apply(new CoordinateSequenceFilter() {
            private final ProjCoordinate entree = new ProjCoordinate();
            private final ProjCoordinate sortie = new ProjCoordinate();

            @Override
            public void filter(CoordinateSequence seq, int i) {
                entree.x = seq.getX(i);
                entree.y = seq.getY(i);
                transform.transform(entree, sortie);
                seq.setOrdinate(i, CoordinateSequence.X, sortie.x);
                seq.setOrdinate(i, CoordinateSequence.Y, sortie.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copie.setSRID(4326);
        return copie;
    }
}
