package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Zone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * The IRIS of a pack: contours and names (IGN – INSEE Contours…IRIS), census figures by IRIS, recognised by
 * their content and written to the pack with their sources; first on a tiny folder of our own, then in the
 * shipped packs of Antony and Poitiers.
 */
class IrisImportTest {

    private static final String TERRITOIRES = "territoire,code_insee,nom,departement,region,siren_commune,"
            + "codes_postaux,epci_siren,epci_nom,epci_type,population_municipale\n"
            + "AJACCIO,2A004,Ajaccio,2A,94,212000046,20000,242010056,CA du Pays Ajaccien,CA,73000\n";

    /** Two IRIS splitting Ajaccio's square in two halves, west and east; named as IGN names them. */
    private static final String CONTOURS_IRIS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"INSEE_COM":"2A004","NOM_COM":"Ajaccio","IRIS":"0102","CODE_IRIS":"2A0040102",\
            "NOM_IRIS":"Est","TYP_IRIS":"H"},"geometry":{"type":"MultiPolygon","coordinates":\
            [[[[8.05,42.0],[8.1,42.0],[8.1,42.1],[8.05,42.1],[8.05,42.0]]]]}},
            {"type":"Feature","properties":{"INSEE_COM":"2A004","NOM_COM":"Ajaccio","IRIS":"0101","CODE_IRIS":"2A0040101",\
            "NOM_IRIS":"Ouest","TYP_IRIS":"H"},"geometry":{"type":"MultiPolygon","coordinates":\
            [[[[8.0,42.0],[8.05,42.0],[8.05,42.1],[8.0,42.1],[8.0,42.0]]]]}},
            {"type":"Feature","properties":{"INSEE_COM":"2A006","NOM_COM":"Afa","IRIS":"0000","CODE_IRIS":"2A0060000",\
            "NOM_IRIS":"Afa","TYP_IRIS":"Z"},"geometry":{"type":"MultiPolygon","coordinates":\
            [[[[8.1,42.0],[8.2,42.0],[8.2,42.1],[8.1,42.0]]]]}}
            ]}
            """;

    private static final String CHIFFRES_IRIS = "code_iris,nom_iris,typ_iris,surface_km2,lon_point,lat_point,pop_rp2016,"
            + "densite_rp2016_hab_km2,part_75p_rp2016,dec_med21_eur\n"
            + "2A0040101,Ouest,H,0.5,8.02,42.05,1000.4,2001,0.0751,21000\n"
            + "2A0040102,Est,H,0.25,8.07,42.05,500.0,2000,0.2,\n";

    private static final String FILOSOFI_IRIS = "IRIS;DEC_TP6021;DEC_MED21;DEC_D121;DEC_D921;DEC_GI21\n"
            + "2A0040101;22,0;18520;6040;35210;0,372\n"
            + "2A0040102;ns;ns;ns;ns;ns\n";

    @TempDir
    Path dossier;

    private void ecrire(String nom, String texte) throws Exception {
        Path fichier = dossier.resolve(nom);
        Files.createDirectories(fichier.getParent());
        Files.writeString(fichier, texte, StandardCharsets.UTF_8);
    }

    private Territoire importer() throws Exception {
        ecrire("liste.csv", TERRITOIRES);
        ecrire("contours/communes.json", TerritoireImporterTest.CONTOURS);
        ecrire("a.json", CONTOURS_IRIS); // names tell nothing: the content does
        ecrire("b.csv", CHIFFRES_IRIS);
        ecrire("c.csv", FILOSOFI_IRIS);
        String texte = TerritoireImporter.generer(dossier).get("ajaccio");
        Territoire territoire = PackGeoJson.lire(texte);
        assertThat(PackGeoJson.ecrire(territoire)).as("reading and writing again gives the same text").isEqualTo(texte);
        return territoire;
    }

    @Test
    void iris_contours_and_census_figures_are_recognised_by_their_content() throws Exception {
        ecrire("a.json", CONTOURS_IRIS);
        ecrire("b.csv", CHIFFRES_IRIS);

        var fichiers = FichiersOfficiels.reconnaitre(dossier);

        assertThat(fichiers.reconnus()).extracting(r -> r.chemin().getFileName().toString(), FichiersOfficiels.Reconnu::forme)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.json", FormeFichier.CONTOURS_IRIS_GEOJSON),
                        org.assertj.core.groups.Tuple.tuple("b.csv", FormeFichier.CHIFFRES_IRIS_PROJET));
    }

    @Test
    void the_pack_keeps_the_iris_of_its_communes_with_names_contours_figures_and_secrets() throws Exception {
        Territoire territoire = importer();

        assertThat(territoire.iris()).extracting(Iris::codeIris, Iris::nom).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2A0040101", "Ouest"),
                org.assertj.core.groups.Tuple.tuple("2A0040102", "Est"));
        Iris ouest = territoire.iris().get(0);
        assertThat(ouest.chiffres()).containsEntry(Iris.POPULATION, 1000.4).containsEntry(Iris.DENSITE, 2001.0)
                .containsEntry(Iris.PART_75_PLUS, 7.5).containsEntry(Iris.SUPERFICIE_KM2, 0.5)
                .containsEntry(Iris.REVENU_DECLARE_MEDIAN, 18520.0);
        assertThat(ouest.contour().contains(ouest.contour().getFactory().createPoint(new Coordinate(8.02, 42.05)))).isTrue();
        Iris est = territoire.iris().get(1);
        assertThat(est.estSecret(Iris.REVENU_DECLARE_MEDIAN)).isTrue();
        assertThat(est.contour().getArea()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void every_iris_figure_keeps_its_source_and_the_contours_theirs() throws Exception {
        Territoire territoire = importer();

        assertThat(territoire.sources().get(Iris.POPULATION).millesime()).isEqualTo("2016");
        assertThat(territoire.sources().get(Iris.PART_75_PLUS).titre()).contains("IRIS");
        assertThat(territoire.sources().get(Iris.DENSITE).licence()).isEqualTo("Licence Ouverte 2.0");
        assertThat(territoire.sourceContoursIris()).isEqualTo(IrisLus.SOURCE_CONTOURS_IRIS);
        assertThat(territoire.sourceContoursIris().millesime()).isEqualTo("2016");
    }

    @Test
    void iris_figures_are_published_as_reference_rows_of_their_level() throws Exception {
        Territoire territoire = importer();

        List<IndicateurInsee> iris = territoire.indicateursInsee().stream().filter(r -> Zone.IRIS.equals(r.niveau())).toList();

        assertThat(iris).extracting(IndicateurInsee::codeZone).containsExactly("2A0040101", "2A0040102");
        IndicateurInsee ouest = iris.get(0);
        assertThat(ouest.nom()).isEqualTo("Ouest");
        assertThat(ouest.valeurs()).containsEntry(Commune.DENSITE, 2001.0).containsEntry(Commune.PART_75_PLUS, 7.5)
                .containsEntry(Iris.REVENU_DECLARE_MEDIAN, 18520.0).containsEntry(Commune.POPULATION, 1000.4)
                // declared income is not the commune's disposable median: never under its name
                .doesNotContainKey(Commune.REVENU_MEDIAN);
        assertThat(ouest.source(Iris.REVENU_DECLARE_MEDIAN).titre()).contains("revenus déclarés");
        assertThat(ouest.source(Commune.REVENU_MEDIAN)).isNull();
        assertThat(ouest.source(Commune.DENSITE).millesime()).isEqualTo("2016");
        assertThat(iris.get(1).estSecret(Iris.REVENU_DECLARE_MEDIAN)).isTrue();
        assertThat(iris.get(1).estSecret(Commune.REVENU_MEDIAN)).isFalse();
        assertThat(iris.get(1).valeur(Iris.REVENU_DECLARE_MEDIAN)).isNull();
    }

    @Test
    void a_pack_without_iris_contours_is_written_as_before() throws Exception {
        ecrire("liste.csv", TERRITOIRES);
        ecrire("contours/communes.json", TerritoireImporterTest.CONTOURS);
        ecrire("c.csv", FILOSOFI_IRIS);

        String texte = TerritoireImporter.generer(dossier).get("ajaccio");

        assertThat(texte).doesNotContain("sourceContoursIris", "\"geometry\":{\"type\":\"MultiPolygon\"", "\"nom\":\"Ouest\"");
        assertThat(PackGeoJson.lire(texte).irisAvecContour()).isEmpty();
    }

    /**
     * The shipped packs, which {@link RegenerationPacksTest} proves are exactly what the importer makes of the
     * official files of Antony and Poitiers (so this check needs neither those files nor a second import).
     */
    @Test
    void antony_and_poitiers_get_their_official_iris_contours() {
        Territoire antony = Territoires.charger("antony");
        Territoire poitiers = Territoires.charger("grand-poitiers");

        assertThat(antony.irisAvecContour()).hasSize(27).allSatisfy(i -> assertThat(i.nom()).isNotBlank());
        assertThat(antony.unIris("920020101").orElseThrow().nom()).isEqualTo("Parc de Sceaux");
        assertThat(antony.unIris("920020302").orElseThrow().chiffres()).containsEntry(Iris.DENSITE, 35518.0);
        assertThat(antony.unIris("920020306").orElseThrow().chiffres()).containsEntry(Iris.REVENU_DECLARE_MEDIAN, 15260.0);
        double population = antony.iris().stream().mapToDouble(i -> i.chiffre(Iris.POPULATION)).sum();
        assertThat(population).isCloseTo(62209.7, org.assertj.core.data.Offset.offset(0.05));
        assertThat(poitiers.irisAvecContour()).hasSize(41).allSatisfy(i -> assertThat(i.codeInsee()).isEqualTo("86194"));
        assertThat(poitiers.unIris("861940101").orElseThrow().nom()).isEqualTo("Trois Quartiers");
        assertThat(antony.sourceContoursIris()).isEqualTo(IrisLus.SOURCE_CONTOURS_IRIS);
        // simplified, yet close to the official area (9.639 km² for the 27 IRIS, 1.0927 for Parc de Sceaux)
        double surface = antony.unIris("920020101").orElseThrow().contour().getArea();
        double attendue = antony.unIris("920020101").orElseThrow().chiffre(Iris.SUPERFICIE_KM2) / (111.32 * 111.32
                * Math.cos(Math.toRadians(48.76)));
        assertThat(surface).isCloseTo(attendue, org.assertj.core.data.Percentage.withPercentage(2));
    }
}
