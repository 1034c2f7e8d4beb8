package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {

    @TempDir
    Path dossier;

    @Test
    void skips_the_byte_order_mark_and_reads_quoted_separators() throws Exception {
        Path fichier = dossier.resolve("f.csv");
        Files.writeString(fichier, "\uFEFFcode;nom;vide\r\n01001;\"L'Abergement; Clémenciat\";\r\n", StandardCharsets.UTF_8);

        var rows = TableCsv.lire(fichier, ';');

        assertThat(rows).hasSize(1);
        assertThat(TableCsv.valeur(rows.get(0), "code")).isEqualTo("01001");
        assertThat(TableCsv.valeur(rows.get(0), "nom")).isEqualTo("L'Abergement; Clémenciat");
        assertThat(TableCsv.valeur(rows.get(0), "vide")).isNull();
        assertThat(TableCsv.valeur(rows.get(0), "absente")).isNull();
    }

    @Test
    void a_missing_file_fails_naming_it() {
        assertThatThrownBy(() -> TableCsv.lire(dossier.resolve("absent.csv"), ','))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.csv");
    }
}
