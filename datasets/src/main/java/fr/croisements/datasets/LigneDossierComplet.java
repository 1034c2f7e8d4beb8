package fr.croisements.datasets;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of {@code insee/dossier_complet_extrait_territoires.csv}, a column subset of INSEE's
 * "Dossier complet" commune base ({@code ;}, decimal point; census figures are weighted
 * estimates, hence not whole numbers). Only the columns used are read.
 *
 * @param codeInsee COG code, a string
 * @param cellules the figures of {@link #COLONNES_CHIFFRES}, by column
 */
record LigneDossierComplet(String codeInsee, CellulesInsee.Chiffres cellules) {

    static final String CODE = "CODGEO";
    /** Population by age band, census 2022 (principal exploitation); their sum is the total population. */
    static final List<String> TRANCHES_AGE = List.of(
            "P22_POP0014", "P22_POP1529", "P22_POP3044", "P22_POP4559", "P22_POP6074", "P22_POP7589", "P22_POP90P");
    /** The bands of people aged 75 and over: 75-89 and 90+. */
    static final List<String> TRANCHES_75_PLUS = List.of("P22_POP7589", "P22_POP90P");
    /** One-person households, census 2022 (complementary exploitation). */
    static final String MENAGES_UNE_PERSONNE = "C22_MENPSEUL";
    /** Households with a family, census 2022 (complementary exploitation). */
    static final String MENAGES_FAMILLE = "C22_MENFAM";

    static final List<String> COLONNES_CHIFFRES = Stream.concat(TRANCHES_AGE.stream(),
            Stream.of(MENAGES_UNE_PERSONNE, MENAGES_FAMILLE)).toList();
    /** Columns without which the file cannot be read. */
    static final List<String> COLONNES = Stream.concat(Stream.of(CODE), COLONNES_CHIFFRES.stream()).toList();

    /** Pure: one row, or why it is skipped (invalid code, a cell that is neither a number nor a marker). */
    static Lecture<LigneDossierComplet> parse(CSVRecord row) {
        Lecture<String> code = CodesInsee.codeCommune(TableCsv.brut(row, CODE), CODE);
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        Lecture<CellulesInsee.Chiffres> chiffres =
                CellulesInsee.lire(row, COLONNES_CHIFFRES, CellulesInsee.Decimale.POINT);
        if (chiffres.estRejet()) {
            return Lecture.rejet(chiffres.raison());
        }
        return Lecture.de(new LigneDossierComplet(code.valeur(), chiffres.valeur()), code.avertissements());
    }
}
