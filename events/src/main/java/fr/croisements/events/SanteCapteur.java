package fr.croisements.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known of one LoRaWAN device: its latest uplink, battery and lost frames.
 *
 * @param devEui device EUI
 * @param modele device model, or {@code null}
 * @param position latest known position, or {@code null}
 * @param derniereReception when it was last heard
 * @param dernieresMesures the measures of its latest uplink that carried measures
 * @param batteriePourcent latest battery level in %, or {@code null}
 * @param passerelles the gateways that heard its latest uplink
 * @param trames uplinks received
 * @param tramesPerdues frames missing from the frame counter (gaps), counter resets excluded
 * @param reinitialisations times the frame counter went back (device rejoin or reboot)
 * @param dernierFCnt latest frame counter, or {@code null}
 * @param simule whether it comes from the simulator
 */
public record SanteCapteur(
        String devEui,
        String modele,
        Position position,
        Instant derniereReception,
        Map<String, Mesure> dernieresMesures,
        Double batteriePourcent,
        List<String> passerelles,
        long trames,
        long tramesPerdues,
        long reinitialisations,
        Long dernierFCnt,
        boolean simule) {

    public SanteCapteur {
        dernieresMesures = dernieresMesures == null ? Map.of() : Map.copyOf(dernieresMesures);
        passerelles = passerelles == null ? List.of() : List.copyOf(passerelles);
    }

    /** Share of frames lost, in %, or {@code null} before two frames. */
    public Double tauxPerte() {
        long attendues = trames + tramesPerdues;
        return trames < 2 ? null : 100.0 * tramesPerdues / attendues;
    }
}
