package fr.croisements.events;

/** Zone levels and the shape of their codes. Codes are strings: {@code 2A004} is not a number. */
public final class Zone {
    public static final String COMMUNE = "commune";
    public static final String IRIS = "iris";
    /** A car park: cells about one car park, its code being the car park's id. */
    public static final String PARKING = "parking";
    /** COG code of a commune, as in the schema.data.gouv.fr patterns (Corsica: 2A/2B). */
    public static final String CODE_COMMUNE = "^([013-9]\\d|2[AB1-9])\\d{3}$";

    private Zone() {}

    public static boolean estCodeCommune(String code) {
        return code != null && code.matches(CODE_COMMUNE);
    }
}
