package fr.croisements.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Commune contours: reading the france-geojson department files ({@code geo/communes-<dep>-<name>.geojson},
 * features with properties {@code code} and {@code nom}) and simplifying a set of adjacent communes
 * as one coverage, so that shared boundaries stay shared (no gap, no overlap).
 *
 * <p>Geometries are WGS84 lon/lat, SRID 4326, in a floating precision model.
 */
final class ContoursCommunes {

    /** The factory of every contour of the module. */
    static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

    private ContoursCommunes() {}

    /**
     * The contour file of a department in the {@code geo} folder.
     *
     * @throws IllegalStateException naming the folder and the department when there is not exactly one
     */
    static Path fichierDuDepartement(Path dossierGeo, String departement) {
        String prefix = "communes-" + departement + "-";
        try (Stream<Path> files = Files.list(dossierGeo)) {
            List<Path> found = files
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(".geojson"))
                    .sorted()
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("Expected one file " + prefix + "*.geojson in " + dossierGeo
                        + " for département " + departement + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dossierGeo, e);
        }
    }

    /**
     * Every contour of a FeatureCollection, by the {@code code} property (never by name).
     *
     * @throws IllegalStateException naming the file on a missing code, a duplicate code or an
     *     unreadable geometry
     */
    static Map<String, Geometry> lire(Path fichier) {
        JsonNode collection;
        try {
            collection = JsonSerde.MAPPER.readTree(fichier.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GeoJSON file " + fichier, e);
        }
        var reader = new GeoJsonReader(GEOMETRIES);
        var contours = new TreeMap<String, Geometry>();
        for (JsonNode feature : collection.path("features")) {
            String code = feature.path("properties").path("code").asText(null);
            if (code == null || code.isBlank()) {
                throw new IllegalStateException("Feature without properties.code in " + fichier);
            }
            Geometry contour;
            try {
                contour = reader.read(feature.path("geometry").toString());
            } catch (ParseException | RuntimeException e) {
                throw new IllegalStateException("Unreadable geometry of commune " + code + " in " + fichier, e);
            }
            if (contours.put(code, contour) != null) {
                throw new IllegalStateException("Commune " + code + " appears twice in " + fichier);
            }
        }
        return contours;
    }

    /**
     * Simplifies adjacent contours together with JTS {@link CoverageSimplifier} (topology-preserving
     * Visvalingam-Whyatt on the shared edges): vertices are only removed, never moved, and no ring
     * is dropped.
     *
     * @param contours polygons forming a coverage (no overlaps), in a stable order
     * @param tolerance distance tolerance in degrees
     * @return the simplified contours, in the same order
     */
    static List<Geometry> simplifier(List<Geometry> contours, double tolerance) {
        var simplifier = new CoverageSimplifier(contours.toArray(Geometry[]::new));
        simplifier.setRemovableRingSizeFactor(0);
        return List.of(simplifier.simplify(tolerance));
    }

    /** Number of vertices of all contours, for the import summary. */
    static int sommets(List<Geometry> contours) {
        return contours.stream().mapToInt(Geometry::getNumPoints).sum();
    }
}
