package fr.croisements.streams.fichiers;

import java.util.ArrayList;
import java.util.List;

/**
 * The running aggregate of one cell (a zone over a window) of a file indicator, small whatever the
 * number of contributors: what each contributor brought is kept apart, one record per contributor
 * ({@link Contribution}, in the {@code <id>-contributions} store), and reaches the cell as an
 * {@link Apport} saying what changed.
 *
 * @param zone the zone code
 * @param debut window start, epoch ms
 * @param fin window end, epoch ms
 * @param enregistrements records counted
 * @param somme sum of the values ({@code 0} when the indicator counts records)
 * @param min smallest value, or {@code null}
 * @param max largest value, or {@code null}
 * @param entites distinct contributors
 * @param sommeEntites sum of the contributors' own figures ({@code par-entite})
 * @param plusGrandePart the largest contributor's share of the counted quantity (its sum, or its records)
 * @param totalParts the counted quantity, all contributors together
 * @param valeurs every value, kept only for a percentile over the records
 * @param simule whether any record was simulated
 */
record Agregat(String zone, long debut, long fin, long enregistrements, double somme, Double min, Double max,
        long entites, double sommeEntites, double plusGrandePart, double totalParts, List<Double> valeurs, boolean simule) {

    /** What one contributor has brought to a cell so far. */
    record Contribution(long n, double somme, double min, double max) {

        static final Contribution AUCUNE = new Contribution(0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

        Contribution avec(Double valeur) {
            if (valeur == null) {
                return new Contribution(n + 1, somme, min, max);
            }
            return new Contribution(n + 1, somme + valeur, Math.min(min, valeur), Math.max(max, valeur));
        }
    }

    /**
     * One record's change to its cell.
     *
     * @param observation the record
     * @param nouvelleEntite whether its contributor is new in the cell
     * @param entiteAvant the contributor's own figure before ({@code par-entite}), or {@code null}
     * @param entiteApres the contributor's own figure after, or {@code null}
     * @param partAvant the contributor's counted quantity before
     * @param partApres the contributor's counted quantity after
     */
    record Apport(Observation observation, boolean nouvelleEntite, Double entiteAvant, Double entiteApres,
            double partAvant, double partApres) {}

    static Agregat vide() {
        return new Agregat(null, 0, 0, 0, 0, null, null, 0, 0, 0, 0, List.of(), false);
    }

    Agregat ajouter(Apport apport, boolean garderValeurs) {
        Observation o = apport.observation();
        Double v = o.valeur();
        List<Double> toutes = valeurs;
        if (garderValeurs && v != null) {
            toutes = new ArrayList<>(valeurs);
            toutes.add(v);
        }
        Double plusPetit = min;
        Double plusGrand = max;
        if (v != null) {
            plusPetit = min == null ? v : Double.valueOf(Math.min(min, v));
            plusGrand = max == null ? v : Double.valueOf(Math.max(max, v));
        }
        double entite = (apport.entiteApres() == null ? 0 : apport.entiteApres())
                - (apport.entiteAvant() == null ? 0 : apport.entiteAvant());
        return new Agregat(o.zone(), o.debut(), o.fin(), enregistrements + 1, somme + (v == null ? 0 : v), plusPetit,
                plusGrand, entites + (apport.nouvelleEntite() ? 1 : 0), sommeEntites + entite,
                Math.max(plusGrandePart, apport.partApres()), totalParts + apport.partApres() - apport.partAvant(), toutes,
                simule || o.simule());
    }
}
