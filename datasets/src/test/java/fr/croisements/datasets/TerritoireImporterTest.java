package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.EntreeInvalide;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on a tiny synthetic folder of official files: exact output format and loud failures. */
class TerritoireImporterTest {

    private static final String TERRITOIRES = "\uFEFFterritoire,code_insee,nom,departement,region,siren_commune,"
            + "codes_postaux,epci_siren,epci_nom,epci_type,population_municipale\r\n"
            + "PAYS_AJACCIEN,2A006,Afa,2A,94,212000061,20167,242010056,CA du Pays Ajaccien,CA,3200\r\n"
            + "PAYS_AJACCIEN,2A004,Ajaccio,2A,94,212000046,20000|20090,242010056,CA du Pays Ajaccien,CA,73000\r\n";

    private static final String EPCI = "territoire,epci_siren,epci_nom,epci_type,mode_financement,nb_communes,"
            + "population_municipale,population_totale\n"
            + "PAYS_AJACCIEN,242010056,CA du Pays Ajaccien,CA,FPU,2,76200,77000\n";

    private static final String COMPARATEUR = "insee_com,insee_dep,commune_article,code_postal,lat,lng,superficie_km2,"
            + "population_2021,population_2015,menages_2021,naissances_2022,deces_2022,pop_15_64_totale_2021,"
            + "pop_15_64_chomage_2021,pop_15_64_active_2021\r\n"
            + "2A004,2A,Ajaccio,20000,42.05,8.05,82.03,72000,68000,33000,700,600,45000,3000,30000\r\n"
            + "2A006,2A,Afa,20167,42.05,8.15,12.5,3213,3000,,30,20,2000,s,1500\r\n"
            + "2A008,2A,Alata,20167,42.1,8.7,30,3300,3000,1300,30,20,2000,100,1500\r\n";

    /** Ajaccio only: Afa is missing, as communes outside the 82 of the real extract. */
    private static final String DOSSIER_COMPLET = "CODGEO;P22_POP0014;P22_POP1529;P22_POP3044;P22_POP4559;P22_POP6074;"
            + "P22_POP7589;P22_POP90P;P16_POP;C22_MENPSEUL;C22_MENFAM;SNEMM_23\n"
            + "2A004;10000.0;12000.0;14000.0;15000.0;12000.0;7000.4;999.8;70000.0;12000.4;20000.0;\n";

    private static final String FILOSOFI = "CODGEO;NBMENFISC21;MED21;TP6021\n"
            + "2A004;31000;21000;19,5\n"
            + "2A006;1300;22540;s\n";

    private static final String FILOSOFI_IRIS = "IRIS;DEC_TP6021;DEC_MED21;DEC_D121;DEC_D921;DEC_GI21;DEC_NOTE21\n"
            + "2A0040102;ns;ns;ns;ns;ns;so\n"
            + "2A0040101;22,0;18520;6040;35210;0,372;0\n"
            + "2A0080101;10,0;23000;9000;40000;0,3;0\n";

    /** 2A004 is drawn clockwise with a near-collinear vertex; 2A006 shares its east edge. */
    static final String CONTOURS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"2A004","nom":"Ajaccio"},"geometry":{"type":"Polygon","coordinates":\
            [[[8.0,42.0],[8.0,42.1],[8.1,42.1],[8.1,42.0],[8.05,42.000001],[8.0,42.0]]]}},
            {"type":"Feature","properties":{"code":"2A006","nom":"Afa"},"geometry":{"type":"Polygon","coordinates":\
            [[[8.1,42.0],[8.2,42.0],[8.2,42.1],[8.1,42.1],[8.1,42.0]]]}},
            {"type":"Feature","properties":{"code":"2A008","nom":"Alata"},"geometry":{"type":"Polygon","coordinates":\
            [[[8.6,42.0],[8.7,42.0],[8.7,42.1],[8.6,42.0]]]}}
            ]}
            """;

    /** The same contours in Lambert-93 (EPSG:2154, to the millimetre), as an IGN download would give them. */
    private static final String CONTOURS_LAMBERT_93 = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
            "features":[
            {"type":"Feature","properties":{"code":"2A004","nom":"Ajaccio"},"geometry":{"type":"Polygon","coordinates":\
            [[[1114835.917,6113076.850],[1114131.639,6124184.285],[1122402.864,6124713.989],[1123121.209,6113607.455],\
            [1118978.640,6113340.952],[1114835.917,6113076.850]]]}},
            {"type":"Feature","properties":{"code":"2A006","nom":"Afa"},"geometry":{"type":"Polygon","coordinates":\
            [[[1123121.209,6113607.455],[1131405.822,6114148.552],[1130673.413,6125254.167],[1122402.864,6124713.989],\
            [1123121.209,6113607.455]]]}},
            {"type":"Feature","properties":{"code":"2A008","nom":"Alata"},"geometry":{"type":"Polygon","coordinates":\
            [[[1164537.222,6116417.845],[1172818.243,6117011.390],[1172015.527,6128112.145],[1164537.222,6116417.845]]]}}
            ]}
            """;

    private static final String PACK_ATTENDU = """
            {
            "type":"FeatureCollection",
            "territoire":{"id":"pays-ajaccien","nom":"Communauté d'agglomération du Pays Ajaccien",\
            "epciSiren":"242010056"},
            "sources":{
            "densite":{"titre":"Base du comparateur de territoires (population 2021 rapportée à la superficie)",\
            "producteur":"Insee","millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "gini_revenus_declares":{"titre":"Filosofi : revenus déclarés (IRIS)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "menages":{"titre":"Base du comparateur de territoires (recensement de la population)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "menages_une_personne":{"titre":"Dossier complet (recensement de la population,\
             exploitation complémentaire : ménages selon leur composition)","producteur":"Insee","millesime":"2022",\
            "licence":"Licence Ouverte 2.0","simule":false},
            "part_75_plus":{"titre":"Dossier complet (recensement de la population : population par âge)",\
            "producteur":"Insee","millesime":"2022","licence":"Licence Ouverte 2.0","simule":false},
            "part_menages_une_personne":{"titre":"Dossier complet (recensement de la population,\
             exploitation complémentaire : ménages selon leur composition)","producteur":"Insee","millesime":"2022",\
            "licence":"Licence Ouverte 2.0","simule":false},
            "population":{"titre":"Base du comparateur de territoires (recensement de la population)",\
            "producteur":"Insee","millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "population_75_plus":{"titre":"Dossier complet (recensement de la population : population par âge)",\
            "producteur":"Insee","millesime":"2022","licence":"Licence Ouverte 2.0","simule":false},
            "revenu_declare_d1":{"titre":"Filosofi : revenus déclarés (IRIS)","producteur":"Insee","millesime":"2021",\
            "licence":"Licence Ouverte 2.0","simule":false},
            "revenu_declare_d9":{"titre":"Filosofi : revenus déclarés (IRIS)","producteur":"Insee","millesime":"2021",\
            "licence":"Licence Ouverte 2.0","simule":false},
            "revenu_declare_median":{"titre":"Filosofi : revenus déclarés (IRIS)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "revenu_median":{"titre":"Filosofi : revenus, pauvreté et niveau de vie (communes)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "superficie_km2":{"titre":"Base du comparateur de territoires (superficie)","producteur":"Insee",\
            "millesime":"2024","licence":"Licence Ouverte 2.0","simule":false},
            "taux_bas_revenus_declares":{"titre":"Filosofi : revenus déclarés (IRIS)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "taux_chomage":{"titre":"Base du comparateur de territoires (recensement de la population : chômeurs et actifs de 15 à 64 ans)",\
            "producteur":"Insee","millesime":"2021","licence":"Licence Ouverte 2.0","simule":false},
            "taux_pauvrete":{"titre":"Filosofi : revenus, pauvreté et niveau de vie (communes)","producteur":"Insee",\
            "millesime":"2021","licence":"Licence Ouverte 2.0","simule":false}
            },
            "sourceContours":{"titre":"Admin Express COG 2018, contours des communes (via france-geojson, simplifiés)",\
            "producteur":"IGN","millesime":"2018","licence":"Licence Ouverte","simule":false},
            "absences":{
            "menages":["2A006"],
            "population_75_plus":["2A006"],
            "part_75_plus":["2A006"],
            "menages_une_personne":["2A006"],
            "part_menages_une_personne":["2A006"]
            },
            "features":[
            {"type":"Feature","properties":{"code":"2A004","nom":"Ajaccio","population":72000,"menages":33000,\
            "superficie_km2":82.03,"densite":877.7,"population_75_plus":8000,"part_75_plus":11.3,\
            "menages_une_personne":12000,"part_menages_une_personne":37.5,"revenu_median":21000,"taux_pauvrete":19.5,\
            "taux_chomage":10},"geometry":{"type":"Polygon","coordinates":[[[8.1,42.1],[8,42.1],[8,42],[8.1,42],[8.1,\
            42.1]]]}},
            {"type":"Feature","properties":{"code":"2A006","nom":"Afa","population":3213,"superficie_km2":12.5,\
            "densite":257,"revenu_median":22540,"secrets":["taux_chomage","taux_pauvrete"]},\
            "geometry":{"type":"Polygon","coordinates":[[[8.1,42],[8.2,42],[8.2,42.1],[8.1,42.1],[8.1,42]]]}}
            ],
            "iris":[
            {"code":"2A0040101","commune":"2A004","revenu_declare_median":18520,"revenu_declare_d1":6040,\
            "revenu_declare_d9":35210,"taux_bas_revenus_declares":22,"gini_revenus_declares":0.372},
            {"code":"2A0040102","commune":"2A004","secrets":["gini_revenus_declares","revenu_declare_d1",\
            "revenu_declare_d9","revenu_declare_median","taux_bas_revenus_declares"]}
            ]
            }
            """;

    @TempDir
    Path dossier;

    @BeforeEach
    void ecrireFichiersOfficiels() throws IOException {
        Files.createDirectories(dossier.resolve("insee"));
        Files.createDirectories(dossier.resolve("geo"));
        Files.writeString(dossier.resolve(DonneesOfficielles.TERRITOIRES), TERRITOIRES, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve(DonneesOfficielles.COMPARATEUR), COMPARATEUR, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve(DonneesOfficielles.EPCI), EPCI, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve(DonneesOfficielles.DOSSIER_COMPLET), DOSSIER_COMPLET, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve(DonneesOfficielles.FILOSOFI_COMMUNES), FILOSOFI, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve(DonneesOfficielles.FILOSOFI_IRIS), FILOSOFI_IRIS, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"), CONTOURS, StandardCharsets.UTF_8);
    }

    @Test
    void writes_the_pack_in_the_documented_deterministic_format() {
        assertThat(TerritoireImporter.generer(dossier)).containsOnlyKeys("pays-ajaccien")
                .containsEntry("pays-ajaccien", PACK_ATTENDU);
    }

    @Test
    void a_lambert93_contour_file_gives_the_same_pack() throws IOException {
        Files.writeString(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"), CONTOURS_LAMBERT_93,
                StandardCharsets.UTF_8);

        assertThat(TerritoireImporter.generer(dossier)).containsEntry("pays-ajaccien", PACK_ATTENDU);
    }

    @Test
    void a_spreadsheet_damaged_territory_file_is_repaired_with_warnings_or_reported() throws IOException {
        Files.writeString(dossier.resolve(DonneesOfficielles.TERRITOIRES), TERRITOIRES
                .replace("PAYS_AJACCIEN,2A004,Ajaccio,2A,", "PAYS_AJACCIEN,2a004,Ajaccio,2a,")
                + "PAYS_AJACCIEN,2A0X8,Alata,2A,94,212000087,20167,242010056,CA du Pays Ajaccien,CA,3300\r\n",
                StandardCharsets.UTF_8);

        var lu = TableCsv.importer(dossier.resolve(DonneesOfficielles.TERRITOIRES), null,
                CommuneTerritoire.COLONNES, CommuneTerritoire::parse);
        assertThat(lu.signalements()).extracting(Signalement::toString).containsExactly(
                "communes_territoires.csv:3 : code commune « 2a004 » lu comme « 2A004 » (colonne code_insee) :"
                        + " les codes de Corse s'écrivent en majuscules",
                "communes_territoires.csv:3 : code département « 2a » lu comme « 2A » (colonne departement) :"
                        + " les codes de Corse s'écrivent en majuscules",
                "communes_territoires.csv:4 : ligne ignorée : code commune invalide « 2A0X8 » dans la colonne"
                        + " code_insee (attendu 5 caractères, par exemple 01053, 2A004, 97411)");
        assertThat(TerritoireImporter.generer(dossier)).containsEntry("pays-ajaccien", PACK_ATTENDU);
    }

    @Test
    void a_commune_without_contour_stops_the_import_naming_file_and_code() throws IOException {
        Files.writeString(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"),
                CONTOURS.replace("\"2A006\"", "\"2A099\""), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TerritoireImporter.generer(dossier))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("2A006")
                .hasMessageContaining("communes-2A-corse-du-sud.geojson");
    }

    @Test
    void a_commune_without_a_comparateur_row_lacks_its_figures_and_the_pack_lists_them() throws IOException {
        Files.writeString(dossier.resolve(DonneesOfficielles.COMPARATEUR),
                COMPARATEUR.replace("2A006,", "2A099,"), StandardCharsets.UTF_8);

        Territoire territoire = PackGeoJson.lire(TerritoireImporter.generer(dossier).get("pays-ajaccien"));

        Commune afa = territoire.commune("2A006").orElseThrow();
        assertThat(afa.chiffres()).containsOnlyKeys(Commune.REVENU_MEDIAN);
        assertThat(afa.secrets()).containsExactly(Commune.TAUX_PAUVRETE);
        assertThat(PackGeoJson.absences(territoire)).containsEntry(Commune.POPULATION, List.of("2A006"))
                .containsEntry(Commune.TAUX_CHOMAGE, List.of("2A006"));
    }

    @Test
    void the_report_says_a_row_of_the_territory_may_have_been_skipped() throws IOException {
        Files.writeString(dossier.resolve(DonneesOfficielles.FILOSOFI_COMMUNES), FILOSOFI.replace("2A006;1300;22540;s",
                "2A006;1300;22.540;s"), StandardCharsets.UTF_8);

        BilanImport bilan = TerritoireImporter.importerLivres(FichiersOfficiels.reconnaitre(dossier),
                dossier.resolve("packs"), ligne -> { });

        assertThat(bilan.texte()).contains("    revenu_median et taux_pauvrete : 1 commune sur 2 (2A006), pas de ligne dans"
                        + " filosofi2021_communes_dep_17_54_86_92.csv (ou une ligne ignorée : voir les signalements).",
                "  filosofi2021_communes_dep_17_54_86_92.csv:3 : ligne ignorée : valeur « 22.540 » non numérique dans la"
                        + " colonne MED21 (ce fichier a une virgule décimale : un point serait un séparateur de milliers)");
    }

    @Test
    void without_a_comparateur_nor_filosofi_the_import_succeeds_with_the_figures_it_has() throws IOException {
        Files.delete(dossier.resolve(DonneesOfficielles.COMPARATEUR));
        Files.delete(dossier.resolve(DonneesOfficielles.FILOSOFI_COMMUNES));

        Territoire territoire = PackGeoJson.lire(TerritoireImporter.generer(dossier).get("pays-ajaccien"));

        assertThat(territoire.commune("2A004").orElseThrow().chiffres()).containsOnlyKeys(Commune.POPULATION_75_PLUS,
                Commune.PART_75_PLUS, Commune.MENAGES_UNE_PERSONNE, Commune.PART_MENAGES_UNE_PERSONNE);
        assertThat(PackGeoJson.absences(territoire)).containsKeys(Commune.POPULATION, Commune.DENSITE,
                Commune.REVENU_MEDIAN, Commune.TAUX_PAUVRETE).doesNotContainKey(Commune.PART_75_PLUS + "x");
        assertThat(PackGeoJson.absences(territoire).get(Commune.REVENU_MEDIAN)).containsExactly("2A004", "2A006");
    }

    @Test
    void without_any_contour_file_the_import_stops_saying_what_to_add() throws IOException {
        Files.delete(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"));

        assertThatThrownBy(() -> TerritoireImporter.generer(dossier))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining(dossier.toString())
                .hasMessageContaining("aucun fichier « contours des communes » reconnu")
                .hasMessageContaining("--fichier contours=CHEMIN");
    }

    @Test
    void files_are_recognised_by_their_content_whatever_their_names_and_folders() throws IOException {
        Path ailleurs = dossier.resolveSibling(dossier.getFileName() + "-renomme");
        Files.createDirectories(ailleurs.resolve("a/b"));
        Files.move(dossier.resolve(DonneesOfficielles.TERRITOIRES), ailleurs.resolve("liste.txt"));
        Files.move(dossier.resolve(DonneesOfficielles.COMPARATEUR), ailleurs.resolve("a/base_cc_comparateur.csv"));
        Files.move(dossier.resolve(DonneesOfficielles.DOSSIER_COMPLET), ailleurs.resolve("a/b/1"));
        Files.move(dossier.resolve(DonneesOfficielles.FILOSOFI_COMMUNES), ailleurs.resolve("FILO.CSV"));
        Files.move(dossier.resolve(DonneesOfficielles.FILOSOFI_IRIS), ailleurs.resolve("iris"));
        Files.move(dossier.resolve("geo/communes-2A-corse-du-sud.geojson"), ailleurs.resolve("contours.json"));
        Files.move(dossier.resolve(DonneesOfficielles.EPCI), ailleurs.resolve("epci.csv"));

        assertThat(TerritoireImporter.generer(ailleurs)).containsEntry("pays-ajaccien", PACK_ATTENDU);
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
