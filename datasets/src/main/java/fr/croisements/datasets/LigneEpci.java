package fr.croisements.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One EPCI (or EPT) of a list of EPCI: a row of the project's CSV ({@code insee/epci_territoires.csv},
 * from the DGCL list), or of INSEE's list ({@code EPCI, LIBEPCI, NATURE_EPCI, NB_COM}, the sheet of
 * INSEE's EPCI file saved as CSV), or an element of Etalab's {@code epci.json}.
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

    /** Columns without which the project's file cannot be read. */
    static final List<String> COLONNES = List.of(SIREN, NOM, NOMBRE_COMMUNES);
    /** Columns without which INSEE's list cannot be read. */
    static final List<String> COLONNES_INSEE = List.of("EPCI", "LIBEPCI", "NATURE_EPCI", "NB_COM");

    /** Where a format puts each field; {@code territoire} and {@code population} may be {@code null} (not in the format). */
    private record Colonnes(String siren, String nom, String type, String nombre, String population, String territoire) {}

    private static final Colonnes PROJET = new Colonnes(SIREN, NOM, TYPE, NOMBRE_COMMUNES, POPULATION,
            CommuneTerritoire.TERRITOIRE);
    private static final Colonnes INSEE = new Colonnes("EPCI", "LIBEPCI", "NATURE_EPCI", "NB_COM", null, null);

    /** Pure: one row of the project's file, or why it is skipped (invalid SIREN, no name, a count that is not a whole number). */
    static Lecture<LigneEpci> parse(CSVRecord row) {
        return parse(row, PROJET);
    }

    /**
     * Pure: one row of INSEE's list, checked as {@link #parse(CSVRecord)}; its nature {@code ME}
     * (métropole) is read as {@code METRO}, and its row {@code ZZZZZZZZZ} (communes without EPCI) is skipped.
     */
    static Lecture<LigneEpci> parseInsee(CSVRecord row) {
        if (LigneCommune.SANS_EPCI.equalsIgnoreCase(TableCsv.valeur(row, INSEE.siren()))) {
            return Lecture.rejet("ligne des communes sans EPCI (" + LigneCommune.SANS_EPCI + "), sans objet ici");
        }
        return parse(row, INSEE);
    }

    private static Lecture<LigneEpci> parse(CSVRecord row, Colonnes colonnes) {
        Lecture<String> siren = CodesInsee.siren(TableCsv.brut(row, colonnes.siren()), colonnes.siren());
        if (siren.estRejet()) {
            return Lecture.rejet(siren.raison());
        }
        String nom = TableCsv.valeur(row, colonnes.nom());
        if (nom == null) {
            return Lecture.rejet("nom absent pour l'EPCI " + siren.valeur());
        }
        String nombre = TableCsv.valeur(row, colonnes.nombre());
        String population = colonnes.population() == null ? null : TableCsv.valeur(row, colonnes.population());
        for (var colonne : List.of(new String[] {colonnes.nombre(), nombre}, new String[] {colonnes.population(), population})) {
            if (colonne[1] != null && !colonne[1].matches("\\d+")) {
                return Lecture.rejet("« " + colonne[1] + " » n'est pas un nombre entier dans la colonne " + colonne[0]);
            }
            // Integer.valueOf would throw past 2 147 483 647 (found by FichiersInseeFuzzTest)
            if (colonne[1] != null && colonne[1].replaceFirst("^0+(?=\\d)", "").length() > 9) {
                return Lecture.rejet("« " + colonne[1] + " » est un nombre trop grand dans la colonne " + colonne[0]);
            }
        }
        String type = TableCsv.valeur(row, colonnes.type());
        return Lecture.de(new LigneEpci(
                colonnes.territoire() == null ? null : TableCsv.valeur(row, colonnes.territoire()),
                siren.valeur(),
                nom,
                type != null ? type(type) : LigneCommune.typeEpci(nom),
                nombre == null ? null : Integer.valueOf(nombre),
                population == null ? null : Integer.valueOf(population)));
    }

    /** An EPCI of Etalab's {@code epci.json} and the codes of its member communes. */
    record AvecMembres(LigneEpci epci, List<String> membres) {}

    /**
     * Pure: one element of Etalab's {@code epci.json} ({@code code} the SIREN, {@code nom}, {@code type},
     * {@code populationMunicipale}, {@code membres} with each commune's {@code code}), or why it is
     * skipped (invalid SIREN or member code, no name).
     */
    static Lecture<AvecMembres> parseEtalab(JsonNode element) {
        Lecture<String> siren = CodesInsee.siren(texte(element, "code"), "code");
        if (siren.estRejet()) {
            return Lecture.rejet(siren.raison());
        }
        String nom = texte(element, "nom");
        if (nom == null || nom.isBlank()) {
            return Lecture.rejet("nom absent pour l'EPCI " + siren.valeur());
        }
        var membres = new ArrayList<String>();
        var avertissements = new ArrayList<String>();
        for (JsonNode membre : element.path("membres")) {
            Lecture<String> code = CodesInsee.codeCommune(texte(membre, "code"), "membres.code");
            if (code.estRejet()) {
                return Lecture.rejet("EPCI " + siren.valeur() + " : " + code.raison());
            }
            avertissements.addAll(code.avertissements());
            membres.add(code.valeur());
        }
        String type = texte(element, "type");
        JsonNode population = element.get("populationMunicipale");
        var epci = new LigneEpci(null, siren.valeur(), nom.strip(), type != null ? type(type) : LigneCommune.typeEpci(nom),
                membres.isEmpty() ? null : membres.size(),
                population != null && population.canConvertToInt() ? population.intValue() : null);
        return Lecture.de(new AvecMembres(epci, membres), avertissements);
    }

    private static String texte(JsonNode element, String champ) {
        JsonNode valeur = element.get(champ);
        return valeur == null || valeur.isNull() ? null : valeur.asText();
    }

    /** A nature as the project spells it: INSEE's {@code ME} (métropole) is {@code METRO}. */
    static String type(String nature) {
        return nature.equalsIgnoreCase("ME") ? "METRO" : nature;
    }
}
