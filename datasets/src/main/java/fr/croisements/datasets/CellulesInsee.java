package fr.croisements.datasets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Figures of an INSEE file as published: a number, a secrecy marker, or nothing.
 *
 * <ul>
 *   <li>{@code s} (secret statistique), {@code nd} (non diffusé) and {@code ns} (non significatif,
 *       IRIS files) are read as <b>non diffusé</b>: the figure is absent and flagged secret, never 0;</li>
 *   <li>{@code so} (sans objet), an empty cell, {@code na}, {@code n/a} and {@code -} are read as
 *       absent, not secret;</li>
 *   <li>anything else must be a number with the file's decimal separator: a point in a
 *       decimal-comma file ({@code 20.150}) could be a thousands separator, so the row is rejected,
 *       never guessed.</li>
 * </ul>
 */
final class CellulesInsee {

    /** Markers of a figure INSEE does not publish (read as "non diffusé"). */
    static final Set<String> SECRETS = Set.of("s", "nd", "ns");
    /** Markers of a figure that does not exist or is unavailable (read as absent). */
    static final Set<String> ABSENTS = Set.of("so", "na", "n/a", "-");

    /** The decimal separator of a file. */
    enum Decimale {
        /** Filosofi files: {@code 51,0}. */
        VIRGULE("^-?\\d+(,\\d+)?$"),
        /** Dossier complet extract: {@code 543.753453186219}. */
        POINT("^-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?$"),
        /** The comparateur compilation: a point, or a comma in a quoted field. */
        VIRGULE_OU_POINT("^-?\\d+([.,]\\d+)?$");

        private final Pattern motif;

        Decimale(String motif) {
            this.motif = Pattern.compile(motif);
        }
    }

    /**
     * Figures of some columns of a row.
     *
     * @param valeurs number by column, for the cells holding a number
     * @param secrets the columns whose cell is a secrecy marker
     */
    record Chiffres(Map<String, Double> valeurs, Set<String> secrets) {
        Chiffres {
            valeurs = Collections.unmodifiableMap(new LinkedHashMap<>(valeurs));
            secrets = Collections.unmodifiableSet(new TreeSet<>(secrets));
        }

        Double valeur(String colonne) {
            return valeurs.get(colonne);
        }

        boolean secret(String colonne) {
            return secrets.contains(colonne);
        }
    }

    private CellulesInsee() {}

    /** Pure: the figures of the given columns, by column, or the reason naming the first cell that is not a figure. */
    static Lecture<Chiffres> lire(CSVRecord row, List<String> colonnes, Decimale decimale) {
        var parCle = new LinkedHashMap<String, String>();
        colonnes.forEach(c -> parCle.put(c, c));
        return lire(row, parCle, decimale);
    }

    /**
     * Pure: the figures of the given columns, by key (a format's column may be named otherwise than
     * the key the figures are read by), or the reason naming the first cell that is not a figure.
     *
     * @param colonnes the file's column of each key, in order
     */
    static Lecture<Chiffres> lire(CSVRecord row, Map<String, String> colonnes, Decimale decimale) {
        var valeurs = new LinkedHashMap<String, Double>();
        var secrets = new TreeSet<String>();
        for (var entree : colonnes.entrySet()) {
            String cle = entree.getKey();
            String colonne = entree.getValue();
            String valeur = TableCsv.valeur(row, colonne);
            if (valeur == null) {
                continue;
            }
            String marqueur = valeur.toLowerCase(Locale.ROOT);
            if (SECRETS.contains(marqueur)) {
                secrets.add(cle);
            } else if (!ABSENTS.contains(marqueur)) {
                if (!decimale.motif.matcher(valeur).matches()) {
                    return Lecture.rejet("valeur « " + valeur + " » non numérique dans la colonne " + colonne
                            + (decimale == Decimale.VIRGULE && valeur.contains(".")
                                    ? " (ce fichier a une virgule décimale : un point serait un séparateur de milliers)"
                                    : ""));
                }
                double nombre = new BigDecimal(valeur.replace(',', '.')).doubleValue();
                if (!Double.isFinite(nombre)) {
                    // 400 digits make an infinite double (found by FichiersInseeFuzzTest)
                    return Lecture.rejet("valeur « " + valeur + " » trop grande dans la colonne " + colonne);
                }
                valeurs.put(cle, nombre);
            }
        }
        return Lecture.de(new Chiffres(valeurs, secrets));
    }

    /** Rounds half up to {@code decimales} decimals, as figures are written in packs. */
    static double arrondi(double valeur, int decimales) {
        return BigDecimal.valueOf(valeur).setScale(decimales, RoundingMode.HALF_UP).doubleValue();
    }
}
