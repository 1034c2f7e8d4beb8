package fr.croisements.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commune contours: reading the france-geojson department files ({@code geo/communes-<dep>-<name>.geojson},
 * features with properties {@code code} and {@code nom}) and simplifying a set of adjacent communes
 * as one coverage, so that shared boundaries stay shared (no gap, no overlap).
 *
 * <p>Geometries are WGS84 lon/lat, SRID 4326, in a floating precision model; a Lambert-93 file is
 * reprojected when read ({@link Lambert93}).
 */
final class ContoursCommunes {

    private static final Logger log = LoggerFactory.getLogger(ContoursCommunes.class);

    /** The factory of every contour of the module. */
    static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

    private ContoursCommunes() {}

    /**
     * The contour file of a department in the {@code geo} folder.
     *
     * @throws EntreeInvalide naming the folder and the department when there is not exactly one
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
                throw new EntreeInvalide(dossierGeo.toString(), 0, (found.isEmpty() ? "aucun fichier " : "plusieurs fichiers ")
                        + prefix + "*.geojson pour le département " + departement + " (un seul attendu)"
                        + (found.isEmpty() ? "" : " : " + found));
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dossierGeo, e);
        }
    }

    /** The coordinate reference systems a contour file may use. */
    enum Crs { WGS84, LAMBERT_93 }

    /**
     * Every contour of a FeatureCollection, by the {@code code} property (never by name), in WGS84.
     *
     * <p>A file in Lambert-93 (EPSG:2154) is reprojected: one whose {@code crs} member names 2154,
     * or, without {@code crs}, one whose coordinates lie outside the lon/lat range and inside the
     * Lambert-93 extent of France (logged as a warning). A damaged code ({@code 1053},
     * {@code 2a004}) is repaired with a warning; a feature with an invalid code is skipped with a
     * warning, see {@link CodesInsee}.
     *
     * @throws EntreeInvalide naming the file on a missing code, a duplicate code, an
     *     unreadable geometry, or a CRS that is neither WGS84 nor Lambert-93
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
            JsonNode valeur = feature.path("properties").path("code");
            String brut = valeur.isMissingNode() || valeur.isNull() ? null : valeur.asText();
            if (brut == null || brut.isBlank()) {
                throw new EntreeInvalide(fichier.toString(), 0, "un contour sans code commune (properties.code)");
            }
            Lecture<String> code = CodesInsee.codeCommune(brut, "properties.code");
            if (code.estRejet()) {
                log.warn("{}: {}; feature skipped", fichier.getFileName(), code.raison());
                continue;
            }
            code.avertissements().forEach(a -> log.warn("{}: {}", fichier.getFileName(), a));
            Geometry contour;
            try {
                contour = reader.read(feature.path("geometry").toString());
            } catch (ParseException | RuntimeException e) {
                throw new EntreeInvalide(fichier.toString(), 0, "contour illisible pour la commune " + code.valeur(), e);
            }
            if (contours.put(code.valeur(), contour) != null) {
                throw new EntreeInvalide(fichier.toString(), 0, "la commune " + code.valeur() + " y a deux contours");
            }
        }
        if (crs(collection, contours.values(), fichier) == Crs.LAMBERT_93) {
            contours.replaceAll((code, contour) -> Lambert93.versWgs84(contour));
        }
        return contours;
    }

    /**
     * The CRS of a FeatureCollection: named by its {@code crs} member (GeoJSON 2008), else guessed
     * from the coordinates (RFC 7946 files have no {@code crs} and are WGS84).
     *
     * @throws EntreeInvalide naming the file when the CRS is neither WGS84 nor Lambert-93
     */
    static Crs crs(JsonNode collection, Collection<Geometry> geometries, Path fichier) {
        JsonNode membre = collection.path("crs");
        if (!membre.isMissingNode() && !membre.isNull()) {
            String nom = membre.path("properties").path("name").asText(membre.path("properties").path("href").asText(""));
            if (Lambert93.estLambert93(nom)) {
                return Crs.LAMBERT_93;
            }
            if (Lambert93.estWgs84(nom)) {
                return Crs.WGS84;
            }
            throw new EntreeInvalide(fichier.toString(), 0, "système de coordonnées non pris en charge « " + nom
                    + " » : les contours doivent être en WGS84 (EPSG:4326) ou en Lambert-93 (EPSG:2154)");
        }
        var etendue = new Envelope();
        geometries.forEach(g -> etendue.expandToInclude(g.getEnvelopeInternal()));
        if (etendue.isNull() || new Envelope(-180, 180, -90, 90).contains(etendue)) {
            return Crs.WGS84;
        }
        if (Lambert93.ETENDUE.contains(etendue)) {
            log.warn("{} has no crs member and coordinates outside the lon/lat range, within the Lambert-93 extent"
                    + " of France: read as Lambert-93 (EPSG:2154) and reprojected to WGS84", fichier.getFileName());
            return Crs.LAMBERT_93;
        }
        throw new EntreeInvalide(fichier.toString(), 0, "coordonnées (" + etendue + ") ni en WGS84 (longitude, latitude)"
                + " ni en Lambert-93 (EPSG:2154) en France : donner au fichier un membre crs");
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
