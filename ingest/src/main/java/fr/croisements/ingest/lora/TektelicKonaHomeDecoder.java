package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import fr.croisements.ingest.lora.DecodeurACanaux.Canal;
import java.util.List;
import java.util.Map;

/**
 * Tektelic Kona Home Sensor (T000489x), as in Tektelic's decoder ({@code vendor/tektelic/decoder_home_sensor.js}):
 * on port 10, channels {@code [id][type][data]} with big-endian integers, read by
 * {@link DecodeurACanaux}: {@code 00 FF} battery int16 / 100 V, {@code 03 67} air temperature
 * int16 / 10 °C, {@code 04 68} humidity uint8 / 2 %, {@code 0B 67} the microcontroller's
 * temperature (int16 / 10 °C, {@code temperature_interne}); read but not kept: reed switch state and
 * count, light detected and intensity, impact magnitude and alarm, acceleration, moisture, motion
 * state and count, external connector state, count and voltage. Port 100 carries configuration
 * answers: no measure. Any other port refuses the payload.
 *
 * <p>Same layout as Milesight's, but big-endian: a Milesight frame read here gives absurd values,
 * which {@link Plausibilite} then refuses.
 */
final class TektelicKonaHomeDecoder implements PayloadDecoder {

    static final int PORT_MESURES = 10;
    static final int PORT_CONFIGURATION = 100;
    private static final String PRODUIT = "Tektelic Kona Home Sensor";

    private final DecodeurACanaux canaux = new DecodeurACanaux(PRODUIT, List.of(
            new Canal(0x00, 0xFF, 2, (o, i, m) -> m.put(Mesures.BATTERIE, new Mesure(s16be(o, i) / 100.0, Mesures.VOLT))),
            Canal.ignore(0x01, 0x00, 1),   // reed switch state
            Canal.ignore(0x02, 0x00, 1),   // light detected
            temperature(0x03, Mesures.TEMPERATURE),
            new Canal(0x04, 0x68, 1, (o, i, m) -> m.put(Mesures.HUMIDITE, new Mesure(u8(o, i) / 2.0, Mesures.POURCENT))),
            Canal.ignore(0x05, 0x02, 2),   // impact magnitude
            Canal.ignore(0x07, 0x71, 6),   // acceleration x, y, z
            Canal.ignore(0x08, 0x04, 2),   // reed switch count
            Canal.ignore(0x09, 0x00, 1),   // moisture
            Canal.ignore(0x0A, 0x00, 1),   // motion event state
            temperature(0x0B, Mesures.TEMPERATURE_INTERNE),
            Canal.ignore(0x0C, 0x00, 1),   // impact alarm
            Canal.ignore(0x0D, 0x04, 2),   // motion event count
            Canal.ignore(0x0E, 0x00, 1),   // external connector state
            Canal.ignore(0x0F, 0x04, 2),   // external connector count
            Canal.ignore(0x10, 0x02, 1),   // light intensity
            Canal.ignore(0x11, 0x02, 2))); // external connector voltage

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (fPort == null) {
            return Decodage.refuse("port LoRaWAN absent : un " + PRODUIT + " envoie ses mesures sur le port 10");
        }
        return switch (fPort) {
            case PORT_MESURES -> canaux.decode(fPort, o);
            case PORT_CONFIGURATION -> Decodage.reussi(Map.of());
            default -> Decodage.refuse("port LoRaWAN " + fPort + " inattendu pour un " + PRODUIT
                    + " : mesures sur le port 10, configuration sur le port 100");
        };
    }

    private static Canal temperature(int id, String nom) {
        return new Canal(id, 0x67, 2, (o, i, m) -> m.put(nom, new Mesure(s16be(o, i) / 10.0, Mesures.DEGRES_CELSIUS)));
    }
}
