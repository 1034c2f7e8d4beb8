package fr.croisements.datasets;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a list of communes in the format of {@code insee/communes_dep_17_54_86_92.csv} (every
 * current commune of some départements, COG, with its EPCI) or of {@code insee/communes_territoires.csv}
 * (the same columns, plus {@code territoire} and {@code epci_type}).
 *
 * @param codeInsee COG code, a string
 * @param nom name as published, with its article ("La Rochelle")
 * @param departement département code ({@code 54}, {@code 2A}, {@code 974})
 * @param epciSiren SIREN of the commune's EPCI, or {@code null}
 * @param epciNom short EPCI name as published ("CC du Bassin de Pompey"), or {@code null}
 * @param epciType {@code CC}, {@code CA}, {@code CU} or {@code METRO}: the {@code epci_type} column, else
 *     read from the start of the name; {@code null} when neither says
 * @param populationMunicipale legal population as published in the file, or {@code null}
 */
record LigneCommune(
        String codeInsee,
        String nom,
        String departement,
        String epciSiren,
        String epciNom,
        String epciType,
        Integer populationMunicipale) {

    static final String CODE = "code_insee";
    static final String NOM = "nom";
    static final String DEPARTEMENT = "departement";
    static final String EPCI_SIREN = "epci_siren";
    static final String EPCI_NOM = "epci_nom";
    static final String EPCI_TYPE = "epci_type";
    static final String POPULATION = "population_municipale";

    /** Columns without which the file cannot be read. */
    static final List<String> COLONNES = List.of(CODE, NOM, DEPARTEMENT, EPCI_SIREN, EPCI_NOM);

    /**
     * Pure: one row, or the reason it is skipped (invalid or missing code, name or département, a
     * département that is not the start of the code, an invalid EPCI SIREN, a population that is not
     * a whole number). Damaged codes are repaired with a warning, see {@link CodesInsee}.
     */
    static Lecture<LigneCommune> parse(CSVRecord row) {
        var avertissements = new ArrayList<String>();
        Lecture<String> code = CodesInsee.codeCommune(TableCsv.brut(row, CODE), CODE);
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        avertissements.addAll(code.avertissements());
        String nom = TableCsv.valeur(row, NOM);
        if (nom == null) {
            return Lecture.rejet("nom absent pour la commune " + code.valeur());
        }
        Lecture<String> departement = CodesInsee.departement(TableCsv.brut(row, DEPARTEMENT), DEPARTEMENT);
        if (departement.estRejet()) {
            return Lecture.rejet(departement.raison());
        }
        avertissements.addAll(departement.avertissements());
        if (!code.valeur().startsWith(departement.valeur())) {
            return Lecture.rejet("le département « " + departement.valeur() + " » ne correspond pas au code commune « "
                    + code.valeur() + " »");
        }
        String epciSiren = TableCsv.valeur(row, EPCI_SIREN);
        if (epciSiren != null) {
            Lecture<String> siren = CodesInsee.siren(TableCsv.brut(row, EPCI_SIREN), EPCI_SIREN);
            if (siren.estRejet()) {
                return Lecture.rejet(siren.raison());
            }
            avertissements.addAll(siren.avertissements());
        }
        String population = TableCsv.valeur(row, POPULATION);
        if (population != null && !population.matches("\\d+")) {
            return Lecture.rejet("population « " + population + " » qui n'est pas un nombre entier dans la colonne "
                    + POPULATION);
        }
        String epciNom = TableCsv.valeur(row, EPCI_NOM);
        String epciType = TableCsv.valeur(row, EPCI_TYPE);
        return Lecture.de(new LigneCommune(
                code.valeur(),
                nom,
                departement.valeur(),
                epciSiren,
                epciNom,
                epciType != null ? epciType : typeEpci(epciNom),
                population == null ? null : Integer.valueOf(population)), avertissements);
    }

    /** The EPCI type read from a short name: "CC du …" gives {@code CC}, "Métropole du …" gives {@code METRO}. */
    static String typeEpci(String epciNom) {
        if (epciNom == null) {
            return null;
        }
        for (String type : List.of("CC", "CA", "CU")) {
            if (epciNom.startsWith(type + " ")) {
                return type;
            }
        }
        return epciNom.startsWith("Métropole") ? "METRO" : null;
    }
}
