package fr.croisements.datasets;

import java.util.List;
import java.util.Objects;

/**
 * What an importer read from one CSV file (or JSON array, {@link TableauJson}): the rows kept, in
 * file order, and every problem found (rows skipped, values repaired or left empty), in file order.
 *
 * @param fichier the file name
 * @param valeurs the rows kept
 * @param signalements the problems, each with its line
 */
public record ImportCsv<T>(String fichier, List<T> valeurs, List<Signalement> signalements) {

    public ImportCsv {
        Objects.requireNonNull(fichier, "fichier");
        valeurs = List.copyOf(valeurs);
        signalements = List.copyOf(signalements);
    }

    /** The rows skipped. */
    public List<Signalement> rejets() {
        return signalements.stream().filter(s -> s.gravite() == Signalement.Gravite.REJET).toList();
    }

    /** The warnings about rows kept (and about the whole file, e.g. its encoding). */
    public List<Signalement> avertissements() {
        return signalements.stream().filter(s -> s.gravite() == Signalement.Gravite.AVERTISSEMENT).toList();
    }
}
