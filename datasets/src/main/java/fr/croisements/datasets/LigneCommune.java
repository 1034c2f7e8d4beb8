package fr.croisements.datasets;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One current commune of a list of communes with their EPCI: the project's CSV (the format of
 * {@code insee/communes_dep_17_54_86_92.csv}, every current commune of some départements, COG, with
 * its EPCI, or of {@code insee/communes_territoires.csv}, the same columns plus {@code territoire} and
 * {@code epci_type}), or INSEE's composition communale des EPCI ({@code CODGEO, LIBGEO, EPCI, LIBEPCI,
 * DEP, REG}, the sheet of INSEE's EPCI file saved as CSV; {@code ZZZZZZZZZ} is a commune without EPCI).
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

    /** Columns without which the project's file cannot be read. */
    static final List<String> COLONNES = List.of(CODE, NOM, DEPARTEMENT, EPCI_SIREN, EPCI_NOM);
    /** Columns without which INSEE's composition communale des EPCI cannot be read. */
    static final List<String> COLONNES_INSEE = List.of("CODGEO", "LIBGEO", "DEP", "EPCI", "LIBEPCI");

    /** INSEE's code for "no EPCI" (the few single-commune islands). */
    static final String SANS_EPCI = "ZZZZZZZZZ";

    /** Where a format puts each field; {@code epciType} and {@code population} may be {@code null} (not in the format). */
    private record Colonnes(String code, String nom, String departement, String epciSiren, String epciNom,
            String epciType, String population) {}

    private static final Colonnes PROJET = new Colonnes(CODE, NOM, DEPARTEMENT, EPCI_SIREN, EPCI_NOM, EPCI_TYPE, POPULATION);
    private static final Colonnes INSEE = new Colonnes("CODGEO", "LIBGEO", "DEP", "EPCI", "LIBEPCI", null, null);

    /**
     * Pure: one row of the project's file, or the reason it is skipped (invalid or missing code, name
     * or département, a département that is not the start of the code, an invalid EPCI SIREN, a
     * population that is not a whole number). Damaged codes are repaired with a warning, see {@link CodesInsee}.
     */
    static Lecture<LigneCommune> parse(CSVRecord row) {
        return parse(row, PROJET);
    }

    /** Pure: one row of INSEE's composition communale des EPCI, checked as {@link #parse(CSVRecord)}. */
    static Lecture<LigneCommune> parseInsee(CSVRecord row) {
        return parse(row, INSEE);
    }

    private static Lecture<LigneCommune> parse(CSVRecord row, Colonnes colonnes) {
        var avertissements = new ArrayList<String>();
        Lecture<String> code = CodesInsee.codeCommune(TableCsv.brut(row, colonnes.code()), colonnes.code());
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        avertissements.addAll(code.avertissements());
        String nom = TableCsv.valeur(row, colonnes.nom());
        if (nom == null) {
            return Lecture.rejet("nom absent pour la commune " + code.valeur());
        }
        Lecture<String> departement = CodesInsee.departement(TableCsv.brut(row, colonnes.departement()),
                colonnes.departement());
        if (departement.estRejet()) {
            return Lecture.rejet(departement.raison());
        }
        avertissements.addAll(departement.avertissements());
        if (!code.valeur().startsWith(departement.valeur())) {
            return Lecture.rejet("le département « " + departement.valeur() + " » ne correspond pas au code commune « "
                    + code.valeur() + " »");
        }
        String epciSiren = TableCsv.valeur(row, colonnes.epciSiren());
        if (SANS_EPCI.equalsIgnoreCase(epciSiren)) {
            epciSiren = null;
        }
        if (epciSiren != null) {
            Lecture<String> siren = CodesInsee.siren(TableCsv.brut(row, colonnes.epciSiren()), colonnes.epciSiren());
            if (siren.estRejet()) {
                return Lecture.rejet(siren.raison());
            }
            avertissements.addAll(siren.avertissements());
            epciSiren = siren.valeur();
        }
        String population = colonnes.population() == null ? null : TableCsv.valeur(row, colonnes.population());
        if (population != null && !population.matches("\\d+")) {
            return Lecture.rejet("population « " + population + " » qui n'est pas un nombre entier dans la colonne "
                    + colonnes.population());
        }
        // Integer.valueOf would throw past 2 147 483 647 (found by FichiersInseeFuzzTest)
        if (population != null && population.replaceFirst("^0+(?=\\d)", "").length() > 9) {
            return Lecture.rejet("population « " + population + " » trop grande dans la colonne " + colonnes.population());
        }
        String epciNom = epciSiren == null ? null : TableCsv.valeur(row, colonnes.epciNom());
        String epciType = colonnes.epciType() == null ? null : TableCsv.valeur(row, colonnes.epciType());
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
