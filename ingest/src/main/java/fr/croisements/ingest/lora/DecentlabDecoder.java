package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decentlab sensors, Decentlab protocol version 2 (Decentlab's decoders, e.g.
 * TheThingsNetwork/lorawan-devices {@code vendor/decentlab/dl-pm.js}, {@code dl-iam.js}): a version
 * byte, the device id (2 bytes), a flags word saying which of the model's sensors follow, then
 * each present sensor's values as big-endian uint16 words. The port is not used.
 *
 * <p>Checked: the version, no flag beyond the model's sensors, and the length, which must match
 * the flags exactly. Immutable and thread-safe.
 */
final class DecentlabDecoder implements PayloadDecoder {

    static final int VERSION = 2;

    /** What a sensor's words add to the measures. */
    @FunctionalInterface
    private interface Lecture {
        void lire(int[] x, Map<String, Mesure> m);
    }

    /** One sensor of the flags word: how many 16-bit words it sends and what they make. */
    private record Capteur(int mots, Lecture lecture) {}

    private static final Capteur BATTERIE = new Capteur(1,
            (x, m) -> m.put(Mesures.BATTERIE, new Mesure(x[0] / 1000.0, Mesures.VOLT)));

    private final String produit;
    private final List<Capteur> capteurs;

    private DecentlabDecoder(String produit, List<Capteur> capteurs) {
        this.produit = produit;
        this.capteurs = capteurs;
    }

    /**
     * DL-PM particulate matter sensor. Sensor 0: battery (mV); 1: PM1, PM2.5, PM4, PM10 mass
     * concentrations (/10 µg/m³), typical particle size (nm), PM0.5 to PM10 number concentrations
     * (/10 per cm³); 2: air temperature (175.72 x / 65536 - 46.85 °C) and humidity
     * (125 x / 65536 - 6 %); 3: barometric pressure (2 x Pa, given here in hPa).
     */
    static DecentlabDecoder dlPm() {
        return new DecentlabDecoder("Decentlab DL-PM", List.of(
                BATTERIE,
                new Capteur(10, (x, m) -> {
                    String[] masses = {Mesures.PM1, Mesures.PM2_5, Mesures.PM4, Mesures.PM10};
                    for (int k = 0; k < masses.length; k++) {
                        m.put(masses[k], new Mesure(x[k] / 10.0, Mesures.MICROGRAMME_M3));
                    }
                    m.put("taille_particules", new Mesure(x[4], "nm"));
                    String[] nombres = {"nombre_pm0_5", "nombre_pm1", "nombre_pm2_5", "nombre_pm4", "nombre_pm10"};
                    for (int k = 0; k < nombres.length; k++) {
                        m.put(nombres[k], new Mesure(x[5 + k] / 10.0, "par cm³"));
                    }
                }),
                new Capteur(2, (x, m) -> {
                    m.put(Mesures.TEMPERATURE, new Mesure(175.72 * x[0] / 65536 - 46.85, Mesures.DEGRES_CELSIUS));
                    m.put(Mesures.HUMIDITE, new Mesure(125.0 * x[1] / 65536 - 6, Mesures.POURCENT));
                }),
                pression()));
    }

    /**
     * DL-IAM indoor ambiance monitor. Sensor 0: battery (mV); 1: air temperature
     * (175 x / 65535 - 45 °C) and humidity (100 x / 65535 %); 2: barometric pressure (2 x Pa, given
     * here in hPa); 3: ambient light, visible + infrared {@code a} and infrared {@code b}, whose
     * illuminance is max(a - 1.64 b, 0.59 a - 0.86 b, 0) x 1.5504 lux (the raw readings are not
     * kept); 4: CO2 (x - 32768 ppm), then the CO2 sensor's status and raw infrared reading (not
     * kept); 5: PIR activity, the detections since the previous uplink; 6: total VOC (ppb).
     */
    static DecentlabDecoder dlIam() {
        return new DecentlabDecoder("Decentlab DL-IAM", List.of(
                BATTERIE,
                new Capteur(2, (x, m) -> {
                    m.put(Mesures.TEMPERATURE, new Mesure(175.0 * x[0] / 65535 - 45, Mesures.DEGRES_CELSIUS));
                    m.put(Mesures.HUMIDITE, new Mesure(100.0 * x[1] / 65535, Mesures.POURCENT));
                }),
                pression(),
                new Capteur(2, (x, m) -> m.put(Mesures.LUMINOSITE,
                        new Mesure(Math.max(Math.max(x[0] - 1.64 * x[1], 0.59 * x[0] - 0.86 * x[1]), 0) * 1.5504, Mesures.LUX))),
                new Capteur(3, (x, m) -> m.put(Mesures.CO2, new Mesure(x[0] - 32768, Mesures.PPM))),
                new Capteur(1, (x, m) -> m.put(Mesures.MOUVEMENT, new Mesure(x[0], "détections"))),
                new Capteur(1, (x, m) -> m.put(Mesures.COV, new Mesure(x[0], "ppb")))));
    }

    private static Capteur pression() {
        return new Capteur(1, (x, m) -> m.put(Mesures.PRESSION, new Mesure(x[0] * 2 / 100.0, Mesures.HECTOPASCAL)));
    }

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (o.length < 5) {
            return Decodage.refuse("longueur incorrecte pour un " + produit + " : au moins 5 octets attendus, " + o.length + " reçus");
        }
        if (u8(o, 0) != VERSION) {
            return Decodage.refuse("version de protocole Decentlab " + u8(o, 0) + " inconnue (2 attendue)");
        }
        int drapeaux = u16be(o, 3);
        if ((drapeaux & -(1 << capteurs.size())) != 0) {
            return Decodage.refuse(String.format(Locale.ROOT, "capteur Decentlab inconnu dans les drapeaux 0x%04X (%s : %d capteurs)",
                    drapeaux, produit.substring(produit.indexOf(' ') + 1), capteurs.size()));
        }
        int attendus = 5;
        for (int k = 0; k < capteurs.size(); k++) {
            if ((drapeaux & 1 << k) != 0) {
                attendus += 2 * capteurs.get(k).mots();
            }
        }
        if (o.length != attendus) {
            return Decodage.refuse(String.format(Locale.ROOT,
                    "longueur incorrecte pour un %s : %d octets attendus d'après les drapeaux 0x%04X, %d reçus",
                    produit, attendus, drapeaux, o.length));
        }
        var m = new LinkedHashMap<String, Mesure>();
        int i = 5;
        for (int k = 0; k < capteurs.size(); k++) {
            if ((drapeaux & 1 << k) == 0) {
                continue;
            }
            Capteur c = capteurs.get(k);
            int[] x = new int[c.mots()];
            for (int j = 0; j < x.length; j++, i += 2) {
                x[j] = u16be(o, i);
            }
            c.lecture().lire(x, m);
        }
        return Decodage.reussi(m);
    }
}
