package fr.croisements.ingest.lora;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.croisements.ingest.json.ElementsJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Splits a file or stream of network-server messages into JSON objects, each with its position,
 * whatever the form:
 * <ul>
 *   <li>NDJSON (one object per line, as TTS Storage Integration or {@code mosquitto_sub} output):
 *       position {@code nom:LIGNE}; an unreadable line (truncated...) is reported and the next
 *       lines are read;
 *   <li>a JSON array of objects, or one or more pretty-printed objects: position {@code nom:objet N}
 *       (from 1); the text is read whole and split into its elements by {@link ElementsJson}, so
 *       that an unreadable element is reported with its number, line and column, and the
 *       following elements are still read.
 * </ul>
 * The form is told from the first non-blank line: {@code [} starts an array; a line holding a
 * complete JSON value starts NDJSON; a line opening an object that continues on the next lines
 * ({@code {}, or ending with {@code {}, {@code [}, {@code ,} or {@code :}) starts a document;
 * anything else is read as NDJSON (a first line that is itself broken). UTF-8, optional BOM.
 */
final class LecteurMessages {

    /** Receives the objects read, in order. */
    interface Destinataire {
        void message(String position, JsonNode noeud, String extrait);

        void illisible(String position, String raison, String extrait);
    }

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private LecteurMessages() {}

    static void lire(InputStream in, String nom, Destinataire d) throws IOException {
        var lecteur = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        var debut = new StringBuilder();
        int numero = 0;
        String premiere = null;
        for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
            numero++;
            if (numero == 1 && !ligne.isEmpty() && ligne.charAt(0) == '\uFEFF') {
                ligne = ligne.substring(1);
            }
            if (!ligne.isBlank()) {
                premiere = ligne;
                break;
            }
            debut.append(ligne).append('\n');
        }
        if (premiere == null) {
            return;
        }
        String t = premiere.strip();
        boolean document = t.startsWith("[") || (!complete(t) && t.startsWith("{")
                && (t.endsWith("{") || t.endsWith("[") || t.endsWith(",") || t.endsWith(":")));
        if (document) {
            lireDocument(debut + premiere + "\n" + reste(lecteur), nom, d);
        } else {
            lireLigne(premiere, nom + ":" + numero, d);
            for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
                numero++;
                if (!ligne.isBlank()) {
                    lireLigne(ligne, nom + ":" + numero, d);
                }
            }
        }
    }

    /** Parses one text that must hold exactly one JSON value. */
    static JsonNode valeurUnique(String texte) throws JsonProcessingException {
        return ElementsJson.valeurUnique(texte);
    }

    /** A reason in French for a JSON syntax error, with its place. */
    static String raison(JsonProcessingException e, boolean avecLigne) {
        JsonLocation l = e.getLocation();
        String ou = l == null ? "" : avecLigne ? "ligne " + l.getLineNr() + ", colonne " + l.getColumnNr()
                : "colonne " + l.getColumnNr();
        return ElementsJson.raison(e, ou);
    }

    private static boolean complete(String ligne) {
        try {
            valeurUnique(ligne);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static void lireLigne(String ligne, String position, Destinataire d) {
        JsonNode n;
        try {
            n = valeurUnique(ligne);
        } catch (JsonProcessingException e) {
            d.illisible(position, raison(e, false), ligne);
            return;
        }
        d.message(position, n, ligne);
    }

    private static void lireDocument(String texte, String nom, Destinataire d) {
        ElementsJson.lire(texte, new ElementsJson.Destinataire() {
            @Override
            public void element(int numero, long ligne, JsonNode valeur, String texteElement) {
                d.message(nom + ":objet " + numero, valeur, valeur.toString());
            }

            @Override
            public void illisible(int numero, long ligne, String raison, String extrait) {
                d.illisible(nom + ":objet " + numero, raison, extrait);
            }
        });
    }

    private static String reste(BufferedReader lecteur) throws IOException {
        var sb = new StringBuilder();
        char[] tampon = new char[8192];
        for (int n = lecteur.read(tampon); n >= 0; n = lecteur.read(tampon)) {
            sb.append(tampon, 0, n);
        }
        return sb.toString();
    }
}
