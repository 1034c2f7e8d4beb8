package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.u16be;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;

/**
 * Dragino LDDS75 ultrasonic distance sensor, port 2 (big-endian): battery voltage (14 bits, mV),
 * then the distance in mm when the probe answered. A 4-byte frame carries the battery only (the
 * repository codec reads it as "No Sensor"); 5- and 8-byte frames (firmware 1.0 and 1.1+) add the
 * distance, below 20 mm an invalid reading, left out. The interrupt flag and the optional DS18B20
 * temperature of 8-byte frames are not kept.
 *
 * <p>Note: the codec of TheThingsNetwork/lorawan-devices puts the battery value into
 * {@code distance} for 5-byte frames (it reuses a variable); we read bytes 2-3 as Dragino documents.
 */
final class DraginoLdds75Decoder implements PayloadDecoder {

    static final int PORT = 2;
    private static final int DISTANCE_MIN_MM = 20;

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (fPort == null || fPort != PORT) {
            return Decodage.refuse("port LoRaWAN " + fPort + " inattendu pour un Dragino LDDS75 : seules les mesures du port 2 sont décodées");
        }
        if (o.length != 4 && o.length != 5 && o.length != 8) {
            return Decodage.refuse("longueur incorrecte pour un Dragino LDDS75 : 4, 5 ou 8 octets attendus, " + o.length + " reçus");
        }
        var m = new LinkedHashMap<String, Mesure>();
        m.put(Mesures.BATTERIE, new Mesure((u16be(o, 0) & 0x3FFF) / 1000.0, Mesures.VOLT));
        if (o.length >= 5) {
            int distance = u16be(o, 2);
            if (distance >= DISTANCE_MIN_MM) {
                m.put(Mesures.DISTANCE, new Mesure(distance, Mesures.MILLIMETRE));
            }
        }
        return Decodage.reussi(m);
    }
}
