package fr.croisements.ingest.csv;

import java.util.List;

/**
 * What an adapter reads from one column of a user's CSV: the role's French name, as {@code --colonne}
 * takes it ({@code places-libres}), the column the adapter reads it from by default ({@code places_libres}),
 * and column names other files often give it ({@code free}), only ever used to suggest a {@code --colonne}.
 *
 * @param nom the role, lower case, in French
 * @param colonne the adapter's own column for it, lower case
 * @param synonymes lower-case column names worth suggesting for it
 */
public record Role(String nom, String colonne, List<String> synonymes) {

    public Role {
        synonymes = List.copyOf(synonymes);
    }
}
