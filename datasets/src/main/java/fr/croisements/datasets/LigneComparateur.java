package fr.croisements.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One commune row of {@code insee/comparateur_communes_dep_17_54_86_92.csv}: a compilation of
 * INSEE's "Base du comparateur de territoires" (see SOURCES.md). Figures follow {@link CellulesInsee}:
 * absent when the cell is empty, absent and secret for {@code s}, {@code nd}, {@code ns}; never 0.
 *
 * @param codeInsee COG code, a string ({@code 2A004} stays as is)
 * @param nom name as published
 * @param cellules the figures of {@link #COLONNES_CHIFFRES}, by column
 */
record LigneComparateur(String codeInsee, String nom, CellulesInsee.Chiffres cellules) {

    static final String CODE = "insee_com";
    static final String NOM = "commune_article";
    static final String LATITUDE = "lat";
    static final String LONGITUDE = "lng";
    static final String POPULATION = "population_2021";
    static final String MENAGES = "menages_2021";
    static final String SUPERFICIE = "superficie_km2";
    static final String CHOMEURS = "pop_15_64_chomage_2021";
    static final String ACTIFS = "pop_15_64_active_2021";

    static final List<String> COLONNES_CHIFFRES =
            List.of(LATITUDE, LONGITUDE, POPULATION, MENAGES, SUPERFICIE, CHOMEURS, ACTIFS);
    /** Columns without which the file cannot be read. */
    static final List<String> COLONNES = List.of(CODE, NOM, LATITUDE, LONGITUDE, POPULATION, MENAGES, SUPERFICIE);

    /**
     * Pure: one row, or why it is skipped (a missing or invalid commune code, a figure that is
     * neither a number nor a marker, naming the column and the value).
     */
    static Lecture<LigneComparateur> parse(CSVRecord row) {
        Lecture<String> code = CodesInsee.codeCommune(TableCsv.brut(row, CODE), CODE);
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        Lecture<CellulesInsee.Chiffres> chiffres =
                CellulesInsee.lire(row, COLONNES_CHIFFRES, CellulesInsee.Decimale.VIRGULE_OU_POINT);
        if (chiffres.estRejet()) {
            return Lecture.rejet(chiffres.raison());
        }
        return Lecture.de(new LigneComparateur(code.valeur(), TableCsv.valeur(row, NOM), chiffres.valeur()),
                code.avertissements());
    }

    Double latitude() {
        return cellules.valeur(LATITUDE);
    }

    Double longitude() {
        return cellules.valeur(LONGITUDE);
    }

    Double population() {
        return cellules.valeur(POPULATION);
    }

    Double menages() {
        return cellules.valeur(MENAGES);
    }

    Double superficieKm2() {
        return cellules.valeur(SUPERFICIE);
    }

    /** The published figures population, households and area, keyed by {@link Commune} variable names. */
    Map<String, Double> chiffres() {
        var chiffres = new LinkedHashMap<String, Double>();
        if (population() != null) {
            chiffres.put(Commune.POPULATION, population());
        }
        if (menages() != null) {
            chiffres.put(Commune.MENAGES, menages());
        }
        if (superficieKm2() != null) {
            chiffres.put(Commune.SUPERFICIE_KM2, superficieKm2());
        }
        return chiffres;
    }
}
