package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Mesure;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures from an object a network server already decoded (TTS {@code decoded_payload} or
 * {@code normalized_payload}, ChirpStack {@code object}): the top-level fields with a known name
 * (case ignored) become our measures; the others are listed, not kept.
 *
 * <ul>
 *   <li>{@code temperature}, {@code temp}, {@code TempC_SHT}, {@code air_temperature} → {@code temperature} °C
 *   <li>{@code humidity}, {@code hum}, {@code rh}, {@code Hum_SHT}, {@code air_humidity} → {@code humidite} %
 *   <li>{@code co2} → {@code co2} ppm
 *   <li>{@code battery}, {@code battery_level}, {@code batteryLevel} → {@code batterie} %, or V when the
 *       value is below 5 and not a whole number (a voltage); {@code battery_voltage}, {@code BatV},
 *       {@code vbat} → {@code batterie} V; {@code vdd} (mV) → {@code batterie} V
 *   <li>{@code distance} (a number) → {@code distance} mm
 *   <li>{@code occupied}, {@code occupancy}, {@code parking_status}, {@code parkingStatus}
 *       (true/false, 0/1, "occupied"/"free") → {@code occupation} 0/1
 *   <li>{@code pressure}, {@code barometric_pressure} → {@code pression} hPa (a value above 2000 is
 *       taken as Pa)
 *   <li>{@code light}, {@code lux}, {@code illuminance} → {@code luminosite} lux
 *   <li>{@code pm2_5}, {@code pm25}, {@code pm10} → µg/m³
 * </ul>
 */
final class MesuresDecodees {

    private MesuresDecodees() {}

    /**
     * @param objet the decoded object
     * @param ignores receives the names of the fields not kept
     */
    static Map<String, Mesure> depuisObjet(JsonNode objet, List<String> ignores) {
        var m = new LinkedHashMap<String, Mesure>();
        for (Iterator<Map.Entry<String, JsonNode>> it = objet.fields(); it.hasNext(); ) {
            var champ = it.next();
            if (!ajouter(champ.getKey(), champ.getValue(), m)) {
                ignores.add(champ.getKey());
            }
        }
        return m;
    }

    /**
     * TTS normalized payload: an array of measurements, each with an {@code air} object
     * ({@code temperature}, {@code relativeHumidity}, {@code pressure}, {@code co2}, {@code lightIntensity});
     * the first measurement is kept.
     */
    static Map<String, Mesure> depuisNormalise(JsonNode normalise) {
        var m = new LinkedHashMap<String, Mesure>();
        if (normalise == null || !normalise.isArray() || normalise.isEmpty()) {
            return m;
        }
        JsonNode air = normalise.get(0).path("air");
        mettre(m, Mesures.TEMPERATURE, Normalisation.nombre(air.get("temperature")), Mesures.DEGRES_CELSIUS);
        mettre(m, Mesures.HUMIDITE, Normalisation.nombre(air.get("relativeHumidity")), Mesures.POURCENT);
        mettre(m, Mesures.PRESSION, Normalisation.nombre(air.get("pressure")), Mesures.HECTOPASCAL);
        mettre(m, Mesures.CO2, Normalisation.nombre(air.get("co2")), Mesures.PPM);
        mettre(m, Mesures.LUMINOSITE, Normalisation.nombre(air.get("lightIntensity")), Mesures.LUX);
        return m;
    }

    private static boolean ajouter(String nom, JsonNode valeur, Map<String, Mesure> m) {
        String cle = nom.toLowerCase(Locale.ROOT);
        Double v = Normalisation.nombre(valeur);
        switch (cle) {
            case "temperature", "temp", "tempc_sht", "air_temperature" -> {
                return mettre(m, Mesures.TEMPERATURE, v, Mesures.DEGRES_CELSIUS);
            }
            case "humidity", "hum", "rh", "relative_humidity", "hum_sht", "air_humidity" -> {
                return mettre(m, Mesures.HUMIDITE, v, Mesures.POURCENT);
            }
            case "co2" -> {
                return mettre(m, Mesures.CO2, v, Mesures.PPM);
            }
            case "battery", "battery_level", "batterylevel", "battery_percent", "bat" -> {
                boolean tension = v != null && v < 5 && v != Math.rint(v);
                return mettre(m, Mesures.BATTERIE, v, tension ? Mesures.VOLT : Mesures.POURCENT);
            }
            case "battery_voltage", "batv", "bat_v", "vbat", "battery_v" -> {
                return mettre(m, Mesures.BATTERIE, v, Mesures.VOLT);
            }
            case "vdd" -> {
                return mettre(m, Mesures.BATTERIE, v == null ? null : v / 1000, Mesures.VOLT);
            }
            case "distance" -> {
                return mettre(m, Mesures.DISTANCE, v, Mesures.MILLIMETRE);
            }
            case "occupied", "occupancy", "parking_status", "parkingstatus" -> {
                return mettre(m, Mesures.OCCUPATION, occupation(valeur), Mesures.OUI_NON);
            }
            case "pressure", "barometric_pressure" -> {
                return mettre(m, Mesures.PRESSION, v == null ? null : v > 2000 ? v / 100 : v, Mesures.HECTOPASCAL);
            }
            case "light", "lux", "illuminance" -> {
                return mettre(m, Mesures.LUMINOSITE, v, Mesures.LUX);
            }
            case "pm2_5", "pm25" -> {
                return mettre(m, Mesures.PM2_5, v, Mesures.MICROGRAMME_M3);
            }
            case "pm10" -> {
                return mettre(m, Mesures.PM10, v, Mesures.MICROGRAMME_M3);
            }
            default -> {
                return false;
            }
        }
    }

    private static Double occupation(JsonNode valeur) {
        if (valeur == null) {
            return null;
        }
        if (valeur.isBoolean()) {
            return valeur.asBoolean() ? 1.0 : 0.0;
        }
        if (valeur.isNumber()) {
            double v = valeur.asDouble();
            return v == 0 || v == 1 ? v : null;
        }
        if (valeur.isTextual()) {
            return switch (valeur.asText().strip().toLowerCase(Locale.ROOT)) {
                case "occupied", "occupé", "occupe", "true", "1", "busy" -> 1.0;
                case "free", "libre", "vacant", "false", "0", "empty" -> 0.0;
                default -> null;
            };
        }
        return null;
    }

    private static boolean mettre(Map<String, Mesure> m, String nom, Double valeur, String unite) {
        if (valeur == null) {
            return false;
        }
        m.put(nom, new Mesure(valeur, unite));
        return true;
    }
}
