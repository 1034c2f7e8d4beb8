package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s8;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nwave parking sensors, by port. Two generations:
 * <ul>
 *   <li>G4 (NPS405, G4 NPS SM/FM), {@link #g4()}: port 1 parking status, 1 byte: bit 0 occupied,
 *       bits 1-7 the compressed duration of the previous state (exact below 90 min, then 5-min
 *       then 60-min steps, 127 = overflow, left out); port 2 heartbeat, 6 bytes: occupied, battery
 *       2500 + 4 x byte 1 mV, device temperature int8 / 2 + 10 °C; port 3 start-up, 5 bytes:
 *       occupied in byte 4; port 10 badge registration, 6 bytes: occupied and duration as port 1,
 *       badge battery byte 1 / 10 V (the badge id is never kept: it designates a person);
 *   <li>NPS310SM, {@link #nps310()}: ports 1 and 2, 1 byte, bit 0 occupied; port 3 start-up.
 * </ul>
 * Port 6 (debug) is read without measures; other ports and wrong lengths refuse the payload.
 *
 * <p>Bit 0 for "occupied", as both test-vector files decode {@code 0x95} (occupied, 74 min); the
 * current NPS405 script of the TTN repository reads bit 7 instead (see the module README).
 * ThingsBoard's converter reads the heartbeat battery 2.32 V where we read 3.344 V: it reads
 * bytes as signed Java bytes (0xD3 = -45), a bug we do not reproduce.
 */
final class NwaveDecoder implements PayloadDecoder {

    private static final int DUREE_DEBORDEMENT = 127;

    private final boolean g4;
    private final String produit;

    private NwaveDecoder(boolean g4) {
        this.g4 = g4;
        this.produit = g4 ? "Nwave G4 (NPS405)" : "Nwave NPS310SM";
    }

    static NwaveDecoder g4() {
        return new NwaveDecoder(true);
    }

    static NwaveDecoder nps310() {
        return new NwaveDecoder(false);
    }

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (fPort == null) {
            return Decodage.refuse("port LoRaWAN absent : un " + produit + " se décode d'après son port");
        }
        var m = new LinkedHashMap<String, Mesure>();
        switch (fPort) {
            case 1 -> {
                if (o.length != 1) {
                    return longueur(1, fPort, o);
                }
                occupation(o[0] & 1, m);
                if (g4) {
                    duree(u8(o, 0) >> 1 & 0x7F, m);
                }
            }
            case 2 -> {
                if (o.length != (g4 ? 6 : 1)) {
                    return longueur(g4 ? 6 : 1, fPort, o);
                }
                occupation(o[0] & 1, m);
                if (g4) {
                    m.put(Mesures.BATTERIE, new Mesure((2500 + 4 * u8(o, 1)) / 1000.0, Mesures.VOLT));
                    m.put(Mesures.TEMPERATURE_INTERNE, new Mesure(s8(o, 2) / 2.0 + 10, Mesures.DEGRES_CELSIUS));
                }
            }
            case 3 -> {
                if (o.length != 5) {
                    return longueur(5, fPort, o);
                }
                occupation(o[4] & 1, m);
            }
            case 6 -> {
                // debug frame: nothing to measure
            }
            case 10 -> {
                if (!g4) {
                    return port(fPort);
                }
                if (o.length != 6) {
                    return longueur(6, fPort, o);
                }
                if ((o[0] & 1) == 1) {
                    occupation(1, m);
                    duree(u8(o, 0) >> 1 & 0x7F, m);
                }
                m.put("batterie_badge", new Mesure(u8(o, 1) / 10.0, Mesures.VOLT));
            }
            default -> {
                return port(fPort);
            }
        }
        return Decodage.reussi(m);
    }

    private static void occupation(int bit, Map<String, Mesure> m) {
        m.put(Mesures.OCCUPATION, new Mesure(bit, Mesures.OUI_NON));
    }

    /** The compressed duration of the previous state, in minutes; left out on overflow. */
    private static void duree(int compressee, Map<String, Mesure> m) {
        double minutes;
        if (compressee < 90) {
            minutes = compressee;
        } else if (compressee < 120) {
            minutes = 90 + (compressee - 90) * 5;
        } else if (compressee < DUREE_DEBORDEMENT) {
            minutes = 240 + (compressee - 120) * 60;
        } else {
            return;
        }
        m.put(Mesures.DUREE_ETAT_PRECEDENT, new Mesure(minutes, Mesures.MINUTE));
    }

    private Decodage longueur(int attendue, int fPort, byte[] o) {
        return Decodage.refuse("longueur incorrecte pour un " + produit + " sur le port " + fPort + " : "
                + attendue + " octet(s) attendu(s), " + o.length + " reçu(s)");
    }

    private Decodage port(int fPort) {
        return Decodage.refuse("port LoRaWAN " + fPort + " inconnu pour un " + produit);
    }
}
