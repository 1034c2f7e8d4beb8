package fr.croisements.datasets;

import fr.croisements.events.Zone;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of {@code insee/communes_territoires.csv}: a commune and the territory it belongs to.
 *
 * @param territoire territory as written in the file, e.g. {@code BASSIN_DE_POMPEY}
 * @param codeInsee COG code, a string
 * @param nom commune name as published (with its article, e.g. "La Rochelle")
 * @param departement department code, e.g. {@code 54} or {@code 2A}
 * @param epciSiren SIREN of the commune's EPCI, or {@code null}
 * @param epciNom short EPCI name as published, e.g. "CC du Bassin de Pompey", or {@code null}
 * @param epciType EPCI type as published ({@code CC}, {@code CA}, {@code CU}, {@code METRO}), or {@code null}
 */
record CommuneTerritoire(
        String territoire,
        String codeInsee,
        String nom,
        String departement,
        String epciSiren,
        String epciNom,
        String epciType) {

    /** Pure: one CSV row, or empty when the territory, a valid code, the name or the department is missing. */
    static Optional<CommuneTerritoire> parse(CSVRecord row) {
        String territoire = TableCsv.valeur(row, "territoire");
        String code = TableCsv.valeur(row, "code_insee");
        String nom = TableCsv.valeur(row, "nom");
        String departement = TableCsv.valeur(row, "departement");
        if (territoire == null || !Zone.estCodeCommune(code) || nom == null || departement == null) {
            return Optional.empty();
        }
        return Optional.of(new CommuneTerritoire(
                territoire,
                code,
                nom,
                departement,
                TableCsv.valeur(row, "epci_siren"),
                TableCsv.valeur(row, "epci_nom"),
                TableCsv.valeur(row, "epci_type")));
    }

    /** The pack id of the territory: {@code BASSIN_DE_POMPEY} gives {@code bassin-de-pompey}. */
    String idTerritoire() {
        return territoire.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
