package fr.croisements.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * One entry of the Code officiel géographique: a current commune ({@code COM}), or a code that is
 * part of one: a commune déléguée ({@code COMD}) or associée ({@code COMA}) of a commune nouvelle,
 * a municipal arrondissement ({@code ARM}) of Paris, Lyon or Marseille. Read from INSEE's file of
 * communes ({@code v_commune_<year>.csv}: {@code TYPECOM, COM, REG, DEP, …, LIBELLE, …, COMPARENT})
 * or from Etalab's {@code communes.json} ({@code @etalab/decoupage-administratif}), whose current
 * communes also list their former codes ({@code anciensCodes}).
 *
 * @param type {@code COM}, {@code COMD}, {@code COMA} or {@code ARM}
 * @param code COG code, a string
 * @param nom name as published
 * @param departement département code of a current commune ({@code null} for the others, as INSEE leaves it)
 * @param commune the current commune a {@code COMD}, {@code COMA} or {@code ARM} is part of, else {@code null}
 * @param anciensCodes codes of former communes merged into a current commune (Etalab only), possibly empty
 */
record LigneCog(String type, String code, String nom, String departement, String commune, List<String> anciensCodes) {

    static final String ACTUELLE = "COM";
    static final String DELEGUEE = "COMD";
    static final String ASSOCIEE = "COMA";
    static final String ARRONDISSEMENT = "ARM";

    /** Columns without which INSEE's file cannot be read (their case varies across years). */
    static final List<String> COLONNES = List.of("TYPECOM", "COM", "DEP", "LIBELLE", "COMPARENT");

    LigneCog {
        anciensCodes = anciensCodes == null ? List.of() : List.copyOf(anciensCodes);
    }

    boolean actuelle() {
        return ACTUELLE.equals(type);
    }

    /** The current commune, without EPCI (the COG does not say it). */
    LigneCommune communeActuelle() {
        return new LigneCommune(code, nom, departement, null, null, null, null);
    }

    /** How this code is part of {@link #commune}, in French: "commune déléguée de". */
    String lien() {
        return switch (type) {
            case DELEGUEE -> "commune déléguée de";
            case ASSOCIEE -> "commune associée de";
            case ARRONDISSEMENT -> "arrondissement municipal de";
            default -> "ancienne commune fusionnée dans";
        };
    }

    /**
     * Pure: one row of INSEE's file, or why it is skipped: an unknown type, an invalid code, a
     * current commune without name or département (or whose département is not the start of its
     * code), a part of a commune without a valid parent.
     */
    static Lecture<LigneCog> parse(CSVRecord row) {
        String type = TableCsv.valeur(row, "TYPECOM");
        String typeMajuscule = type == null ? null : type.toUpperCase(Locale.ROOT);
        if (typeMajuscule == null) {
            // List.contains(null) throws: an empty type is a row rejected (found by FichiersInseeFuzzTest)
            return Lecture.rejet("type de commune absent dans la colonne TYPECOM (COM, COMD, COMA ou ARM attendu)");
        }
        if (!List.of(ACTUELLE, DELEGUEE, ASSOCIEE, ARRONDISSEMENT).contains(typeMajuscule)) {
            return Lecture.rejet("type de commune « " + type + " » inconnu dans la colonne TYPECOM (COM, COMD, COMA"
                    + " ou ARM attendu)");
        }
        return lecture(typeMajuscule, TableCsv.brut(row, "COM"), "COM", TableCsv.valeur(row, "LIBELLE"),
                TableCsv.brut(row, "DEP"), "DEP", TableCsv.brut(row, "COMPARENT"), "COMPARENT", List.of());
    }

    /**
     * Pure: one element of Etalab's {@code communes.json} ({@code type} {@code commune-actuelle},
     * {@code commune-deleguee}, {@code commune-associee} or {@code arrondissement-municipal};
     * {@code chefLieu} or {@code commune} for the parent), or why it is skipped, as {@link #parse}.
     */
    static Lecture<LigneCog> parseEtalab(JsonNode element) {
        String genre = texte(element, "type");
        String type = switch (genre == null ? "" : genre) {
            case "commune-actuelle" -> ACTUELLE;
            case "commune-deleguee" -> DELEGUEE;
            case "commune-associee" -> ASSOCIEE;
            case "arrondissement-municipal" -> ARRONDISSEMENT;
            default -> null;
        };
        if (type == null) {
            return Lecture.rejet("type de commune « " + genre + " » inconnu (commune-actuelle, commune-deleguee,"
                    + " commune-associee ou arrondissement-municipal attendu)");
        }
        String parent = texte(element, type.equals(ARRONDISSEMENT) ? "commune" : "chefLieu");
        var anciens = new ArrayList<String>();
        element.path("anciensCodes").forEach(c -> anciens.add(c.asText()));
        return lecture(type, texte(element, "code"), "code", texte(element, "nom"), texte(element, "departement"),
                "departement", parent, type.equals(ARRONDISSEMENT) ? "commune" : "chefLieu", anciens);
    }

    private static Lecture<LigneCog> lecture(String type, String brut, String colonneCode, String nom,
            String departementBrut, String colonneDepartement, String parentBrut, String colonneParent,
            List<String> anciensCodes) {
        Lecture<String> code = CodesInsee.codeCommune(brut, colonneCode);
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        var avertissements = new ArrayList<>(code.avertissements());
        if (nom == null || nom.isBlank()) {
            return Lecture.rejet("nom absent pour la commune " + code.valeur());
        }
        if (!type.equals(ACTUELLE)) {
            Lecture<String> parent = CodesInsee.codeCommune(parentBrut, colonneParent);
            if (parent.estRejet()) {
                return Lecture.rejet(parent.raison());
            }
            avertissements.addAll(parent.avertissements());
            return Lecture.de(new LigneCog(type, code.valeur(), nom.strip(), null, parent.valeur(), List.of()),
                    avertissements);
        }
        Lecture<String> departement = CodesInsee.departement(departementBrut, colonneDepartement);
        if (departement.estRejet()) {
            return Lecture.rejet(departement.raison());
        }
        avertissements.addAll(departement.avertissements());
        if (!code.valeur().startsWith(departement.valeur())) {
            return Lecture.rejet("le département « " + departement.valeur() + " » ne correspond pas au code commune « "
                    + code.valeur() + " »");
        }
        var anciens = new ArrayList<String>();
        for (String ancien : anciensCodes) {
            Lecture<String> lu = CodesInsee.codeCommune(ancien, "anciensCodes");
            if (lu.estRejet()) {
                return Lecture.rejet(lu.raison());
            }
            anciens.add(lu.valeur());
        }
        return Lecture.de(new LigneCog(type, code.valeur(), nom.strip(), departement.valeur(), null, anciens),
                avertissements);
    }

    private static String texte(JsonNode element, String champ) {
        JsonNode valeur = element.get(champ);
        return valeur == null || valeur.isNull() ? null : valeur.asText();
    }
}
