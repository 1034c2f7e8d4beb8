package fr.croisements.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a whole CSV file with a header line: UTF-8, an optional byte order mark skipped, CRLF or
 * LF line endings, quoted fields as RFC 4180. Values are trimmed; columns are read by name.
 */
final class TableCsv {

    private static final int BOM = 0xFEFF;

    private TableCsv() {}

    /**
     * All data rows of the file.
     *
     * @param separateur the field separator, e.g. {@code ','} or {@code ';'} for INSEE files
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static List<CSVRecord> lire(Path fichier, char separateur) {
        var format = CSVFormat.RFC4180.builder()
                .setDelimiter(separateur)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        try (BufferedReader reader = Files.newBufferedReader(fichier, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != BOM) {
                reader.reset();
            }
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                return parser.getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + fichier, e);
        }
    }

    /** The trimmed value of the column, or {@code null} when the column is absent or the value blank. */
    static String valeur(CSVRecord row, String colonne) {
        if (!row.isMapped(colonne) || !row.isSet(colonne)) {
            return null;
        }
        String value = row.get(colonne);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
