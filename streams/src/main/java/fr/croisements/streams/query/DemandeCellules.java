package fr.croisements.streams.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What one instance asks another for (the JSON body of the {@code POST /interne/indicateurs/…} routes):
 * the zones, and for {@code …/cellules} the bounds of the period ({@code null}: open), as in
 * {@link IndicateursQueries#cellules}.
 */
public record DemandeCellules(List<String> zones, Instant debut, Instant fin) {

    public DemandeCellules {
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    public static DemandeCellules zones(Collection<String> zones) {
        return new DemandeCellules(List.copyOf(zones), null, null);
    }
}
