package fr.croisements.streams;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Source;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Two square communes side by side, sharing the edge x = 6.1. */
public final class Fixtures {

    public static final String OUEST = "54001";
    public static final String EST = "54002";
    public static final Source MENAGES = new Source("Base du comparateur de territoires", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    private Fixtures() {}

    public static Territoire territoire() {
        return new Territoire("essai", "Territoire d'essai", "200000000", Map.of("menages", MENAGES), MENAGES, List.of(
                commune(OUEST, "Ouest-la-Forêt", 100, "POLYGON ((6.0 48.7, 6.1 48.7, 6.1 48.8, 6.0 48.8, 6.0 48.7))"),
                commune(EST, "Est-sur-Moselle", 50, "POLYGON ((6.1 48.7, 6.2 48.7, 6.2 48.8, 6.1 48.8, 6.1 48.7))")),
                List.of());
    }

    public static Commune commune(String code, String nom, double menages, String wkt) {
        try {
            return new Commune(code, nom, Map.of("menages", menages, "population", menages * 2.2), java.util.Set.of(),
                    new WKTReader().read(wkt));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
