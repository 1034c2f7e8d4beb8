package fr.croisements.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One commune row of a Base du comparateur de territoires, in either of its {@link Colonnes formats}:
 * INSEE's own file ({@code base_cc_comparateur.csv}: {@code CODGEO}, {@code P21_POP}, {@code SUPERF}...)
 * or the compilation of {@code insee/comparateur_communes_dep_17_54_86_92.csv} (see SOURCES.md). Figures
 * follow {@link CellulesInsee}: absent when the cell is empty, absent and secret for {@code s},
 * {@code nd}, {@code ns}; never 0. They are keyed by the compilation's column names whatever the format.
 *
 * @param codeInsee COG code, a string ({@code 2A004} stays as is)
 * @param nom name as published, or {@code null}
 * @param cellules the figures of {@link #COLONNES_CHIFFRES}, by key
 */
record LigneComparateur(String codeInsee, String nom, CellulesInsee.Chiffres cellules) {

    static final String LATITUDE = "lat";
    static final String LONGITUDE = "lng";
    static final String POPULATION = "population_2021";
    static final String MENAGES = "menages_2021";
    static final String SUPERFICIE = "superficie_km2";
    static final String CHOMEURS = "pop_15_64_chomage_2021";
    static final String ACTIFS = "pop_15_64_active_2021";

    static final List<String> COLONNES_CHIFFRES =
            List.of(LATITUDE, LONGITUDE, POPULATION, MENAGES, SUPERFICIE, CHOMEURS, ACTIFS);

    /** Where a format of the comparateur puts the code, the name and each figure (by key). */
    enum Colonnes {
        /** The compilation: the keys are its columns; it has a point (lat, lng) for each commune. */
        COMPILATION("insee_com", "commune_article", compilation()),
        /** INSEE's file, census 2021: no point. */
        INSEE("CODGEO", "LIBGEO", insee());

        private final String code;
        private final String nom;
        private final Map<String, String> chiffres;

        Colonnes(String code, String nom, Map<String, String> chiffres) {
            this.code = code;
            this.nom = nom;
            this.chiffres = Collections.unmodifiableMap(chiffres);
        }

        // the keys are compile-time constants: no class initialisation cycle with the record
        private static Map<String, String> compilation() {
            var chiffres = new LinkedHashMap<String, String>();
            for (String colonne : List.of(LATITUDE, LONGITUDE, POPULATION, MENAGES, SUPERFICIE, CHOMEURS, ACTIFS)) {
                chiffres.put(colonne, colonne);
            }
            return chiffres;
        }

        private static Map<String, String> insee() {
            var chiffres = new LinkedHashMap<String, String>();
            chiffres.put(POPULATION, "P21_POP");
            chiffres.put(MENAGES, "P21_MEN");
            chiffres.put(SUPERFICIE, "SUPERF");
            chiffres.put(CHOMEURS, "P21_CHOM1564");
            chiffres.put(ACTIFS, "P21_ACT1564");
            return chiffres;
        }

        /** Columns without which a file of this format cannot be read: the code, population, households, area. */
        List<String> requises() {
            return List.of(code, chiffres.get(POPULATION), chiffres.get(MENAGES), chiffres.get(SUPERFICIE));
        }
    }

    /** Columns without which the compilation cannot be read (those of {@code Colonnes.COMPILATION.requises()}). */
    static final List<String> COLONNES = List.of("insee_com", POPULATION, MENAGES, SUPERFICIE);

    /** Pure: one row of the compilation; see {@link #parse(CSVRecord, Colonnes)}. */
    static Lecture<LigneComparateur> parse(CSVRecord row) {
        return parse(row, Colonnes.COMPILATION);
    }

    /**
     * Pure: one row, or why it is skipped (a missing or invalid commune code, a figure that is
     * neither a number nor a marker, naming the column and the value).
     */
    static Lecture<LigneComparateur> parse(CSVRecord row, Colonnes colonnes) {
        Lecture<String> code = CodesInsee.codeCommune(TableCsv.brut(row, colonnes.code), colonnes.code);
        if (code.estRejet()) {
            return Lecture.rejet(code.raison());
        }
        Lecture<CellulesInsee.Chiffres> chiffres =
                CellulesInsee.lire(row, colonnes.chiffres, CellulesInsee.Decimale.VIRGULE_OU_POINT);
        if (chiffres.estRejet()) {
            return Lecture.rejet(chiffres.raison());
        }
        return Lecture.de(new LigneComparateur(code.valeur(), TableCsv.valeur(row, colonnes.nom), chiffres.valeur()),
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
