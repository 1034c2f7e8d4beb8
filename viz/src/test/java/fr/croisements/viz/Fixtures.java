package fr.croisements.viz;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small territories with square communes (inline WKT) and cells of the bin indicator. */
public final class Fixtures {

    public static final String INDICATEUR = Indicateurs.TAUX_PRESENTATION_BACS.id();
    public static final Instant SEMAINE_1 = Instant.parse("2024-12-30T00:00:00Z");
    public static final Instant SEMAINE_2 = Instant.parse("2025-01-06T00:00:00Z");
    public static final Instant SEMAINE_3 = Instant.parse("2025-01-13T00:00:00Z");

    public static final Source INSEE = new Source(
            "Recensement de la population, ménages", "Insee", "2021", "Licence Ouverte 2.0", false);
    public static final Source LEVEES = new Source("Levées de bacs", "Croisements", "2025", "Licence Ouverte 2.0", true);
    public static final Source CONTOURS = new Source("Admin Express", "IGN", "2024", "Licence Ouverte 2.0", false);

    /** Pompey (54430) with a value, Liverdun (54318) secret, Frouard (54215) without any cell. */
    public static final Territoire VAL_DE_TEST = new Territoire("val-de-test",
            "Communauté de communes du Val de Test", "245400676",
            Map.of(Commune.MENAGES, INSEE, Commune.POPULATION, INSEE), CONTOURS,
            List.of(
                    commune("54215", "Frouard", 6200, 2900, "POLYGON ((6.10 48.76, 6.14 48.76, 6.14 48.80, 6.10 48.80, 6.10 48.76))"),
                    commune("54318", "Liverdun", 5900, 2600, "POLYGON ((6.02 48.72, 6.06 48.72, 6.06 48.76, 6.02 48.76, 6.02 48.72))"),
                    commune("54430", "Pompey", 4900, 2100, "POLYGON ((6.10 48.72, 6.14 48.72, 6.14 48.76, 6.10 48.76, 6.10 48.72))")),
            List.of());

    /** One Corsican commune: codes are not numbers. */
    public static final Territoire CORSE = new Territoire("corse-de-test", "Ajaccio", null,
            Map.of(), CONTOURS, List.of(commune("2A004", "Ajaccio", 71000, 33000,
                    "POLYGON ((8.70 41.90, 8.78 41.90, 8.78 41.96, 8.70 41.96, 8.70 41.90))")), List.of());

    private Fixtures() {}

    public static Indicateur cellule(String code, Instant debut, double bacs, double menages) {
        return new Indicateur(INDICATEUR, code, Zone.COMMUNE, "commune " + code, debut, debut.plusSeconds(7 * 86_400),
                100 * bacs / menages, "%", bacs, menages, LEVEES, INSEE, Map.of("levees", bacs + 150), (long) bacs,
                false, true);
    }

    public static Indicateur secrete(String code, Instant debut, double menages) {
        return new Indicateur(INDICATEUR, code, Zone.COMMUNE, "commune " + code, debut, debut.plusSeconds(7 * 86_400),
                null, "%", null, menages, LEVEES, INSEE, Map.of(), null, true, true);
    }

    private static Commune commune(String code, String nom, double population, double menages, String wkt) {
        return new Commune(code, nom, Map.of(Commune.POPULATION, population, Commune.MENAGES, menages), java.util.Set.of(),
                geometrie(wkt));
    }

    private static Geometry geometrie(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
