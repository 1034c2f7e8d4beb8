package fr.croisements.ingest.parking;

import java.util.List;

/** The outcome of reading one row or object: a value (with warnings about it), or the French reason it is rejected. */
sealed interface Lu<T> permits Lu.Valeur, Lu.Invalide {

    record Valeur<T>(T valeur, List<String> avertissements) implements Lu<T> {
        public Valeur {
            avertissements = List.copyOf(avertissements);
        }
    }

    record Invalide<T>(String raison) implements Lu<T> {}

    static <T> Lu<T> de(T valeur) {
        return new Valeur<>(valeur, List.of());
    }

    static <T> Lu<T> invalide(String raison) {
        return new Invalide<>(raison);
    }
}
