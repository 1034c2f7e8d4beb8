package fr.croisements.ingest.stationnement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Every simulated space of Antony lies inside the contour of the IRIS it was placed in
 * ({@code shared/datasets/antony/iris_antony_92002.geojson}, IGN/INSEE); skips where it is absent.
 */
class PlacesAntonyTest {

    @Test
    void everySpaceIsInsideItsIris() throws Exception {
        String propriete = System.getProperty("croisements.donnees.officielles");
        Path fichier = (propriete != null ? Path.of(propriete) : Path.of("../../shared/datasets"))
                .resolve("antony").resolve("iris_antony_92002.geojson");
        assumeTrue(Files.isRegularFile(fichier), "shared/datasets/antony absent : places non vérifiées");
        var f = new GeometryFactory();
        Map<String, Geometry> contours = new HashMap<>();
        for (JsonNode feature : new ObjectMapper().readTree(fichier.toFile()).get("features")) {
            var polygones = new ArrayList<Polygon>();
            for (JsonNode polygone : feature.get("geometry").get("coordinates")) {
                var anneaux = new ArrayList<LinearRing>();
                for (JsonNode anneau : polygone) {
                    var points = new ArrayList<Coordinate>();
                    anneau.forEach(p -> points.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
                    anneaux.add(f.createLinearRing(points.toArray(Coordinate[]::new)));
                }
                polygones.add(f.createPolygon(anneaux.get(0), anneaux.subList(1, anneaux.size()).toArray(LinearRing[]::new)));
            }
            contours.put(feature.get("properties").get("CODE_IRIS").asText(), f.createMultiPolygon(polygones.toArray(Polygon[]::new)));
        }
        assertThat(contours).hasSize(27);
        List<PlaceVoirie> places = new StationnementSimulateur(1, new ScenarioVoirie("normal")).places();
        for (PlaceVoirie p : places) {
            var point = f.createPoint(new Coordinate(p.longitude(), p.latitude()));
            assertThat(contours.get(p.codeIris()).contains(point)).as(p.place() + " dans " + p.nomIris()).isTrue();
        }
    }
}
