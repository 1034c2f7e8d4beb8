package fr.croisements.ingest.lora;

/**
 * The names and units of the measures in {@code LoraUplink.mesures()}: one name per physical
 * quantity whatever the device, so that a crossing reads {@code temperature} from a Milesight, an
 * Elsys or a network-server decoded object alike. Units are written for users.
 */
public final class Mesures {

    /** Air temperature, °C. A device's own temperature is {@link #TEMPERATURE_INTERNE}. */
    public static final String TEMPERATURE = "temperature";
    /** Temperature of the device itself (parking sensors), °C: not the air temperature. */
    public static final String TEMPERATURE_INTERNE = "temperature_interne";
    /** Temperature of an external probe (Dragino LHT65 DS18B20, Elsys external sensor), °C. */
    public static final String TEMPERATURE_SONDE = "temperature_sonde";
    /** Relative humidity, %. */
    public static final String HUMIDITE = "humidite";
    /** Carbon dioxide, ppm. */
    public static final String CO2 = "co2";
    /** Atmospheric pressure, hPa. */
    public static final String PRESSION = "pression";
    /** Battery level: % (Milesight) or V (Dragino, Elsys, Decentlab, Nwave), as the device reports it. */
    public static final String BATTERIE = "batterie";
    /** Distance measured by an ultrasonic sensor, mm. */
    public static final String DISTANCE = "distance";
    /** Parking space occupied (1) or free (0). */
    public static final String OCCUPATION = "occupation";
    /** Minutes the space spent in its previous state (Nwave). */
    public static final String DUREE_ETAT_PRECEDENT = "duree_etat_precedent";
    /** Illuminance, lux. */
    public static final String LUMINOSITE = "luminosite";
    /** Light level on the device's own scale (Milesight AM307: 0 to 5). */
    public static final String NIVEAU_LUMIERE = "niveau_lumiere";
    /** Motion detections since the previous report (Elsys PIR). */
    public static final String MOUVEMENT = "mouvement";
    /** Presence detected by a PIR sensor (1) or not (0). */
    public static final String PRESENCE = "presence";
    /** PIR activity level (Milesight). */
    public static final String ACTIVITE = "activite";
    /** Tilted (1) or in its normal position (0) (Milesight ultrasonic sensors). */
    public static final String INCLINAISON = "inclinaison";
    /** Volatile organic compounds: µg/m³ (Milesight) or ppb (Elsys). */
    public static final String COV = "cov";
    /** Formaldehyde, mg/m³. */
    public static final String FORMALDEHYDE = "formaldehyde";
    /** Ozone, ppm. */
    public static final String OZONE = "ozone";
    /** Particulate matter mass concentrations, µg/m³. */
    public static final String PM1 = "pm1";
    public static final String PM2_5 = "pm2_5";
    public static final String PM4 = "pm4";
    public static final String PM10 = "pm10";

    public static final String DEGRES_CELSIUS = "°C";
    public static final String POURCENT = "%";
    public static final String PPM = "ppm";
    public static final String HECTOPASCAL = "hPa";
    public static final String VOLT = "V";
    public static final String MILLIMETRE = "mm";
    /** Unit of a yes/no state: 1 yes, 0 no. */
    public static final String OUI_NON = "0/1";
    public static final String LUX = "lux";
    public static final String MINUTE = "min";
    public static final String MICROGRAMME_M3 = "µg/m³";

    private Mesures() {}
}
