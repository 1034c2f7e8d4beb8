package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header line, the way every importer of the module does:
 *
 * <ul>
 *   <li>encoding: UTF-8 with or without byte order mark; a file whose bytes are not valid UTF-8 is
 *       decoded as Windows-1252 (what spreadsheets save as "CSV" on Windows), with a warning; a
 *       UTF-16 file (byte order mark {@code FF FE} or {@code FE FF}) is decoded as such;</li>
 *   <li>CRLF or LF line endings, quoted fields as RFC 4180 (a separator or a line break inside
 *       quotes is data), columns read by name, column names and values trimmed ({@link #valeur});
 *       codes are read untrimmed ({@link #brut}) so that a trimmed code is reported;</li>
 *   <li>a row whose number of fields differs from the header's is reported and skipped, never
 *       padded or truncated; every other check is the importer's pure {@code parse} step, whose
 *       rejections and warnings are reported with the row's line in the file.</li>
 * </ul>
 */
final class TableCsv {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TableCsv() {}

    /** The decoded text of a file and the encoding it was read with. */
    record Texte(String contenu, Charset encodage) {}

    /**
     * Reads, checks and parses every data row of a file.
     *
     * @param separateur the field separator ({@code ';'} for INSEE files), or {@code null} to take
     *     the most frequent of {@code ; , TAB} in the header line
     * @param colonnesRequises columns the header must have: without one, the file cannot be imported
     * @param parse the importer's pure parsing step
     * @throws EntreeInvalide naming the file, in French, when it is empty or lacks a required column
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static <T> ImportCsv<T> importer(Path fichier, Character separateur, List<String> colonnesRequises,
            Function<CSVRecord, Lecture<T>> parse) {
        String nom = fichier.getFileName().toString();
        Texte texte;
        try {
            texte = decoder(Files.readAllBytes(fichier));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + fichier, e);
        }
        var signalements = new ArrayList<Signalement>();
        if (texte.encodage().equals(WINDOWS_1252)) {
            signalements.add(new Signalement(nom, 0, Signalement.Gravite.AVERTISSEMENT,
                    "fichier lu en Windows-1252 : ses octets ne sont pas de l'UTF-8 valide"));
        }
        if (texte.contenu().isBlank()) {
            throw new EntreeInvalide(fichier.toString(), 0, "fichier vide : une ligne d'en-tête est attendue");
        }
        char sep = separateur != null ? separateur : separateur(texte.contenu());
        // Column names are trimmed, values are not: a code that loses spaces must say so (CodesInsee).
        var format = CSVFormat.RFC4180.builder()
                .setDelimiter(sep)
                .setHeader(entete(texte.contenu(), sep, fichier))
                .setSkipHeaderRecord(true)
                .get();
        var valeurs = new ArrayList<T>();
        int[] debutsDeLigne = debutsDeLigne(texte.contenu());
        try (CSVParser parser = CSVParser.parse(new StringReader(texte.contenu()), format)) {
            List<String> entete = parser.getHeaderNames();
            List<String> manquantes = colonnesRequises.stream().filter(c -> !entete.contains(c)).toList();
            if (!manquantes.isEmpty()) {
                throw new EntreeInvalide(fichier.toString(), 1, (manquantes.size() == 1 ? "colonne manquante : "
                        : "colonnes manquantes : ") + String.join(", ", manquantes) + " (séparateur « "
                        + (sep == '\t' ? "tabulation" : String.valueOf(sep)) + " », colonnes lues : "
                        + String.join(", ", entete) + ")");
            }
            var lignes = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!lignes.hasNext()) {
                        break;
                    }
                    row = lignes.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    signalements.add(new Signalement(nom, parser.getCurrentLineNumber() + 1, Signalement.Gravite.REJET,
                            "fichier illisible à partir de cette ligne (" + e.getMessage()
                                    + ") : la suite du fichier est ignorée"));
                    break;
                }
                long ligne = ligne(debutsDeLigne, row.getCharacterPosition());
                if (row.size() != entete.size()) {
                    signalements.add(new Signalement(nom, ligne, Signalement.Gravite.REJET, row.size() + " champ"
                            + (row.size() > 1 ? "s" : "") + " au lieu de " + entete.size()
                            + " (séparateur « " + (sep == '\t' ? "tabulation" : String.valueOf(sep)) + " »)"));
                    continue;
                }
                Lecture<T> lecture = parse.apply(row);
                if (lecture.estRejet()) {
                    signalements.add(new Signalement(nom, ligne, Signalement.Gravite.REJET, lecture.raison()));
                } else {
                    valeurs.add(lecture.valeur());
                    lecture.avertissements().forEach(a ->
                            signalements.add(new Signalement(nom, ligne, Signalement.Gravite.AVERTISSEMENT, a)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + fichier, e);
        } catch (EntreeInvalide e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new EntreeInvalide(fichier.toString(), 1, "en-tête illisible (" + e.getMessage() + ")", e);
        }
        return new ImportCsv<>(nom, valeurs, signalements);
    }

    /** The trimmed column names of the header line. */
    private static String[] entete(String texte, char separateur, Path fichier) {
        var format = CSVFormat.RFC4180.builder().setDelimiter(separateur).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(texte), format)) {
            var lignes = parser.iterator();
            return lignes.hasNext() ? lignes.next().values() : new String[0];
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new EntreeInvalide(fichier.toString(), 1, "en-tête illisible (guillemets mal fermés ?)", e);
        }
    }

    /**
     * Decodes a file: UTF-16 when it starts with a UTF-16 byte order mark, else UTF-8 when the
     * bytes are valid UTF-8 (a byte order mark is dropped), else Windows-1252.
     */
    static Texte decoder(byte[] octets) {
        if (octets.length >= 2 && (octets[0] & 0xFF) == 0xFF && (octets[1] & 0xFF) == 0xFE) {
            return new Texte(sansBom(new String(octets, StandardCharsets.UTF_16LE)), StandardCharsets.UTF_16LE);
        }
        if (octets.length >= 2 && (octets[0] & 0xFF) == 0xFE && (octets[1] & 0xFF) == 0xFF) {
            return new Texte(sansBom(new String(octets, StandardCharsets.UTF_16BE)), StandardCharsets.UTF_16BE);
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString();
            return new Texte(sansBom(utf8), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            byte[] corps = octets.length >= 3 && (octets[0] & 0xFF) == 0xEF && (octets[1] & 0xFF) == 0xBB
                    && (octets[2] & 0xFF) == 0xBF ? Arrays.copyOfRange(octets, 3, octets.length) : octets;
            return new Texte(new String(corps, WINDOWS_1252), WINDOWS_1252);
        }
    }

    /** The most frequent of {@code ;}, {@code ,} and tab in the first line, outside quotes; {@code ,} by default. */
    static char separateur(String texte) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /**
     * The value of the column as the file has it, spaces included, or {@code null} when the column
     * is absent or the value blank: for codes, which warn when they are trimmed ({@link CodesInsee}).
     */
    static String brut(CSVRecord row, String colonne) {
        if (!row.isMapped(colonne) || !row.isSet(colonne)) {
            return null;
        }
        String value = row.get(colonne);
        return value == null || value.isBlank() ? null : value;
    }

    /** The trimmed value of the column, or {@code null} when the column is absent or the value blank. */
    static String valeur(CSVRecord row, String colonne) {
        if (!row.isMapped(colonne) || !row.isSet(colonne)) {
            return null;
        }
        String value = row.get(colonne);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sansBom(String texte) {
        return !texte.isEmpty() && texte.charAt(0) == '\uFEFF' ? texte.substring(1) : texte;
    }

    /** Offsets at which each line starts (a line ends with LF, CRLF or a lone CR). */
    private static int[] debutsDeLigne(String texte) {
        var debuts = new ArrayList<Integer>();
        debuts.add(0);
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == texte.length() || texte.charAt(i + 1) != '\n'))) {
                debuts.add(i + 1);
            }
        }
        return debuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of a character offset. */
    private static long ligne(int[] debutsDeLigne, long position) {
        int index = Arrays.binarySearch(debutsDeLigne, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
