package fr.croisements.viz.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for French spreadsheets: UTF-8 with a byte order mark (so that Excel reads the accents), a
 * {@code ;} separator, decimal commas ({@code 52,1}), {@code \r\n} line ends, quotes only where
 * needed. Pure and thread-safe.
 */
final class Csv {

    static final String TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

    private Csv() {}

    /** The file: a header, then the rows. */
    static byte[] ecrire(List<String> entete, List<List<String>> lignes) {
        var texte = new StringBuilder(BOM);
        try (var imprimante = new CSVPrinter(texte, FORMAT)) {
            imprimante.printRecord(entete);
            for (List<String> ligne : lignes) {
                imprimante.printRecord(ligne);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return texte.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code 1797}, {@code 52,1}, or an empty cell for no figure. */
    static String nombre(Double valeur) {
        if (valeur == null || valeur.isNaN() || valeur.isInfinite()) {
            return "";
        }
        return BigDecimal.valueOf(valeur).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String ouiNon(boolean vrai) {
        return vrai ? "oui" : "non";
    }
}
