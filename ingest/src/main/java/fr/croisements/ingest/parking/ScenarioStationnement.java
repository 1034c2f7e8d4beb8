package fr.croisements.ingest.parking;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An event that raises demand in the car parks near a place, for {@link OccupationSimulateur}.
 * Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #AUCUN}: the profile alone;</li>
 *   <li>{@link #marche()}: every Saturday morning, {@link #HAUSSE_MARCHE} (+25 points) of occupancy
 *       in the car parks of the centre, full from 9:00 to 12:00 (Paris), ramping up from 8:00 and
 *       down until 13:00;</li>
 *   <li>{@link #festival(LocalDate, int)}: on a few evenings in a row, the car parks of the centre
 *       near saturation ({@link #TAUX_FESTIVAL}), full from 19:30 to 23:30, ramping up from 18:00
 *       and down until 0:30.</li>
 * </ul>
 * "The centre" is every car park within {@link Lieu#rayonMetres()} of one of {@link #CENTRES}.
 */
public final class ScenarioStationnement {

    /** A place and the radius of the car parks it fills. */
    public record Lieu(String nom, double longitude, double latitude, double rayonMetres) {

        /** Whether a position is within the radius (equirectangular distance, exact enough at this scale). */
        public boolean contient(Position p) {
            return distanceMetres(p) <= rayonMetres;
        }

        double distanceMetres(Position p) {
            double rayonTerre = 6_371_008.8;
            double phi = Math.toRadians((latitude + p.latitude()) / 2);
            double dx = Math.toRadians(p.longitude() - longitude) * Math.cos(phi) * rayonTerre;
            double dy = Math.toRadians(p.latitude() - latitude) * rayonTerre;
            return Math.hypot(dx, dy);
        }
    }

    /**
     * The market places of the two simulated cities (positions read on a map for the demonstration):
     * Poitiers' Notre-Dame market (place Charles-de-Gaulle), La Rochelle's central market (les Halles).
     */
    public static final List<Lieu> CENTRES = List.of(
            new Lieu("Poitiers, marché Notre-Dame", 0.3450, 46.5835, 700),
            new Lieu("La Rochelle, marché central", -1.1508, 46.1621, 900));

    /** Occupancy added on Saturday mornings by {@link #marche()}: 25 points. */
    public static final double HAUSSE_MARCHE = 0.25;
    /** Occupancy reached on festival evenings: 97 %. */
    public static final double TAUX_FESTIVAL = 0.97;
    /** Evenings of {@code festival} when asked by name. */
    public static final int SOIRS_FESTIVAL = 4;

    private enum Type { AUCUN, MARCHE, FESTIVAL }

    /** No event. */
    public static final ScenarioStationnement AUCUN = new ScenarioStationnement(Type.AUCUN, null, 0, CENTRES);

    private final Type type;
    private final LocalDate premierSoir;
    private final int soirs;
    private final List<Lieu> lieux;

    private ScenarioStationnement(Type type, LocalDate premierSoir, int soirs, List<Lieu> lieux) {
        this.type = type;
        this.premierSoir = premierSoir;
        this.soirs = soirs;
        this.lieux = List.copyOf(lieux);
    }

    /** Market day: every Saturday morning, +25 points in the car parks of the centre. */
    public static ScenarioStationnement marche() {
        return new ScenarioStationnement(Type.MARCHE, null, 0, CENTRES);
    }

    /** A festival: {@code soirs} evenings from {@code premierSoir}, the car parks of the centre near saturation. */
    public static ScenarioStationnement festival(LocalDate premierSoir, int soirs) {
        Objects.requireNonNull(premierSoir, "premierSoir");
        if (soirs < 1) {
            throw new IllegalArgumentException("A festival lasts at least one evening: " + soirs);
        }
        return new ScenarioStationnement(Type.FESTIVAL, premierSoir, soirs, CENTRES);
    }

    /**
     * A scenario by its command-line name: {@code aucun}, {@code marche} (or {@code marché}), or
     * {@code festival} ({@link #SOIRS_FESTIVAL} evenings from the first Thursday on or after {@code debut}).
     *
     * @throws IllegalArgumentException with a French message for any other name
     */
    public static ScenarioStationnement parNom(String nom, LocalDate debut) {
        String cle = nom == null ? "aucun" : nom.strip().toLowerCase(Locale.ROOT);
        return switch (cle) {
            case "aucun", "" -> AUCUN;
            case "marche", "marché" -> marche();
            case "festival" -> festival(debut.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)), SOIRS_FESTIVAL);
            default -> throw new IllegalArgumentException("Scénario de stationnement inconnu : " + nom
                    + " (disponibles : aucun, marche, festival)");
        };
    }

    /** {@code aucun}, {@code marche} or {@code festival}. */
    public String nom() {
        return type.name().toLowerCase(Locale.ROOT);
    }

    public List<Lieu> lieux() {
        return lieux;
    }

    /** Whether the event can touch this car park (it is in the centre); always false for {@link #AUCUN}. */
    public boolean concerne(ParcStationnement parc) {
        return type != Type.AUCUN && parc.position() != null && lieux.stream().anyMatch(l -> l.contient(parc.position()));
    }

    /** The rate of a car park of the centre at a local time of Paris, given its rate without the event. */
    double appliquer(double taux, ZonedDateTime local) {
        return switch (type) {
            case AUCUN -> taux;
            case MARCHE -> taux + HAUSSE_MARCHE * intensiteMarche(local);
            case FESTIVAL -> {
                double i = intensiteFestival(local);
                yield taux + (Math.max(taux, TAUX_FESTIVAL) - taux) * i;
            }
        };
    }

    /** 0 to 1: Saturday 8:00 → 9:00 up, 1 until 12:00, down until 13:00. */
    static double intensiteMarche(ZonedDateTime local) {
        if (local.getDayOfWeek() != DayOfWeek.SATURDAY) {
            return 0;
        }
        return trapeze(heures(local), 8, 9, 12, 13);
    }

    /** 0 to 1 on festival evenings: 18:00 → 19:30 up, 1 until 23:30, down until 0:30 the next day. */
    double intensiteFestival(ZonedDateTime local) {
        LocalDate soir = local.getHour() < 12 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        if (soir.isBefore(premierSoir) || !soir.isBefore(premierSoir.plusDays(soirs))) {
            return 0;
        }
        double x = heures(local) + (local.getHour() < 12 ? 24 : 0);
        return trapeze(x, 18, 19.5, 23.5, 24.5);
    }

    private static double heures(ZonedDateTime local) {
        return local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
    }

    private static double trapeze(double x, double debut, double plein, double finPlein, double fin) {
        if (x <= debut || x >= fin) {
            return 0;
        }
        if (x < plein) {
            return (x - debut) / (plein - debut);
        }
        return x <= finPlein ? 1 : (fin - x) / (fin - finPlein);
    }

    @Override
    public String toString() {
        return type == Type.FESTIVAL ? "festival (" + soirs + " soirs à partir du " + premierSoir + ")" : nom();
    }
}
