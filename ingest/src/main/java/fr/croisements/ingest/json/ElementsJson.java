package fr.croisements.ingest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a JSON document element by element: the elements of an array ({@code [{…}, {…}]}), or
 * values one after the other (pretty-printed objects, as several {@code mosquitto_sub} outputs
 * pasted together). Each element is parsed on its own by Jackson, so that an unreadable element is
 * reported with its number and its place, line and column in the file, and the following elements
 * are still read.
 *
 * <p>Elements are told apart before parsing, by counting braces and brackets outside strings: an
 * element ends at the comma or the closing bracket of the array at its own depth, or, for an object
 * or array, where its closing brace brings the depth back to zero. A string cannot span lines in
 * JSON: when a line break comes inside one, the rest of that line is counted again as if it held
 * no quote, so that an unclosed quote spoils one element only. What
 * this cannot repair: an element whose braces do not balance (a missing <code>}</code>) takes the
 * rest of the array with it. A missing comma between two elements is tolerated.
 * Pure and stateless: thread-safe.
 */
public final class ElementsJson {

    /** Receives the elements in document order, numbered from 1. */
    public interface Destinataire {
        /** A readable element, with the line of its first character and its text. */
        void element(int numero, long ligne, JsonNode valeur, String texte);

        /** An unreadable element, or a fault of the document between elements, with a French reason naming its place. */
        void illisible(int numero, long ligne, String raison, String extrait);
    }

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final int EXTRAIT = 500;
    private static final Pattern INATTENDU =
            Pattern.compile("Unexpected (?:character|close marker) \\('?(.)'?");
    private static final Pattern MOT_INCONNU = Pattern.compile("Unrecognized token '([^']*)'");
    /** Jackson's words for what it expected, and ours. */
    private static final String[][] ATTENDUS = {
        {"comma to separate Object entries", "virgule attendue entre deux champs de l'objet"},
        {"comma to separate Array entries", "virgule attendue entre deux éléments du tableau"},
        {"double-quote to start field name", "nom de champ attendu, entre guillemets (virgule en trop ?)"},
        {"colon to separate field name and value", "deux-points attendus entre le nom d'un champ et sa valeur"},
        {"Illegal unquoted character", "caractère de contrôle dans un texte (guillemet fermant manquant ?)"},
        {"Unexpected close marker", "fermeture inattendue (accolade ou crochet en trop ?)"},
        {"expected a valid value", "valeur attendue (virgule en trop ?)"},
        {"plusieurs valeurs JSON", "plusieurs valeurs JSON à la suite (une seule attendue)"},
        {"texte vide", "texte vide"},
        // found by the fuzz suites: Jackson's English came through in the reasons
        {"CTRL-CHAR", "caractère de contrôle hors d'un texte (seuls espaces, tabulations et fins de ligne sont permis"
                + " entre les valeurs)"},
        {"Invalid UTF-8", "octets qui ne sont pas de l'UTF-8 valide"},
        {"nesting depth", "valeurs imbriquées trop profondément (au plus 1 000 niveaux)"},
        {"Number value length", "nombre trop long"},
        {"String value length", "texte trop long"},
        {"Leading zeroes not allowed", "nombre commençant par un zéro (non permis en JSON)"},
        {"Non-standard token", "NaN et Infinity ne sont pas des nombres JSON"},
        {"Unrecognized character escape", "séquence d'échappement inconnue après « \\ » dans un texte"},
        {"Invalid numeric value", "nombre mal écrit"},
        {"out of range", "nombre hors des limites"},
    };

    private ElementsJson() {}

    /** Reads a whole document (a BOM already removed); blank text gives nothing. */
    public static void lire(String texte, Destinataire d) {
        var places = new Places(texte);
        int i = espaces(texte, 0);
        boolean tableau = i < texte.length() && texte.charAt(i) == '[';
        if (tableau) {
            i = espaces(texte, i + 1);
        }
        int numero = 0;
        boolean coupe = false;
        while (true) {
            if (i >= texte.length()) {
                // an element cut by the end of the text already says so
                if (tableau && !coupe) {
                    d.illisible(numero + 1, places.ligne(texte.length()), "JSON tronqué : tableau non fermé (« ] » manquant"
                            + " à la fin du fichier)", "");
                }
                return;
            }
            char c = texte.charAt(i);
            if (tableau && c == ']') {
                int suite = espaces(texte, i + 1);
                if (suite < texte.length()) {
                    d.illisible(numero + 1, places.ligne(suite), "contenu après la fin du tableau JSON, " + places.decrire(suite),
                            extrait(texte, suite, texte.length()));
                }
                return;
            }
            numero++;
            if (tableau && c == ',') {
                d.illisible(numero, places.ligne(i), "élément vide dans le tableau JSON (deux virgules à la suite ?), "
                        + places.decrire(i), "");
                i = espaces(texte, i + 1);
                continue;
            }
            // a stray closing brace or comma where an element starts ends no element: taken alone as an
            // unreadable one, so that reading moves on (found by the fuzz suites: it looped for ever)
            int fin = Math.max(fin(texte, i, tableau), i + 1);
            coupe = !element(texte, i, fin, numero, places, d) && fin == texte.length();
            i = espaces(texte, fin);
            if (tableau && i < texte.length() && texte.charAt(i) == ',') {
                i = espaces(texte, i + 1);
            }
        }
    }

    /**
     * A French reason for a JSON syntax error at a place: "JSON invalide ligne 12, colonne 5 :
     * virgule attendue entre deux champs d'un objet".
     */
    public static String raison(JsonProcessingException e, String place) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        boolean tronque = e instanceof JsonEOFException || original.contains("end-of-input");
        return (tronque ? "JSON tronqué (fin de texte inattendue)" : "JSON invalide") + (place.isEmpty() ? "" : " " + place)
                + " : " + explication(original);
    }

    /**
     * A character as it can be shown: Jackson names one UTF-16 unit, half of an emoji's pair, which no
     * UTF-8 answer or record can carry (it came out as « ? »): then its code.
     */
    private static String lisible(String caractere) {
        char c = caractere.charAt(0);
        return Character.isSurrogate(c) ? String.format(java.util.Locale.ROOT, "U+%04X", (int) c) : caractere;
    }

    /** Jackson's explanation of a syntax error, in French for the errors people make by hand. */
    static String explication(String original) {
        var caractere = INATTENDU.matcher(original);
        String quoi = caractere.find() ? "caractère « " + lisible(caractere.group(1)) + " » inattendu" : null;
        var mot = MOT_INCONNU.matcher(original);
        for (var attendu : ATTENDUS) {
            if (original.contains(attendu[0])) {
                return (quoi == null ? "" : quoi + " : ") + attendu[1];
            }
        }
        if (mot.find()) {
            return "mot inconnu « " + mot.group(1) + " » (un texte s'écrit entre guillemets ; true, false, null et"
                    + " les nombres sans guillemets)";
        }
        if (original.contains("end-of-input")) {
            return "le texte s'arrête avant la fin de l'objet ou du tableau";
        }
        // the parser's own words are English: not shown (our words for the cases seen are above)
        return quoi != null ? quoi : "erreur de syntaxe";
    }

    /** Parses one text that must hold exactly one JSON value. */
    public static JsonNode valeurUnique(String texte) throws JsonProcessingException {
        try (JsonParser p = MAPPER.createParser(texte)) {
            JsonNode n = p.readValueAsTree();
            if (n == null) {
                throw new JsonEOFException(p, null, "texte vide");
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "plusieurs valeurs JSON à la suite (une seule attendue)");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string cannot fail", e);
        }
    }

    /** Parses one element and hands it on; whether it was readable. */
    private static boolean element(String texte, int debut, int fin, int numero, Places places, Destinataire d) {
        String brut = texte.substring(debut, fin).stripTrailing();
        try {
            JsonNode valeur = valeurUnique(brut);
            d.element(numero, places.ligne(debut), valeur, brut);
            return true;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            int ou = l == null || l.getCharOffset() < 0 ? debut : debut + (int) Math.min(l.getCharOffset(), brut.length());
            d.illisible(numero, places.ligne(debut), raison(e, places.decrire(ou)), extrait(texte, debut, fin));
            return false;
        }
    }

    /** The end (exclusive) of the element starting at {@code debut}; see the class comment. */
    static int fin(String texte, int debut, boolean tableau) {
        int profondeur = 0;
        boolean chaine = false;
        boolean ligneCassee = false;
        int ouverture = -1;
        for (int i = debut; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (chaine) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    chaine = false;
                } else if (c == '\n' || c == '\r') {
                    // an unclosed string: the rest of its line is read again as if it held no quote
                    chaine = false;
                    ligneCassee = true;
                    i = ouverture;
                }
                continue;
            }
            if (ligneCassee) {
                if (c == '\n' || c == '\r') {
                    ligneCassee = false;
                } else if (c == '"') {
                    continue;
                }
            }
            switch (c) {
                case '"' -> {
                    chaine = true;
                    ouverture = i;
                }
                case '{', '[' -> profondeur++;
                case '}', ']' -> {
                    if (profondeur == 0) {
                        return i;
                    }
                    profondeur--;
                    if (profondeur == 0) {
                        return i + 1;
                    }
                }
                case ',' -> {
                    if (profondeur == 0) {
                        return i;
                    }
                }
                default -> {
                    if (profondeur == 0 && !tableau && Character.isWhitespace(c)) {
                        return i;
                    }
                }
            }
        }
        return texte.length();
    }

    private static int espaces(String texte, int i) {
        while (i < texte.length() && Character.isWhitespace(texte.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String extrait(String texte, int debut, int fin) {
        return texte.substring(debut, Math.min(fin, debut + EXTRAIT));
    }

    /** Lines and columns of character offsets (a line ends with LF, CRLF or a lone CR). */
    private static final class Places {
        private final int[] debuts;

        Places(String texte) {
            List<Integer> d = new ArrayList<>();
            d.add(0);
            for (int i = 0; i < texte.length(); i++) {
                char c = texte.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == texte.length() || texte.charAt(i + 1) != '\n'))) {
                    d.add(i + 1);
                }
            }
            debuts = d.stream().mapToInt(Integer::intValue).toArray();
        }

        long ligne(int offset) {
            int k = Arrays.binarySearch(debuts, offset);
            return (k >= 0 ? k : -k - 2) + 1;
        }

        /** "ligne 12, colonne 5". */
        String decrire(int offset) {
            long ligne = ligne(offset);
            return "ligne " + ligne + ", colonne " + (offset - debuts[(int) ligne - 1] + 1);
        }
    }
}
