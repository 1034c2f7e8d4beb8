package fr.croisements.datasets;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A commune of a territory pack.
 *
 * @param codeInsee COG code, 5 characters, a string
 * @param nom name, in French
 * @param chiffres INSEE figures by variable ({@link #POPULATION}, {@link #MENAGES}...); a secret
 *     or unpublished figure is absent, never 0
 * @param contour WGS84 (lon/lat) polygon or multipolygon
 */
public record Commune(String codeInsee, String nom, Map<String, Double> chiffres, Geometry contour) {

    /** Municipal population (INSEE census). */
    public static final String POPULATION = "population";
    /** Number of households (ménages, INSEE census). */
    public static final String MENAGES = "menages";
    /** Area in km². */
    public static final String SUPERFICIE_KM2 = "superficie_km2";

    public Commune {
        Objects.requireNonNull(codeInsee, "codeInsee");
        Objects.requireNonNull(nom, "nom");
        chiffres = Map.copyOf(chiffres);
    }

    /** The figure, or {@code null} when absent or secret. */
    public Double chiffre(String variable) {
        return chiffres.get(variable);
    }
}
