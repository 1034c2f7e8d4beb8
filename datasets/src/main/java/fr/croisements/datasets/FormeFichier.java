package fr.croisements.datasets;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The formats an official file of each {@link NatureFichier} may come in, and how each is
 * recognised: a CSV by the columns of its header (whatever their case), a JSON by its structure.
 * The CSV formats are tried in this order; the first whose {@code signature} the header matches
 * decides, and its {@code requises} columns must then all be there.
 */
enum FormeFichier {

    TERRITOIRES_PROJET(NatureFichier.TERRITOIRES, "CSV du projet, avec la colonne territoire",
            List.of("territoire", "code_insee"), CommuneTerritoire.COLONNES),
    COMMUNES_PROJET(NatureFichier.COMMUNES, "CSV tiré du COG, avec l'EPCI de chaque commune",
            List.of("code_insee", "epci_siren"), LigneCommune.COLONNES),
    COMMUNES_COG(NatureFichier.COMMUNES, "code officiel géographique de l'Insee",
            List.of("typecom", "com"), LigneCog.COLONNES),
    COMMUNES_EPCI_INSEE(NatureFichier.COMMUNES, "composition communale des EPCI de l'Insee",
            List.of("codgeo", "epci", "libepci"), LigneCommune.COLONNES_INSEE),
    EPCI_PROJET(NatureFichier.EPCI, "CSV du projet", List.of("epci_siren", "nb_communes"), LigneEpci.COLONNES),
    EPCI_INSEE(NatureFichier.EPCI, "liste des EPCI de l'Insee", List.of("epci", "nature_epci"), LigneEpci.COLONNES_INSEE),
    DOSSIER_COMPLET_INSEE(NatureFichier.DOSSIER_COMPLET, "Insee", List.of("codgeo", "p\\d\\d_pop0014"),
            LigneDossierComplet.COLONNES),
    COMPARATEUR_INSEE(NatureFichier.COMPARATEUR, "Insee", List.of("codgeo", "p\\d\\d_pop", "superf"),
            LigneComparateur.Colonnes.INSEE.requises()),
    COMPARATEUR_COMPILATION(NatureFichier.COMPARATEUR, "compilation CSV du COG, du comparateur et des codes postaux",
            List.of("insee_com", "population_\\d{4}"), LigneComparateur.Colonnes.COMPILATION.requises()),
    FILOSOFI_COMMUNES_INSEE(NatureFichier.FILOSOFI_COMMUNES, "Insee, revenus disponibles", List.of("codgeo", "med\\d\\d"),
            LigneFilosofi.COLONNES_REQUISES_COMMUNE),
    FILOSOFI_IRIS_INSEE(NatureFichier.FILOSOFI_IRIS, "Insee, revenus déclarés", List.of("iris", "dec_med\\d\\d"),
            LigneFilosofi.COLONNES_REQUISES_IRIS),
    /** Census figures by IRIS: code, name, area, population, density and share of 75+ of one census ({@link LigneIris}). */
    CHIFFRES_IRIS_PROJET(NatureFichier.CHIFFRES_IRIS, "CSV : population, surface, densité, part des 75 ans et plus",
            List.of("code_iris", "pop_rp\\d{4}"), LigneIris.COLONNES),
    /** A GeoJSON FeatureCollection whose features carry a commune code ({@link ContoursCommunes#PROPRIETES_CODE}). */
    CONTOURS_GEOJSON(NatureFichier.CONTOURS, "GeoJSON", null, null),
    /** A GeoJSON FeatureCollection whose features carry an IRIS code ({@link IrisLus#PROPRIETES_CODE}). */
    CONTOURS_IRIS_GEOJSON(NatureFichier.CONTOURS_IRIS, "GeoJSON", null, null),
    /** {@code communes.json} of the npm package {@code @etalab/decoupage-administratif}. */
    COMMUNES_ETALAB(NatureFichier.COMMUNES, "communes.json du paquet decoupage-administratif d'Etalab", null, null),
    /** {@code epci.json} of the same package: the EPCI with their member communes. */
    EPCI_ETALAB(NatureFichier.EPCI, "epci.json du paquet decoupage-administratif d'Etalab", null, null);

    private final NatureFichier nature;
    private final String libelle;
    private final List<Pattern> signature;
    private final List<String> requises;

    FormeFichier(NatureFichier nature, String libelle, List<String> signature, List<String> requises) {
        this.nature = nature;
        this.libelle = libelle;
        this.signature = signature == null ? null
                : signature.stream().map(s -> Pattern.compile(s, Pattern.CASE_INSENSITIVE)).toList();
        this.requises = requises;
    }

    NatureFichier nature() {
        return nature;
    }

    /** "base du comparateur de territoires (Insee)". */
    String libelle() {
        return nature.libelle() + " (" + libelle + ")";
    }

    /** Whether it is a CSV format, recognised by its header. */
    boolean csv() {
        return signature != null;
    }

    /** The CSV formats, in the order they are tried. */
    static Stream<FormeFichier> csvs() {
        return Stream.of(values()).filter(FormeFichier::csv);
    }

    /** Whether a header has the columns that identify the format (before the required ones are checked). */
    boolean signee(List<String> entete) {
        return signature.stream().allMatch(motif -> entete.stream().anyMatch(c -> motif.matcher(c).matches()));
    }

    /** The required columns the header lacks (none when it can be read in this format). */
    List<String> manquantes(List<String> entete) {
        return requises.stream().filter(c -> !TableCsv.aLaColonne(entete, c)).toList();
    }

    List<String> requises() {
        return requises;
    }
}
