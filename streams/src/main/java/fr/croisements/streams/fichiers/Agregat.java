package fr.croisements.streams.fichiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running aggregate of one cell (a zone over a window) of a file indicator: the counts and
 * sums of the records, and the same per contributor, from which the distinct contributors and the
 * share of the largest one (the secrecy rule) are read.
 *
 * @param zone the zone code
 * @param debut window start, epoch ms
 * @param fin window end, epoch ms
 * @param enregistrements records counted
 * @param somme sum of the values ({@code 0} when the indicator counts records)
 * @param min smallest value, or {@code null}
 * @param max largest value, or {@code null}
 * @param entites per contributor: its records, sum, min and max
 * @param valeurs every value, kept only for a percentile over the records
 * @param simule whether any record was simulated
 */
record Agregat(String zone, long debut, long fin, long enregistrements, double somme, Double min, Double max,
        Map<String, Contribution> entites, List<Double> valeurs, boolean simule) {

    /** What one contributor brought to the cell. */
    record Contribution(long n, double somme, double min, double max) {

        Contribution avec(Double valeur) {
            double v = valeur == null ? 0 : valeur;
            return valeur == null ? new Contribution(n + 1, somme, min, max)
                    : new Contribution(n + 1, somme + v, Math.min(min, v), Math.max(max, v));
        }
    }

    static Agregat vide() {
        return new Agregat(null, 0, 0, 0, 0, null, null, Map.of(), List.of(), false);
    }

    Agregat ajouter(Observation o, boolean garderValeurs) {
        var parEntite = new TreeMap<>(entites);
        parEntite.merge(o.entite(), new Contribution(0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).avec(o.valeur()),
                (avant, nouveau) -> avant.avec(o.valeur()));
        List<Double> toutes = valeurs;
        if (garderValeurs && o.valeur() != null) {
            toutes = new ArrayList<>(valeurs);
            toutes.add(o.valeur());
        }
        Double v = o.valeur();
        Double plusPetit = min;
        Double plusGrand = max;
        if (v != null) {
            plusPetit = min == null ? v : Double.valueOf(Math.min(min, v));
            plusGrand = max == null ? v : Double.valueOf(Math.max(max, v));
        }
        return new Agregat(o.zone(), o.debut(), o.fin(), enregistrements + 1, somme + (v == null ? 0 : v), plusPetit,
                plusGrand, parEntite, toutes, simule || o.simule());
    }
}
