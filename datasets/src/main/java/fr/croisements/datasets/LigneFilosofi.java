package fr.croisements.datasets;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of an INSEE Filosofi 2021 file, by commune ({@code filosofi2021_communes_*.csv}: column
 * {@code CODGEO}) or by IRIS ({@code filosofi2021_iris_revenus_declares_*.csv}: column {@code IRIS}),
 * as published: {@code ;}, decimal comma, {@code s}/{@code nd}/{@code ns} for figures not published
 * (read as secret, never 0), {@code so} for "sans objet" (absent). See {@link CellulesInsee}.
 *
 * @param code commune code (5 characters) or IRIS code (9 characters), a string
 * @param cellules the figures read, by INSEE column name ({@code MED21}, {@code DEC_MED21}...)
 */
record LigneFilosofi(String code, CellulesInsee.Chiffres cellules) {

    static final String CODE_COMMUNE = "CODGEO";
    static final String CODE_IRIS = "IRIS";

    /** Median disposable income per consumption unit, EUR. */
    static final String MED21 = "MED21";
    /** Poverty rate at the 60 % threshold, %. */
    static final String TP6021 = "TP6021";
    /** Commune columns read. */
    static final List<String> COLONNES_COMMUNE = List.of(MED21, TP6021);
    /** Columns without which a commune file cannot be read. */
    static final List<String> COLONNES_REQUISES_COMMUNE = List.of(CODE_COMMUNE, MED21, TP6021);

    /** Median declared income per consumption unit, EUR. */
    static final String DEC_MED21 = "DEC_MED21";
    /** First decile of declared income per consumption unit, EUR. */
    static final String DEC_D121 = "DEC_D121";
    /** Ninth decile of declared income per consumption unit, EUR. */
    static final String DEC_D921 = "DEC_D921";
    /** Low-declared-income rate (share of people below 60 % of the national median declared income), %. */
    static final String DEC_TP6021 = "DEC_TP6021";
    /** Gini index of declared income. */
    static final String DEC_GI21 = "DEC_GI21";
    /** IRIS columns read. */
    static final List<String> COLONNES_IRIS = List.of(DEC_MED21, DEC_D121, DEC_D921, DEC_TP6021, DEC_GI21);
    /** Columns without which an IRIS file cannot be read (the others are absent when missing). */
    static final List<String> COLONNES_REQUISES_IRIS = List.of(CODE_IRIS, DEC_MED21);

    /** Pure: one commune row, or why it is skipped (invalid code, a cell that is neither a number nor a marker). */
    static Lecture<LigneFilosofi> parseCommune(CSVRecord row) {
        return parse(row, CodesInsee.codeCommune(TableCsv.brut(row, CODE_COMMUNE), CODE_COMMUNE), COLONNES_COMMUNE);
    }

    /** Pure: one IRIS row, or why it is skipped (invalid code, a cell that is neither a number nor a marker). */
    static Lecture<LigneFilosofi> parseIris(CSVRecord row) {
        return parse(row, CodesInsee.codeIris(TableCsv.brut(row, CODE_IRIS), CODE_IRIS), COLONNES_IRIS);
    }

    private static Lecture<LigneFilosofi> parse(CSVRecord row, Lecture<String> code, List<String> colonnes) {
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        Lecture<CellulesInsee.Chiffres> chiffres = CellulesInsee.lire(row, colonnes, CellulesInsee.Decimale.VIRGULE);
        if (chiffres.estRejet()) {
            return Lecture.rejet(chiffres.raison());
        }
        return Lecture.de(new LigneFilosofi(code.valeur(), chiffres.valeur()), code.avertissements());
    }

    /** The commune of an IRIS row: the first 5 characters of its code. */
    String codeCommune() {
        return code.substring(0, 5);
    }
}
