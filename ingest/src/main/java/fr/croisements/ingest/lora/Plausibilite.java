package fr.croisements.ingest.lora;

import fr.croisements.events.Mesure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a sensor can report, by measure and unit: a decoded value outside them means the
 * payload is not the device's (issue #13: a decoder forced with {@code --modele} on another
 * vendor's payload read 3004.4 °C or, worse, plausible values). The ranges are those of the
 * sensors' data sheets, widened to cover every model we decode:
 * <ul>
 *   <li>{@code temperature} -40 to 85 °C (air sensors); {@code temperature_sonde} and
 *       {@code temperature_interne} -55 to 125 °C (DS18B20 probes, electronics);
 *   <li>{@code humidite} 0 to 100 %; {@code co2} 0 to 40 000 ppm (the widest NDIR range);
 *       {@code pression} 300 to 1 100 hPa;
 *   <li>{@code batterie} 0 to 100 %, or 1 to 5 V (no battery-powered device here transmits below 1 V
 *       or carries more than 5 V);
 *   <li>{@code pm1}, {@code pm2_5}, {@code pm4}, {@code pm10} 0 to 1 000 µg/m³; {@code formaldehyde}
 *       0 to 10 mg/m³; {@code ozone} 0 to 10 ppm; {@code luminosite} 0 to 200 000 lux (full sun is
 *       about 120 000).
 * </ul>
 * Other measures (counts, states, distances...) are not checked. Pure and thread-safe.
 */
final class Plausibilite {

    private record Plage(double min, double max) {
        boolean contient(double v) {
            return v >= min && v <= max;
        }
    }

    private static final Map<String, Map<String, Plage>> PLAGES = Map.ofEntries(
            Map.entry(Mesures.TEMPERATURE, Map.of(Mesures.DEGRES_CELSIUS, new Plage(-40, 85))),
            Map.entry(Mesures.TEMPERATURE_SONDE, Map.of(Mesures.DEGRES_CELSIUS, new Plage(-55, 125))),
            Map.entry(Mesures.TEMPERATURE_INTERNE, Map.of(Mesures.DEGRES_CELSIUS, new Plage(-55, 125))),
            Map.entry(Mesures.HUMIDITE, Map.of(Mesures.POURCENT, new Plage(0, 100))),
            Map.entry(Mesures.CO2, Map.of(Mesures.PPM, new Plage(0, 40_000))),
            Map.entry(Mesures.PRESSION, Map.of(Mesures.HECTOPASCAL, new Plage(300, 1_100))),
            Map.entry(Mesures.BATTERIE, Map.of(Mesures.POURCENT, new Plage(0, 100), Mesures.VOLT, new Plage(1, 5))),
            Map.entry(Mesures.PM1, Map.of(Mesures.MICROGRAMME_M3, new Plage(0, 1_000))),
            Map.entry(Mesures.PM2_5, Map.of(Mesures.MICROGRAMME_M3, new Plage(0, 1_000))),
            Map.entry(Mesures.PM4, Map.of(Mesures.MICROGRAMME_M3, new Plage(0, 1_000))),
            Map.entry(Mesures.PM10, Map.of(Mesures.MICROGRAMME_M3, new Plage(0, 1_000))),
            Map.entry(Mesures.FORMALDEHYDE, Map.of("mg/m³", new Plage(0, 10))),
            Map.entry(Mesures.OZONE, Map.of(Mesures.PPM, new Plage(0, 10))),
            Map.entry(Mesures.LUMINOSITE, Map.of(Mesures.LUX, new Plage(0, 200_000))));

    private Plausibilite() {}

    /**
     * Why these measures cannot come from the device (the first value out of its range, by measure
     * name), or {@code null} when they all can.
     */
    static String invraisemblance(Map<String, Mesure> mesures) {
        for (var e : new TreeMap<>(mesures).entrySet()) {
            Mesure m = e.getValue();
            Plage p = PLAGES.getOrDefault(e.getKey(), Map.of()).get(m.unite());
            if (p != null && !p.contient(m.valeur())) {
                return e.getKey() + " = " + nombre(m.valeur()) + " " + m.unite() + " hors de la plage plausible ("
                        + nombre(p.min()) + " à " + nombre(p.max()) + " " + m.unite() + ") : la charge utile vient sans doute d'un autre modèle";
            }
        }
        return null;
    }

    /** A number as a French reader writes it: decimal comma, at most 3 decimals, no grouping. */
    static String nombre(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
