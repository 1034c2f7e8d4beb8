package fr.croisements.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a table of census figures by IRIS ({@code iris_antony_indicateurs.csv}: {@code ,} and
 * decimal point), whatever its census year: {@code code_iris, nom_iris, surface_km2, pop_rp<année>,
 * densite_rp<année>_hab_km2, part_75p_rp<année>} (the share as a fraction, 0.075 for 7.5 %). Other
 * columns (type, representative point, income) are not read: the income comes from Filosofi.
 *
 * @param code IRIS code, 9 characters
 * @param nom IRIS name as published, or {@code null}
 * @param annee the census year of the population columns, e.g. 2016
 * @param chiffres {@link Iris#POPULATION}, {@link Iris#SUPERFICIE_KM2}, {@link Iris#DENSITE},
 *     {@link Iris#PART_75_PLUS} (in %, 1 decimal), each only when its cell is a number
 */
record LigneIris(String code, String nom, int annee, Map<String, Double> chiffres) {

    static final String CODE = "code_iris";
    static final String NOM = "nom_iris";
    static final String SURFACE = "surface_km2";
    /** Columns without which the file cannot be read (the census columns are found by their pattern). */
    static final List<String> COLONNES = List.of(CODE, NOM);

    private static final Pattern POPULATION = Pattern.compile("pop_rp(\\d{4})", Pattern.CASE_INSENSITIVE);
    /** A figure as the file writes it: digits, a decimal point or comma, an exponent. */
    private static final Pattern NOMBRE = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)?(?:[eE][-+]?\\d{1,3})?");
    private static final Pattern DENSITE = Pattern.compile("densite_rp(\\d{4})(_hab_km2)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_75 = Pattern.compile("part_75p_rp(\\d{4})", Pattern.CASE_INSENSITIVE);

    /** Pure: one row, or why it is skipped (invalid code, a figure that is not a number). */
    static Lecture<LigneIris> parse(CSVRecord row) {
        Lecture<String> code = CodesInsee.codeIris(TableCsv.brut(row, CODE), CODE);
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        var avertissements = new ArrayList<>(code.avertissements());
        var chiffres = new LinkedHashMap<String, Double>();
        int annee = 0;
        for (String colonne : row.getParser().getHeaderNames()) {
            String cle = null;
            double facteur = 1.0;
            Matcher population = POPULATION.matcher(colonne);
            if (population.matches()) {
                cle = Iris.POPULATION;
                annee = Integer.parseInt(population.group(1));
            } else if (DENSITE.matcher(colonne).matches()) {
                cle = Iris.DENSITE;
            } else if (PART_75.matcher(colonne).matches()) {
                cle = Iris.PART_75_PLUS;
                facteur = 100.0;
            } else if (colonne.equalsIgnoreCase(SURFACE)) {
                cle = Iris.SUPERFICIE_KM2;
            }
            if (cle == null) {
                continue;
            }
            String texte = TableCsv.valeur(row, colonne);
            if (texte == null) {
                continue;
            }
            try {
                // Double.parseDouble reads NaN, Infinity, 1e400 or 12f: none is a figure (found by FichiersInseeFuzzTest)
                if (!NOMBRE.matcher(texte).matches()) {
                    throw new NumberFormatException(texte);
                }
                double valeur = Double.parseDouble(texte.replace(',', '.')) * facteur;
                if (!Double.isFinite(valeur)) {
                    return Lecture.rejet("« " + texte + " » est un nombre trop grand (colonne " + colonne + ")");
                }
                chiffres.put(cle, facteur == 1.0 ? valeur : Math.round(valeur * 10) / 10.0);
            } catch (NumberFormatException e) {
                return Lecture.rejet("« " + texte + " » n'est pas un nombre (colonne " + colonne + ")");
            }
        }
        if (annee == 0) {
            return Lecture.rejet("pas de colonne de population pop_rp<année>");
        }
        return Lecture.de(new LigneIris(code.valeur(), TableCsv.valeur(row, NOM), annee, chiffres), avertissements);
    }

    /** The commune of the IRIS: the first 5 characters of its code. */
    String codeCommune() {
        return code.substring(0, 5);
    }
}
