package fr.croisements.datasets;

import fr.croisements.events.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks of official codes, which stay strings ({@code 2A004}, {@code 97411}, {@code 01053}).
 *
 * <p>Three damages done by spreadsheets are repaired <b>with a warning</b>, because the repair is
 * unambiguous: spaces around a code ({@code "54431 "} is {@code 54431}), a commune code of 4
 * digits that lost its leading zero ({@code 1053} is {@code 01053}: no département code starts
 * with 0 otherwise), and a Corsican code in lower case ({@code 2a004} is {@code 2A004}). The same
 * goes for an IRIS code of 8 digits and a département code of 1 digit. Anything else that does not
 * match the pattern is rejected with the value in the reason. Values come untrimmed
 * ({@link TableCsv#brut}), so that no code changes silently.
 */
final class CodesInsee {

    private static final Pattern IRIS = Pattern.compile("^([013-9]\\d|2[AB1-9])\\d{3}\\d{4}$");
    private static final Pattern SIREN = Pattern.compile("^\\d{9}$");
    private static final Pattern DEPARTEMENT = Pattern.compile("^([013-9]\\d|2[AB1-9]|97\\d)$");

    private CodesInsee() {}

    /** A commune code, possibly repaired (the warning goes into {@code avertissements}), or a rejection. */
    static Lecture<String> codeCommune(String valeur, String colonne) {
        return code(valeur, colonne, "code commune", 5, Zone.CODE_COMMUNE, "01053, 2A004, 97411");
    }

    /** A 9-character IRIS code (5-character commune code + 4 digits), possibly repaired, or a rejection. */
    static Lecture<String> codeIris(String valeur, String colonne) {
        return code(valeur, colonne, "code IRIS", 9, IRIS.pattern(), "170280102, 2A0040101");
    }

    /** A département code ({@code 01}, {@code 2A}, {@code 974}), possibly repaired, or a rejection. */
    static Lecture<String> departement(String valeur, String colonne) {
        return code(valeur, colonne, "code département", 2, DEPARTEMENT.pattern(), "01, 2A, 974");
    }

    /** A SIREN (9 digits), possibly trimmed, or a rejection. */
    static Lecture<String> siren(String brut, String colonne) {
        if (brut == null || brut.isBlank()) {
            return Lecture.rejet("SIREN absent (colonne " + colonne + ")");
        }
        String valeur = brut.strip();
        return SIREN.matcher(valeur).matches() ? Lecture.de(valeur, espaces(brut, "SIREN", colonne))
                : Lecture.rejet("SIREN invalide « " + valeur + " » dans la colonne " + colonne + " (attendu 9 chiffres)");
    }

    private static Lecture<String> code(String brut, String colonne, String quoi, int longueur, String motif,
            String exemples) {
        if (brut == null || brut.isBlank()) {
            return Lecture.rejet(quoi + " absent (colonne " + colonne + ")");
        }
        String valeur = brut.strip();
        var avertissements = new ArrayList<>(espaces(brut, quoi, colonne));
        if (valeur.matches(motif)) {
            return Lecture.de(valeur, avertissements);
        }
        String majuscules = valeur.toUpperCase(Locale.ROOT);
        if (!majuscules.equals(valeur) && majuscules.matches(motif)) {
            avertissements.add(quoi + " « " + valeur + " » lu comme « " + majuscules
                    + " » (colonne " + colonne + ") : les codes de Corse s'écrivent en majuscules");
            return Lecture.de(majuscules, avertissements);
        }
        String complete = "0" + valeur;
        if (valeur.length() == longueur - 1 && valeur.chars().allMatch(Character::isDigit) && complete.matches(motif)) {
            avertissements.add(quoi + " « " + valeur + " » lu comme « " + complete + " » (colonne "
                    + colonne + ") : le zéro initial a été perdu, sans doute par un tableur");
            return Lecture.de(complete, avertissements);
        }
        return Lecture.rejet(quoi + " invalide « " + valeur + " » dans la colonne " + colonne
                + " (attendu " + longueur + " caractères, par exemple " + exemples + ")");
    }

    /**
     * The warning for a code that had spaces around it, none when it had none: "code commune
     * « 54431 » : espace en fin de valeur retiré (colonne insee)".
     */
    static List<String> espaces(String brut, String quoi, String colonne) {
        String retire = brut == null ? null : Signalement.espacesRetires(brut);
        if (retire == null) {
            return List.of();
        }
        String valeur = brut.strip();
        return List.of(quoi + " « " + valeur + " » : " + retire + " (colonne " + colonne + ")");
    }
}
