package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16be;
import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adeunis Comfort (Comfort 2) and Comfort CO2 indoor sensors, as in Adeunis's decoders
 * ({@code vendor/adeunis/comfort_lib.js}, {@code comfort_co2_lib.js}), big-endian: byte 0 the
 * frame code, byte 1 the status (bits 7-5 frame counter, bit 3 configuration inconsistency, bit 2
 * a timestamp ends the frame, bit 1 low battery, bit 0 configuration done).
 * <ul>
 *   <li>Data frame ({@code 0x4C} Comfort, {@code 0x6A} Comfort CO2): records of temperature
 *       (int16 / 10 °C), humidity (uint8 %) and, for the Comfort CO2, CO2 (uint16 ppm), newest
 *       first, then the timestamp (4 bytes, seconds since 2013-01-01 UTC) when bit 2 says so. The
 *       newest record gives the measures; the older ones are the device's history, not kept.
 *   <li>Alarm frame ({@code 0x4D}, {@code 0x6B}): the alarm flags, then the current temperature,
 *       humidity (and CO2), kept as measures.
 *   <li>Frames without measure, read for their length only: {@code 0x10} configuration,
 *       {@code 0x1F} digital inputs configuration, {@code 0x20} network configuration,
 *       {@code 0x30} keep-alive (Comfort) or daily minima, maxima and averages (Comfort CO2, not
 *       kept: the data frames carry the values), {@code 0x33} register answer, {@code 0x37}
 *       software version, {@code 0x51} and {@code 0x52} digital input alarms.
 * </ul>
 * Any other frame code, or a frame of another length, refuses the payload. The port is not used.
 */
final class AdeunisComfortDecoder implements PayloadDecoder {

    private static final int HORODATAGE = 0x04;
    private static final int LONGUEUR_HORODATAGE = 4;

    private final String produit;
    private final int trameDonnees;
    private final int trameAlarme;
    private final boolean co2;
    /** Lengths of the frames without measure, by code. */
    private final Map<Integer, Set<Integer>> autresTrames;

    private AdeunisComfortDecoder(String produit, int trameDonnees, int trameAlarme, boolean co2, Set<Integer> trame30) {
        this.produit = produit;
        this.trameDonnees = trameDonnees;
        this.trameAlarme = trameAlarme;
        this.co2 = co2;
        this.autresTrames = Map.of(
                0x10, Set.of(11, 12, 13),
                0x1F, Set.of(8),
                0x20, Set.of(3, 4, 5),
                0x30, trame30,
                0x33, Set.of(5),
                0x37, Set.of(8),
                0x51, Set.of(9, 13),
                0x52, Set.of(9, 13));
    }

    /** Comfort (Comfort 2): temperature and humidity; {@code 0x30} is a 2-byte keep-alive (6 with a timestamp). */
    static AdeunisComfortDecoder comfort() {
        return new AdeunisComfortDecoder("Adeunis Comfort", 0x4C, 0x4D, false, Set.of(2, 6));
    }

    /** Comfort CO2: temperature, humidity and CO2; {@code 0x30} is the daily summary (11, 19 or 23 bytes). */
    static AdeunisComfortDecoder comfortCo2() {
        return new AdeunisComfortDecoder("Adeunis Comfort CO2", 0x6A, 0x6B, true, Set.of(11, 19, 23));
    }

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (o.length < 2) {
            return Decodage.refuse("longueur incorrecte pour un " + produit + " : au moins 2 octets attendus (code de trame, état), "
                    + o.length + " reçu(s)");
        }
        int code = u8(o, 0);
        int horodatage = (u8(o, 1) & HORODATAGE) != 0 ? LONGUEUR_HORODATAGE : 0;
        int enregistrement = co2 ? 5 : 3;
        var m = new LinkedHashMap<String, Mesure>();
        if (code == trameDonnees) {
            int valeurs = o.length - 2 - horodatage;
            if (valeurs <= 0 || valeurs % enregistrement != 0) {
                return longueur(code, o, String.format(Locale.ROOT, "2%s octets plus un multiple de %d",
                        horodatage > 0 ? " + 4 (horodatage)" : "", enregistrement));
            }
            lire(o, 2, m);
        } else if (code == trameAlarme) {
            int attendue = 3 + enregistrement + horodatage;
            if (o.length != attendue) {
                return longueur(code, o, Integer.toString(attendue));
            }
            lire(o, 3, m);
        } else if (autresTrames.containsKey(code)) {
            if (!autresTrames.get(code).contains(o.length)) {
                return longueur(code, o, autresTrames.get(code).stream().sorted().map(String::valueOf)
                        .reduce((a, b) -> a + " ou " + b).orElseThrow());
            }
        } else {
            return Decodage.refuse(String.format(Locale.ROOT, "code de trame inconnu 0x%02X pour un %s", code, produit));
        }
        return Decodage.reussi(m);
    }

    /** One record: temperature, humidity and, for the Comfort CO2, CO2. */
    private void lire(byte[] o, int i, Map<String, Mesure> m) {
        m.put(Mesures.TEMPERATURE, new Mesure(s16be(o, i) / 10.0, Mesures.DEGRES_CELSIUS));
        m.put(Mesures.HUMIDITE, new Mesure(u8(o, i + 2), Mesures.POURCENT));
        if (co2) {
            m.put(Mesures.CO2, new Mesure(u16be(o, i + 3), Mesures.PPM));
        }
    }

    private Decodage longueur(int code, byte[] o, String attendue) {
        return Decodage.refuse(String.format(Locale.ROOT, "longueur incorrecte pour une trame 0x%02X d'un %s : %s attendus, %d reçus",
                code, produit, attendue, o.length));
    }
}
