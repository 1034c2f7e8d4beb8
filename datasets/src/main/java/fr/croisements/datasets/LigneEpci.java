package fr.croisements.datasets;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of {@code insee/epci_territoires.csv}: an EPCI (or EPT) as the DGCL list describes it.
 *
 * @param territoire the territory it is listed for, e.g. {@code GRAND_POITIERS}, or {@code null}
 * @param siren SIREN, 9 digits
 * @param nom short name as published, e.g. "CU du Grand Poitiers"
 * @param type {@code CC}, {@code CA}, {@code CU}, {@code METRO}, {@code EPT}..., or {@code null}
 * @param nombreCommunes number of member communes, or {@code null}
 * @param populationMunicipale legal population of the members, or {@code null}
 */
record LigneEpci(String territoire, String siren, String nom, String type, Integer nombreCommunes,
        Integer populationMunicipale) {

    static final String SIREN = "epci_siren";
    static final String NOM = "epci_nom";
    static final String TYPE = "epci_type";
    static final String NOMBRE_COMMUNES = "nb_communes";
    static final String POPULATION = "population_municipale";

    /** Columns without which the file cannot be read. */
    static final List<String> COLONNES = List.of(SIREN, NOM, NOMBRE_COMMUNES);

    /** Pure: one row, or why it is skipped (invalid SIREN, no name, a count that is not a whole number). */
    static Lecture<LigneEpci> parse(CSVRecord row) {
        Lecture<String> siren = CodesInsee.siren(TableCsv.brut(row, SIREN), SIREN);
        if (siren.estRejet()) {
            return Lecture.rejet(siren.raison());
        }
        String nom = TableCsv.valeur(row, NOM);
        if (nom == null) {
            return Lecture.rejet("nom absent pour l'EPCI " + siren.valeur());
        }
        String nombre = TableCsv.valeur(row, NOMBRE_COMMUNES);
        String population = TableCsv.valeur(row, POPULATION);
        for (var colonne : List.of(new String[] {NOMBRE_COMMUNES, nombre}, new String[] {POPULATION, population})) {
            if (colonne[1] != null && !colonne[1].matches("\\d+")) {
                return Lecture.rejet("« " + colonne[1] + " » n'est pas un nombre entier dans la colonne " + colonne[0]);
            }
        }
        String type = TableCsv.valeur(row, TYPE);
        return Lecture.de(new LigneEpci(
                TableCsv.valeur(row, CommuneTerritoire.TERRITOIRE),
                siren.valeur(),
                nom,
                type != null ? type : LigneCommune.typeEpci(nom),
                nombre == null ? null : Integer.valueOf(nombre),
                population == null ? null : Integer.valueOf(population)));
    }
}
