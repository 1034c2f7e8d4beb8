package fr.croisements.events;

import java.time.Instant;
import java.util.List;

/**
 * What is known of one LoRaWAN gateway from the uplinks it received.
 *
 * @param id gateway id or EUI, as the network server names it
 * @param position its position when the network server gives it, or {@code null}
 * @param derniereReception when it last received an uplink
 * @param capteurs the devices it has heard, by DevEUI
 * @param receptions how many uplinks it received
 * @param simule whether those uplinks were simulated
 */
public record SantePasserelle(String id, Position position, Instant derniereReception, List<String> capteurs,
        long receptions, boolean simule) {

    public SantePasserelle {
        capteurs = capteurs == null ? List.of() : List.copyOf(capteurs);
    }
}
