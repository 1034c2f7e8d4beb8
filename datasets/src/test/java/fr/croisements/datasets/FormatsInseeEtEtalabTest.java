package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new territory from the files as INSEE and Etalab publish them (COG, composition communale des
 * EPCI, base du comparateur; communes.json and epci.json), without dossier complet nor Filosofi:
 * the pack has the comparateur's figures, says what it lacks, and the code of a commune merged
 * since (in the comparateur, not in the COG) is listed with the commune it is now part of.
 */
class FormatsInseeEtEtalabTest {

    /** INSEE's COG: 2A099 is a commune déléguée of Ajaccio (a commune nouvelle); Windows-1252 as INSEE's files may be. */
    private static final String COG = "TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\r\n"
            + "COM,2A004,94,2A,2ACTC,2A1,0,AJACCIO,Ajaccio,Ajaccio,2A98,\r\n"
            + "COMD,2A004,,,,,0,AJACCIO,Ajaccio,Ajaccio,,2A004\r\n"
            + "COMD,2A099,,,,,0,ANCIENNE,Ancienne,Ancienne,,2A004\r\n"
            + "COM,2A006,94,2A,2ACTC,2A1,1,AFA,Afa,Afa,2A10,\r\n"
            + "COM,2A008,94,2A,2ACTC,2A1,1,ALATA,Alata,Alata,2A10,\r\n";

    /**
     * The sheet Composition_communale of INSEE's EPCI file, saved as CSV by a spreadsheet: its title
     * lines come first; line 10 has a damaged code.
     */
    private static final String COMPOSITION = "Composition communale des EPCI au 1er janvier 2024;;;;;\n"
            + "Découpage communal en vigueur au 1er janvier 2024;;;;;\n"
            + ";;;;;\n"
            + "Source : Insee, code officiel géographique;;;;;\n"
            + ";;;;;\n"
            + "CODGEO;LIBGEO;EPCI;LIBEPCI;DEP;REG\n"
            + "2A004;Ajaccio;242010056;CA du Pays Ajaccien;2A;94\n"
            + "2A006;Afa;242010056;CA du Pays Ajaccien;2A;94\n"
            + "2A008;Alata;ZZZZZZZZZ;Sans objet;2A;94\n"
            + "2A0X0;Nulle part;242010056;CA du Pays Ajaccien;2A;94\n";

    private static final String LISTE_EPCI = "EPCI;LIBEPCI;NATURE_EPCI;NB_COM\n"
            + "242010056;CA du Pays Ajaccien;CA;2\n"
            + "ZZZZZZZZZ;Sans objet;ZZ;1\n";

    /** INSEE's base du comparateur: 2A099 still has its row (the file predates the merger). */
    private static final String COMPARATEUR = "CODGEO;LIBGEO;P21_POP;P15_POP;SUPERF;P21_MEN;P21_POP1564;P21_CHOM1564;"
            + "P21_ACT1564;MED21;TP6021\n"
            + "2A004;Ajaccio;72000;68000;82.03;33000;45000;3000;30000;21000;19,5\n"
            + "2A006;Afa;3213;3000;12.5;;2000;s;1500;22540;s\n"
            + "2A099;Ancienne;100;90;5;40;60;5;50;;\n";

    private static final String COMMUNES_ETALAB = """
            [{"code":"2A004","nom":"Ajaccio","typeLiaison":0,"departement":"2A","region":"94","type":"commune-actuelle",\
            "siren":"212000046","codesPostaux":["20000","20090"],"population":73000,"anciensCodes":["2A099"]},
            {"code":"2A099","nom":"Ancienne","type":"commune-deleguee","chefLieu":"2A004"},
            {"code":"2A006","nom":"Afa","departement":"2A","region":"94","type":"commune-actuelle"},
            {"code":"2A008","nom":"Alata","departement":"2A","region":"94","type":"commune-actuelle"}]
            """;

    private static final String EPCI_ETALAB = """
            [{"code":"242010056","nom":"CA du Pays Ajaccien","type":"CA","modeFinancement":"FPU","populationMunicipale":76213,\
            "membres":[{"code":"2A004","siren":"212000046","nom":"Ajaccio"},{"code":"2A006","siren":"212000061","nom":"Afa"}]}]
            """;

    @TempDir
    Path dossier;

    private final List<String> suivi = new ArrayList<>();

    @BeforeEach
    void ecrireLesFichiersCommunsAuxDeuxFormats() throws Exception {
        Files.writeString(dossier.resolve("base_cc_comparateur.csv"), COMPARATEUR, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve("COMMUNE.json"), TerritoireImporterTest.CONTOURS, StandardCharsets.UTF_8);
    }

    private BilanImport importer(Path vers) {
        return TerritoireImporter.importer(FichiersOfficiels.reconnaitre(dossier), Perimetre.epci("242010056"), vers,
                suivi::add);
    }

    private void ecrireInsee() throws Exception {
        Files.write(dossier.resolve("v_commune_2024.csv"), COG.getBytes(TableCsv.WINDOWS_1252));
        Files.writeString(dossier.resolve("composition.csv"), COMPOSITION, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve("epci.csv"), LISTE_EPCI, StandardCharsets.UTF_8);
    }

    @Test
    void insee_files_make_the_pack_of_an_epci_with_the_comparateur_figures_and_say_what_it_lacks() throws Exception {
        ecrireInsee();

        BilanImport bilan = importer(dossier.resolve("packs"));

        Territoire territoire = Territoires.lire(bilan.packs().get(0));
        assertThat(territoire.id()).isEqualTo("pays-ajaccien");
        assertThat(territoire.nom()).isEqualTo("Communauté d'agglomération du Pays Ajaccien");
        assertThat(territoire.communes()).extracting(Commune::codeInsee).containsExactly("2A004", "2A006");
        Commune ajaccio = territoire.commune("2A004").orElseThrow();
        assertThat(ajaccio.chiffres()).containsEntry(Commune.POPULATION, 72000.0).containsEntry(Commune.DENSITE, 877.7)
                .containsEntry(Commune.TAUX_CHOMAGE, 10.0).doesNotContainKey(Commune.REVENU_MEDIAN);
        assertThat(territoire.commune("2A006").orElseThrow().secrets()).containsExactly(Commune.TAUX_CHOMAGE);
        assertThat(PackGeoJson.absences(territoire)).containsOnlyKeys(Commune.MENAGES, Commune.POPULATION_75_PLUS,
                Commune.PART_75_PLUS, Commune.MENAGES_UNE_PERSONNE, Commune.PART_MENAGES_UNE_PERSONNE,
                Commune.REVENU_MEDIAN, Commune.TAUX_PAUVRETE);
        assertThat(bilan.texte()).contains(
                "Territoire pays-ajaccien (Communauté d'agglomération du Pays Ajaccien) : 2 communes, 0 IRIS.",
                "  Variables absentes (la carte les dira manquantes) :",
                "    menages : 1 commune sur 2 (2A006), valeur vide ou sans objet dans base_cc_comparateur.csv.",
                "    population_75_plus, part_75_plus, menages_une_personne et part_menages_une_personne : les 2 communes,"
                        + " aucun fichier « dossier complet ».",
                "    revenu_median et taux_pauvrete : les 2 communes, aucun fichier « Filosofi par commune ».",
                "Codes des fichiers absents du COG actuel (communes fusionnées ou disparues depuis) :",
                "  base_cc_comparateur.csv : 2A099 (commune déléguée de 2A004 Ajaccio, dans le territoire).");
        assertThat(bilan.signalements()).extracting(Signalement::toString).contains("composition.csv:10 : ligne ignorée :"
                + " code commune invalide « 2A0X0 » dans la colonne CODGEO (attendu 5 caractères, par exemple 01053, 2A004,"
                + " 97411)");
        assertThat(FichiersOfficiels.reconnaitre(dossier).compteRendu(TerritoireImporter.REQUISES_NOUVEAU)).contains(
                "  composition.csv → communes : liste des communes (composition communale des EPCI de l'Insee), en-tête ligne 6");
        assertThat(suivi).anySatisfy(l -> assertThat(l).startsWith("Lecture de base_cc_comparateur.csv (base du"
                + " comparateur de territoires, 1 ko)…"));
        assertThat(suivi).anySatisfy(l -> assertThat(l).matches(
                "  base_cc_comparateur\\.csv : 3 lignes lues, 2 gardées pour le territoire, en \\d+ ms\\."));
    }

    @Test
    void etalab_communes_json_and_epci_json_make_the_same_pack() throws Exception {
        ecrireInsee();
        String insee = Files.readString(importer(dossier.resolve("insee")).packs().get(0));
        for (String fichier : List.of("v_commune_2024.csv", "composition.csv", "epci.csv")) {
            Files.delete(dossier.resolve(fichier));
        }
        Files.writeString(dossier.resolve("communes.json"), COMMUNES_ETALAB, StandardCharsets.UTF_8);
        Files.writeString(dossier.resolve("epci.json"), EPCI_ETALAB, StandardCharsets.UTF_8);

        BilanImport bilan = importer(dossier.resolve("etalab"));

        assertThat(Files.readString(bilan.packs().get(0))).isEqualTo(insee);
        assertThat(bilan.horsCog()).singleElement().satisfies(f -> assertThat(f.codes()).containsExactly(
                new BilanImport.CodeHorsCog("2A099", "2A004", "Ajaccio", "ancienne commune fusionnée dans", true)));
    }

    @Test
    void contours_of_another_producer_are_credited_as_an_imported_file_not_as_the_2018_ones() throws Exception {
        ecrireInsee();
        Files.writeString(dossier.resolve("COMMUNE.json"), TerritoireImporterTest.CONTOURS
                .replace("\"code\"", "\"INSEE_COM\"").replace("\"nom\"", "\"NOM\""), StandardCharsets.UTF_8);

        Territoire territoire = Territoires.lire(importer(dossier.resolve("packs")).packs().get(0));

        assertThat(territoire.communes()).hasSize(2);
        assertThat(territoire.sourceContours()).isEqualTo(new Source("Contours des communes (fichier importé :"
                + " COMMUNE.json)", "non précisé", "non précisé", "non précisée", false));
    }

    @Test
    void a_cog_without_the_epci_of_its_communes_asks_for_them() throws Exception {
        Files.write(dossier.resolve("v_commune_2024.csv"), COG.getBytes(TableCsv.WINDOWS_1252));

        assertThatThrownBy(() -> importer(dossier.resolve("packs")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessage("v_commune_2024.csv : ces listes de communes ne disent pas à quel EPCI appartient chaque commune :"
                        + " ajouter la composition communale des EPCI de l'Insee, ou epci.json d'Etalab, ou donner les"
                        + " communes avec --communes");
    }

    @Test
    void a_former_code_given_with_communes_names_the_commune_to_give() throws Exception {
        ecrireInsee();

        assertThatThrownBy(() -> TerritoireImporter.importer(FichiersOfficiels.reconnaitre(dossier),
                Perimetre.communes(List.of("2A099")), dossier.resolve("packs"), suivi::add))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessage("composition.csv, v_commune_2024.csv : la commune 2A099 n'y figure pas : 2A099 est commune"
                        + " déléguée de 2A004, donner 2A004");
    }

    @Test
    void without_a_list_of_communes_the_import_says_what_to_add() {
        assertThatThrownBy(() -> importer(dossier.resolve("packs")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessage(dossier + " : aucun fichier « liste des communes » reconnu : ajouter la liste des communes du"
                        + " COG de l'Insee avec la composition communale des EPCI, ou communes.json et epci.json d'Etalab"
                        + " (ou l'indiquer avec --fichier communes=CHEMIN)");
    }
}
