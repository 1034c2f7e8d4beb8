package fr.croisements.ingest.csv;

import fr.croisements.datasets.Signalement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV read line by line, as users' feeds are: a header naming the columns (any order, any case),
 * delimiter {@code ;} when the header holds one, else {@code ,}; quoted fields as RFC 4180, but a
 * quoted field cannot span lines, so that every row keeps its line number. Pure and stateless.
 */
public final class LignesCsv {

    public static final char BOM = '\uFEFF';
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** A space next to a separator, a quote or an end of line: the only places where reading trims one. */
    private static final Pattern ESPACE_AUTOUR = Pattern.compile("^\\s|\\s$|\\s[;,\"]|[;,\"]\\s");

    private LignesCsv() {}

    /**
     * The columns of a file, from its header line.
     *
     * @param separateur {@code ,} or {@code ;}
     * @param colonnes index of each column, by trimmed lower-case name
     * @param nombre number of fields every line must have
     */
    public record Entete(char separateur, Map<String, Integer> colonnes, int nombre) {

        /**
         * Reads a header line (BOM removed here).
         *
         * @throws IllegalArgumentException with a French reason when it is blank, unreadable or has a duplicate column
         */
        public static Entete lire(String ligne) {
            if (ligne == null || ligne.isBlank()) {
                throw new IllegalArgumentException("fichier vide : une ligne d'en-tête est attendue");
            }
            String texte = sansBom(ligne);
            char separateur = texte.indexOf(';') >= 0 ? ';' : ',';
            List<String> noms = champs(texte, separateur);
            if (noms == null) {
                throw new IllegalArgumentException("en-tête illisible (guillemets mal fermés ?)");
            }
            var colonnes = new LinkedHashMap<String, Integer>();
            for (int i = 0; i < noms.size(); i++) {
                String nom = noms.get(i).toLowerCase(Locale.ROOT);
                if (!nom.isEmpty() && colonnes.put(nom, i) != null) {
                    throw new IllegalArgumentException("colonne en double : " + nom);
                }
            }
            return new Entete(separateur, Map.copyOf(colonnes), noms.size());
        }

        /**
         * This header, when it has every one of these columns.
         *
         * @throws IllegalArgumentException naming in French the missing column(s)
         */
        public Entete exiger(List<String> obligatoires) {
            List<String> manquantes = obligatoires.stream().filter(c -> !colonnes.containsKey(c)).toList();
            if (manquantes.size() == 1) {
                throw new IllegalArgumentException("colonne manquante : " + manquantes.get(0));
            } else if (!manquantes.isEmpty()) {
                throw new IllegalArgumentException("colonnes manquantes : " + String.join(", ", manquantes));
            }
            return this;
        }

        public boolean a(String colonne) {
            return colonnes.containsKey(colonne);
        }

        /** The trimmed value of a column, {@code ""} when the column is absent. */
        public String valeur(List<String> champs, String colonne) {
            Integer i = colonnes.get(colonne);
            return i == null ? "" : champs.get(i);
        }

        /**
         * The warnings to give about code columns whose value lost spaces around it when the line
         * was read (the value kept is the trimmed one): {@code insee « 54431 » : espace en fin de
         * valeur retiré}. A code that silently changes would not match the same code elsewhere.
         *
         * @param ligne the line as read from the file
         * @param champs its trimmed fields, from {@link LignesCsv#champs}
         * @param codes the code columns to check, in the order of the warnings
         * @param montrerValeur {@code false} for a value that must not be written out (a clear chip id)
         */
        public List<String> espacesRetires(String ligne, List<String> champs, List<String> codes, boolean montrerValeur) {
            return espacesRetires(ligne, champs, codes, montrerValeur, UnaryOperator.identity());
        }

        /**
         * The same, each column named as the file names it ({@code --colonne}).
         *
         * @param nom the file's name of one of these columns
         */
        public List<String> espacesRetires(String ligne, List<String> champs, List<String> codes, boolean montrerValeur,
                UnaryOperator<String> nom) {
            Map<Integer, String> retires = LignesCsv.espacesRetires(ligne, separateur, champs);
            var avertissements = new ArrayList<String>();
            for (String code : codes) {
                Integer i = colonnes.get(code);
                String ou = i == null ? null : retires.get(i);
                if (ou != null) {
                    avertissements.add(nom.apply(code) + (montrerValeur ? " « " + champs.get(i) + " »" : "") + " : " + ou);
                }
            }
            return avertissements;
        }
    }

    /** The trimmed fields of one line, or {@code null} when it is not valid CSV on its own. */
    public static List<String> champs(String ligne, char separateur) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separateur)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(ligne, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return records.isEmpty() ? List.of() : null;
            }
            var champs = new ArrayList<String>();
            records.get(0).forEach(v -> champs.add(v.trim()));
            return champs;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * Which fields of a line lost spaces around them when {@link #champs} read it, by index, with
     * what was removed ({@code espace en fin de valeur retiré}...). The line is read a second time
     * without trimming only when it has a space next to a separator, a quote or an end of line. A
     * line whose untrimmed reading does not give the same fields (a space before an opening quote)
     * reports nothing.
     */
    static Map<Integer, String> espacesRetires(String ligne, char separateur, List<String> champs) {
        if (champs == null || !ESPACE_AUTOUR.matcher(ligne).find()) {
            return Map.of();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separateur).get();
        List<String> bruts = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(ligne, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return Map.of();
            }
            records.get(0).forEach(bruts::add);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Map.of();
        }
        if (bruts.size() != champs.size()) {
            return Map.of();
        }
        var retires = new LinkedHashMap<Integer, String>();
        for (int i = 0; i < bruts.size(); i++) {
            String brut = bruts.get(i);
            if (brut.equals(champs.get(i)) || !brut.strip().equals(champs.get(i)) || champs.get(i).isEmpty()) {
                continue;
            }
            retires.put(i, Signalement.espacesRetires(brut));
        }
        return retires;
    }

    public static String sansBom(String texte) {
        return !texte.isEmpty() && texte.charAt(0) == BOM ? texte.substring(1) : texte;
    }

    /** A file's text: UTF-8 when its bytes are valid UTF-8 (BOM dropped), else Windows-1252, as the datasets importers read it. */
    public static String decoder(byte[] octets) {
        try {
            return sansBom(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets))
                    .toString());
        } catch (CharacterCodingException e) {
            return new String(octets, WINDOWS_1252);
        }
    }

    /** The lines of a text (LF, CRLF or CR), line 1 first. */
    public static List<String> lignes(String texte) {
        return texte.lines().toList();
    }
}
