package fr.croisements.datasets.catalogue;

/**
 * A file or record format of a distribution: its media type (IANA), its file type in the EU
 * vocabulary (DCAT-AP {@code dct:format}) and the standard it follows, if any.
 */
public enum Format {
    GEOJSON("GeoJSON", "application/geo+json", "GEOJSON", Norme.GEOJSON),
    CSV("CSV", "text/csv", "CSV", null),
    JSON("JSON", "application/json", "JSON", Norme.JSON);

    private static final String TYPES_MEDIA = "https://www.iana.org/assignments/media-types/";
    private static final String TYPES_FICHIER = "http://publications.europa.eu/resource/authority/file-type/";

    private final String libelle;
    private final String typeMedia;
    private final String typeFichier;
    private final Norme norme;

    Format(String libelle, String typeMedia, String typeFichier, Norme norme) {
        this.libelle = libelle;
        this.typeMedia = typeMedia;
        this.typeFichier = typeFichier;
        this.norme = norme;
    }

    /** As shown, e.g. "GeoJSON". */
    public String libelle() {
        return libelle;
    }

    /** The media type, e.g. {@code application/geo+json}. */
    public String typeMedia() {
        return typeMedia;
    }

    /** The media type as an IANA URI (DCAT-AP {@code dcat:mediaType}). */
    public String uriTypeMedia() {
        return TYPES_MEDIA + typeMedia;
    }

    /** The file type in the EU vocabulary (DCAT-AP {@code dct:format}). */
    public String uriTypeFichier() {
        return TYPES_FICHIER + typeFichier;
    }

    /** The value of data.gouv.fr's resource {@code format} field, e.g. {@code geojson}. */
    public String dataGouv() {
        return typeFichier.toLowerCase(java.util.Locale.ROOT);
    }

    /** The standard the format follows, or {@code null}. */
    public Norme norme() {
        return norme;
    }
}
