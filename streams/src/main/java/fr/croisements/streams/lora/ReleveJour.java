package fr.croisements.streams.lora;

import java.util.Set;
import java.util.TreeSet;

/**
 * Temperatures of one commune over one day.
 *
 * @param maximum highest temperature read, °C
 * @param somme sum of the temperatures read, for the mean
 * @param releves how many temperatures were read
 * @param capteurs the DevEUIs of the sensors behind these figures
 * @param capteursAuDessus the sensors that read at least the threshold
 * @param simule whether any reading was simulated
 */
record ReleveJour(double maximum, double somme, long releves, Set<String> capteurs, Set<String> capteursAuDessus,
        boolean simule) {

    /** Sorted sets: see {@link CouvertureJour}, the JSON of a joined value must not depend on a set's order. */
    ReleveJour {
        capteurs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(capteurs));
        capteursAuDessus = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(capteursAuDessus));
    }

    static ReleveJour vide() {
        return new ReleveJour(Double.NEGATIVE_INFINITY, 0, 0, Set.of(), Set.of(), false);
    }

    ReleveJour ajouter(String devEui, double temperature, double seuil, boolean simuleLecture) {
        return new ReleveJour(Math.max(maximum, temperature), somme + temperature, releves + 1,
                avec(capteurs, devEui), temperature >= seuil ? avec(capteursAuDessus, devEui) : capteursAuDessus,
                simule || simuleLecture);
    }

    double moyenne() {
        return releves == 0 ? Double.NaN : somme / releves;
    }

    private static Set<String> avec(Set<String> ensemble, String element) {
        if (ensemble.contains(element)) {
            return ensemble;
        }
        var copie = new TreeSet<>(ensemble);
        copie.add(element);
        return copie;
    }
}
