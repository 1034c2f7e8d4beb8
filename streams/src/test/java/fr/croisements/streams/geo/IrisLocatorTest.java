package fr.croisements.streams.geo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The IRIS of a point, on three IRIS of our own: two sharing an edge, one with a hole, and one without contour. */
class IrisLocatorTest {

    private static final String OUEST = "920020101";
    private static final String EST = "920020102";
    private static final String TROUE = "920020201";

    private static Geometry wkt(String texte) {
        try {
            return new WKTReader(new GeometryFactory()).read(texte);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Iris iris(String code, String contour) {
        return new Iris(code, "92002", "IRIS " + code, Map.of(), Set.of(), contour == null ? null : wkt(contour));
    }

    private final IrisLocator locator = new IrisLocator(List.of(
            iris(EST, "MULTIPOLYGON (((2.30 48.75, 2.31 48.75, 2.31 48.76, 2.30 48.76, 2.30 48.75)))"),
            iris(OUEST, "POLYGON ((2.29 48.75, 2.30 48.75, 2.30 48.76, 2.29 48.76, 2.29 48.75))"),
            iris(TROUE, "POLYGON ((2.29 48.76, 2.31 48.76, 2.31 48.77, 2.29 48.77, 2.29 48.76),"
                    + " (2.295 48.763, 2.296 48.763, 2.296 48.764, 2.295 48.764, 2.295 48.763))"),
            iris("920020301", null),
            iris("920020302", "POLYGON EMPTY")));

    @Test
    void findsTheIrisHoldingAnInteriorPoint() {
        assertThat(locator.codeAt(2.295, 48.755)).contains(OUEST);
        assertThat(locator.codeAt(2.305, 48.755)).contains(EST);
        assertThat(locator.codeAt(2.30, 48.765)).contains(TROUE);
    }

    @Test
    void givesAPointOnASharedBoundaryToTheSmallestCode() {
        assertThat(locator.codeAt(2.30, 48.755)).as("edge between west and east").contains(OUEST);
        assertThat(locator.codeAt(2.305, 48.76)).as("edge between east and the one with a hole").contains(EST);
        assertThat(locator.codeAt(2.30, 48.76)).as("corner of the three").contains(OUEST);
        assertThat(locator.codeAt(2.31, 48.755)).as("outer edge, one IRIS only").contains(EST);
    }

    @Test
    void findsNothingOutsideEveryIrisInAHoleOrForNonFiniteCoordinates() {
        assertThat(locator.codeAt(2.28, 48.755)).isEmpty();
        assertThat(locator.codeAt(2.2955, 48.7635)).as("in the hole").isEmpty();
        assertThat(locator.codeAt(Double.NaN, 48.755)).isEmpty();
        assertThat(locator.codeAt(2.295, Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void leavesOutIrisWithoutContour() {
        assertThat(locator.taille()).isEqualTo(3);
        assertThat(new IrisLocator(List.of()).codeAt(2.295, 48.755)).isEmpty();
    }

    @Test
    void isBuiltFromThePacksIrisContoursAndAnswersThroughTheZoneInterface() {
        var territoire = new Territoire("essai", "Essai", null, Map.of(), null, List.of(),
                List.of(iris(OUEST, "POLYGON ((2.29 48.75, 2.30 48.75, 2.30 48.76, 2.29 48.76, 2.29 48.75))")));
        LocalisateurZone localisateur = IrisLocator.de(List.of(territoire));

        assertThat(localisateur.codeAt(2.295, 48.755)).contains(OUEST);
    }

    @Test
    void locatesInsideAntonysShippedIrisContours() {
        IrisLocator antony = IrisLocator.de(List.of(fr.croisements.datasets.Territoires.charger("antony")));

        assertThat(antony.taille()).isEqualTo(27);
        // points inside each IRIS (INSEE's representative points, iris_antony_indicateurs.csv)
        assertThat(antony.codeAt(2.29790, 48.76228)).contains("920020101");
        assertThat(antony.codeAt(2.29560, 48.75842)).contains("920020102");
        assertThat(antony.codeAt(2.31593, 48.77039)).contains("920020103");
        assertThat(antony.codeAt(2.35, 48.85)).as("Paris").isEmpty();
    }
}
