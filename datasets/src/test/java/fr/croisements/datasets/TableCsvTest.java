package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.EntreeInvalide;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {

    @TempDir
    Path dossier;

    /** Keeps the code and name of every row with a code, rejects the others. */
    private static Lecture<List<String>> codeEtNom(CSVRecord row) {
        String code = TableCsv.valeur(row, "code");
        return code == null ? Lecture.rejet("code absent")
                : Lecture.de(java.util.Arrays.asList(code, TableCsv.valeur(row, "nom")));
    }

    private ImportCsv<List<String>> importer(String nom, byte[] contenu) throws Exception {
        Path fichier = dossier.resolve(nom);
        Files.write(fichier, contenu);
        return TableCsv.importer(fichier, null, List.of("code", "nom"), TableCsvTest::codeEtNom);
    }

    /** Found by the fuzz suites (issue #13): the CSV parser's English message came through in the reason. */
    @Test
    void an_unclosed_quote_is_reported_in_french_with_its_line() throws Exception {
        var lu = importer("f.csv", "code;nom\n01001;Ambérieu\n01002;\"Bourg\n01003;Ceyzériat\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(lu.valeurs()).containsExactly(List.of("01001", "Ambérieu"));
        assertThat(lu.rejets()).extracting(Signalement::toString).containsExactly("f.csv:3 : ligne ignorée : fichier illisible à partir de"
                + " cette ligne (un guillemet ouvert n'est jamais refermé) : la suite du fichier est ignorée");
    }

    @Test
    void skips_the_byte_order_mark_and_reads_quoted_separators() throws Exception {
        var lu = importer("f.csv", "\uFEFFcode;nom;vide\r\n01001;\"L'Abergement; Clémenciat\";\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(lu.valeurs()).containsExactly(List.of("01001", "L'Abergement; Clémenciat"));
        assertThat(lu.signalements()).isEmpty();
    }

    @Test
    void decodes_windows_1252_when_the_bytes_are_not_utf8_and_says_so() throws Exception {
        var lu = importer("excel.csv", "code;nom\r\n54090;Bouxières-aux-Dames\r\n".getBytes(TableCsv.WINDOWS_1252));

        assertThat(lu.valeurs()).containsExactly(List.of("54090", "Bouxières-aux-Dames"));
        assertThat(lu.avertissements()).singleElement().hasToString("excel.csv : fichier lu en Windows-1252 :"
                + " ses octets ne sont pas de l'UTF-8 valide");
    }

    @Test
    void a_byte_that_is_not_utf8_far_down_the_file_reads_the_whole_file_again_as_windows_1252() throws Exception {
        var texte = new StringBuilder("code;nom\n");
        for (int i = 0; i < 5000; i++) {
            texte.append(String.format("%05d;Commune %d%n", 10000 + i, i));
        }
        texte.append("54090;Bouxières-aux-Dames\n");

        var lu = importer("tard.csv", texte.toString().getBytes(TableCsv.WINDOWS_1252));

        assertThat(lu.valeurs()).hasSize(5001).first().isEqualTo(List.of("10000", "Commune 0"));
        assertThat(lu.valeurs()).last().isEqualTo(List.of("54090", "Bouxières-aux-Dames"));
        assertThat(lu.signalements()).singleElement().hasToString("tard.csv : fichier lu en Windows-1252 :"
                + " ses octets ne sont pas de l'UTF-8 valide");
    }

    @Test
    void keeps_only_the_rows_asked_for_and_reads_columns_whatever_their_case() throws Exception {
        Files.writeString(dossier.resolve("f.csv"), "CODE;Nom\n54090;Bouxières\n54115;Champigneulles\n;Sans code\n");

        var lu = TableCsv.importer(dossier.resolve("f.csv"), null, List.of("code", "nom"), TableCsvTest::codeEtNom,
                ligne -> ligne.get(0).equals("54115"));

        assertThat(lu.valeurs()).containsExactly(List.of("54115", "Champigneulles"));
        assertThat(lu.rejets()).singleElement().hasToString("f.csv:4 : ligne ignorée : code absent");
    }

    @Test
    void a_missing_column_among_many_names_only_the_first_columns_read() throws Exception {
        var entete = new StringBuilder("code");
        for (int i = 1; i <= 40; i++) {
            entete.append(";C").append(i);
        }
        Files.writeString(dossier.resolve("large.csv"), entete + "\n");

        assertThatThrownBy(() -> TableCsv.importer(dossier.resolve("large.csv"), null, List.of("code", "nom"),
                TableCsvTest::codeEtNom))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageEndingWith("large.csv:1 : colonne manquante : nom (séparateur « ; », colonnes lues : code, C1, C2,"
                        + " C3, C4, C5, C6, C7, C8, C9, C10, C11, … (41 colonnes))");
    }

    @Test
    void decodes_utf16_with_its_byte_order_mark() throws Exception {
        var lu = importer("unicode.csv", "\uFEFFcode\tnom\r\n2A004\tAjaccio\r\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(lu.valeurs()).containsExactly(List.of("2A004", "Ajaccio"));
    }

    @Test
    void a_short_or_long_row_is_reported_with_its_line_and_skipped_never_padded() throws Exception {
        var lu = importer("f.csv", ("code,nom,population\n"
                + "54090,Bouxières-aux-Dames,4134\n"
                + "54115,Champigneulles\n"
                + "54150,\"Custines\nsur deux lignes\",3101\n"
                + "54188,Faulx,1374,en trop\n"
                + ",Sans code,12\n").getBytes(StandardCharsets.UTF_8));

        assertThat(lu.valeurs()).extracting(l -> l.get(0)).containsExactly("54090", "54150");
        assertThat(lu.rejets()).extracting(Signalement::toString).containsExactly(
                "f.csv:3 : ligne ignorée : 2 champs au lieu de 3 (séparateur « , »)",
                "f.csv:6 : ligne ignorée : 4 champs au lieu de 3 (séparateur « , »)",
                "f.csv:7 : ligne ignorée : code absent");
    }

    @Test
    void an_unclosed_quote_is_reported_and_ends_the_reading() throws Exception {
        var lu = importer("f.csv", ("code,nom\n54090,Bouxières\n54115,\"Champigneulles\n54150,Custines\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(lu.valeurs()).extracting(l -> l.get(0)).containsExactly("54090");
        assertThat(lu.rejets()).singleElement().satisfies(s -> {
            assertThat(s.ligne()).isGreaterThanOrEqualTo(3);
            assertThat(s.raison()).startsWith("fichier illisible à partir de cette ligne").endsWith("la suite du fichier est ignorée");
        });
    }

    @Test
    void reads_the_separator_from_the_header_line() {
        assertThat(TableCsv.separateur("id;nom;\"a,b,c\"\n1,2,3,4")).isEqualTo(';');
        assertThat(TableCsv.separateur("id,nom,info\r\n1;2")).isEqualTo(',');
        assertThat(TableCsv.separateur("id\tnom\tinfo")).isEqualTo('\t');
        assertThat(TableCsv.separateur("code")).isEqualTo(',');
    }

    @Test
    void a_file_without_a_required_column_cannot_be_imported() throws Exception {
        Files.writeString(dossier.resolve("f.csv"), "code;libelle\n01001;x\n");

        assertThatThrownBy(() -> TableCsv.importer(dossier.resolve("f.csv"), null, List.of("code", "nom"),
                TableCsvTest::codeEtNom))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("f.csv:1 : colonne manquante : nom (séparateur « ; », colonnes lues : code, libelle)");
    }

    @Test
    void a_missing_file_fails_naming_it() {
        assertThatThrownBy(() -> TableCsv.importer(dossier.resolve("absent.csv"), ',', List.of(), TableCsvTest::codeEtNom))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.csv");
    }
}
