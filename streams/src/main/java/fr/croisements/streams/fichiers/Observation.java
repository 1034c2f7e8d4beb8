package fr.croisements.streams.fichiers;

/**
 * A record of the source once read, located and windowed, as it travels to its cell.
 *
 * @param zone the zone code
 * @param debut window start, epoch ms
 * @param fin window end, epoch ms
 * @param entite the contributor's id
 * @param valeur the number aggregated, or {@code null} when the indicator counts records
 * @param simule whether the record says it is simulated
 */
record Observation(String zone, long debut, long fin, String entite, Double valeur, boolean simule) {

    /** The key of its cell: zone and window start. */
    String cellule() {
        return zone + "|" + debut;
    }
}
