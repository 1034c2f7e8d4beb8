package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
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
 * Commune contours: reading GeoJSON FeatureCollections of communes (france-geojson department
 * files, IGN Admin Express or Etalab contours converted to GeoJSON: the code in {@code code} or
 * {@code INSEE_COM}), and simplifying a set of adjacent communes as one coverage, so that shared
 * boundaries stay shared (no gap, no overlap).
 *
 * <p>Geometries are WGS84 lon/lat, SRID 4326, in a floating precision model; a Lambert-93 file is
 * reprojected when read ({@link Lambert93}).
 */
final class ContoursCommunes {

    private static final Logger log = LoggerFactory.getLogger(ContoursCommunes.class);

    /** The factory of every contour of the module. */
    static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

    private ContoursCommunes() {}

    /** The coordinate reference systems a contour file may use. */
    enum Crs { WGS84, LAMBERT_93 }

    /**
     * The properties that may hold a commune's code, in the order they are looked for: {@code code}
     * (france-geojson, Etalab contours), {@code INSEE_COM} (IGN Admin Express)...
     */
    static final List<String> PROPRIETES_CODE = List.of("code", "INSEE_COM", "insee_com", "code_insee", "CODGEO",
            "codgeo", "insee");

    /** The property of a feature that holds its commune's code, or {@code null} when none does. */
    static String proprieteCode(JsonNode properties) {
        return PROPRIETES_CODE.stream()
                .filter(p -> properties.hasNonNull(p) && !properties.get(p).asText().isBlank())
                .findFirst()
                .orElse(null);
    }

    /**
     * The names of the properties of a FeatureCollection's first feature (empty when it has none):
     * enough to tell the france-geojson files ({@code code} and {@code nom} only) from others.
     *
     * @throws EntreeInvalide naming the file when it is not readable JSON
     */
    static Set<String> proprietes(Path fichier) {
        try (JsonParser json = JsonSerde.MAPPER.createParser(fichier.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Set.of();
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String membre = json.currentName();
                if (json.nextToken() == JsonToken.START_ARRAY && membre.equals("features")) {
                    if (json.nextToken() != JsonToken.START_OBJECT) {
                        return Set.of();
                    }
                    var noms = new TreeSet<String>();
                    JsonNode feature = json.readValueAsTree();
                    feature.path("properties").fieldNames().forEachRemaining(noms::add);
                    return noms;
                }
                json.skipChildren();
            }
            return Set.of();
        } catch (JsonProcessingException e) {
            throw new EntreeInvalide(fichier.toString(), 0, RaisonJson.de(e), e);
        } catch (java.io.CharConversionException e) {
            // bytes Jackson takes for UTF-32 or another encoding it cannot decode (found by FichiersInseeFuzzTest)
            throw new EntreeInvalide(fichier.toString(), 0, RaisonJson.ENCODAGE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GeoJSON file " + fichier, e);
        }
    }

    /** Every contour of a FeatureCollection; see {@link #lire(Path, Predicate)}. */
    static Map<String, Geometry> lire(Path fichier) {
        return lire(fichier, code -> true);
    }

    /**
     * The contours of a FeatureCollection, by commune code (never by name), in WGS84, keeping only
     * the communes asked for. The file is streamed feature by feature: memory holds the contours
     * kept, not the file, so a national file can be read for one territory.
     *
     * <p>The code is the first of {@link #PROPRIETES_CODE} that a feature has. A file in Lambert-93
     * (EPSG:2154) is reprojected: one whose {@code crs} member names 2154, or, without {@code crs},
     * one whose coordinates (of the contours kept) lie outside the lon/lat range and inside the
     * Lambert-93 extent of France (logged as a warning). A damaged code ({@code 1053},
     * {@code 2a004}) is repaired with a warning; a feature with an invalid code is skipped with a
     * warning, see {@link CodesInsee}.
     *
     * @param garder which communes to keep, by code (every code read is passed to it)
     * @throws EntreeInvalide naming the file (and the line where it helps) on unreadable JSON, a
     *     feature without code, a duplicate code, an unreadable geometry, or a CRS that is neither
     *     WGS84 nor Lambert-93
     */
    static Map<String, Geometry> lire(Path fichier, Predicate<String> garder) {
        var reader = new GeoJsonReader(GEOMETRIES);
        var contours = new TreeMap<String, Geometry>();
        JsonNode crs = null;
        try (JsonParser json = JsonSerde.MAPPER.createParser(fichier.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new EntreeInvalide(fichier.toString(), ligne(json), "pas une collection GeoJSON (objet JSON attendu)");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String membre = json.currentName();
                JsonToken valeur = json.nextToken();
                if (membre.equals("crs")) {
                    crs = json.readValueAsTree();
                } else if (membre.equals("features") && valeur == JsonToken.START_ARRAY) {
                    int rang = 0;
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        rang++;
                        long ligne = ligne(json);
                        JsonNode feature = json.readValueAsTree();
                        lireFeature(fichier, rang, ligne, feature, garder, reader, contours);
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            long ligne = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new EntreeInvalide(fichier.toString(), Math.max(ligne, 0), RaisonJson.de(e), e);
        } catch (java.io.CharConversionException e) {
            // bytes Jackson takes for UTF-32 or another encoding it cannot decode (found by FichiersInseeFuzzTest)
            throw new EntreeInvalide(fichier.toString(), 0, RaisonJson.ENCODAGE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GeoJSON file " + fichier, e);
        }
        if (crs(crs, contours.values(), fichier) == Crs.LAMBERT_93) {
            contours.replaceAll((code, contour) -> Lambert93.versWgs84(contour));
        }
        return contours;
    }

    private static void lireFeature(Path fichier, int rang, long ligne, JsonNode feature, Predicate<String> garder,
            GeoJsonReader reader, Map<String, Geometry> contours) {
        JsonNode properties = feature.path("properties");
        String propriete = proprieteCode(properties);
        if (propriete == null) {
            throw new EntreeInvalide(fichier.toString(), ligne, "le contour n° " + rang + " n'a pas de code commune"
                    + " (propriété " + String.join(" ou ", PROPRIETES_CODE.subList(0, 2)) + ")");
        }
        Lecture<String> code = CodesInsee.codeCommune(properties.get(propriete).asText(), "properties." + propriete);
        if (code.estRejet()) {
            log.warn("{}: {}; feature skipped", fichier.getFileName(), code.raison());
            return;
        }
        if (!garder.test(code.valeur())) {
            return;
        }
        code.avertissements().forEach(a -> log.warn("{}: {}", fichier.getFileName(), a));
        Geometry contour;
        try {
            contour = reader.read(feature.path("geometry").toString());
        } catch (ParseException | RuntimeException e) {
            throw new EntreeInvalide(fichier.toString(), ligne, "contour illisible pour la commune " + code.valeur(), e);
        }
        if (contours.put(code.valeur(), contour) != null) {
            throw new EntreeInvalide(fichier.toString(), ligne, "la commune " + code.valeur() + " y a deux contours");
        }
    }

    private static long ligne(JsonParser json) {
        return Math.max(json.currentTokenLocation().getLineNr(), 0);
    }

    /**
     * The CRS of a FeatureCollection: named by its {@code crs} member (GeoJSON 2008), else guessed
     * from the coordinates (RFC 7946 files have no {@code crs} and are WGS84).
     *
     * @param membre the {@code crs} member, or {@code null}
     * @throws EntreeInvalide naming the file when the CRS is neither WGS84 nor Lambert-93
     */
    static Crs crs(JsonNode membre, Collection<Geometry> geometries, Path fichier) {
        if (membre != null && !membre.isMissingNode() && !membre.isNull()) {
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
