package fr.croisements.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One CSV row parsed as the importers see it, for tests of the pure {@code parse} steps. */
final class CsvDeTest {

    private CsvDeTest() {}

    /** The first data row of {@code entete + "\n" + ligne}. */
    static CSVRecord ligne(String entete, String ligne, char separateur) {
        try {
            var format = CSVFormat.RFC4180.builder().setDelimiter(separateur).setHeader().setSkipHeaderRecord(true)
                    .setTrim(true).get();
            return CSVParser.parse(entete + "\n" + ligne, format).getRecords().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
