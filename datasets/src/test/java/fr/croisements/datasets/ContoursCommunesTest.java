package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.events.EntreeInvalide;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Contour files: join on the code, Lambert-93 reprojection (with and without a crs member), damaged codes. */
class ContoursCommunesTest {

    /** About 1 m: 1e-5° is 1.1 m north-south and 0.73 m east-west at 48.7° N. */
    private static final double UN_METRE = 1e-5;

    /**
     * The corners of the fixture's 1 km square around Nancy, in WGS84, computed independently of
     * proj4j (Lambert conformal conic formulas of IGN's note NTG_71 / Snyder on GRS80, inverse by
     * iteration, Python): (933000, 6846000) is 6.16516831° E 48.67212751° N, and so on.
     */
    private static final double[][] COINS_WGS84 = {
            {6.16516831, 48.67212751}, {6.17873809, 48.67176629}, {6.17928474, 48.68075362}, {6.16571264, 48.68111490}};

    @TempDir
    Path dossier;

    private static Path fixture() throws URISyntaxException {
        return Path.of(ContoursCommunesTest.class.getResource("contours-lambert93-nancy.geojson").toURI());
    }

    private static void assertCarreDeNancy(Geometry carre) {
        Coordinate[] coins = carre.getCoordinates();
        assertThat(coins).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(coins[i].x).as("longitude of corner %d", i).isCloseTo(COINS_WGS84[i][0], within(UN_METRE));
            assertThat(coins[i].y).as("latitude of corner %d", i).isCloseTo(COINS_WGS84[i][1], within(UN_METRE));
        }
        assertThat(carre.getSRID()).isEqualTo(4326);
    }

    @Test
    void a_lambert93_file_named_by_its_crs_member_is_reprojected_to_wgs84() throws Exception {
        var contours = ContoursCommunes.lire(fixture());

        assertThat(contours).containsOnlyKeys("54395");
        assertCarreDeNancy(contours.get("54395"));
    }

    @Test
    void a_lambert93_file_without_crs_member_is_recognised_by_its_coordinates() throws Exception {
        String sansCrs = Files.readString(fixture()).replaceAll("\"crs\":\\{[^\\n]*\\n", "");
        assertThat(sansCrs).doesNotContain("crs");
        Path fichier = dossier.resolve("sans-crs.geojson");
        Files.writeString(fichier, sansCrs, StandardCharsets.UTF_8);

        assertCarreDeNancy(ContoursCommunes.lire(fichier).get("54395"));
    }

    @Test
    void the_origin_of_lambert93_is_3_east_46_5_north() {
        Geometry origine = Lambert93.versWgs84(ContoursCommunes.GEOMETRIES.createPoint(new Coordinate(700_000, 6_600_000)));

        assertThat(origine.getCoordinate().x).isCloseTo(3.0, within(1e-9));
        assertThat(origine.getCoordinate().y).isCloseTo(46.5, within(1e-9));
    }

    @Test
    void recognises_the_usual_names_of_epsg_2154_and_wgs84() {
        assertThat(Lambert93.estLambert93("urn:ogc:def:crs:EPSG::2154")).isTrue();
        assertThat(Lambert93.estLambert93("EPSG:2154")).isTrue();
        assertThat(Lambert93.estLambert93("http://www.opengis.net/def/crs/EPSG/0/2154")).isTrue();
        assertThat(Lambert93.estLambert93("EPSG:21540")).isFalse();
        assertThat(Lambert93.estWgs84("urn:ogc:def:crs:OGC:1.3:CRS84")).isTrue();
        assertThat(Lambert93.estWgs84("EPSG:4326")).isTrue();
    }

    @Test
    void a_file_in_another_crs_is_refused_naming_it() throws Exception {
        Path fichier = dossier.resolve("utm.geojson");
        Files.writeString(fichier, Files.readString(fixture()).replace("EPSG::2154", "EPSG::32631"));

        assertThatThrownBy(() -> ContoursCommunes.lire(fichier))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("EPSG::32631")
                .hasMessageContaining("utm.geojson");
    }

    @Test
    void coordinates_neither_lonlat_nor_lambert93_are_refused() throws Exception {
        Path fichier = dossier.resolve("inconnu.geojson");
        Files.writeString(fichier, Files.readString(fixture()).replaceAll("\"crs\":\\{[^\\n]*\\n", "")
                .replace("6846000", "46000").replace("6847000", "47000"));

        assertThatThrownBy(() -> ContoursCommunes.lire(fichier))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("ni en WGS84 (longitude, latitude) ni en Lambert-93");
    }

    @Test
    void joins_on_the_code_repairing_a_lost_leading_zero_and_skipping_an_invalid_code() throws Exception {
        Path fichier = dossier.resolve("communes.geojson");
        Files.writeString(fichier, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"code":1053,"nom":"Bourg-en-Bresse"},"geometry":{"type":"Polygon",\
                "coordinates":[[[5.2,46.2],[5.3,46.2],[5.3,46.3],[5.2,46.2]]]}},
                {"type":"Feature","properties":{"code":"2a004","nom":"Ajaccio"},"geometry":{"type":"Polygon",\
                "coordinates":[[[8.7,41.9],[8.8,41.9],[8.8,42],[8.7,41.9]]]}},
                {"type":"Feature","properties":{"code":"Nancy","nom":"Nancy"},"geometry":{"type":"Polygon",\
                "coordinates":[[[6.1,48.6],[6.2,48.6],[6.2,48.7],[6.1,48.6]]]}}
                ]}
                """, StandardCharsets.UTF_8);

        assertThat(ContoursCommunes.lire(fichier)).containsOnlyKeys("01053", "2A004");
    }
}
