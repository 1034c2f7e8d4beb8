package fr.croisements.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The indicators one running instance computes: the built-in ones, then those declared by files
 * (a data team's YAML, loaded, replaced or removed while the instance runs). The map, the exports,
 * the data catalogue and the live feed read it at each request, so a file indicator appears and
 * disappears everywhere at once. Thread-safe.
 */
public final class RegistreIndicateurs {

    private final Map<String, DefinitionIndicateur> definitions = new LinkedHashMap<>();
    private final List<Consumer<DefinitionIndicateur>> auxAjouts = new CopyOnWriteArrayList<>();

    private RegistreIndicateurs(List<DefinitionIndicateur> integres) {
        integres.forEach(d -> definitions.put(d.id(), d));
    }

    /** A registry holding the indicators built into Croisements ({@link Indicateurs#INTEGRES}). */
    public static RegistreIndicateurs integres() {
        return new RegistreIndicateurs(Indicateurs.INTEGRES);
    }

    /** A registry holding these indicators (tests, a tool that knows its indicators). */
    public static RegistreIndicateurs de(List<DefinitionIndicateur> definitions) {
        return new RegistreIndicateurs(definitions);
    }

    /** Every indicator, built-in ones first, then files in the order they were declared. */
    public synchronized List<DefinitionIndicateur> tous() {
        return List.copyOf(definitions.values());
    }

    public synchronized Optional<DefinitionIndicateur> parId(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** The ids of every indicator, for error messages. */
    public synchronized String ids() {
        return String.join(", ", definitions.keySet());
    }

    /**
     * Declares (or replaces) an indicator of a file.
     *
     * @throws IllegalArgumentException when the id is that of a built-in indicator or of another file's
     */
    public void declarer(DefinitionIndicateur definition) {
        synchronized (this) {
            DefinitionIndicateur connu = definitions.get(definition.id());
            if (connu != null && !connu.estDeclareParFichier()) {
                throw new IllegalArgumentException("l'identifiant « " + definition.id()
                        + " » est celui d'un indicateur intégré à Croisements : choisissez-en un autre");
            }
            if (connu != null && !connu.fichier().equals(definition.fichier())) {
                throw new IllegalArgumentException("l'identifiant « " + definition.id() + " » est déjà déclaré par le fichier "
                        + connu.fichier());
            }
            definitions.put(definition.id(), definition);
        }
        auxAjouts.forEach(a -> a.accept(definition));
    }

    /** Removes an indicator declared by a file; a built-in one stays. Returns whether it was removed. */
    public synchronized boolean retirer(String id) {
        DefinitionIndicateur connu = definitions.get(id);
        if (connu == null || !connu.estDeclareParFichier()) {
            return false;
        }
        definitions.remove(id);
        return true;
    }

    /** Calls {@code ajout} for every indicator declared from now on (e.g. to follow its topic live). */
    public void quandDeclare(Consumer<DefinitionIndicateur> ajout) {
        auxAjouts.add(ajout);
    }

    /** The ids of the indicators declared by files. */
    public synchronized List<String> idsDeclaresParFichier() {
        var ids = new ArrayList<String>();
        definitions.values().stream().filter(DefinitionIndicateur::estDeclareParFichier).forEach(d -> ids.add(d.id()));
        return ids;
    }
}
