package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16be;
import static fr.croisements.ingest.lora.Octets.s8;
import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u32be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Elsys sensors (ERS, ERS CO2, ERS2, ELT...): a sequence of {@code [type][data]} with big-endian
 * integers, the type fixing the length (Elsys "generic payload" format, as in the Elsys decoders
 * of TheThingsNetwork/lorawan-devices). The same decoder serves every Elsys model: a model simply
 * never sends the types it has no sensor for. The port is not used.
 *
 * <p>Kept as measures: temperature, humidity, acceleration (g, 63 = 1 g), light (lux), motion
 * count, CO2, battery voltage (VDD), external temperature, distance, occupancy, pressure (hPa),
 * TVOC (ppb). Read but not kept: analog and digital inputs, pulse counters, GPS, IR temperatures,
 * water leak, Grid-EYE, sound, debug. An unknown type or a truncated value refuses the payload.
 */
final class ElsysDecoder implements PayloadDecoder {

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (o.length == 0) {
            return Decodage.refuse("charge utile vide");
        }
        var m = new LinkedHashMap<String, Mesure>();
        int i = 0;
        while (i < o.length) {
            int type = u8(o, i);
            int longueur = longueur(type);
            if (longueur < 0) {
                return Decodage.refuse(String.format(Locale.ROOT, "type de donnée Elsys inconnu 0x%02X à l'octet %d", type, i));
            }
            int d = i + 1;
            if (d + longueur > o.length) {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "donnée Elsys 0x%02X tronquée à l'octet %d : %d octet(s) attendu(s), %d reçu(s)",
                        type, i, longueur, o.length - d));
            }
            lire(type, o, d, m);
            i = d + longueur;
        }
        return Decodage.reussi(m);
    }

    /** Length of a type's data, or -1 when the type is unknown. */
    private static int longueur(int type) {
        return switch (type) {
            case 0x02, 0x05, 0x0D, 0x0F, 0x11, 0x12, 0x1A -> 1;
            case 0x01, 0x04, 0x06, 0x07, 0x08, 0x0A, 0x0C, 0x0E, 0x15, 0x16, 0x18, 0x19, 0x1C -> 2;
            case 0x03 -> 3;
            case 0x0B, 0x10, 0x14, 0x17, 0x1B, 0x3D -> 4;
            case 0x09 -> 6;
            case 0x13 -> 65;
            default -> -1;
        };
    }

    private static void lire(int type, byte[] o, int i, Map<String, Mesure> m) {
        switch (type) {
            case 0x01 -> m.put(Mesures.TEMPERATURE, new Mesure(s16be(o, i) / 10.0, Mesures.DEGRES_CELSIUS));
            case 0x02 -> m.put(Mesures.HUMIDITE, new Mesure(u8(o, i), Mesures.POURCENT));
            case 0x03 -> {
                m.put("acceleration_x", new Mesure(s8(o, i) / 63.0, "g"));
                m.put("acceleration_y", new Mesure(s8(o, i + 1) / 63.0, "g"));
                m.put("acceleration_z", new Mesure(s8(o, i + 2) / 63.0, "g"));
            }
            case 0x04 -> m.put(Mesures.LUMINOSITE, new Mesure(u16be(o, i), Mesures.LUX));
            case 0x05 -> m.put(Mesures.MOUVEMENT, new Mesure(u8(o, i), "détections"));
            case 0x06 -> m.put(Mesures.CO2, new Mesure(u16be(o, i), Mesures.PPM));
            case 0x07 -> m.put(Mesures.BATTERIE, new Mesure(u16be(o, i) / 1000.0, Mesures.VOLT));
            case 0x0C -> m.put(Mesures.TEMPERATURE_SONDE, new Mesure(s16be(o, i) / 10.0, Mesures.DEGRES_CELSIUS));
            case 0x0E -> m.put(Mesures.DISTANCE, new Mesure(u16be(o, i), Mesures.MILLIMETRE));
            case 0x11 -> {
                // 0 free, 1 pending (someone entering or leaving), 2 occupied: "pending" is no answer.
                int occupation = u8(o, i);
                if (occupation != 1) {
                    m.put(Mesures.OCCUPATION, new Mesure(occupation == 2 ? 1 : 0, Mesures.OUI_NON));
                }
            }
            case 0x14 -> m.put(Mesures.PRESSION, new Mesure(u32be(o, i) / 1000.0, Mesures.HECTOPASCAL));
            case 0x1C -> m.put(Mesures.COV, new Mesure(u16be(o, i), "ppb"));
            default -> {
                // read (the length is known) but not kept
            }
        }
    }
}
