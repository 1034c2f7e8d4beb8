package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;

/**
 * Bosch Parking Lot Sensor TPS110, by port (Bosch's decoder, {@code vendor/bosch/tpl110-0292.js}):
 * port 1 parking status, 1 byte, bit 0 occupied; port 2 heartbeat, 1 or 2 bytes: occupied, then
 * the device temperature (int8 °C); port 3 start-up, 17 bytes: debug codes, firmware version and
 * reset cause (not measures, not kept), occupied in byte 16; ports 4 to 6 (device information,
 * usage, debug) carry no measure. Other ports and wrong lengths refuse the payload.
 *
 * <p>The firmware version of a start-up frame is bytes 12.13.14 for the TTN repository and 14.13.12
 * for ThingsBoard's converter (see the module README): one more reason not to keep it.
 */
final class BoschTps110Decoder implements PayloadDecoder {

    static final int LONGUEUR_DEMARRAGE = 17;

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (fPort == null) {
            return Decodage.refuse("port LoRaWAN absent : un Bosch TPS110 se décode d'après son port");
        }
        var m = new LinkedHashMap<String, Mesure>();
        switch (fPort) {
            case 1 -> {
                if (o.length != 1) {
                    return longueur("1", fPort, o);
                }
                m.put(Mesures.OCCUPATION, new Mesure(o[0] & 1, Mesures.OUI_NON));
            }
            case 2 -> {
                if (o.length != 1 && o.length != 2) {
                    return longueur("1 ou 2", fPort, o);
                }
                m.put(Mesures.OCCUPATION, new Mesure(o[0] & 1, Mesures.OUI_NON));
                if (o.length == 2) {
                    m.put(Mesures.TEMPERATURE_INTERNE, new Mesure(s8(o, 1), Mesures.DEGRES_CELSIUS));
                }
            }
            case 3 -> {
                if (o.length != LONGUEUR_DEMARRAGE) {
                    return longueur("17", fPort, o);
                }
                m.put(Mesures.OCCUPATION, new Mesure(o[16] & 1, Mesures.OUI_NON));
            }
            case 4, 5, 6 -> {
                // device information, usage, debug: nothing to measure
            }
            default -> {
                return Decodage.refuse("port LoRaWAN " + fPort + " inconnu pour un Bosch TPS110");
            }
        }
        return Decodage.reussi(m);
    }

    private static Decodage longueur(String attendue, int fPort, byte[] o) {
        return Decodage.refuse("longueur incorrecte pour un Bosch TPS110 sur le port " + fPort + " : "
                + attendue + " octet(s) attendu(s), " + o.length + " reçu(s)");
    }
}
