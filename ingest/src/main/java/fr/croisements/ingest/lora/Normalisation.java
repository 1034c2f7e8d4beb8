package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Position;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/** Pure helpers shared by the adapters: identifiers, base64, dates, positions and numbers of the JSON. */
final class Normalisation {

    private static final Pattern HEX16 = Pattern.compile("[0-9A-F]{16}");
    private static final Pattern SEPARATEURS = Pattern.compile("[-:\\s]");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A DevEUI or gateway EUI as 16 uppercase hex characters ({@code -}, {@code :} and spaces removed), or {@code null}. */
    static String devEui(String brut) {
        if (brut == null) {
            return null;
        }
        String eui = SEPARATEURS.matcher(brut.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        return HEX16.matcher(eui).matches() ? eui : null;
    }

    /**
     * Decodes standard base64 strictly: only the RFC 4648 alphabet, a length multiple of 4, the
     * right padding, and zero padding bits (the text is the canonical encoding of its bytes).
     *
     * @throws IllegalArgumentException with a French reason
     */
    static byte[] base64(String texte) {
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (ALPHABET.indexOf(c) < 0 && c != '=') {
                throw new IllegalArgumentException("caractère « " + c + " » interdit en position " + (i + 1));
            }
        }
        if (texte.length() % 4 != 0) {
            throw new IllegalArgumentException("longueur " + texte.length() + " non multiple de 4");
        }
        int egal = texte.indexOf('=');
        if (egal >= 0 && (egal < texte.length() - 2 || !texte.substring(egal).matches("=+"))) {
            throw new IllegalArgumentException("« = » ailleurs qu'en fin de texte");
        }
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(texte);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("texte base64 mal formé");
        }
        if (!Base64.getEncoder().encodeToString(octets).equals(texte)) {
            throw new IllegalArgumentException("bits de remplissage non nuls (encodage non canonique)");
        }
        return octets;
    }

    /**
     * An RFC 3339 date with its offset, e.g. {@code 2023-05-19T05:33:35.848446463Z} or
     * {@code 2023-05-22T07:47:05.404859+00:00}.
     *
     * @throws DateTimeParseException when unreadable or without offset
     */
    static Instant instant(String texte) {
        return OffsetDateTime.parse(texte).toInstant();
    }

    /** The text of a field, {@code null} when absent, null or empty (TTS omits empty strings). */
    static String texte(JsonNode parent, String champ) {
        JsonNode n = parent.get(champ);
        if (n == null || n.isNull() || !n.isValueNode()) {
            return null;
        }
        String t = n.asText();
        return t.isEmpty() ? null : t;
    }

    /** A number, or a number written as text; {@code null} otherwise. */
    static Double nombre(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            double v = n.asDouble();
            return Double.isFinite(v) ? v : null;
        }
        if (n.isTextual()) {
            try {
                double v = Double.parseDouble(n.asText().strip().replace(',', '.'));
                return Double.isFinite(v) ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A {@code {latitude, longitude, altitude}} location, or {@code null} when absent, empty or out
     * of range. As in protobuf JSON, a missing coordinate next to a present one is 0.
     */
    static Position position(JsonNode location) {
        if (location == null || !location.isObject()) {
            return null;
        }
        Double latitude = nombre(location.get("latitude"));
        Double longitude = nombre(location.get("longitude"));
        if (latitude == null && longitude == null) {
            return null;
        }
        double lat = latitude == null ? 0 : latitude;
        double lon = longitude == null ? 0 : longitude;
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return null;
        }
        return new Position(lon, lat, nombre(location.get("altitude")));
    }

    private Normalisation() {}
}
