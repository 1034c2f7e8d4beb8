package fr.croisements.ingest.lora;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The regional weather the simulated sensors measure, seeded and deterministic: air temperature
 * with a diurnal cycle, relative humidity, outdoor CO2 and pressure. Pure functions of the instant
 * (and the seed and scenario): any moment can be computed alone. Immutable and thread-safe.
 *
 * <p>Temperature: each day has a minimum at {@value #HEURE_MIN}:00 and a maximum at
 * {@value #HEURE_MAX}:00 (Europe/Paris), joined by half cosines, so the curve is continuous from
 * one day to the next. The extremes are the monthly normals of Poitiers, interpolated day by day
 * between mid-months, plus a day-to-day anomaly common to the whole territory (smoothed over three
 * days, standard deviation about 2 °C), plus the scenario's heat wave.
 *
 * <p>Humidity follows from a daily dew point close to the night minimum (Magnus formula): humid at
 * dawn, drier in the afternoon, very dry in a heat wave (the dew point does not rise with it).
 * Outdoor CO2: about 420 ppm, traffic peaks at 08:00 and 18:00 on weekdays (stronger in town), a
 * little more at night (stable air). Pressure: slow oscillation around 1016 hPa.
 */
final class ClimatSimule {

    static final ZoneId FUSEAU = ZoneId.of("Europe/Paris");
    static final int HEURE_MIN = 5;
    static final int HEURE_MAX = 16;
    /**
     * Mean daily minimum and maximum temperatures of Poitiers by month, °C: orders of magnitude of
     * the 1991-2020 normals of Poitiers-Biard (Météo-France), rounded; not read from a data file
     * of the project (none holds them), to be replaced by the official values when available.
     */
    static final double[] NORMALES_MIN = {2.0, 1.8, 3.9, 5.9, 9.4, 12.6, 14.1, 13.9, 11.0, 8.6, 4.9, 2.5};
    static final double[] NORMALES_MAX = {8.9, 10.4, 14.0, 17.0, 20.6, 24.2, 26.5, 26.5, 22.9, 17.9, 12.3, 9.4};
    /** Standard deviation of the raw daily anomaly before smoothing; about 2 °C after. */
    static final double SIGMA_ANOMALIE_BRUTE = 3.3;
    /** The dew point is the day's minimum minus this, °C. */
    static final double ECART_POINT_DE_ROSEE = 1.0;
    static final double CO2_FOND_PPM = 420;

    private final long graine;
    private final Scenario scenario;

    ClimatSimule(long graine, Scenario scenario) {
        this.graine = graine;
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** Regional air temperature, °C, before the sensor's own offset and noise. */
    double temperature(Instant t) {
        ZonedDateTime z = t.atZone(FUSEAU);
        LocalDate jour = z.toLocalDate();
        double h = z.getHour() + z.getMinute() / 60.0 + z.getSecond() / 3600.0;
        if (h < HEURE_MIN) {
            return demiCosinus(maximum(jour.minusDays(1)), minimum(jour), (h + 24 - HEURE_MAX) / (24 - HEURE_MAX + HEURE_MIN));
        }
        if (h < HEURE_MAX) {
            return demiCosinus(minimum(jour), maximum(jour), (h - HEURE_MIN) / (HEURE_MAX - HEURE_MIN));
        }
        return demiCosinus(maximum(jour), minimum(jour.plusDays(1)), (h - HEURE_MAX) / (24 - HEURE_MAX + HEURE_MIN));
    }

    /** The day's minimum temperature (at 05:00), °C. */
    double minimum(LocalDate jour) {
        return normale(NORMALES_MIN, jour) + anomalie(jour) + Scenario.PART_MINIMA * scenario.ecartMaximum(jour);
    }

    /** The day's maximum temperature (at 16:00), °C. */
    double maximum(LocalDate jour) {
        return normale(NORMALES_MAX, jour) + anomalie(jour) + scenario.ecartMaximum(jour);
    }

    /** Relative humidity, %, for an air at {@code temperature} on the instant's day. */
    double humidite(Instant t, double temperature) {
        LocalDate jour = t.atZone(FUSEAU).toLocalDate();
        double rosee = normale(NORMALES_MIN, jour) + anomalie(jour) - ECART_POINT_DE_ROSEE;
        double h = 100 * Math.exp(17.625 * rosee / (243.04 + rosee)) / Math.exp(17.625 * temperature / (243.04 + temperature));
        return Math.max(5, Math.min(100, h));
    }

    /** Outdoor CO2, ppm, before noise. */
    double co2(Instant t, boolean urbain) {
        ZonedDateTime z = t.atZone(FUSEAU);
        double h = z.getHour() + z.getMinute() / 60.0;
        boolean semaine = z.getDayOfWeek() != DayOfWeek.SATURDAY && z.getDayOfWeek() != DayOfWeek.SUNDAY;
        double trafic = (urbain ? 45 : 15) * (semaine ? 1 : 0.4)
                * (gauss(h, 8, 1.3) + 0.9 * gauss(h, 18, 1.6));
        double nuit = 15 * (1 + Math.cos(2 * Math.PI * (h - 3) / 24)) / 2;
        return CO2_FOND_PPM + trafic + nuit;
    }

    /** Atmospheric pressure, hPa, before noise. */
    double pression(Instant t) {
        double jours = t.getEpochSecond() / 86_400.0;
        double phase = new SplittableRandom(graine ^ 0x5EA1E7L).nextDouble() * 2 * Math.PI;
        return 1016 + 7 * Math.sin(2 * Math.PI * jours / 9.3 + phase);
    }

    /** Day-to-day anomaly of the whole territory, °C: three daily draws smoothed. */
    double anomalie(LocalDate jour) {
        long j = jour.toEpochDay();
        return 0.25 * tirage(j - 1) + 0.5 * tirage(j) + 0.25 * tirage(j + 1);
    }

    private double tirage(long epochDay) {
        return new SplittableRandom(LoraSimulateur.melanger(graine, 0xC11A7L, epochDay)).nextGaussian() * SIGMA_ANOMALIE_BRUTE;
    }

    /** A monthly normal interpolated linearly between the 15th of consecutive months. */
    static double normale(double[] mensuelles, LocalDate jour) {
        int mois = jour.getMonthValue() - 1;
        LocalDate milieu = jour.withDayOfMonth(15);
        LocalDate autreMilieu;
        int autreMois;
        if (jour.isBefore(milieu)) {
            autreMilieu = milieu.minusMonths(1);
            autreMois = (mois + 11) % 12;
        } else {
            autreMilieu = milieu.plusMonths(1);
            autreMois = (mois + 1) % 12;
        }
        double x = Math.abs(jour.toEpochDay() - milieu.toEpochDay())
                / (double) Math.abs(autreMilieu.toEpochDay() - milieu.toEpochDay());
        return mensuelles[mois] + (mensuelles[autreMois] - mensuelles[mois]) * x;
    }

    private static double demiCosinus(double de, double vers, double x) {
        return de + (vers - de) * (1 - Math.cos(Math.PI * x)) / 2;
    }

    private static double gauss(double x, double centre, double sigma) {
        return Math.exp(-(x - centre) * (x - centre) / (2 * sigma * sigma));
    }
}
