package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure helpers shared by the adapters: identifiers, receptions, base64, dates, positions and numbers of the JSON. */
final class Normalisation {

    private static final Pattern HEX16 = Pattern.compile("[0-9A-F]{16}");
    /** TTS's default identifier of a device or gateway registered by its EUI: {@code eui-<16 hex>}. */
    private static final Pattern IDENTIFIANT_EUI = Pattern.compile("eui-([0-9a-fA-F]{16})");
    /** Best signal first: highest RSSI, then highest SNR, an absent value being the worst. */
    private static final Comparator<Reception> MEILLEUR_SIGNAL = Comparator
            .comparing(Reception::rssi, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .thenComparing(Reception::snr, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .reversed();
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

    /** The EUI in an identifier of the form {@code eui-<16 hex>} (TTS's default), upper case, or {@code null}. */
    static String euiDansIdentifiant(String identifiant) {
        if (identifiant == null) {
            return null;
        }
        Matcher m = IDENTIFIANT_EUI.matcher(identifiant);
        return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /**
     * How a gateway is named in the receptions: its EUI (16 uppercase hex) when the message gives
     * it, or when its identifier is {@code eui-<EUI>}; else its identifier; {@code null} when neither.
     * A gateway then has one name whatever the path (direct, Packet Broker) or the server.
     */
    static String passerelle(String eui, String identifiant) {
        String normalise = devEui(eui);
        if (normalise != null) {
            return normalise;
        }
        String dansIdentifiant = euiDansIdentifiant(identifiant);
        return dansIdentifiant != null ? dansIdentifiant : identifiant;
    }

    /**
     * One reception per gateway (issue #13): the same gateway can be listed twice, heard directly
     * and through Packet Broker, or by two antennas or boards. Keeps the best signal (highest RSSI,
     * then highest SNR), with its position or else the first position known for that gateway, in
     * the order the gateways first appear.
     */
    static List<Reception> uneParPasserelle(List<Reception> receptions) {
        var parPasserelle = new LinkedHashMap<String, Reception>();
        for (Reception r : receptions) {
            parPasserelle.merge(r.gatewayId(), r, (a, b) -> {
                Reception meilleure = MEILLEUR_SIGNAL.compare(b, a) < 0 ? b : a;
                Position position = meilleure.position() != null ? meilleure.position()
                        : a.position() != null ? a.position() : b.position();
                return new Reception(meilleure.gatewayId(), meilleure.rssi(), meilleure.snr(), position);
            });
        }
        return List.copyOf(parPasserelle.values());
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
