package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.coverage.CoverageGapFinder;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Smoke tests of each shipped pack, read through the public loader. */
class TerritoiresTest {

    /** Communes whose comparateur point lies just outside their contour (checked by hand, see below). */
    private static final Set<String> POINTS_EN_BORDURE = Set.of("17315");
    /** How far (degrees, ~110 m) such a point may lie outside its own contour. */
    private static final double ECART_POINT_MAX = 0.001;

    private static Map<String, LigneComparateur> comparateur;

    @BeforeAll
    static void lireComparateur() {
        comparateur = TableCsv.lire(DonneesOfficielles.dossier().resolve(TerritoireImporter.FICHIER_COMPARATEUR), ',')
                .stream()
                .map(LigneComparateur::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(LigneComparateur::codeInsee, l -> l));
    }

    static List<String> ids() {
        return Territoires.ids();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            bassin-de-pompey | 13 | Communauté de communes du Bassin de Pompey | 245400601 | 54090 | Bouxières-aux-Dames | 4134  | 1797
            grand-poitiers   | 40 | Communauté urbaine du Grand Poitiers       | 200069854 | 86194 | Poitiers            | 90240 | 50099
            la-rochelle      | 28 | Communauté d'agglomération de La Rochelle  | 241700434 | 17300 | La Rochelle         | 78535 | 44130
            antony           | 1  | Ville d'Antony                             | -         | 92002 | Antony              | 63232 | 27478
            """)
    void pack_has_its_communes_names_and_known_figures(
            String id, int communes, String nom, String epciSiren, String code, String nomCommune, int population, int menages) {
        Territoire territoire = Territoires.charger(id);

        assertThat(territoire.id()).isEqualTo(id);
        assertThat(territoire.communes()).hasSize(communes);
        assertThat(territoire.nom()).isEqualTo(nom);
        assertThat(territoire.epciSiren()).isEqualTo(epciSiren);
        Commune commune = territoire.commune(code).orElseThrow();
        assertThat(commune.nom()).isEqualTo(nomCommune);
        assertThat(commune.chiffre(Commune.POPULATION)).isEqualTo(population);
        assertThat(commune.chiffre(Commune.MENAGES)).isEqualTo(menages);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void communes_are_sorted_by_code_and_carry_the_comparateur_figures(String id) {
        List<Commune> communes = Territoires.charger(id).communes();

        assertThat(communes).isSortedAccordingTo(Comparator.comparing(Commune::codeInsee));
        assertThat(communes).allSatisfy(c -> {
            LigneComparateur ligne = comparateur.get(c.codeInsee());
            assertThat(c.chiffres()).containsExactlyInAnyOrderEntriesOf(ligne.chiffres());
            assertThat(c.chiffres().values()).allSatisfy(v -> assertThat(v).isPositive());
        });
    }

    @ParameterizedTest
    @MethodSource("ids")
    void every_figure_has_a_real_source_and_contours_have_theirs(String id) {
        Territoire territoire = Territoires.charger(id);

        assertThat(territoire.sources()).containsOnlyKeys(Commune.POPULATION, Commune.MENAGES, Commune.SUPERFICIE_KM2);
        assertThat(territoire.sources().get(Commune.MENAGES)).isEqualTo(TerritoireImporter.SOURCE_RECENSEMENT);
        assertThat(territoire.sources().values()).allSatisfy(s -> assertThat(s.simule()).isFalse());
        assertThat(territoire.sourceContours()).isEqualTo(TerritoireImporter.SOURCE_CONTOURS);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void contours_are_valid_non_empty_polygons_forming_a_coverage_without_overlaps_or_gaps(String id) {
        List<Geometry> contours = Territoires.charger(id).communes().stream().map(Commune::contour).toList();
        Geometry[] coverage = contours.toArray(Geometry[]::new);

        assertThat(contours).allSatisfy(g -> {
            assertThat(g.isEmpty()).isFalse();
            assertThat(g.isValid()).isTrue();
            assertThat(g.getGeometryType()).isIn("Polygon", "MultiPolygon");
            assertThat(g.getEnvelopeInternal().getMinX()).isBetween(-5.5, 9.0);   // metropolitan France, lon/lat
            assertThat(g.getEnvelopeInternal().getMinY()).isBetween(41.0, 51.5);
        });
        assertThat(CoverageValidator.isValid(coverage)).as("no overlap, shared edges match").isTrue();
        assertThat(CoverageGapFinder.findGaps(coverage, 0.001).isEmpty()).as("no gap narrower than 0.001°").isTrue();
    }

    /**
     * Catches a join on the wrong key (a swapped code would put the point kilometres away): the
     * comparateur's point of each commune falls in that commune's contour. One real point is known
     * to lie just across the boundary (17315 Saint-Christophe: 70 m inside Saint-Médard-d'Aunis, already
     * in the source contours), hence the small allowance for that one only.
     */
    @ParameterizedTest
    @MethodSource("ids")
    void each_contour_contains_its_commune_point_from_the_comparateur(String id) {
        List<Commune> communes = Territoires.charger(id).communes();

        assertThat(communes).allSatisfy(c -> {
            LigneComparateur ligne = comparateur.get(c.codeInsee());
            Point point = ContoursCommunes.GEOMETRIES.createPoint(new Coordinate(ligne.longitude(), ligne.latitude()));
            if (POINTS_EN_BORDURE.contains(c.codeInsee())) {
                assertThat(c.contour().distance(point)).as("distance of %s to its point", c.codeInsee())
                        .isLessThan(ECART_POINT_MAX);
            } else {
                assertThat(c.contour().contains(point)).as("contour of %s contains its point", c.codeInsee()).isTrue();
            }
        });
    }

    @Test
    void antony_area_from_contour_matches_the_published_area() {
        Commune antony = Territoires.charger("antony").commune("92002").orElseThrow();
        // 1° of longitude at 48.75° N ≈ 73.4 km, 1° of latitude ≈ 111.2 km
        double km2 = antony.contour().getArea() * 73.4 * 111.2;

        assertThat(km2).isCloseTo(antony.chiffre(Commune.SUPERFICIE_KM2), within(0.5));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void reading_then_writing_a_pack_gives_the_shipped_text_back(String id) {
        String texte = Territoires.texte(id);

        assertThat(PackGeoJson.ecrire(PackGeoJson.lire(texte))).isEqualTo(texte);
    }

    @Test
    void loads_each_pack_once() {
        assertThat(Territoires.charger("la-rochelle")).isSameAs(Territoires.charger("la-rochelle"));
    }

    @Test
    void unknown_territory_is_refused_in_french_and_english() {
        assertThatThrownBy(() -> Territoires.charger("paris"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Territoire inconnu")
                .hasMessageContaining("Unknown territory")
                .hasMessageContaining("paris")
                .hasMessageContaining("grand-poitiers");
    }
}
