package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16be;
import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;

/**
 * Dingtek DO200, DO201 and DO202 per-space parking sensors (ultrasonic and/or geomagnetic), port 3,
 * as in the codec examples of the TTN device repository ({@code vendor/dingtek/do20x-codec.yaml}).
 *
 * <p>Every frame is {@code 0x80}, the model on 2 bytes ({@code 0x0002} DO200, {@code 0x0031} DO201,
 * {@code 0x0032} DO202), the frame type (1 heartbeat, 2 alarm, 3 parameters), the frame length in
 * bytes, the body, and {@code 0x81}. Telemetry body: level (ultrasonic distance, mm, u16; not on the
 * DO202), the four alarm nibbles (park, level, magnet, battery), battery voltage (u16 / 100 V), the
 * magnetometer x, y, z (int16), on DO201/DO202 the device temperature (int8) and humidity (u8),
 * the frame counter (u16) and a reserved byte: 21 bytes on a DO200, 23 on the others.
 *
 * <p>Kept: occupied (the park alarm: a vehicle over the space), the distance (DO200/DO201), the
 * battery. Not kept: the raw magnetometer, the other alarm flags, the frame counter (the network
 * server gives one), the device temperature and humidity (the vendor's own DO201 example reads
 * -117 °C: no parking figure needs them). A parameter frame carries no measure (see
 * {@link #parametres}). Wrong port, length, framing or model refuse the payload with the reason.
 */
final class DingtekDo20xDecoder implements PayloadDecoder {

    static final int PORT = 3;
    static final int DO200 = 0x0002;
    static final int DO201 = 0x0031;
    static final int DO202 = 0x0032;

    /** A parameter frame (type 3), as the vendor's examples name its fields; {@code null} when the model has none. */
    record Parametres(String firmware, int uploadInterval, Integer ultraDetectInterval, Integer magDetectInterval,
            Integer detectInterval, Integer levelThreshold, int magnetThreshold, Integer batteryThreshold) {}

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        String cadre = cadre(fPort, o);
        if (cadre != null) {
            return Decodage.refuse(cadre);
        }
        int modele = u16be(o, 1);
        int type = u8(o, 3);
        var m = new LinkedHashMap<String, Mesure>();
        if (type == 3) {
            return o.length == (modele == DO200 ? 17 : 16) ? Decodage.reussi(m)
                    : longueur(modele, "de paramètres", modele == DO200 ? 17 : 16, o);
        }
        int attendue = modele == DO200 ? 21 : 23;
        if (o.length != attendue) {
            return longueur(modele, "de mesure", attendue, o);
        }
        m.put(Mesures.OCCUPATION, new Mesure(u8(o, 7) >> 4 == 0 ? 0 : 1, Mesures.OUI_NON));
        if (modele != DO202) {
            m.put(Mesures.DISTANCE, new Mesure(u16be(o, 5), Mesures.MILLIMETRE));
        }
        m.put(Mesures.BATTERIE, new Mesure(u16be(o, 9) / 100.0, Mesures.VOLT));
        return Decodage.reussi(m);
    }

    /** The settings of a parameter frame of a payload {@link #decode} accepts. */
    static Parametres parametres(byte[] o) {
        int modele = u16be(o, 1);
        String firmware = u8(o, 5) + "." + u8(o, 6);
        if (modele == DO200) {
            return new Parametres(firmware, u8(o, 7), u8(o, 8), u8(o, 9), null, null, u16be(o, 12), null);
        }
        return new Parametres(firmware, u8(o, 7), null, null, u8(o, 8), modele == DO201 ? u8(o, 9) : null,
                u16be(o, 10), u8(o, 12));
    }

    /** The magnetometer axes of a telemetry frame (not kept as measures). */
    static int[] magnetometre(byte[] o) {
        return new int[] {s16be(o, 11), s16be(o, 13), s16be(o, 15)};
    }

    /** Why the framing is wrong, or {@code null}. */
    private static String cadre(Integer fPort, byte[] o) {
        if (fPort == null || fPort != PORT) {
            return "port LoRaWAN " + fPort + " inattendu pour un Dingtek DO20x (port " + PORT + ")";
        }
        if (o.length < 6 || u8(o, 0) != 0x80 || u8(o, o.length - 1) != 0x81) {
            return "trame Dingtek mal formée : elle commence par 0x80 et finit par 0x81 ("
                    + Octets.hex(o) + " reçu) ; la charge utile vient sans doute d'un autre modèle";
        }
        if (u8(o, 4) != o.length) {
            return "longueur annoncée " + u8(o, 4) + " octets par la trame Dingtek, " + o.length + " reçus";
        }
        int modele = u16be(o, 1);
        if (modele != DO200 && modele != DO201 && modele != DO202) {
            return String.format(java.util.Locale.ROOT, "modèle Dingtek inconnu : 0x%04X (0x0002 DO200, 0x0031 DO201, 0x0032 DO202)", modele);
        }
        int type = u8(o, 3);
        if (type < 1 || type > 3) {
            return "type de trame Dingtek inconnu : " + type + " (1 veille, 2 alarme, 3 paramètres)";
        }
        return null;
    }

    private static Decodage longueur(int modele, String genre, int attendue, byte[] o) {
        String nom = modele == DO200 ? "DO200" : modele == DO201 ? "DO201" : "DO202";
        return Decodage.refuse("longueur incorrecte pour une trame " + genre + " d'un Dingtek " + nom + " : "
                + attendue + " octets attendus, " + o.length + " reçus");
    }
}
