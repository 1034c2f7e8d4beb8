package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16be;
import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Dragino LHT65 and LHT65N temperature and humidity sensors, port 2, 11 bytes (big-endian), as in
 * Dragino's decoders ({@code vendor/dragino/lht65.js}, {@code lht65n.js}): battery voltage (14
 * bits, mV), SHT20/SHT31 temperature (int16 / 100 °C) and humidity (12 bits / 10 %), then an
 * external sensor chosen by the low nibble of byte 6: 1 a DS18B20 probe (and, LHT65N only, 2 a
 * TMP117 probe; int16 / 100 °C, {@code 0x7FFF} when disconnected), 5 an illuminance sensor (lux),
 * 9 the probe temperature in place of the battery; the other known modes (0 none, 4 interrupt,
 * 6 ADC, 7 and 8 counters, 15 probe id) add no measure.
 *
 * <p>Checked: the port, the length, the mode (an unknown one refuses the payload), and bit 6 of
 * byte 6, set in the replies to a datalog poll, whose 11-byte records hold other fields.
 */
final class DraginoLht65Decoder implements PayloadDecoder {

    static final int PORT = 2;
    static final int LONGUEUR = 11;
    private static final int SONDE_ABSENTE = 0x7FFF;
    private static final int JOURNAL = 0x40;

    private final String produit;
    private final Set<Integer> modes;

    private DraginoLht65Decoder(String produit, Set<Integer> modes) {
        this.produit = produit;
        this.modes = modes;
    }

    static DraginoLht65Decoder lht65() {
        return new DraginoLht65Decoder("Dragino LHT65", Set.of(0, 1, 4, 5, 6, 7, 8, 9, 15));
    }

    /** The LHT65N adds mode 2, a TMP117 probe. */
    static DraginoLht65Decoder lht65n() {
        return new DraginoLht65Decoder("Dragino LHT65N", Set.of(0, 1, 2, 4, 5, 6, 7, 8, 9, 15));
    }

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (fPort == null || fPort != PORT) {
            return Decodage.refuse("port LoRaWAN " + fPort + " inattendu pour un " + produit + " : seules les mesures du port 2 sont décodées");
        }
        if (o.length != LONGUEUR) {
            return Decodage.refuse("longueur incorrecte pour un " + produit + " : 11 octets attendus, " + o.length + " reçus");
        }
        int mode = u8(o, 6) & 0x0F;
        if ((u8(o, 6) & JOURNAL) != 0) {
            return Decodage.refuse("réponse à une interrogation du journal d'un " + produit + " (bit 6 de l'octet 6) : relevés d'historique non décodés");
        }
        if (!modes.contains(mode)) {
            return Decodage.refuse(String.format(Locale.ROOT, "mode de capteur externe inconnu %d (octet 6 = 0x%02X) pour un %s",
                    mode, u8(o, 6), produit));
        }
        var m = new LinkedHashMap<String, Mesure>();
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
        if ((mode == 0x01 || mode == 0x02) && !sondeDeconnectee && u16be(o, 7) != SONDE_ABSENTE) {
            m.put(Mesures.TEMPERATURE_SONDE, new Mesure(s16be(o, 7) / 100.0, Mesures.DEGRES_CELSIUS));
        } else if (mode == 0x05) {
            m.put(Mesures.LUMINOSITE, new Mesure(u16be(o, 7), Mesures.LUX));
        }
        return Decodage.reussi(m);
    }
}
