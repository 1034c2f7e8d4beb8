package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on a tiny synthetic folder of official files: exact output format and loud failures. */
class TerritoireImporterTest {

    private static final String TERRITOIRES = "\uFEFFterritoire,code_insee,nom,departement,region,siren_commune,"
            + "codes_postaux,epci_siren,epci_nom,epci_type,population_municipale\r\n"
            + "PAYS_AJACCIEN,2A006,Afa,2A,94,212000061,20167,242010056,CA du Pays Ajaccien,CA,3200\r\n"
            + "PAYS_AJACCIEN,2A004,Ajaccio,2A,94,212000046,20000|20090,242010056,CA du Pays Ajaccien,CA,73000\r\n";

    private static final String COMPARATEUR = "insee_com,insee_dep,commune_article,code_postal,lat,lng,superficie_km2,"
            + "population_2021,population_2015,menages_2021\r\n"
            + "2A004,2A,Ajaccio,20000,42.05,8.05,82.03,72000,68000,33000\r\n"
            + "2A006,2A,Afa,20167,42.05,8.15,12.5,3213,3000,\r\n"
            + "2A008,2A,Alata,20167,42.1,8.7,30,3300,3000,1300\r\n";

    /** 2A004 is drawn clockwise with a near-collinear vertex; 2A006 shares its east edge. */
    private static final String CONTOURS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"2A004","nom":"Ajaccio"},"geometry":{"type":"Polygon","coordinates":\
            [[[8.0,42.0],[8.0,42.1],[8.1,42.1],[8.1,42.0],[8.05,42.000001],[8.0,42.0]]]}},
            {"type":"Feature","properties":{"code":"2A006","nom":"Afa"},"geometry":{"type":"Polygon","coordinates":\
            [[[8.1,42.0],[8.2,42.0],[8.2,42.1],[8.1,42.1],[8.1,42.0]]]}},
            {"type":"Feature","properties":{"code":"2A008","nom":"Alata"},"geometry":{"type":"Polygon","coordinates":\
            [[[8.6,42.0],[8.7,42.0],[8.7,42.1],[8.6,42.0]]]}}
            ]}
            """;

    private static final String PACK_ATTENDU = """
            {
            "type":"FeatureCollection",
            "territoire":{"id":"pays-ajaccien","nom":"Communauté d'agglomération du Pays Ajaccien","epciSiren":"242010056"},
            "sources":{
            "menages":{"titre":"Base du comparateur de territoires (recensement de la population)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "population":{"titre":"Base du comparateur de territoires (recensement de la population)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "superficie_km2":{"titre":"Base du comparateur de territoires (superficie)","producteur":"Insee",\
            "millesime":"2024","licence":"Licence Ouverte 2.0","simule":false}
            },
            "sourceContours":{"titre":"Admin Express COG 2018, contours des communes (via france-geojson, simplifiés)",\
            "producteur":"IGN","millesime":"2018","licence":"Licence Ouverte","simule":false},
            "features":[
            {"type":"Feature","properties":{"code":"2A004","nom":"Ajaccio","population":72000,"menages":33000,\
            "superficie_km2":82.03},"geometry":{"type":"Polygon","coordinates":\
            [[[8.1,42.1],[8,42.1],[8,42],[8.1,42],[8.1,42.1]]]}},
            {"type":"Feature","properties":{"code":"2A006","nom":"Afa","population":3213,"superficie_km2":12.5},\
            "geometry":{"type":"Polygon","coordinates":[[[8.1,42],[8.2,42],[8.2,42.1],[8.1,42.1],[8.1,42]]]}}
            ]
            }
            """;

    @TempDir
    Path dossier;

    @BeforeEach
    void ecrireFichiersOfficiels() throws IOException {
        Files.createDirectories(dossier.resolve("insee"));
        Files.createDirectories(dossier.resolve("geo"));
        Files.writeString(dossier.resolve(TerritoireImporter.FICHIER_TERRITOIRES), TERRITOIRES, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve(TerritoireImporter.FICHIER_COMPARATEUR), COMPARATEUR, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"), CONTOURS, StandardCharsets.UTF_8);
    }

    @Test
    void writes_the_pack_in_the_documented_deterministic_format() {
        assertThat(TerritoireImporter.generer(dossier)).containsOnlyKeys("pays-ajaccien")
                .containsEntry("pays-ajaccien", PACK_ATTENDU);
    }

    @Test
    void a_commune_without_contour_stops_the_import_naming_file_and_code() throws IOException {
        Files.writeString(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"),
                CONTOURS.replace("\"2A006\"", "\"2A099\""), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TerritoireImporter.generer(dossier))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2A006")
                .hasMessageContaining("communes-2A-corse-du-sud.geojson");
    }

    @Test
    void a_commune_without_figures_stops_the_import_naming_file_and_code() throws IOException {
        Files.writeString(dossier.resolve(TerritoireImporter.FICHIER_COMPARATEUR),
                COMPARATEUR.replace("2A006,", "2A099,"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TerritoireImporter.generer(dossier))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2A006")
                .hasMessageContaining("comparateur_communes_dep_17_54_86_92.csv");
    }

    @Test
    void a_department_without_contour_file_stops_the_import_naming_the_department() throws IOException {
        Files.delete(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"));

        assertThatThrownBy(() -> TerritoireImporter.generer(dossier))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("communes-2A-")
                .hasMessageContaining("2A");
    }

    @Test
    void default_official_folder_comes_from_the_system_property() {
        String before = System.getProperty(TerritoireImporter.PROPRIETE_DOSSIER);
        try {
            System.setProperty(TerritoireImporter.PROPRIETE_DOSSIER, "/data/officielles");
            assertThat(TerritoireImporter.dossierOfficielParDefaut()).isEqualTo(Path.of("/data/officielles"));
        } finally {
            if (before == null) {
                System.clearProperty(TerritoireImporter.PROPRIETE_DOSSIER);
            } else {
                System.setProperty(TerritoireImporter.PROPRIETE_DOSSIER, before);
            }
        }
    }
}
