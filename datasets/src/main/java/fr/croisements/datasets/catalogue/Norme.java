package fr.croisements.datasets.catalogue;

/**
 * A standard a dataset or distribution conforms to (DCAT-AP {@code dct:conformsTo}).
 *
 * @param uri where the standard is published
 * @param libelle its name, e.g. "GeoJSON (RFC 7946)"
 */
public record Norme(String uri, String libelle) {

    public static final Norme GEOJSON = new Norme("https://www.rfc-editor.org/rfc/rfc7946", "GeoJSON (RFC 7946)");
    public static final Norme JSON = new Norme("https://www.rfc-editor.org/rfc/rfc8259", "JSON (RFC 8259)");
}
