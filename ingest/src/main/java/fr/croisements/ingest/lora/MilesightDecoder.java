package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16le;
import static fr.croisements.ingest.lora.Octets.u16le;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Milesight IoT sensors: a sequence of channels {@code [channel id][channel type][data]}, with
 * little-endian integers (Milesight's published decoders, e.g. TheThingsNetwork/lorawan-devices
 * {@code vendor/milesight-iot/em500-co2.js}, {@code am307.js}).
 *
 * <p>Each model knows its own channels; the type byte fixes the length and the scale:
 * {@code 0x75} battery %, {@code 0x67} temperature int16 / 10 °C, {@code 0x68} humidity uint8 / 2 %,
 * {@code 0x7D} uint16 (CO2 ppm...), {@code 0x73} pressure uint16 / 10 hPa, {@code 0x82} distance
 * uint16 mm, {@code 0x00} a 0/1 state. Device information channels ({@code 0xFF xx}, sent after a
 * join) are skipped. A channel the model does not know, or a truncated one, refuses the whole
 * payload: Milesight's JavaScript decoders stop silently there, we say why instead.
 *
 * <p>Immutable and thread-safe.
 */
final class MilesightDecoder implements PayloadDecoder {

    /** What a channel's data adds to the measures, read from its first data byte. */
    @FunctionalInterface
    private interface Lecteur {
        void lire(byte[] o, int i, Map<String, Mesure> mesures);
    }

    private record Canal(int id, int type, int longueur, Lecteur lecteur) {
        int cle() {
            return id << 8 | type;
        }
    }

    /** Device information sent after a join: skipped. Lengths from Milesight's decoders. */
    private static final Map<Integer, Integer> INFORMATIONS = Map.of(
            0x01, 1,   // IPSO version
            0x09, 2,   // hardware version
            0x0A, 2,   // firmware version
            0x0B, 1,   // power on
            0x0F, 1,   // device class
            0x16, 8,   // serial number
            0xFF, 2);  // TSL version

    private final String produit;
    private final Map<Integer, Canal> canaux;

    private MilesightDecoder(String produit, List<Canal> canaux) {
        this.produit = produit;
        var parCle = new HashMap<Integer, Canal>();
        canaux.forEach(c -> parCle.put(c.cle(), c));
        this.canaux = Map.copyOf(parCle);
    }

    /** EM500-CO2: battery, temperature, humidity, CO2, pressure. */
    static MilesightDecoder em500Co2() {
        return new MilesightDecoder("EM500-CO2", List.of(batterie(), temperature(0x03), humidite(0x04),
                co2(0x05), pression(0x06)));
    }

    /** EM300-TH: battery, temperature, humidity. */
    static MilesightDecoder em300Th() {
        return new MilesightDecoder("EM300-TH", List.of(batterie(), temperature(0x03), humidite(0x04)));
    }

    /**
     * AM307 (and AM319, same frame): battery, temperature, humidity, PIR, light level, CO2, TVOC,
     * pressure, formaldehyde, PM2.5, PM10, ozone; the buzzer state and the 16-byte history records
     * ({@code 0x20 0xCE}, past readings with their own timestamps) are read but not kept.
     */
    static MilesightDecoder am307() {
        return new MilesightDecoder("AM307", List.of(batterie(), temperature(0x03), humidite(0x04),
                etat(0x05, Mesures.PRESENCE),
                new Canal(0x05, 0x6A, 2, (o, i, m) -> m.put(Mesures.ACTIVITE, new Mesure(u16le(o, i), "niveau"))),
                new Canal(0x06, 0xCB, 1, (o, i, m) -> m.put(Mesures.NIVEAU_LUMIERE, new Mesure(u8(o, i), "niveau (0 à 5)"))),
                co2(0x07),
                new Canal(0x08, 0x7D, 2, (o, i, m) -> m.put(Mesures.COV, new Mesure(u16le(o, i), Mesures.MICROGRAMME_M3))),
                pression(0x09),
                new Canal(0x0A, 0x7D, 2, (o, i, m) -> m.put(Mesures.FORMALDEHYDE, new Mesure(u16le(o, i) / 100.0, "mg/m³"))),
                new Canal(0x0B, 0x7D, 2, (o, i, m) -> m.put(Mesures.PM2_5, new Mesure(u16le(o, i), Mesures.MICROGRAMME_M3))),
                new Canal(0x0C, 0x7D, 2, (o, i, m) -> m.put(Mesures.PM10, new Mesure(u16le(o, i), Mesures.MICROGRAMME_M3))),
                new Canal(0x0D, 0x7D, 2, (o, i, m) -> m.put(Mesures.OZONE, new Mesure(u16le(o, i) / 100.0, Mesures.PPM))),
                ignore(0x0E, 0x01, 1),
                ignore(0x20, 0xCE, 16)));
    }

    /** EM310-UDL: battery, distance, tilt. */
    static MilesightDecoder em310Udl() {
        return new MilesightDecoder("EM310-UDL", List.of(batterie(), distance(0x03), etat(0x04, Mesures.INCLINAISON)));
    }

    /** EM500-UDL: battery, distance. */
    static MilesightDecoder em500Udl() {
        return new MilesightDecoder("EM500-UDL", List.of(batterie(), distance(0x03)));
    }

    /**
     * EM400-UDL: battery, temperature, distance, tilt; temperature and distance with an alarm byte
     * ({@code 0x83 0x67}, {@code 0x84 0x82}), whose alarm flag is not kept.
     */
    static MilesightDecoder em400Udl() {
        return new MilesightDecoder("EM400-UDL", List.of(batterie(), temperature(0x03), distance(0x04),
                etat(0x05, Mesures.INCLINAISON),
                new Canal(0x83, 0x67, 3, (o, i, m) -> m.put(Mesures.TEMPERATURE, new Mesure(s16le(o, i) / 10.0, Mesures.DEGRES_CELSIUS))),
                new Canal(0x84, 0x82, 3, (o, i, m) -> m.put(Mesures.DISTANCE, new Mesure(u16le(o, i), Mesures.MILLIMETRE)))));
    }

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (o.length == 0) {
            return Decodage.refuse("charge utile vide");
        }
        var mesures = new LinkedHashMap<String, Mesure>();
        int i = 0;
        while (i < o.length) {
            if (i + 2 > o.length) {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "octet isolé 0x%02X en fin de charge utile (octet %d) : canal %s incomplet", u8(o, i), i, produit));
            }
            int id = u8(o, i);
            int type = u8(o, i + 1);
            int longueur;
            Lecteur lecteur;
            Canal canal = canaux.get(id << 8 | type);
            if (canal != null) {
                longueur = canal.longueur();
                lecteur = canal.lecteur();
            } else if (id == 0xFF && INFORMATIONS.containsKey(type)) {
                longueur = INFORMATIONS.get(type);
                lecteur = (octets, debut, m) -> { };
            } else {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "canal inconnu 0x%02X 0x%02X à l'octet %d pour un %s", id, type, i, produit));
            }
            if (i + 2 + longueur > o.length) {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "canal 0x%02X 0x%02X tronqué à l'octet %d : %d octet(s) de données attendu(s), %d reçu(s)",
                        id, type, i, longueur, o.length - i - 2));
            }
            lecteur.lire(o, i + 2, mesures);
            i += 2 + longueur;
        }
        return Decodage.reussi(mesures);
    }

    private static Canal batterie() {
        return new Canal(0x01, 0x75, 1, (o, i, m) -> m.put(Mesures.BATTERIE, new Mesure(u8(o, i), Mesures.POURCENT)));
    }

    private static Canal temperature(int id) {
        return new Canal(id, 0x67, 2, (o, i, m) -> m.put(Mesures.TEMPERATURE, new Mesure(s16le(o, i) / 10.0, Mesures.DEGRES_CELSIUS)));
    }

    private static Canal humidite(int id) {
        return new Canal(id, 0x68, 1, (o, i, m) -> m.put(Mesures.HUMIDITE, new Mesure(u8(o, i) / 2.0, Mesures.POURCENT)));
    }

    private static Canal co2(int id) {
        return new Canal(id, 0x7D, 2, (o, i, m) -> m.put(Mesures.CO2, new Mesure(u16le(o, i), Mesures.PPM)));
    }

    private static Canal pression(int id) {
        return new Canal(id, 0x73, 2, (o, i, m) -> m.put(Mesures.PRESSION, new Mesure(u16le(o, i) / 10.0, Mesures.HECTOPASCAL)));
    }

    private static Canal distance(int id) {
        return new Canal(id, 0x82, 2, (o, i, m) -> m.put(Mesures.DISTANCE, new Mesure(u16le(o, i), Mesures.MILLIMETRE)));
    }

    /** A one-byte state: 1 is "yes" (tilt, PIR trigger), anything else "no", as Milesight's decoders read it. */
    private static Canal etat(int id, String nom) {
        return new Canal(id, 0x00, 1, (o, i, m) -> m.put(nom, new Mesure(u8(o, i) == 1 ? 1 : 0, Mesures.OUI_NON)));
    }

    private static Canal ignore(int id, int type, int longueur) {
        return new Canal(id, type, longueur, (o, i, m) -> { });
    }
}
