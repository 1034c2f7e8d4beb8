package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header line, the way every importer of the module does:
 *
 * <ul>
 *   <li>the file is streamed: memory holds the rows kept, never the whole file, so a national
 *       INSEE file of several hundred megabytes is read row by row and only the rows asked for
 *       are kept;</li>
 *   <li>encoding: UTF-8 with or without byte order mark; a file whose bytes are not valid UTF-8 is
 *       read again from the start as Windows-1252 (what spreadsheets save as "CSV" on Windows),
 *       with a warning; a UTF-16 file (byte order mark {@code FF FE} or {@code FE FF}) is decoded
 *       as such;</li>
 *   <li>CRLF or LF line endings, quoted fields as RFC 4180 (a separator or a line break inside
 *       quotes is data), columns read by name whatever their case ({@code typecom} or
 *       {@code TYPECOM}), column names and values trimmed ({@link #valeur}); codes are read
 *       untrimmed ({@link #brut}) so that a trimmed code is reported;</li>
 *   <li>a row whose number of fields differs from the header's is reported and skipped, never
 *       padded or truncated; every other check is the importer's pure {@code parse} step, whose
 *       rejections and warnings are reported with the line where the row starts.</li>
 * </ul>
 */
final class TableCsv {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Column names listed at most in a message about a missing column (a dossier complet has about 1 900). */
    private static final int COLONNES_CITEES = 12;

    private TableCsv() {}

    /**
     * Reads, checks and parses every data row of a file, keeping every row read.
     *
     * @see #importer(Path, Character, List, Function, Predicate)
     */
    static <T> ImportCsv<T> importer(Path fichier, Character separateur, List<String> colonnesRequises,
            Function<CSVRecord, Lecture<T>> parse) {
        return importer(fichier, separateur, colonnesRequises, parse, valeur -> true);
    }

    /**
     * Reads, checks and parses every data row of a file, row by row.
     *
     * @param separateur the field separator ({@code ';'} for INSEE files), or {@code null} to take
     *     the most frequent of {@code ; , TAB} in the header line
     * @param colonnesRequises columns the header must have (whatever their case): without one, the
     *     file cannot be imported
     * @param parse the importer's pure parsing step
     * @param garder which rows read are kept; the others (e.g. the communes of other territories in
     *     a national file) are dropped without a word, and their memory freed at once
     * @throws EntreeInvalide naming the file, in French, when it is empty or lacks a required column
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static <T> ImportCsv<T> importer(Path fichier, Character separateur, List<String> colonnesRequises,
            Function<CSVRecord, Lecture<T>> parse, Predicate<? super T> garder) {
        return importer(fichier, separateur, colonnesRequises, parse, garder, 1);
    }

    /**
     * Reads, checks and parses every data row of a file whose header is not on its first line: a
     * spreadsheet's sheet saved as CSV may start with a title and notes (INSEE's EPCI file has five
     * lines before its header), which are skipped.
     *
     * @param ligneEntete the line of the header (1 for the first)
     * @see #importer(Path, Character, List, Function, Predicate)
     */
    static <T> ImportCsv<T> importer(Path fichier, Character separateur, List<String> colonnesRequises,
            Function<CSVRecord, Lecture<T>> parse, Predicate<? super T> garder, int ligneEntete) {
        Charset annonce = encodageAnnonce(fichier);
        try {
            return lire(fichier, annonce, separateur, colonnesRequises, parse, garder, ligneEntete);
        } catch (PasDeLUtf8 e) {
            ImportCsv<T> lu = lire(fichier, WINDOWS_1252, separateur, colonnesRequises, parse, garder, ligneEntete);
            var signalements = new ArrayList<Signalement>();
            signalements.add(new Signalement(lu.fichier(), 0, Signalement.Gravite.AVERTISSEMENT,
                    "fichier lu en Windows-1252 : ses octets ne sont pas de l'UTF-8 valide"));
            signalements.addAll(lu.signalements());
            return new ImportCsv<>(lu.fichier(), lu.valeurs(), signalements);
        }
    }

    /**
     * The first lines of a file (at most {@code nombre}), decoded as {@link #importer} would (byte
     * order mark dropped); empty for an empty file. Only those lines are read.
     *
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static List<String> premieresLignes(Path fichier, int nombre) {
        Charset annonce = encodageAnnonce(fichier);
        try {
            return premieresLignes(fichier, annonce, nombre);
        } catch (PasDeLUtf8 e) {
            return premieresLignes(fichier, WINDOWS_1252, nombre);
        }
    }

    private static List<String> premieresLignes(Path fichier, Charset encodage, int nombre) {
        var lignes = new ArrayList<String>();
        try (BufferedReader lecteur = lecteur(fichier, encodage)) {
            for (String ligne = lecteur.readLine(); ligne != null && lignes.size() < nombre; ligne = lecteur.readLine()) {
                lignes.add(lignes.isEmpty() ? sansBom(ligne) : ligne);
            }
            return lignes;
        } catch (CharacterCodingException e) {
            throw new PasDeLUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read file " + fichier, e);
        }
    }

    /** The trimmed column names of a header line. */
    static List<String> colonnes(String entete, char separateur, Path fichier) {
        var format = CSVFormat.RFC4180.builder().setDelimiter(separateur).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(entete), format)) {
            var lignes = parser.iterator();
            return lignes.hasNext() ? List.of(lignes.next().values()) : List.of();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new EntreeInvalide(fichier.toString(), 1, "en-tête illisible (guillemets mal fermés ?)", e);
        }
    }

    /** Whether a header has a column, whatever its case. */
    static boolean aLaColonne(List<String> entete, String colonne) {
        return entete.stream().anyMatch(c -> c.equalsIgnoreCase(colonne));
    }

    /** "CODGEO, P22_POP, … (1 934 colonnes)": the first column names, for a message. */
    static String citer(List<String> entete) {
        if (entete.size() <= COLONNES_CITEES) {
            return String.join(", ", entete);
        }
        return String.join(", ", entete.subList(0, COLONNES_CITEES)) + ", … (" + entete.size() + " colonnes)";
    }

    private static <T> ImportCsv<T> lire(Path fichier, Charset encodage, Character separateur,
            List<String> colonnesRequises, Function<CSVRecord, Lecture<T>> parse, Predicate<? super T> garder,
            int ligneEntete) {
        String nom = fichier.getFileName().toString();
        var valeurs = new ArrayList<T>();
        var signalements = new ArrayList<Signalement>();
        try (BufferedReader lecteur = lecteur(fichier, encodage)) {
            String premiere = lecteur.readLine();
            for (int i = 1; i < ligneEntete && premiere != null; i++) {
                premiere = lecteur.readLine();
            }
            if (premiere == null || sansBom(premiere).isBlank()) {
                throw new EntreeInvalide(fichier.toString(), 0, "fichier vide : une ligne d'en-tête est attendue");
            }
            String entete = sansBom(premiere);
            char sep = separateur != null ? separateur : separateur(entete);
            List<String> colonnes = colonnes(entete, sep, fichier);
            List<String> manquantes = colonnesRequises.stream().filter(c -> !aLaColonne(colonnes, c)).toList();
            if (!manquantes.isEmpty()) {
                throw new EntreeInvalide(fichier.toString(), ligneEntete, (manquantes.size() == 1 ? "colonne manquante : "
                        : "colonnes manquantes : ") + String.join(", ", manquantes) + " (séparateur « "
                        + nomSeparateur(sep) + " », colonnes lues : " + citer(colonnes) + ")");
            }
            // Column names are trimmed, values are not: a code that loses spaces must say so (CodesInsee).
            CSVParser parser = parser(lecteur, sep, colonnes, fichier, ligneEntete);
            try (parser) {
                var lignes = parser.iterator();
                while (true) {
                    // the line where the next row starts: the parser counts the lines after the header
                    long ligne = parser.getCurrentLineNumber() + ligneEntete + 1;
                    CSVRecord row;
                    try {
                        if (!lignes.hasNext()) {
                            break;
                        }
                        row = lignes.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (pasUtf8(e)) {
                            throw new PasDeLUtf8();
                        }
                        signalements.add(new Signalement(nom, ligne, Signalement.Gravite.REJET,
                                "fichier illisible à partir de cette ligne (" + causeCsv(e)
                                        + ") : la suite du fichier est ignorée"));
                        break;
                    }
                    if (row.size() != colonnes.size()) {
                        signalements.add(new Signalement(nom, ligne, Signalement.Gravite.REJET, row.size() + " champ"
                                + (row.size() > 1 ? "s" : "") + " au lieu de " + colonnes.size()
                                + " (séparateur « " + nomSeparateur(sep) + " »)"));
                        continue;
                    }
                    Lecture<T> lecture = parse.apply(row);
                    if (lecture.estRejet()) {
                        signalements.add(new Signalement(nom, ligne, Signalement.Gravite.REJET, lecture.raison()));
                    } else if (garder.test(lecture.valeur())) {
                        valeurs.add(lecture.valeur());
                        lecture.avertissements().forEach(a ->
                                signalements.add(new Signalement(nom, ligne, Signalement.Gravite.AVERTISSEMENT, a)));
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new PasDeLUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + fichier, e);
        }
        return new ImportCsv<>(nom, valeurs, signalements);
    }

    /**
     * The CSV parser's complaint in French: its message is English (found by the fuzz suites of issue #13,
     * where it came through in the reasons).
     */
    static String causeCsv(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "un guillemet ouvert n'est jamais refermé";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "un caractère suit un guillemet fermant avant le séparateur";
        }
        return "ligne CSV mal formée";
    }

    private static CSVParser parser(BufferedReader lecteur, char separateur, List<String> colonnes, Path fichier,
            int ligneEntete) throws IOException {
        var format = CSVFormat.RFC4180.builder()
                .setDelimiter(separateur)
                .setHeader(colonnes.toArray(String[]::new))
                .setSkipHeaderRecord(false)
                .setIgnoreHeaderCase(true)
                .get();
        try {
            return CSVParser.parse(lecteur, format);
        } catch (IllegalArgumentException e) {
            // the parser's message is English (found by the fuzz suites of issue #13)
            String message = String.valueOf(e.getMessage());
            String pourquoi = message.contains("header name is missing") ? "une colonne n'a pas de nom"
                    : message.contains("duplicate name") ? "deux colonnes portent le même nom" : "noms de colonnes incorrects";
            throw new EntreeInvalide(fichier.toString(), ligneEntete, "en-tête illisible (" + pourquoi + ")", e);
        }
    }

    /** A reader that fails on bytes that are not valid in the encoding, except Windows-1252, which reads anything. */
    private static BufferedReader lecteur(Path fichier, Charset encodage) throws IOException {
        CharsetDecoder decodeur = encodage.newDecoder();
        CodingErrorAction action = encodage.equals(WINDOWS_1252) ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        decodeur.onMalformedInput(action).onUnmappableCharacter(action);
        InputStream octets = Files.newInputStream(fichier);
        if (!encodage.equals(StandardCharsets.UTF_8) && !encodage.equals(WINDOWS_1252)) {
            octets.skipNBytes(2); // the UTF-16 byte order mark
        }
        return new BufferedReader(new InputStreamReader(octets, decodeur), 1 << 16);
    }

    /** UTF-16 when the file starts with a UTF-16 byte order mark, else UTF-8 (Windows-1252 is tried when UTF-8 fails). */
    private static Charset encodageAnnonce(Path fichier) {
        try (InputStream octets = Files.newInputStream(fichier)) {
            byte[] debut = octets.readNBytes(2);
            if (debut.length == 2 && (debut[0] & 0xFF) == 0xFF && (debut[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (debut.length == 2 && (debut[0] & 0xFF) == 0xFE && (debut[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            return StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV file " + fichier, e);
        }
    }

    private static boolean pasUtf8(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** Bytes that are not valid UTF-8: the file is read again as Windows-1252. */
    private static final class PasDeLUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PasDeLUtf8() {
            super("not UTF-8", null, false, false);
        }
    }

    private static String nomSeparateur(char separateur) {
        return separateur == '\t' ? "tabulation" : String.valueOf(separateur);
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
}
