package fr.croisements.ingest.lora;

import fr.croisements.ingest.Bilan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one LoRaWAN ingestion did: {@code lus = uplinks + statuts + ignores + rejetes}.
 *
 * @param lus messages read (JSON objects, or unreadable lines and objects)
 * @param uplinks uplinks published on {@code lora-uplinks}
 * @param nonDecodes among {@code uplinks}, those published without measures and with a reject explaining why
 * @param statuts device statuses published on {@code lora-statuts}
 * @param ignores messages recognised and not published, by type ({@code join}, {@code ack}, {@code join_accept}...)
 * @param rejetes messages rejected to {@code rejets} (unreadable JSON, missing DevEUI, invalid base64...)
 * @param raisons the first reasons, {@code position : raison}, at most {@link #RAISONS_MAX}
 */
public record BilanLora(long lus, long uplinks, long nonDecodes, long statuts, Map<String, Long> ignores, long rejetes,
        List<String> raisons) {

    /** How many reasons a summary keeps. */
    public static final int RAISONS_MAX = 20;

    public BilanLora {
        ignores = Map.copyOf(ignores);
        raisons = List.copyOf(raisons);
    }

    /** Ignored types, sorted, for display. */
    public Map<String, Long> ignoresTries() {
        return new TreeMap<>(ignores);
    }

    public long ignoresTotal() {
        return ignores.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records published to the data topics ({@code lora-uplinks} and {@code lora-statuts}). */
    public long publies() {
        return uplinks + statuts;
    }

    /** Whether at least one record was published: a run that published nothing should exit non-zero. */
    public boolean aPublie() {
        return publies() > 0;
    }

    /** The same, in the shape shared with the other adapters. */
    public Bilan bilan() {
        return new Bilan(lus, publies(), rejetes);
    }
}
