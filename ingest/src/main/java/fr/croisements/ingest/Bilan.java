package fr.croisements.ingest;

/**
 * What one ingestion run did, for the summary shown to the user.
 *
 * @param lus data rows read (header and blank lines excluded)
 * @param publies records published to the data topic
 * @param rejetes rows (or a header) rejected and published to the rejects topic
 */
public record Bilan(long lus, long publies, long rejetes) {

    /** Whether at least one record was published: a run that published nothing should exit non-zero. */
    public boolean aPublie() {
        return publies > 0;
    }
}
