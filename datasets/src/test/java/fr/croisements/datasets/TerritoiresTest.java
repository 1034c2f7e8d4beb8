package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import fr.croisements.events.Source;
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
        if (!java.nio.file.Files.isDirectory(DonneesOfficielles.dossier().resolve("insee"))) {
            return; // the two tests that need it are skipped by @DonneesOfficiellesRequises
        }
        comparateur = TableCsv.importer(DonneesOfficielles.dossier().resolve(DonneesOfficielles.COMPARATEUR), ',',
                        LigneComparateur.COLONNES, LigneComparateur::parse)
                .valeurs().stream()
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
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            grand-poitiers   | 86194 | 20150 | 26   | 8.2  | 62.7 | 16.7 | 2143
            la-rochelle      | 17300 | 22200 | 18   | 12.2 | 56.3 | 16.8 | 2762.4
            antony           | 92002 | 32000 | 9    | 8.4  | 37.3 | 8.9  | 6614.2
            bassin-de-pompey | 54188 | 26490 | -    | 14.5 | 17.4 | 5.9  | 79.9
            """)
    void communes_carry_the_new_insee_figures(String id, String code, double revenuMedian, Double tauxPauvrete,
            double part75Plus, double partMenagesUnePersonne, double tauxChomage, double densite) {
        Commune commune = Territoires.charger(id).commune(code).orElseThrow();

        assertThat(commune.chiffre(Commune.REVENU_MEDIAN)).isEqualTo(revenuMedian);
        assertThat(commune.chiffre(Commune.TAUX_PAUVRETE)).isEqualTo(tauxPauvrete);
        assertThat(commune.estSecret(Commune.TAUX_PAUVRETE)).isEqualTo(tauxPauvrete == null);
        assertThat(commune.chiffre(Commune.PART_75_PLUS)).isEqualTo(part75Plus);
        assertThat(commune.chiffre(Commune.PART_MENAGES_UNE_PERSONNE)).isEqualTo(partMenagesUnePersonne);
        assertThat(commune.chiffre(Commune.TAUX_CHOMAGE)).isEqualTo(tauxChomage);
        assertThat(commune.chiffre(Commune.DENSITE)).isEqualTo(densite);
    }

    @Test
    void antony_75_plus_and_one_person_households_are_the_dossier_complet_2022_figures() {
        Commune antony = Territoires.charger("antony").commune("92002").orElseThrow();

        assertThat(antony.chiffre(Commune.POPULATION_75_PLUS)).isEqualTo(5372);  // 4598.22 + 774.13
        assertThat(antony.chiffre(Commune.MENAGES_UNE_PERSONNE)).isEqualTo(10209); // C22_MENPSEUL 10209.19
    }

    /** SOURCES.md: TP6021 is published for 35 of the 82 communes, secret for the others; MED21 for all. */
    @Test
    void poverty_rate_is_secret_not_missing_where_insee_does_not_publish_it() {
        List<Commune> communes = Territoires.ids().stream().flatMap(id -> Territoires.charger(id).communes().stream())
                .toList();

        assertThat(communes).hasSize(82);
        assertThat(communes).filteredOn(c -> c.chiffre(Commune.TAUX_PAUVRETE) != null).hasSize(35);
        assertThat(communes).filteredOn(c -> c.estSecret(Commune.TAUX_PAUVRETE)).hasSize(47);
        assertThat(communes).allSatisfy(c -> {
            assertThat(c.chiffres()).containsKeys(ChiffresCommune.VARIABLES_COMMUNE.stream()
                    .filter(v -> !v.equals(Commune.TAUX_PAUVRETE)).toArray(String[]::new));
            assertThat(c.secrets()).isSubsetOf(Commune.TAUX_PAUVRETE);
        });
        assertThat(Territoires.ids()).allSatisfy(id -> assertThat(PackGeoJson.absences(Territoires.charger(id))).isEmpty());
    }

    /** SOURCES.md: 147 IRIS in 18 communes, Poitiers 41, La Rochelle 31, Antony 27. */
    @Test
    void packs_carry_the_147_filosofi_iris_of_18_communes() {
        List<Iris> iris = Territoires.ids().stream().flatMap(id -> Territoires.charger(id).iris().stream()).toList();

        assertThat(iris).hasSize(147);
        assertThat(iris).extracting(Iris::codeIris).doesNotHaveDuplicates();
        assertThat(iris.stream().map(Iris::codeInsee).distinct()).hasSize(18);
        assertThat(Territoires.charger("grand-poitiers").irisDe("86194")).hasSize(41);
        assertThat(Territoires.charger("la-rochelle").irisDe("17300")).hasSize(31);
        assertThat(Territoires.charger("antony").irisDe("92002")).hasSize(27);
        assertThat(iris).allSatisfy(i -> assertThat(i.codeIris()).hasSize(9).startsWith(i.codeInsee()));
        Iris poitiers = Territoires.charger("grand-poitiers").irisDe("86194").get(0);
        assertThat(poitiers.codeIris()).isEqualTo("861940101");
        assertThat(poitiers.chiffres()).containsEntry(Iris.REVENU_DECLARE_MEDIAN, 19720.0)
                .containsEntry(Iris.TAUX_BAS_REVENUS_DECLARES, 33.0).containsEntry(Iris.GINI_REVENUS_DECLARES, 0.462);
        Iris aytre = Territoires.charger("la-rochelle").iris().stream().filter(i -> i.codeIris().equals("170280101"))
                .findFirst().orElseThrow();
        assertThat(aytre.chiffres()).isEmpty();
        assertThat(aytre.secrets()).containsExactlyInAnyOrderElementsOf(ChiffresCommune.VARIABLES_IRIS);
        assertThat(iris).filteredOn(i -> i.estSecret(Iris.REVENU_DECLARE_MEDIAN)).hasSize(15);
    }

    @ParameterizedTest
    @MethodSource("ids")
    @DonneesOfficiellesRequises
    void communes_are_sorted_by_code_and_carry_the_comparateur_figures(String id) {
        List<Commune> communes = Territoires.charger(id).communes();

        assertThat(communes).isSortedAccordingTo(Comparator.comparing(Commune::codeInsee));
        assertThat(communes).allSatisfy(c -> {
            LigneComparateur ligne = comparateur.get(c.codeInsee());
            assertThat(c.chiffres()).containsAllEntriesOf(ligne.chiffres());
            assertThat(c.chiffres().values()).allSatisfy(v -> assertThat(v).isPositive());
        });
    }

    @ParameterizedTest
    @MethodSource("ids")
    void every_figure_has_a_real_source_and_contours_have_theirs(String id) {
        Territoire territoire = Territoires.charger(id);

        assertThat(territoire.sources().keySet()).containsAll(Stream.concat(ChiffresCommune.VARIABLES_COMMUNE.stream(),
                ChiffresCommune.VARIABLES_IRIS.stream()).toList());
        assertThat(territoire.sources().keySet()).isSubsetOf(Stream.concat(Stream.concat(
                ChiffresCommune.VARIABLES_COMMUNE.stream(), ChiffresCommune.VARIABLES_IRIS.stream()),
                Stream.of(Iris.POPULATION, Iris.SUPERFICIE_KM2, Iris.DENSITE, Iris.PART_75_PLUS)).toList());
        assertThat(territoire.sources().get(Commune.MENAGES)).isEqualTo(TerritoireImporter.SOURCE_RECENSEMENT);
        assertThat(territoire.sources().get(Commune.REVENU_MEDIAN)).extracting(Source::producteur, Source::millesime,
                Source::licence).containsExactly("Insee", "2021", "Licence Ouverte 2.0");
        assertThat(territoire.sources().get(Commune.PART_75_PLUS).millesime()).isEqualTo("2022");
        assertThat(territoire.sources().get(Iris.GINI_REVENUS_DECLARES).titre()).contains("IRIS");
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
    @DonneesOfficiellesRequises
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
                .hasMessageContaining("paris")
                .hasMessageContaining("grand-poitiers");
    }
}
