package fr.croisements.datasets.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * Where a dataset has figures: territories, their communes (COG codes) and, at the IRIS level,
 * their IRIS (9-character codes).
 *
 * @param granularite the finest zone described
 * @param territoires the territories covered, in catalogue order
 */
public record Couverture(Granularite granularite, List<TerritoireCouvert> territoires) {

    /** URI of a commune in INSEE's geographic linked data, e.g. {@code http://id.insee.fr/geo/commune/54090}. */
    public static final String URI_COMMUNE = "http://id.insee.fr/geo/commune/";

    /**
     * A territory covered by a dataset.
     *
     * @param id territory id, e.g. {@code la-rochelle}
     * @param nom its name, e.g. "Communauté d'agglomération de La Rochelle"
     * @param epciSiren SIREN of its EPCI, or {@code null}
     * @param complet whether every commune of the territory is covered
     * @param communes the COG codes covered, sorted
     * @param iris the IRIS codes covered, sorted; empty at the commune level
     */
    public record TerritoireCouvert(
            String id, String nom, String epciSiren, boolean complet, List<String> communes, List<String> iris) {
        public TerritoireCouvert {
            Objects.requireNonNull(id, "id");
            communes = List.copyOf(communes);
            iris = iris == null ? List.of() : List.copyOf(iris);
        }
    }

    public Couverture {
        Objects.requireNonNull(granularite, "granularite");
        territoires = List.copyOf(territoires);
    }

    /** Every commune covered, in territory order. */
    public List<String> communes() {
        return territoires.stream().flatMap(t -> t.communes().stream()).distinct().toList();
    }

    /** The territory ids covered. */
    public List<String> idsTerritoires() {
        return territoires.stream().map(TerritoireCouvert::id).toList();
    }

    public boolean estVide() {
        return territoires.isEmpty();
    }
}
