package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importers on files damaged the way real files are: byte order mark, Windows-1252 from a
 * spreadsheet, short rows, codes that lost their leading zero or their capital, a decimal
 * separator of the wrong kind. Each problem is reported with file and line; nothing is coerced
 * silently.
 */
class FichiersHostilesTest {

    @TempDir
    Path dossier;

    private Path ecrire(String nom, byte[] contenu) throws Exception {
        Path fichier = dossier.resolve(nom);
        Files.write(fichier, contenu);
        return fichier;
    }

    @Test
    void filosofi_with_bom_short_row_damaged_codes_and_a_thousands_point() throws Exception {
        Path fichier = ecrire("filosofi.csv", ("\uFEFFCODGEO;NBMENFISC21;MED21;TP6021\r\n"
                + "86194;48000;20150;26,0\r\n"
                + "1053;18000;22100;13,5\r\n"
                + "2a004;31000;21000;s\r\n"
                + "86195;12\r\n"
                + "86196;1200;20.150;nd\r\n"
                + "1x053;100;20000;s\r\n").getBytes(StandardCharsets.UTF_8));

        var lu = TableCsv.importer(fichier, null, FichiersInseeColonnes.FILOSOFI, LigneFilosofi::parseCommune);

        assertThat(lu.valeurs()).extracting(LigneFilosofi::code).containsExactly("86194", "01053", "2A004");
        assertThat(lu.valeurs().get(2).cellules().secret(LigneFilosofi.TP6021)).isTrue();
        assertThat(lu.valeurs().get(2).cellules().valeurs()).doesNotContainKey(LigneFilosofi.TP6021);
        assertThat(lu.valeurs().get(1).cellules().valeur(LigneFilosofi.TP6021)).isEqualTo(13.5);
        assertThat(lu.signalements()).extracting(Signalement::toString).containsExactly(
                "filosofi.csv:3 : code commune « 1053 » lu comme « 01053 » (colonne CODGEO) : le zéro initial a été"
                        + " perdu, sans doute par un tableur",
                "filosofi.csv:4 : code commune « 2a004 » lu comme « 2A004 » (colonne CODGEO) : les codes de Corse"
                        + " s'écrivent en majuscules",
                "filosofi.csv:5 : ligne ignorée : 2 champs au lieu de 4 (séparateur « ; »)",
                "filosofi.csv:6 : ligne ignorée : valeur « 20.150 » non numérique dans la colonne MED21 (ce fichier a"
                        + " une virgule décimale : un point serait un séparateur de milliers)",
                "filosofi.csv:7 : ligne ignorée : code commune invalide « 1x053 » dans la colonne CODGEO (attendu 5"
                        + " caractères, par exemple 01053, 2A004, 97411)");
    }

    @Test
    void filosofi_iris_code_that_lost_its_leading_zero_is_repaired_and_a_short_one_rejected() throws Exception {
        Path fichier = ecrire("iris.csv", ("IRIS;DEC_MED21;DEC_TP6021\n"
                + "10530101;21000;12,0\n"
                + "2a0040101;ns;ns\n"
                + "1053010;21000;12,0\n").getBytes(StandardCharsets.UTF_8));

        var lu = TableCsv.importer(fichier, null, List.of("IRIS"), LigneFilosofi::parseIris);

        assertThat(lu.valeurs()).extracting(LigneFilosofi::code).containsExactly("010530101", "2A0040101");
        assertThat(lu.valeurs()).extracting(LigneFilosofi::codeCommune).containsExactly("01053", "2A004");
        assertThat(lu.avertissements()).hasSize(2);
        assertThat(lu.rejets()).singleElement().extracting(Signalement::ligne, Signalement::raison)
                .containsExactly(4L, "code IRIS invalide « 1053010 » dans la colonne IRIS (attendu 9 caractères,"
                        + " par exemple 170280102, 2A0040101)");
    }

    @Test
    void a_commune_list_saved_by_a_french_spreadsheet_in_windows_1252() throws Exception {
        Path fichier = ecrire("communes.csv", ("code_insee;nom;departement;region;siren_commune;codes_postaux;epci_siren;"
                + "epci_nom;population_municipale\r\n"
                + "1053;Bourg-en-Bresse;1;84;210100533;01000;200071751;CA du Bassin de Bourg-en-Bresse;42003\r\n"
                + "54090;Bouxières-aux-Dames;54;44;215400904;54136;245400601;CC du Bassin de Pompey;4106\r\n"
                + "97411;Saint-Denis;974;4;219740115;97400;249740119;CA Intercommunale du Nord de la Réunion;150535\r\n"
                + "2A004;Ajaccio;2B;94;212000046;20000;242010056;CA du Pays Ajaccien;71361\r\n"
                + "54115;Champigneulles;54;44;215401159;54250;24540060;CC du Bassin de Pompey;6551\r\n"
                + "54150;Custines;54;44;215401506;54670;245400601;CC du Bassin de Pompey;3 101\r\n")
                .getBytes(TableCsv.WINDOWS_1252));

        var lu = TableCsv.importer(fichier, null, LigneCommune.COLONNES, LigneCommune::parse);

        assertThat(lu.valeurs()).extracting(LigneCommune::codeInsee, LigneCommune::nom, LigneCommune::departement)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("01053", "Bourg-en-Bresse", "01"),
                        org.assertj.core.groups.Tuple.tuple("54090", "Bouxières-aux-Dames", "54"),
                        org.assertj.core.groups.Tuple.tuple("97411", "Saint-Denis", "974"));
        assertThat(lu.valeurs().get(2).epciNom()).isEqualTo("CA Intercommunale du Nord de la Réunion");
        assertThat(lu.avertissements()).extracting(Signalement::ligne).containsExactly(0L, 2L, 2L);
        assertThat(lu.rejets()).extracting(Signalement::ligne, Signalement::raison).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, "le département « 2B » ne correspond pas au code commune « 2A004 »"),
                org.assertj.core.groups.Tuple.tuple(6L, "SIREN invalide « 24540060 » dans la colonne epci_siren"
                        + " (attendu 9 chiffres)"),
                org.assertj.core.groups.Tuple.tuple(7L, "population « 3 101 » qui n'est pas un nombre entier dans la"
                        + " colonne population_municipale"));
    }

    @Test
    void a_code_with_spaces_around_it_is_trimmed_with_a_warning_naming_its_line() throws Exception {
        Path fichier = ecrire("filosofi.csv", ("CODGEO;NBMENFISC21;MED21;TP6021\n"
                + "86194;48000;20150;26,0\n"
                + "54431 ;18000;22100;13,5\n"
                + "\"  1053\";31000;21000;s\n").getBytes(StandardCharsets.UTF_8));

        var lu = TableCsv.importer(fichier, null, FichiersInseeColonnes.FILOSOFI, LigneFilosofi::parseCommune);

        assertThat(lu.valeurs()).extracting(LigneFilosofi::code).containsExactly("86194", "54431", "01053");
        assertThat(lu.signalements()).extracting(Signalement::toString).containsExactly(
                "filosofi.csv:3 : code commune « 54431 » : espace en fin de valeur retiré (colonne CODGEO)",
                "filosofi.csv:4 : code commune « 1053 » : 2 espaces en début de valeur retirés (colonne CODGEO)",
                "filosofi.csv:4 : code commune « 1053 » lu comme « 01053 » (colonne CODGEO) : le zéro initial a été"
                        + " perdu, sans doute par un tableur");
    }

    @Test
    void a_decimal_comma_in_the_decimal_point_dossier_complet_rejects_the_row() throws Exception {
        String entete = String.join(";", LigneDossierComplet.COLONNES) + "\n";
        Path fichier = ecrire("dossier.csv", (entete
                + "17010;543.75;530.98;587.8;892.8;1100.2;444.8;46.6;684.6;1300.4\n"
                + "17028;1312,0;1937.0;1879.0;1696.0;1798.0;986.0;151.0;2438.5;2643.8\n"
                + "17059;256.1;176.2;285.8;310.7;296.5;s;3.7;101.7;477.8\n").getBytes(StandardCharsets.UTF_8));

        var lu = TableCsv.importer(fichier, null, LigneDossierComplet.COLONNES, LigneDossierComplet::parse);

        assertThat(lu.valeurs()).extracting(LigneDossierComplet::codeInsee).containsExactly("17010", "17059");
        assertThat(lu.rejets()).singleElement().hasToString(
                "dossier.csv:3 : ligne ignorée : valeur « 1312,0 » non numérique dans la colonne P22_POP0014");
        ChiffresCommune secret = ChiffresCommune.commune(null, lu.valeurs().get(1), null);
        assertThat(secret.secrets()).containsExactly(Commune.PART_75_PLUS, Commune.POPULATION_75_PLUS);
        assertThat(secret.chiffres()).containsEntry(Commune.MENAGES_UNE_PERSONNE, 102.0);
    }

    /** The required columns of the Filosofi commune file, as {@link FichiersInsee} asks them. */
    private static final class FichiersInseeColonnes {
        static final List<String> FILOSOFI = List.of(LigneFilosofi.CODE_COMMUNE, LigneFilosofi.MED21, LigneFilosofi.TP6021);
    }
}
