package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.croisements.datasets.TerritoireImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code croisements import --epci / --communes}: one command for a new territory; {@code --parkings}: the car-park packs. */
class ImportCommandTest {

    private final StringWriter sortie = new StringWriter();
    private final StringWriter erreurs = new StringWriter();

    private int executer(String... arguments) {
        CommandLine ligne = Croisements.ligneDeCommande();
        ligne.setOut(new PrintWriter(sortie, true));
        ligne.setErr(new PrintWriter(erreurs, true));
        return ligne.execute(arguments);
    }

    /** The folder of official files; a test that needs it is skipped, saying why, where it is absent. */
    private static String officiels() {
        Path dossier = TerritoireImporter.dossierOfficielParDefaut().toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dossier.resolve("insee")), () -> "Official files not found in " + dossier
                + " (clone beside ../shared, or set -D" + TerritoireImporter.PROPRIETE_DOSSIER + "=DIR): test skipped");
        return dossier.toString();
    }

    @Test
    void writes_the_pack_of_an_epci_named_after_it(@TempDir Path vers) throws Exception {
        int code = executer("import", "--epci", "245400189", "--depuis", officiels(), "--vers", vers.toString());

        Path pack = vers.resolve("pays-du-sel-et-du-vermois.geojson");
        assertThat(code).isZero();
        assertThat(sortie.toString()).contains("Pack écrit : " + pack);
        assertThat(Files.readString(pack)).contains("\"nom\":\"Communauté de communes des Pays du Sel et du Vermois\"");
    }

    @Test
    void takes_a_list_of_communes_with_a_name_and_an_id(@TempDir Path vers) {
        int code = executer("import", "--communes", "54159,54483", "--nom", "Dombasle et Saint-Nicolas", "--id", "sel",
                "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(vers.resolve("sel.geojson")).exists();
    }

    @Test
    void explains_an_unknown_epci_without_a_stack_trace(@TempDir Path vers) {
        int code = executer("import", "--epci", "200000000", "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).startsWith("Erreur : ").contains("communes_dep_17_54_86_92.csv : aucune commune de"
                + " l'EPCI 200000000").doesNotContain("Exception", "\tat ");
    }

    @Test
    void parkings_writes_the_car_park_pack_of_each_shipped_territory_that_has_car_parks(@TempDir Path vers) throws Exception {
        int code = executer("import", "--parkings", "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(sortie.toString()).contains("Pack de parkings écrit : " + vers.resolve("grand-poitiers.geojson"),
                "Pack de parkings écrit : " + vers.resolve("la-rochelle.geojson"));
        assertThat(Files.readString(vers.resolve("la-rochelle.geojson"))).contains("\"territoire\":\"la-rochelle\"",
                "\"nom\":\"Les Greffières\"", "\"millesime\":\"2024\"", "\"licence\":\"Licence Ouverte 2.0\"");
        assertThat(executer("import", "--parkings", "--epci", "245400189")).isEqualTo(2);
        assertThat(erreurs.toString()).contains("--parkings ne va pas avec --epci");
    }

    @Test
    void refuses_a_name_without_a_new_territory_and_an_invalid_siren() {
        assertThat(executer("import", "--nom", "Sans EPCI")).isEqualTo(2);
        assertThat(executer("import", "--epci", "12345")).isEqualTo(2);
        assertThat(executer("import", "--communes", "54159,1053")).isEqualTo(2);
        assertThat(erreurs.toString()).contains("--nom et --id vont avec --epci ou --communes",
                "SIREN d'EPCI invalide : « 12345 » (9 chiffres attendus)",
                "Code commune invalide : « 1053 » (code Insee de 5 caractères attendu, par exemple 01053, 2A004 ou 97411).", "Pour l'aide : croisements import --help");
    }

    @Test
    void ends_with_the_number_of_packs_written_agreed_in_french(@TempDir Path vers) {
        int code = executer("import", "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(sortie.toString()).contains("4 packs écrits dans " + vers);
    }

    @Test
    void says_which_files_it_recognised_and_which_not_before_importing(@TempDir Path vers) {
        int code = executer("import", "--epci", "245400189", "--depuis", officiels(), "--vers", vers.toString());

        String texte = sortie.toString();
        assertThat(code).isZero();
        assertThat(texte).contains("Fichiers reconnus :",
                "  insee/communes_dep_17_54_86_92.csv → communes : liste des communes (CSV tiré du COG, avec l'EPCI de"
                        + " chaque commune)",
                "  geo/communes-54-meurthe-et-moselle.geojson → contours : contours des communes (GeoJSON)",
                "Fichiers non reconnus, ignorés :",
                "  geo/departement-54-meurthe-et-moselle.geojson : un seul contour (Feature)",
                "Lecture de dossier_complet_extrait_territoires.csv (dossier complet, 31 ko)…");
        assertThat(texte.indexOf("Fichiers reconnus :")).isLessThan(texte.indexOf("Lecture de "));
        assertThat(texte.indexOf("Lecture de ")).isLessThan(texte.indexOf("Pack écrit : "));
        assertThat(texte).containsPattern("dossier_complet_extrait_territoires\\.csv : 82 lignes lues, 0 gardée pour le"
                + " territoire, en \\d+ ms\\.");
    }

    @Test
    void files_given_one_by_one_as_a_nature_need_no_folder(@TempDir Path vers) throws Exception {
        Path dossier = Path.of(officiels());

        int code = executer("import", "--epci", "245400189", "--vers", vers.toString(),
                "--fichier", "communes=" + dossier.resolve("insee/communes_dep_17_54_86_92.csv"),
                "--fichier", "CONTOURS=" + dossier.resolve("geo/communes-54-meurthe-et-moselle.geojson"),
                "--fichier", "comparateur=" + dossier.resolve("insee/comparateur_communes_dep_17_54_86_92.csv"));

        assertThat(code).isZero();
        assertThat(sortie.toString()).contains(
                dossier.resolve("geo/communes-54-meurthe-et-moselle.geojson") + " → contours : contours des communes"
                        + " (GeoJSON), imposé par --fichier",
                "Aucun fichier « Filosofi par commune » : revenu_median et taux_pauvrete seront absentes du pack.",
                "    revenu_median et taux_pauvrete : les 16 communes, aucun fichier « Filosofi par commune ».")
                .doesNotContain("Fichiers non reconnus");
        assertThat(Files.readString(vers.resolve("pays-du-sel-et-du-vermois.geojson")))
                .contains("\"population\":9633", "\"revenu_median\":[\"54037\",").doesNotContainPattern("\"revenu_median\":\\d");
    }

    @Test
    void a_file_imposed_as_a_nature_it_is_not_stops_with_its_line_and_missing_columns(@TempDir Path vers) {
        Path dossier = Path.of(officiels());
        Path filosofi = dossier.resolve("insee/filosofi2021_communes_dep_17_54_86_92.csv");

        int code = executer("import", "--epci", "245400189", "--depuis", dossier.toString(), "--vers", vers.toString(),
                "--fichier", "dossier-complet=" + filosofi);

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).startsWith("Erreur : " + filosofi + ":1 : ne se lit pas comme « dossier complet »"
                + " (--fichier dossier-complet) : colonnes manquantes : P22_POP0014, P22_POP1529")
                .doesNotContain("Exception", "\tat ");
        assertThat(executer("--debug", "import", "--epci", "245400189", "--depuis", dossier.toString(), "--fichier",
                "dossier-complet=" + filosofi)).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).contains("EntreeInvalide", "\tat ");
    }

    @Test
    void an_unknown_nature_or_a_malformed_fichier_is_a_wrong_command_line() {
        assertThat(executer("import", "--epci", "245400189", "--fichier", "filosofie=x.csv")).isEqualTo(2);
        assertThat(executer("import", "--epci", "245400189", "--fichier", "comparateur")).isEqualTo(2);
        assertThat(executer("import", "--parkings", "--fichier", "contours=x.json")).isEqualTo(2);

        assertThat(erreurs.toString()).contains("Nature de fichier inconnue « filosofie » dans --fichier (natures :"
                        + " communes, territoires, epci, comparateur, dossier-complet, filosofi-communes, filosofi-iris,"
                        + " contours, contours-iris, chiffres-iris).",
                "--fichier attend NATURE=CHEMIN, par exemple --fichier dossier-complet=dossier_complet.csv (reçu :"
                        + " « comparateur »).",
                "--parkings ne va pas avec --epci, --communes, --nom, --id ni --fichier");
    }

    @Test
    void a_folder_without_a_list_of_communes_nor_contours_says_what_to_add(@TempDir Path vide, @TempDir Path vers) {
        int code = executer("import", "--epci", "245400189", "--depuis", vide.toString(), "--vers", vers.toString());

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(sortie.toString()).contains("Aucun fichier reconnu.",
                "Manquant, obligatoire : aucun fichier « liste des communes » (--fichier communes=CHEMIN).",
                "Manquant, obligatoire : aucun fichier « contours des communes » (--fichier contours=CHEMIN).");
        assertThat(erreurs.toString()).startsWith("Erreur : " + vide + " : aucun fichier « liste des communes » reconnu")
                .doesNotContain("\tat ");
    }
}
