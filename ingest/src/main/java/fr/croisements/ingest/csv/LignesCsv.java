package fr.croisements.ingest.csv;

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
