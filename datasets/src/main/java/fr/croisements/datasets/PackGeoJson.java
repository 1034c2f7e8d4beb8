package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The territory pack format: one GeoJSON FeatureCollection (RFC 7946, WGS84) with the foreign
 * members {@code territoire}, {@code sources}, {@code sourceContours}, {@code absences} (only when
 * a figure is missing for some commune), {@code sourceContoursIris} (only when some IRIS has a contour)
 * and {@code iris}, and one Feature per commune whose
 * properties are {@code code}, {@code nom}, the figures present and {@code secrets} (only when
 * some figure is secret).
 *
 * <ul>
 *   <li>{@code absences}: for each commune variable that has a source, the codes of the communes
 *       that have neither the figure nor a secret for it (not published in the official files),
 *       derived from the communes when writing;</li>
 *   <li>{@code iris}: one row per IRIS, {@code {"code":…,"commune":…,"nom":…,<figures>,"secrets":[…],
 *       "geometry":{…}}} ({@code nom} and {@code geometry} only where the import had IRIS contours).</li>
 * </ul>
 *
 * <p>Writing is deterministic, byte for byte: fixed key order (figures in
 * {@link #ORDRE_CHIFFRES} / {@link #ORDRE_IRIS} order, then by name; sources by variable; secrets
 * by name), one line per member, per feature and per IRIS, compact JSON inside a line, "\n" line
 * endings, numbers in plain notation without trailing zeros, coordinates rounded to 5 decimals
 * (about 1 m), exterior rings counterclockwise and holes clockwise (RFC 7946 §3.1.6). Reading a
 * written pack and writing it again gives the same text.
 */
final class PackGeoJson {

    /** Figures written first, in this order; others follow by name. */
    static final List<String> ORDRE_CHIFFRES = ChiffresCommune.VARIABLES_COMMUNE;
    /** IRIS figures written first, in this order; others follow by name. */
    static final List<String> ORDRE_IRIS = ChiffresCommune.VARIABLES_IRIS;

    private static final int DECIMALES = 5;

    private PackGeoJson() {}

    /** The pack text of a territory, communes in the given order. */
    static String ecrire(Territoire territoire) {
        var out = new StringBuilder(64 * 1024);
        out.append("{\n");
        out.append("\"type\":\"FeatureCollection\",\n");
        var entete = new LinkedHashMap<String, Object>();
        entete.put("id", territoire.id());
        entete.put("nom", territoire.nom());
        entete.put("epciSiren", territoire.epciSiren());
        out.append("\"territoire\":");
        json(out, entete);
        out.append(",\n\"sources\":{\n");
        var sources = new TreeMap<>(territoire.sources());
        int i = 0;
        for (var entry : sources.entrySet()) {
            json(out, entry.getKey());
            out.append(':');
            json(out, source(entry.getValue()));
            out.append(++i < sources.size() ? ",\n" : "\n");
        }
        out.append("},\n\"sourceContours\":");
        json(out, source(territoire.sourceContours()));
        if (territoire.sourceContoursIris() != null) {
            out.append(",\n\"sourceContoursIris\":");
            json(out, source(territoire.sourceContoursIris()));
        }
        var absences = absences(territoire);
        if (!absences.isEmpty()) {
            out.append(",\n\"absences\":{\n");
            i = 0;
            for (var entry : absences.entrySet()) {
                json(out, entry.getKey());
                out.append(':');
                json(out, entry.getValue());
                out.append(++i < absences.size() ? ",\n" : "\n");
            }
            out.append('}');
        }
        out.append(",\n\"features\":[\n");
        i = 0;
        for (Commune commune : territoire.communes()) {
            json(out, feature(commune));
            out.append(++i < territoire.communes().size() ? ",\n" : "\n");
        }
        out.append("],\n\"iris\":[");
        i = 0;
        for (Iris iris : territoire.iris()) {
            out.append(i == 0 ? "\n" : ",\n");
            json(out, ligneIris(iris));
            i++;
        }
        out.append(i == 0 ? "]\n}\n" : "\n]\n}\n");
        return out.toString();
    }

    /**
     * For each commune variable with a source, in {@link #ORDRE_CHIFFRES} order, the communes that
     * have neither its figure nor a secret for it; variables without such communes are left out.
     */
    static Map<String, List<String>> absences(Territoire territoire) {
        var absences = new LinkedHashMap<String, List<String>>();
        for (String variable : ORDRE_CHIFFRES) {
            if (!territoire.sources().containsKey(variable)) {
                continue;
            }
            List<String> codes = territoire.communes().stream()
                    .filter(c -> c.chiffre(variable) == null && !c.estSecret(variable))
                    .map(Commune::codeInsee)
                    .toList();
            if (!codes.isEmpty()) {
                absences.put(variable, codes);
            }
        }
        return absences;
    }

    /**
     * Reads a pack.
     *
     * @throws IllegalArgumentException when the text is not a pack (missing member, unreadable geometry)
     */
    static Territoire lire(String texte) {
        JsonNode root;
        try {
            root = JsonSerde.MAPPER.readTree(texte);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON territory pack", e);
        }
        JsonNode entete = exiger(root, "territoire");
        var sources = new TreeMap<String, Source>();
        exiger(root, "sources").fields().forEachRemaining(e -> sources.put(e.getKey(), source(e.getValue())));
        var reader = new GeoJsonReader(ContoursCommunes.GEOMETRIES);
        var communes = new ArrayList<Commune>();
        for (JsonNode feature : exiger(root, "features")) {
            JsonNode properties = exiger(feature, "properties");
            String code = exiger(properties, "code").asText();
            Geometry contour;
            try {
                contour = reader.read(exiger(feature, "geometry").toString());
            } catch (ParseException e) {
                throw new IllegalArgumentException("Unreadable geometry of commune " + code, e);
            }
            communes.add(new Commune(code, exiger(properties, "nom").asText(), chiffres(properties),
                    secrets(properties), contour));
        }
        var iris = new ArrayList<Iris>();
        for (JsonNode ligne : root.path("iris")) {
            String code = exiger(ligne, "code").asText();
            Geometry contour = null;
            if (ligne.hasNonNull("geometry")) {
                try {
                    contour = reader.read(ligne.get("geometry").toString());
                } catch (ParseException e) {
                    throw new IllegalArgumentException("Unreadable geometry of IRIS " + code, e);
                }
            }
            JsonNode nom = ligne.path("nom");
            iris.add(new Iris(code, exiger(ligne, "commune").asText(), nom.isTextual() ? nom.asText() : null,
                    chiffres(ligne), secrets(ligne), contour));
        }
        JsonNode sourceIris = root.path("sourceContoursIris");
        JsonNode siren = entete.path("epciSiren");
        return new Territoire(
                exiger(entete, "id").asText(),
                exiger(entete, "nom").asText(),
                siren.isTextual() ? siren.asText() : null,
                sources,
                source(exiger(root, "sourceContours")),
                communes,
                iris,
                sourceIris.isObject() ? source(sourceIris) : null);
    }

    /** The numeric members of an object: the figures. */
    private static Map<String, Double> chiffres(JsonNode objet) {
        var chiffres = new LinkedHashMap<String, Double>();
        objet.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                chiffres.put(e.getKey(), e.getValue().doubleValue());
            }
        });
        return chiffres;
    }

    private static Set<String> secrets(JsonNode objet) {
        var secrets = new TreeSet<String>();
        objet.path("secrets").forEach(s -> secrets.add(s.asText()));
        return secrets;
    }

    private static Map<String, Object> feature(Commune commune) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("code", commune.codeInsee());
        properties.put("nom", commune.nom());
        chiffres(properties, commune.chiffres(), ORDRE_CHIFFRES);
        if (!commune.secrets().isEmpty()) {
            properties.put("secrets", List.copyOf(new TreeSet<>(commune.secrets())));
        }
        var feature = new LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        feature.put("properties", properties);
        feature.put("geometry", geometrie(commune.contour()));
        return feature;
    }

    private static Map<String, Object> ligneIris(Iris iris) {
        var ligne = new LinkedHashMap<String, Object>();
        ligne.put("code", iris.codeIris());
        ligne.put("commune", iris.codeInsee());
        if (iris.nom() != null) {
            ligne.put("nom", iris.nom());
        }
        chiffres(ligne, iris.chiffres(), ORDRE_IRIS);
        if (!iris.secrets().isEmpty()) {
            ligne.put("secrets", List.copyOf(new TreeSet<>(iris.secrets())));
        }
        if (iris.aUnContour()) {
            ligne.put("geometry", geometrie(iris.contour()));
        }
        return ligne;
    }

    /** Puts the figures in {@code ordre} first, then the others by name. */
    private static void chiffres(Map<String, Object> cible, Map<String, Double> chiffres, List<String> ordre) {
        ordre.stream().filter(chiffres::containsKey).forEach(v -> cible.put(v, chiffres.get(v)));
        new TreeMap<>(chiffres).forEach(cible::putIfAbsent);
    }

    private static Map<String, Object> geometrie(Geometry contour) {
        var geometry = new LinkedHashMap<String, Object>();
        if (contour instanceof Polygon polygon) {
            geometry.put("type", "Polygon");
            geometry.put("coordinates", anneaux(polygon));
        } else if (contour instanceof MultiPolygon multi) {
            var polygons = new ArrayList<Object>();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(anneaux((Polygon) multi.getGeometryN(i)));
            }
            geometry.put("type", "MultiPolygon");
            geometry.put("coordinates", polygons);
        } else {
            throw new IllegalArgumentException("A commune contour must be a Polygon or MultiPolygon, not "
                    + (contour == null ? "null" : contour.getGeometryType()));
        }
        return geometry;
    }

    private static List<Object> anneaux(Polygon polygon) {
        var rings = new ArrayList<Object>();
        rings.add(anneau(polygon.getExteriorRing(), true));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(anneau(polygon.getInteriorRingN(i), false));
        }
        return rings;
    }

    /** Rounded positions, consecutive duplicates (after rounding) dropped, oriented as RFC 7946 asks. */
    private static List<Object> anneau(LinearRing ring, boolean exterieur) {
        Coordinate[] coordinates = ring.getCoordinates();
        if (Orientation.isCCW(coordinates) != exterieur) {
            coordinates = ring.reverse().getCoordinates();
        }
        var positions = new ArrayList<Object>();
        List<BigDecimal> previous = null;
        for (Coordinate c : coordinates) {
            List<BigDecimal> position = List.of(arrondi(c.getX()), arrondi(c.getY()));
            if (!position.equals(previous)) {
                positions.add(position);
            }
            previous = position;
        }
        return positions;
    }

    private static BigDecimal arrondi(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALES, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static Map<String, Object> source(Source source) {
        var map = new LinkedHashMap<String, Object>();
        map.put("titre", source.titre());
        map.put("producteur", source.producteur());
        map.put("millesime", source.millesime());
        map.put("licence", source.licence());
        map.put("simule", source.simule());
        return map;
    }

    static Source source(JsonNode node) {
        return new Source(
                exiger(node, "titre").asText(),
                exiger(node, "producteur").asText(),
                exiger(node, "millesime").asText(),
                exiger(node, "licence").asText(),
                node.path("simule").asBoolean(false));
    }

    static JsonNode exiger(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Pack member '" + member + "' is missing");
        }
        return value;
    }

    /** Compact JSON of maps (in their order), lists, strings, numbers, booleans and null (also for {@link PackParkings}). */
    static void json(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            try {
                out.append(JsonSerde.MAPPER.writeValueAsString(s));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot quote a string", e);
            }
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Integer n) {
            out.append(n.intValue());
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("Not a finite number: " + d);
            }
            out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                json(out, entry.getKey().toString());
                out.append(':');
                json(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                json(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass() + " in a pack");
        }
    }
}
