package fr.croisements.ingest;

import java.util.List;

/**
 * What one ingestion run did, for the summary shown to the user.
 *
 * @param lus data rows read (header and blank lines excluded)
 * @param publies records published to the data topic
 * @param rejetes rows (or a header) rejected and published to the rejects topic
 * @param raisons the first rejects, {@code position : raison} in French, at most {@link #LIGNES_MAX}
 * @param nombreAvertissements warnings about rows kept: a value the adapter normalised (a code
 *     trimmed, a leading zero restored...) or left empty
 * @param avertissements the first of them, {@code position : avertissement} in French, at most {@link #LIGNES_MAX}
 */
public record Bilan(long lus, long publies, long rejetes, List<String> raisons, long nombreAvertissements, List<String> avertissements) {

    /** How many rejects and warnings a summary keeps. */
    public static final int LIGNES_MAX = 20;

    public Bilan {
        raisons = List.copyOf(raisons);
        avertissements = List.copyOf(avertissements);
    }

    /** Counts only, without reasons nor warnings. */
    public Bilan(long lus, long publies, long rejetes) {
        this(lus, publies, rejetes, List.of(), 0, List.of());
    }

    /** The counts of this run, without its reasons and warnings (to compare runs). */
    public Bilan comptes() {
        return new Bilan(lus, publies, rejetes);
    }

    /** Whether at least one record was published. */
    public boolean aPublie() {
        return publies > 0;
    }

    /** Whether every row read was published: nothing rejected and something published. */
    public boolean complet() {
        return rejetes == 0 && aPublie();
    }
}
