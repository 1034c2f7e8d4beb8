package fr.croisements.ingest.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which column of a user's file plays each role an adapter reads, from the command line's
 * {@code --colonne ROLE=NOM}: a city's occupancy CSV with {@code free}, {@code max} and
 * {@code collected_at} is read with {@code --colonne places-libres=free --colonne capacite=max
 * --colonne instant=collected_at}. The header is then read as if each named column also bore the
 * adapter's own name for its role ({@link #appliquer}); a column the adapter already knows by its own
 * name gives way to the one named. Column names are matched ignoring case. Immutable.
 *
 * @param colonneParRole the user's column by role name, as given
 */
public record Correspondance(Map<String, String> colonneParRole) {

    /** No mapping: every column is read under the adapter's own name. */
    public static final Correspondance AUCUNE = new Correspondance(Map.of());

    public Correspondance {
        colonneParRole = colonneParRole == null ? Map.of() : Map.copyOf(colonneParRole);
    }

    public boolean vide() {
        return colonneParRole.isEmpty();
    }

    /**
     * This mapping, when it names only roles the adapter knows and gives each a column.
     *
     * @param adaptateur the adapter's name on the command line, for the message
     * @throws IllegalArgumentException in French, naming the unknown role and the known ones
     */
    public Correspondance verifier(String adaptateur, List<Role> roles) {
        for (var entree : new TreeMap<>(colonneParRole).entrySet()) {
            if (roles.stream().noneMatch(r -> r.nom().equals(entree.getKey()))) {
                throw new IllegalArgumentException("rôle inconnu pour l'adaptateur " + adaptateur + " : « " + entree.getKey()
                        + " » dans --colonne " + entree.getKey() + "=" + entree.getValue() + " (rôles : "
                        + roles.stream().map(Role::nom).collect(Collectors.joining(", ")) + ")");
            }
            if (entree.getValue().isBlank()) {
                throw new IllegalArgumentException("--colonne " + entree.getKey() + "= : nom de colonne manquant (--colonne "
                        + entree.getKey() + "=NOM)");
            }
        }
        return this;
    }

    /**
     * The header as the adapter reads it: each mapped column also under its role's own column name.
     *
     * @throws IllegalArgumentException in French when a column named in {@code --colonne} is not in the header
     */
    public LignesCsv.Entete appliquer(LignesCsv.Entete entete, List<Role> roles) {
        if (vide()) {
            return entete;
        }
        var colonnes = new HashMap<>(entete.colonnes());
        for (Role role : roles) {
            String nom = colonneParRole.get(role.nom());
            if (nom == null) {
                continue;
            }
            Integer indice = entete.colonnes().get(nom.strip().toLowerCase(Locale.ROOT));
            if (indice == null) {
                throw new IllegalArgumentException("--colonne " + role.nom() + "=" + nom + " : le fichier n'a pas de colonne « "
                        + nom + " » (colonnes du fichier : " + String.join(", ", noms(entete)) + ")");
            }
            colonnes.put(role.colonne(), indice);
        }
        return new LignesCsv.Entete(entete.separateur(), Map.copyOf(colonnes), entete.nombre());
    }

    /** The file's column of each role this mapping names, by the adapter's column: to word a message in the file's terms. */
    public Map<String, String> nomsDansLeFichier(List<Role> roles) {
        var noms = new HashMap<String, String>();
        roles.stream().filter(r -> colonneParRole.containsKey(r.nom()))
                .forEach(r -> noms.put(r.colonne(), colonneParRole.get(r.nom()).strip()));
        return Map.copyOf(noms);
    }

    /**
     * Pure: the French reason a header cannot be read: what is missing, the file's own columns, and the
     * {@code --colonne} options to give. For each missing role, a column of the file among the role's usual
     * names when there is one ({@code --colonne places-libres=free}), else {@code --colonne ROLE=NOM}; then
     * the other roles the file seems to name otherwise ({@code --colonne capacite=max}), so that the example
     * can be copied whole.
     *
     * @param manquantes what is missing, each as the adapter words it ({@code parking_id (rôle id)})
     * @param rolesManquants the roles behind them
     * @param roles every role of the adapter, in the order to suggest them
     * @param fichier the header as the file gives it
     */
    public static String manquantes(List<String> manquantes, List<Role> rolesManquants, List<Role> roles,
            LignesCsv.Entete fichier) {
        List<String> colonnes = noms(fichier);
        var options = new LinkedHashMap<String, String>();
        var candidats = new ArrayList<>(rolesManquants);
        roles.stream().filter(r -> !candidats.contains(r) && !fichier.a(r.colonne())).forEach(candidats::add);
        for (Role role : candidats) {
            colonnes.stream().filter(c -> role.synonymes().contains(c) && !options.containsValue(c)).findFirst()
                    .or(() -> rolesManquants.contains(role) ? Optional.of("NOM") : Optional.empty())
                    .ifPresent(c -> options.put(role.nom(), c));
        }
        return (manquantes.size() == 1 ? "colonne manquante : " : "colonnes manquantes : ") + String.join(", ", manquantes)
                + " ; colonnes du fichier : " + String.join(", ", colonnes)
                + " ; si votre fichier les nomme autrement, indiquez-les avec --colonne ROLE=NOM, par exemple "
                + options.entrySet().stream().map(o -> "--colonne " + o.getKey() + "=" + o.getValue())
                        .collect(Collectors.joining(" "));
    }

    /** The file's column names, in file order. */
    private static List<String> noms(LignesCsv.Entete entete) {
        return entete.colonnes().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
    }
}
