package fr.croisements.streams.stationnement;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stays of one IRIS add up to over one period (an hour or a day).
 *
 * @param minutesOccupees minutes of occupation of the spaces within the period (all day for an hour;
 *     from 9:00 to 19:00, Paris time, for a day)
 * @param durees durations in minutes of the stays that arrived in the period
 * @param depassements how many of those lasted longer than their paid-time limit
 * @param simule whether any stay counted was simulated
 */
record Periode(double minutesOccupees, List<Double> durees, long depassements, boolean simule) {

    static final Periode VIDE = new Periode(0, List.of(), 0, false);

    Periode {
        durees = List.copyOf(durees);
    }

    Periode plus(Periode autre) {
        var toutes = new ArrayList<>(durees);
        toutes.addAll(autre.durees);
        return new Periode(minutesOccupees + autre.minutesOccupees, toutes, depassements + autre.depassements,
                simule || autre.simule);
    }

    long arrivees() {
        return durees.size();
    }

    /** The median of the durations, or {@code null} without arrival. */
    Double dureeMediane() {
        if (durees.isEmpty()) {
            return null;
        }
        var triees = durees.stream().sorted().toList();
        int n = triees.size();
        return n % 2 == 1 ? triees.get(n / 2) : (triees.get(n / 2 - 1) + triees.get(n / 2)) / 2;
    }

    /** The share of arrivals that overstayed, in %, or {@code null} without arrival. */
    Double partDepassements() {
        return durees.isEmpty() ? null : 100.0 * depassements / durees.size();
    }
}
