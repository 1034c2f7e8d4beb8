package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.u16be;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Decentlab DL-PM particulate matter sensor, Decentlab protocol version 2: a version byte, the
 * device id (2 bytes), a flags word saying which sensors follow, then each present sensor's
 * values as big-endian uint16. Sensor 0: battery (mV); sensor 1: PM1, PM2.5, PM4, PM10 mass
 * concentrations (/10 µg/m³), typical particle size (nm), PM0.5 to PM10 number concentrations
 * (/10 per cm³); sensor 2: air temperature (175.72 x / 65536 - 46.85 °C) and humidity
 * (125 x / 65536 - 6 %); sensor 3: barometric pressure (2 x Pa, given here in hPa). The length
 * must match the flags exactly. The port is not used.
 */
final class DecentlabDlPmDecoder implements PayloadDecoder {

    static final int VERSION = 2;
    private static final int[] VALEURS_PAR_CAPTEUR = {1, 10, 2, 1};

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (o.length < 5) {
            return Decodage.refuse("longueur incorrecte pour un Decentlab DL-PM : au moins 5 octets attendus, " + o.length + " reçus");
        }
        if (u8(o, 0) != VERSION) {
            return Decodage.refuse("version de protocole Decentlab " + u8(o, 0) + " inconnue (2 attendue)");
        }
        int drapeaux = u16be(o, 3);
        if ((drapeaux & ~0x0F) != 0) {
            return Decodage.refuse(String.format(Locale.ROOT, "capteur Decentlab inconnu dans les drapeaux 0x%04X (DL-PM : 4 capteurs)", drapeaux));
        }
        int attendus = 5;
        for (int capteur = 0; capteur < VALEURS_PAR_CAPTEUR.length; capteur++) {
            if ((drapeaux & 1 << capteur) != 0) {
                attendus += 2 * VALEURS_PAR_CAPTEUR[capteur];
            }
        }
        if (o.length != attendus) {
            return Decodage.refuse(String.format(Locale.ROOT,
                    "longueur incorrecte pour un Decentlab DL-PM : %d octets attendus d'après les drapeaux 0x%04X, %d reçus",
                    attendus, drapeaux, o.length));
        }
        var m = new LinkedHashMap<String, Mesure>();
        int i = 5;
        if ((drapeaux & 1) != 0) {
            m.put(Mesures.BATTERIE, new Mesure(u16be(o, i) / 1000.0, Mesures.VOLT));
            i += 2;
        }
        if ((drapeaux & 2) != 0) {
            String[] masses = {Mesures.PM1, Mesures.PM2_5, Mesures.PM4, Mesures.PM10};
            for (String nom : masses) {
                m.put(nom, new Mesure(u16be(o, i) / 10.0, Mesures.MICROGRAMME_M3));
                i += 2;
            }
            m.put("taille_particules", new Mesure(u16be(o, i), "nm"));
            i += 2;
            String[] nombres = {"nombre_pm0_5", "nombre_pm1", "nombre_pm2_5", "nombre_pm4", "nombre_pm10"};
            for (String nom : nombres) {
                m.put(nom, new Mesure(u16be(o, i) / 10.0, "par cm³"));
                i += 2;
            }
        }
        if ((drapeaux & 4) != 0) {
            m.put(Mesures.TEMPERATURE, new Mesure(175.72 * u16be(o, i) / 65536 - 46.85, Mesures.DEGRES_CELSIUS));
            m.put(Mesures.HUMIDITE, new Mesure(125.0 * u16be(o, i + 2) / 65536 - 6, Mesures.POURCENT));
            i += 4;
        }
        if ((drapeaux & 8) != 0) {
            m.put(Mesures.PRESSION, new Mesure(u16be(o, i) * 2 / 100.0, Mesures.HECTOPASCAL));
        }
        return Decodage.reussi(m);
    }
}
