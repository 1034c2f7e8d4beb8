package fr.croisements.ingest.fuzz;

import fr.croisements.datasets.Mutations;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Horodatages;
import fr.croisements.ingest.lora.BilanLora;
import fr.croisements.ingest.lora.LoraAdapter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The check shared by the TTS and ChirpStack fuzz suites: one damaged file through an adapter. */
final class LoraFuzz {

    private final MockProducer<String, LoraUplink> uplinks =
            new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_UPLINKS.valueSerde().serializer());
    private final MockProducer<String, LoraStatut> statuts =
            new MockProducer<>(true, null, new StringSerializer(), Topics.LORA_STATUTS.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets =
            new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());

    /**
     * Every message read is published (uplink or status), recognised and ignored (join, ack…), or
     * rejected with a French reason and its position; the records sent are exactly those counted.
     */
    void verifier(LoraAdapter adapter, String source, Mutations.Entree entree, Controles.Comptes comptes) throws IOException {
        uplinks.clear();
        statuts.clear();
        rejets.clear();

        BilanLora bilan = adapter.publier(new ByteArrayInputStream(entree.octets()), source, uplinks, statuts, rejets);

        List<LoraUplink> publies = uplinks.history().stream().map(ProducerRecord::value).toList();
        List<Rejet> rejetes = rejets.history().stream().map(ProducerRecord::value).toList();
        assertThat(publies).hasSize((int) bilan.uplinks());
        assertThat(statuts.history()).hasSize((int) bilan.statuts());
        // an uplink published without measures also has its reject, saying why its payload was not decoded
        assertThat(rejetes).hasSize((int) (bilan.rejetes() + bilan.nonDecodes()));
        assertThat(bilan.uplinks() + bilan.statuts() + bilan.ignoresTotal() + bilan.rejetes()).isEqualTo(bilan.lus());
        Controles.rejets(rejetes, source);
        String texte = new String(entree.octets(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        if (!texte.isBlank()) {
            assertThat(bilan.lus()).as("a non-blank input is read").isPositive();
        }
        for (LoraUplink u : publies) {
            assertThat(u.devEui()).matches("[0-9A-F]{16}");
            assertThat(u.fPort() == null || u.fPort() >= 0 && u.fPort() <= 255).isTrue();
            assertThat(Horodatages.publiable(u.instant())).isTrue();
        }
        statuts.history().forEach(s -> assertThat(s.value().devEui()).matches("[0-9A-F]{16}"));
        Statistics.collect(bilan.rejetes() == 0 ? "tout publié ou reconnu" : bilan.rejetes() == bilan.lus() ? "tout rejeté"
                : "en partie");
        comptes.entrees.incrementAndGet();
        comptes.unites.addAndGet(bilan.lus());
        comptes.publies.addAndGet(bilan.uplinks() + bilan.statuts());
        comptes.rejetes.addAndGet(bilan.rejetes());
        comptes.ignores.addAndGet(bilan.ignoresTotal());
    }
}
