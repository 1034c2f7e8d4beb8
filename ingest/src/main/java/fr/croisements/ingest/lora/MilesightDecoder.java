package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.s16le;
import static fr.croisements.ingest.lora.Octets.u16le;
import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import fr.croisements.ingest.lora.DecodeurACanaux.Canal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Milesight IoT models: channels {@code [channel id][channel type][data]} with little-endian
 * integers (Milesight's published decoders, e.g. TheThingsNetwork/lorawan-devices
 * {@code vendor/milesight-iot/em500-co2.js}, {@code am307.js}, {@code am103.js}), read by
 * {@link DecodeurACanaux}.
 *
 * <p>The type byte fixes the length and the scale: {@code 0x75} battery %, {@code 0x67}
 * temperature int16 / 10 °C, {@code 0x68} humidity uint8 / 2 %, {@code 0x7D} uint16 (CO2 ppm...),
 * {@code 0x73} pressure uint16 / 10 hPa, {@code 0x82} distance uint16 mm, {@code 0x00} a 0/1
 * state. Device information channels ({@code 0xFF xx}, sent after a join) are skipped. The port is
 * not checked: Milesight devices send on 85 by default, but the TTN repository's examples use 1 too.
 */
final class MilesightDecoder {

    /** Device information sent after a join: skipped. Lengths from Milesight's decoders. */
    private static final List<Canal> INFORMATIONS = List.of(
            Canal.ignore(0xFF, 0x01, 1),   // IPSO version
            Canal.ignore(0xFF, 0x09, 2),   // hardware version
            Canal.ignore(0xFF, 0x0A, 2),   // firmware version
            Canal.ignore(0xFF, 0x0B, 1),   // power on
            Canal.ignore(0xFF, 0x0F, 1),   // device class
            Canal.ignore(0xFF, 0x16, 8),   // serial number
            Canal.ignore(0xFF, 0xFF, 2));  // TSL version

    private MilesightDecoder() {}

    /** EM500-CO2: battery, temperature, humidity, CO2, pressure. */
    static PayloadDecoder em500Co2() {
        return modele("EM500-CO2", batterie(), temperature(0x03), humidite(0x04), co2(0x05), pression(0x06));
    }

    /** EM300-TH: battery, temperature, humidity. */
    static PayloadDecoder em300Th() {
        return modele("EM300-TH", batterie(), temperature(0x03), humidite(0x04));
    }

    /**
     * AM102 and AM102L (indoor): battery, temperature, humidity; the 7-byte history records
     * ({@code 0x20 0xCE}: time, temperature, humidity) are read but not kept.
     */
    static PayloadDecoder am102() {
        return modele("AM102", batterie(), temperature(0x03), humidite(0x04), Canal.ignore(0x20, 0xCE, 7));
    }

    /**
     * AM103 and AM103L (indoor): battery, temperature, humidity, CO2; the 9-byte history records
     * ({@code 0x20 0xCE}: time, temperature, humidity, CO2) are read but not kept.
     */
    static PayloadDecoder am103() {
        return modele("AM103", batterie(), temperature(0x03), humidite(0x04), co2(0x07), Canal.ignore(0x20, 0xCE, 9));
    }

    /**
     * AM307 (and AM319, same frame): battery, temperature, humidity, PIR, light level, CO2, TVOC,
     * pressure, formaldehyde, PM2.5, PM10, ozone; the buzzer state and the 16-byte history records
     * ({@code 0x20 0xCE}, past readings with their own timestamps) are read but not kept.
     */
    static PayloadDecoder am307() {
        return modele("AM307", batterie(), temperature(0x03), humidite(0x04),
                etat(0x05, Mesures.PRESENCE),
                new Canal(0x05, 0x6A, 2, (o, i, m) -> m.put(Mesures.ACTIVITE, new Mesure(u16le(o, i), "niveau"))),
                new Canal(0x06, 0xCB, 1, (o, i, m) -> m.put(Mesures.NIVEAU_LUMIERE, new Mesure(u8(o, i), "niveau (0 à 5)"))),
                co2(0x07),
                new Canal(0x08, 0x7D, 2, (o, i, m) -> m.put(Mesures.COV, new Mesure(u16le(o, i), Mesures.MICROGRAMME_M3))),
                pression(0x09),
                new Canal(0x0A, 0x7D, 2, (o, i, m) -> m.put(Mesures.FORMALDEHYDE, new Mesure(u16le(o, i) / 100.0, "mg/m³"))),
                new Canal(0x0B, 0x7D, 2, (o, i, m) -> m.put(Mesures.PM2_5, new Mesure(u16le(o, i), Mesures.MICROGRAMME_M3))),
                new Canal(0x0C, 0x7D, 2, (o, i, m) -> m.put(Mesures.PM10, new Mesure(u16le(o, i), Mesures.MICROGRAMME_M3))),
                new Canal(0x0D, 0x7D, 2, (o, i, m) -> m.put(Mesures.OZONE, new Mesure(u16le(o, i) / 100.0, Mesures.PPM))),
                Canal.ignore(0x0E, 0x01, 1),
                Canal.ignore(0x20, 0xCE, 16));
    }

    /** EM310-UDL: battery, distance, tilt. */
    static PayloadDecoder em310Udl() {
        return modele("EM310-UDL", batterie(), distance(0x03), etat(0x04, Mesures.INCLINAISON));
    }

    /** EM500-UDL: battery, distance. */
    static PayloadDecoder em500Udl() {
        return modele("EM500-UDL", batterie(), distance(0x03));
    }

    /**
     * EM400-UDL: battery, temperature, distance, tilt; temperature and distance with an alarm byte
     * ({@code 0x83 0x67}, {@code 0x84 0x82}), whose alarm flag is not kept.
     */
    static PayloadDecoder em400Udl() {
        return modele("EM400-UDL", batterie(), temperature(0x03), distance(0x04), etat(0x05, Mesures.INCLINAISON),
                new Canal(0x83, 0x67, 3, (o, i, m) -> m.put(Mesures.TEMPERATURE, new Mesure(s16le(o, i) / 10.0, Mesures.DEGRES_CELSIUS))),
                new Canal(0x84, 0x82, 3, (o, i, m) -> m.put(Mesures.DISTANCE, new Mesure(u16le(o, i), Mesures.MILLIMETRE))));
    }

    private static PayloadDecoder modele(String produit, Canal... canaux) {
        var tous = new ArrayList<>(List.of(canaux));
        tous.addAll(INFORMATIONS);
        return new DecodeurACanaux(produit, tous);
    }

    private static Canal batterie() {
        return new Canal(0x01, 0x75, 1, (o, i, m) -> m.put(Mesures.BATTERIE, new Mesure(u8(o, i), Mesures.POURCENT)));
    }

    private static Canal temperature(int id) {
        return new Canal(id, 0x67, 2, (o, i, m) -> m.put(Mesures.TEMPERATURE, new Mesure(s16le(o, i) / 10.0, Mesures.DEGRES_CELSIUS)));
    }

    private static Canal humidite(int id) {
        return new Canal(id, 0x68, 1, (o, i, m) -> m.put(Mesures.HUMIDITE, new Mesure(u8(o, i) / 2.0, Mesures.POURCENT)));
    }

    private static Canal co2(int id) {
        return new Canal(id, 0x7D, 2, (o, i, m) -> m.put(Mesures.CO2, new Mesure(u16le(o, i), Mesures.PPM)));
    }

    private static Canal pression(int id) {
        return new Canal(id, 0x73, 2, (o, i, m) -> m.put(Mesures.PRESSION, new Mesure(u16le(o, i) / 10.0, Mesures.HECTOPASCAL)));
    }

    private static Canal distance(int id) {
        return new Canal(id, 0x82, 2, (o, i, m) -> m.put(Mesures.DISTANCE, new Mesure(u16le(o, i), Mesures.MILLIMETRE)));
    }

    /** A one-byte state: 1 is "yes" (tilt, PIR trigger), anything else "no", as Milesight's decoders read it. */
    private static Canal etat(int id, String nom) {
        return new Canal(id, 0x00, 1, (o, i, m) -> m.put(nom, new Mesure(u8(o, i) == 1 ? 1 : 0, Mesures.OUI_NON)));
    }
}
