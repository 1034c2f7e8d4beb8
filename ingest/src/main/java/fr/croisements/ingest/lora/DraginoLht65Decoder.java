package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16be;
import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;

/**
 * Dragino LHT65 temperature and humidity sensor, port 2, 11 bytes (big-endian), as in Dragino's
 * decoder ({@code vendor/dragino/lht65.js}): battery voltage (14 bits, mV), SHT20 temperature
 * (int16 / 100 °C) and humidity (12 bits / 10 %), then an external sensor chosen by the low
 * nibble of byte 6: 1 a DS18B20 probe (int16 / 100 °C, {@code 0x7FFF} when disconnected), 5 an
 * illuminance sensor (lux), 9 the probe temperature in place of the battery; other modes
 * (interrupts, counters, ADC) add no measure. Other ports refuse the payload.
 */
final class DraginoLht65Decoder implements PayloadDecoder {

    static final int PORT = 2;
    static final int LONGUEUR = 11;
    private static final int SONDE_ABSENTE = 0x7FFF;

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (fPort == null || fPort != PORT) {
            return Decodage.refuse("port LoRaWAN " + fPort + " inattendu pour un Dragino LHT65 : seules les mesures du port 2 sont décodées");
        }
        if (o.length != LONGUEUR) {
            return Decodage.refuse("longueur incorrecte pour un Dragino LHT65 : 11 octets attendus, " + o.length + " reçus");
        }
        var m = new LinkedHashMap<String, Mesure>();
        int mode = u8(o, 6) & 0x0F;
        boolean sondeDeconnectee = (u8(o, 6) & 0x80) != 0;
        if (mode == 0x09) {
            m.put(Mesures.TEMPERATURE_SONDE, new Mesure(s16be(o, 0) / 100.0, Mesures.DEGRES_CELSIUS));
        } else {
            m.put(Mesures.BATTERIE, new Mesure((u16be(o, 0) & 0x3FFF) / 1000.0, Mesures.VOLT));
        }
        if (mode != 0x0F) {
            m.put(Mesures.TEMPERATURE, new Mesure(s16be(o, 2) / 100.0, Mesures.DEGRES_CELSIUS));
            m.put(Mesures.HUMIDITE, new Mesure((u16be(o, 4) & 0x0FFF) / 10.0, Mesures.POURCENT));
        }
        if (mode == 0x01 && !sondeDeconnectee && u16be(o, 7) != SONDE_ABSENTE) {
            m.put(Mesures.TEMPERATURE_SONDE, new Mesure(s16be(o, 7) / 100.0, Mesures.DEGRES_CELSIUS));
        } else if (mode == 0x05) {
            m.put(Mesures.LUMINOSITE, new Mesure(u16be(o, 7), Mesures.LUX));
        }
        return Decodage.reussi(m);
    }
}
