package fr.croisements.datasets;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of the pure parsing step of one row: a value (possibly with warnings about values
 * repaired or left empty), or the reason, in French, why the row is skipped.
 *
 * @param valeur the parsed value, or {@code null} when the row is rejected
 * @param raison why the row is rejected, or {@code null} when it is kept
 * @param avertissements what was repaired, normalised or left empty in a kept row
 */
record Lecture<T>(T valeur, String raison, List<String> avertissements) {

    Lecture {
        if ((valeur == null) == (raison == null)) {
            throw new IllegalArgumentException("A row is either read or rejected");
        }
        avertissements = List.copyOf(avertissements);
    }

    static <T> Lecture<T> de(T valeur) {
        return new Lecture<>(Objects.requireNonNull(valeur, "valeur"), null, List.of());
    }

    static <T> Lecture<T> de(T valeur, List<String> avertissements) {
        return new Lecture<>(Objects.requireNonNull(valeur, "valeur"), null, avertissements);
    }

    static <T> Lecture<T> rejet(String raison) {
        return new Lecture<>(null, Objects.requireNonNull(raison, "raison"), List.of());
    }

    boolean estRejet() {
        return raison != null;
    }
}
