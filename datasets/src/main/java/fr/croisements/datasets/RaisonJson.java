package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a JSON file cannot be read, in French: Jackson's messages are English (found by
 * {@code FichiersInseeFuzzTest}, issue #13, where they came through in the reasons), so only their
 * kind is kept, with the character at fault and the column. The line is the error's place.
 */
final class RaisonJson {

    private static final Pattern CARACTERE = Pattern.compile("^Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\)");
    private static final Pattern MOT = Pattern.compile("^Unrecognized token '([^']{0,40})");

    /** For a {@link java.io.CharConversionException}: bytes Jackson cannot decode (it takes some for UTF-32). */
    static final String ENCODAGE = "JSON illisible : encodage non reconnu (UTF-8 attendu)";

    private RaisonJson() {}

    /** "JSON illisible : caractère « , » inattendu (colonne 42)", "JSON tronqué (fin de texte inattendue)"… */
    static String de(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String colonne = e.getLocation() == null || e.getLocation().getColumnNr() <= 0 ? ""
                : " (colonne " + e.getLocation().getColumnNr() + ")";
        if (e instanceof JsonEOFException || original.contains("end-of-input")) {
            return "JSON tronqué (fin de texte inattendue)";
        }
        if (e instanceof StreamConstraintsException) {
            return "JSON hors des limites acceptées (imbrication trop profonde, nombre ou texte trop long)" + colonne;
        }
        Matcher caractere = CARACTERE.matcher(original);
        if (caractere.find()) {
            return "JSON illisible : caractère « " + caractere.group(1) + " » inattendu" + colonne;
        }
        Matcher mot = MOT.matcher(original);
        if (mot.find()) {
            return "JSON illisible : mot « " + mot.group(1) + " » inattendu" + colonne;
        }
        if (original.contains("UTF-8") || original.contains("UTF8") || original.contains("surrogate")) {
            return "JSON illisible : octets qui ne sont pas de l'UTF-8 valide" + colonne;
        }
        if (original.contains("control character") || original.contains("CTRL-CHAR")) {
            return "JSON illisible : caractère de contrôle dans un texte" + colonne;
        }
        if (original.contains("Numeric value") || original.contains("number")) {
            return "JSON illisible : nombre mal écrit ou trop grand" + colonne;
        }
        return "JSON illisible : syntaxe incorrecte" + colonne;
    }
}
