package fr.croisements.datasets;

import java.util.List;
import java.util.Map;

/**
 * The rules of the Table Schema "Lieux de stationnement" (schema.data.gouv.fr
 * {@code etalab/schema-stationnement}, version 0.1.5) that {@link ParkingImporter} checks. A test
 * reads them back from {@code schemas/schema-stationnement-0.1.5.json} to check these constants.
 */
final class SchemaStationnement {

    static final String VERSION = "0.1.5";

    /** The 30 fields, in the schema's order. */
    static final List<String> CHAMPS = List.of("id", "nom", "insee", "adresse", "url", "type_usagers", "gratuit",
            "nb_places", "nb_pr", "nb_pmr", "nb_voitures_electriques", "nb_velo", "nb_2r_el", "nb_autopartage",
            "nb_2_rm", "nb_covoit", "hauteur_max", "num_siret", "Xlong", "Ylat", "tarif_pmr", "tarif_1h", "tarif_2h",
            "tarif_3h", "tarif_4h", "tarif_24h", "abo_resident", "abo_non_resident", "type_ouvrage", "info");

    /** The extra column of the national base (BNLS) as consolidated by transport.data.gouv.fr. */
    static final String ID_SOURCE = "id_source";

    /** Fields with {@code "required": true}. */
    static final List<String> REQUIS = List.of("id", "nom", "insee", "type_usagers", "gratuit", "nb_places",
            "hauteur_max", "num_siret", "Xlong", "Ylat");

    /** Fields of type {@code integer}. */
    static final List<String> ENTIERS = List.of("nb_places", "nb_pr", "nb_pmr", "nb_voitures_electriques", "nb_velo",
            "nb_2r_el", "nb_autopartage", "nb_2_rm", "nb_covoit");

    /** Fields of type {@code number}, with their {@code [minimum, maximum]} (null: no bound). */
    static final Map<String, Double[]> NOMBRES = Map.ofEntries(
            Map.entry("Xlong", new Double[] {-180.0, 180.0}),
            Map.entry("Ylat", new Double[] {-90.0, 90.0}),
            Map.entry("tarif_1h", new Double[] {0.0, null}),
            Map.entry("tarif_2h", new Double[] {0.0, null}),
            Map.entry("tarif_3h", new Double[] {0.0, null}),
            Map.entry("tarif_4h", new Double[] {0.0, null}),
            Map.entry("tarif_24h", new Double[] {0.0, null}),
            Map.entry("abo_resident", new Double[] {0.0, null}),
            Map.entry("abo_non_resident", new Double[] {0.0, null}));

    /** The boolean field and its {@code trueValues} / {@code falseValues}. */
    static final String GRATUIT = "gratuit";
    static final List<String> VRAI = List.of("true", "True", "TRUE", "1", "vrai", "Vrai", "VRAI");
    static final List<String> FAUX = List.of("false", "False", "FALSE", "0", "faux", "Faux", "FAUX");

    /** Fields with an {@code enum} constraint. */
    static final Map<String, List<String>> ENUMS = Map.of(
            "type_usagers", List.of("tous", "abonnés"),
            "tarif_pmr", List.of("gratuit", "normal_payant", "tarif_special"),
            "type_ouvrage", List.of("enclos_en_surface", "ouvrage"));

    /** Fields with a {@code pattern} constraint. */
    static final Map<String, String> MOTIFS = Map.of(
            "id", "^([013-9]\\d|2[AB1-9])\\d{3}-P-\\d{3}$",
            "insee", "^([013-9]\\d|2[AB1-9])\\d{3}$",
            "hauteur_max", "^(\\d+|N/A)$",
            "num_siret", "^\\d{14}$");

    /** Fields of format {@code uri}. */
    static final List<String> URIS = List.of("url");

    private SchemaStationnement() {}
}
