package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A car-park pack: the car parks of one shipped territory, as {@link ParkingImporter} reads them from
 * the official schema-stationnement files, grouped by the file they come from. Its text is a GeoJSON
 * FeatureCollection (RFC 7946, WGS84) with the foreign members {@code territoire} (the territory id)
 * and {@code sources} (by file name: titre, producteur, millésime, licence), and one Point Feature per
 * car park whose properties are the schema's {@code id}, {@code nom}, {@code insee}, {@code nb_places},
 * {@code type_ouvrage}, {@code gratuit} (each absent when the file leaves it empty, never 0) and
 * {@code fichier}, the file it comes from.
 *
 * <p>Writing is deterministic, byte for byte: fixed key order, one line per member and per car park,
 * car parks sorted by id, compact JSON inside a line, "\n" line endings, coordinates as the file gives
 * them (plain notation, no trailing zeros). Reading a written pack and writing it again gives the same
 * text. Immutable.
 *
 * @param territoire id of the shipped territory whose communes hold the car parks
 * @param parFichier the car parks by official file name, sorted by file name; none empty
 */
record PackParkings(String territoire, SortedMap<String, List<ParcStationnement>> parFichier) {

    private static final Comparator<ParcStationnement> PAR_ID = Comparator.comparing(ParcStationnement::id);

    PackParkings {
        var copie = new TreeMap<String, List<ParcStationnement>>();
        parFichier.forEach((fichier, parcs) -> {
            if (parcs.isEmpty()) {
                throw new IllegalArgumentException("No car park from " + fichier + " in the pack of " + territoire);
            }
            copie.put(fichier, parcs.stream().sorted(PAR_ID).toList());
        });
        parFichier = Collections.unmodifiableSortedMap(copie);
    }

    /** Every car park of the pack, sorted by id. */
    List<ParcStationnement> parkings() {
        return parFichier.values().stream().flatMap(List::stream).sorted(PAR_ID).toList();
    }

    /**
     * The pack text.
     *
     * @throws IllegalArgumentException when the car parks of one file do not share one source, or an id repeats
     */
    String ecrire() {
        var out = new StringBuilder(8 * 1024);
        out.append("{\n\"type\":\"FeatureCollection\",\n\"territoire\":");
        PackGeoJson.json(out, territoire);
        out.append(",\n\"sources\":{\n");
        int i = 0;
        var fichiers = new TreeMap<String, String>(); // car park id -> file, sorted by id
        for (var entree : parFichier.entrySet()) {
            Source source = entree.getValue().get(0).source();
            for (ParcStationnement parc : entree.getValue()) {
                if (!source.equals(parc.source())) {
                    throw new IllegalArgumentException("Car parks of " + entree.getKey() + " with different sources");
                }
                if (fichiers.put(parc.id(), entree.getKey()) != null) {
                    throw new IllegalArgumentException("Car park " + parc.id() + " twice in the pack of " + territoire);
                }
            }
            PackGeoJson.json(out, entree.getKey());
            out.append(':');
            PackGeoJson.json(out, PackGeoJson.source(source));
            out.append(++i < parFichier.size() ? ",\n" : "\n");
        }
        out.append("},\n\"features\":[\n");
        List<ParcStationnement> parkings = parkings();
        i = 0;
        for (ParcStationnement parc : parkings) {
            PackGeoJson.json(out, feature(parc, fichiers.get(parc.id())));
            out.append(++i < parkings.size() ? ",\n" : "\n");
        }
        out.append("]\n}\n");
        return out.toString();
    }

    /**
     * Reads a pack.
     *
     * @throws IllegalArgumentException when the text is not a car-park pack (missing member, unknown file)
     */
    static PackParkings lire(String texte) {
        JsonNode root;
        try {
            root = JsonSerde.MAPPER.readTree(texte);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON car-park pack", e);
        }
        var sources = new TreeMap<String, Source>();
        PackGeoJson.exiger(root, "sources").fields()
                .forEachRemaining(e -> sources.put(e.getKey(), PackGeoJson.source(e.getValue())));
        var parFichier = new TreeMap<String, List<ParcStationnement>>();
        for (JsonNode feature : PackGeoJson.exiger(root, "features")) {
            JsonNode p = PackGeoJson.exiger(feature, "properties");
            String fichier = PackGeoJson.exiger(p, "fichier").asText();
            Source source = sources.get(fichier);
            if (source == null) {
                throw new IllegalArgumentException("Car park " + p.path("id").asText() + " comes from " + fichier
                        + ", which has no source in the pack");
            }
            JsonNode coordonnees = PackGeoJson.exiger(PackGeoJson.exiger(feature, "geometry"), "coordinates");
            var parc = new ParcStationnement(
                    PackGeoJson.exiger(p, "id").asText(),
                    PackGeoJson.exiger(p, "nom").asText(),
                    p.path("insee").isTextual() ? p.get("insee").asText() : null,
                    p.path("nb_places").isInt() ? p.get("nb_places").intValue() : null,
                    new Position(coordonnees.path(0).doubleValue(), coordonnees.path(1).doubleValue(), null),
                    p.path("type_ouvrage").isTextual() ? p.get("type_ouvrage").asText() : null,
                    p.path("gratuit").isBoolean() ? p.get("gratuit").booleanValue() : null,
                    source);
            parFichier.computeIfAbsent(fichier, f -> new ArrayList<>()).add(parc);
        }
        return new PackParkings(PackGeoJson.exiger(root, "territoire").asText(), parFichier);
    }

    private static Map<String, Object> feature(ParcStationnement parc, String fichier) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", parc.id());
        properties.put("nom", parc.nom());
        ajouterSiPresent(properties, "insee", parc.codeInsee());
        ajouterSiPresent(properties, "nb_places", parc.capacite());
        ajouterSiPresent(properties, "type_ouvrage", parc.typeOuvrage());
        ajouterSiPresent(properties, "gratuit", parc.gratuit());
        properties.put("fichier", fichier);
        var geometry = new LinkedHashMap<String, Object>();
        geometry.put("type", "Point");
        geometry.put("coordinates", List.of(parc.position().longitude(), parc.position().latitude()));
        var feature = new LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        feature.put("properties", properties);
        feature.put("geometry", geometry);
        return feature;
    }

    private static void ajouterSiPresent(Map<String, Object> properties, String nom, Object valeur) {
        if (valeur != null) {
            properties.put(nom, valeur);
        }
    }
}
