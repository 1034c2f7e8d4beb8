package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.croisements.datasets.Territoires;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LoraEnDirectTest {

    private static final Instant DEBUT = Instant.parse("2025-07-01T00:00:00Z");
    private static final long SECONDE = 1_000_000_000L;
    private static final LoraSimulateur SIMULATEUR =
            new LoraSimulateur(Territoires.charger("grand-poitiers"), 7, Scenario.normal(), DEBUT);

    private final AtomicLong nanos = new AtomicLong(1_000L);
    private final MockProducer<String, LoraUplink> uplinks = DonneesLora.producteurUplinks();
    private final MockProducer<String, LoraStatut> statuts = DonneesLora.producteurStatuts();
    private final MockProducer<String, Rejet> rejets = DonneesLora.producteurRejets();

    private LoraEnDirect enDirect(MockProducer<String, LoraUplink> u, Duration periode) {
        return new LoraEnDirect(SIMULATEUR, u, statuts, rejets, DEBUT, Instant.MAX, LoraEnDirect.VITESSE_PAR_DEFAUT,
                nanos::get, periode);
    }

    @Test
    void publishesWhatTheAdaptersMakeOfTheSimulatedMessagesAsTheClockAdvances() {
        var direct = enDirect(uplinks, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(5 * SECONDE); // half a simulated day

        direct.tick();

        Instant midi = Instant.parse("2025-07-01T12:00:00Z");
        assertThat(direct.horloge()).isEqualTo(midi);
        List<MessageSimule> attendus = SIMULATEUR.messages(DEBUT, midi.plusNanos(1)).toList();
        assertThat(direct.envoyes()).isEqualTo(attendus.size());
        assertThat(uplinks.history()).hasSize((int) attendus.stream().filter(m -> m.evenement().equals("up")).count());
        assertThat(uplinks.history()).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.LORA_UPLINKS.name());
            assertThat(r.key()).isEqualTo(r.value().devEui());
            assertThat(r.timestamp()).isEqualTo(r.value().instant().toEpochMilli());
            assertThat(r.value().simule()).isTrue();
            assertThat(r.value().position()).isNotNull();
            assertThat(r.value().mesures()).containsKey(Mesures.TEMPERATURE);
        });
        assertThat(statuts.history()).extracting(ProducerRecord::value).allSatisfy(s -> assertThat(s.simule()).isTrue());
        assertThat(statuts.history()).hasSize((int) attendus.stream().filter(m -> m.evenement().equals("status")).count());
        assertThat(rejets.history()).isEmpty();

        nanos.addAndGet(5 * SECONDE);
        assertThat(direct.tick()).isPositive();
    }

    @Test
    void runsOnItsOwnThreadStopsPromptlyAndFlushes() {
        var direct = enDirect(uplinks, Duration.ofMillis(10));
        direct.start();
        nanos.addAndGet(2 * SECONDE);

        await().atMost(5, TimeUnit.SECONDS).until(() -> !uplinks.history().isEmpty());
        long avant = System.nanoTime();
        direct.close();

        assertThat(Duration.ofNanos(System.nanoTime() - avant)).isLessThan(Duration.ofSeconds(1));
        assertThat(direct.actif()).isFalse();
        assertThat(uplinks.flushed() && statuts.flushed() && rejets.flushed()).isTrue();
    }

    @Test
    void stopsOnAFatalProducerError() {
        var manuel = new MockProducer<>(false, null, new StringSerializer(), Topics.LORA_UPLINKS.valueSerde().serializer());
        var direct = enDirect(manuel, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(SECONDE);
        direct.tick();

        manuel.errorNext(new TopicAuthorizationException("interdit"));

        assertThat(direct.erreur()).containsInstanceOf(TopicAuthorizationException.class);
        assertThat(direct.actif()).isFalse();
    }
}
