package fr.croisements.streams.lora;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Radio coverage of one commune over one day: the devices heard, the gateways that heard them, and
 * histograms of RSSI and SNR in 1 dB bins (a median without keeping every value).
 */
record CouvertureJour(Set<String> capteurs, Set<String> passerelles, Map<Integer, Long> rssi, Map<Integer, Long> snr,
        boolean simule) {

    /**
     * Sorted collections: the foreign-key join to INSEE compares a hash of this value as sent and as
     * read back from the store, so its JSON must not depend on a set's iteration order (it did: the
     * updates of a second device were dropped as stale, and a commune showed one device of two).
     */
    CouvertureJour {
        capteurs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(capteurs));
        passerelles = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(passerelles));
        rssi = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rssi));
        snr = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(snr));
    }

    static CouvertureJour vide() {
        return new CouvertureJour(Set.of(), Set.of(), Map.of(), Map.of(), false);
    }

    CouvertureJour ajouter(ReceptionLocalisee r) {
        var capteursMaj = new TreeSet<>(capteurs);
        capteursMaj.add(r.devEui());
        var passerellesMaj = new TreeSet<>(passerelles);
        var rssiMaj = new TreeMap<>(rssi);
        var snrMaj = new TreeMap<>(snr);
        r.receptions().forEach(rec -> {
            passerellesMaj.add(rec.gatewayId());
            if (rec.rssi() != null) {
                rssiMaj.merge((int) Math.floor(rec.rssi()), 1L, Long::sum);
            }
            if (rec.snr() != null) {
                snrMaj.merge((int) Math.floor(rec.snr()), 1L, Long::sum);
            }
        });
        return new CouvertureJour(capteursMaj, passerellesMaj, rssiMaj, snrMaj, simule || r.simule());
    }

    /** The lower median of a histogram, or {@code null} when empty. */
    static Double mediane(Map<Integer, Long> histogramme) {
        long total = histogramme.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rang = (total + 1) / 2;
        long cumul = 0;
        for (var classe : new TreeMap<>(histogramme).entrySet()) {
            cumul += classe.getValue();
            if (cumul >= rang) {
                return (double) classe.getKey();
            }
        }
        return null;
    }
}
