package fr.croisements.streams.lora;

import static fr.croisements.events.Topics.LORA_SANTE_CAPTEURS;
import static fr.croisements.events.Topics.LORA_STATUTS;
import static fr.croisements.events.Topics.LORA_UPLINKS;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Health of each LoRaWAN device: last seen, latest measures, battery, frames lost.
 *
 * <pre>
 * In:  lora-uplinks, lora-statuts   key = DevEUI (same partitioning: no repartition)
 * Out: lora-sante-capteurs          key = DevEUI, value = SanteCapteur, one record per update
 * Store: sante-capteurs-store       the latest SanteCapteur of every device
 * Store: sante-passerelles-store    every gateway seen in the receptions (SantePasserelle), by gateway id
 * </pre>
 *
 * Lost frames come from gaps in the frame counter; a counter that goes back by more than
 * {@link Sante#ECART_REINITIALISATION}, or to 0 or 1, is a reset (rejoin, reboot) and counts no loss.
 * Freshness ("vu il y a 12 min") is computed when the map asks, against the (simulated) clock.
 */
public final class SanteCapteursTopology implements Croisement {

    public static final String STORE = "sante-capteurs-store";
    public static final String STORE_PASSERELLES = "sante-passerelles-store";

    public Topology build() {
        return Entrees.topologie(List.of(), List.of(this));
    }

    /** No indicator cell: the health of each device is its own table, read by the map's device layer. */
    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of();
    }

    @Override
    public void ajouter(Entrees entrees) {
        StreamsBuilder builder = entrees.builder();
        var uplinks = builder.stream(LORA_UPLINKS.name(), Consumed.with(LORA_UPLINKS.keySerde(), LORA_UPLINKS.valueSerde())
                        .withName("sante-uplinks-source"))
                .mapValues(u -> new EvenementCapteur(u, null), Named.as("sante-uplink"));
        var statuts = builder.stream(LORA_STATUTS.name(), Consumed.with(LORA_STATUTS.keySerde(), LORA_STATUTS.valueSerde())
                        .withName("sante-statuts-source"))
                .mapValues(s -> new EvenementCapteur(null, s), Named.as("sante-statut"));
        compterPasserelles(builder);
        uplinks.merge(statuts, Named.as("sante-evenements"))
                .filter((devEui, e) -> devEui != null && (e.uplink() != null || e.statut() != null), Named.as("sante-valides"))
                .groupByKey(Grouped.with("sante-par-capteur", Serdes.String(), JsonSerde.of(EvenementCapteur.class)))
                .aggregate(Sante::vide, Sante::appliquer, Named.as("sante-agreger"),
                        Materialized.<String, SanteCapteur, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(LORA_SANTE_CAPTEURS.valueSerde()))
                .toStream(Named.as("sante-mises-a-jour"))
                .to(LORA_SANTE_CAPTEURS.name(), Produced.with(LORA_SANTE_CAPTEURS.keySerde(), LORA_SANTE_CAPTEURS.valueSerde())
                        .withName("sante-sink"));
    }

    /** Per gateway, from the receptions of every uplink (repartitioned by gateway id). */
    private void compterPasserelles(StreamsBuilder builder) {
        builder.stream(LORA_UPLINKS.name(), Consumed.with(LORA_UPLINKS.keySerde(), LORA_UPLINKS.valueSerde())
                        .withName("passerelles-uplinks-source"))
                .filter((devEui, u) -> u != null, Named.as("passerelles-uplinks"))
                .flatMap((devEui, u) -> u.receptions().stream().filter(r -> r.gatewayId() != null)
                        .map(r -> KeyValue.pair(r.gatewayId(), new ReceptionPasserelle(u.devEui(), u.instant(), r, u.simule())))
                        .toList(), Named.as("passerelles-receptions"))
                .groupByKey(Grouped.with("par-passerelle", Serdes.String(), JsonSerde.of(ReceptionPasserelle.class)))
                .aggregate(() -> new SantePasserelle(null, null, null, List.of(), 0, false),
                        (id, r, p) -> r.appliquer(id, p), Named.as("passerelles-agreger"),
                        Materialized.<String, SantePasserelle, KeyValueStore<Bytes, byte[]>>as(STORE_PASSERELLES)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(SantePasserelle.class)));
    }
}
