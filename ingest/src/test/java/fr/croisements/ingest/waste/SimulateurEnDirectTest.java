package fr.croisements.ingest.waste;

import static fr.croisements.ingest.waste.Fixtures.PSEUDONYMISEUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SimulateurEnDirectTest {

    private static final long GRAINE = 3;
    /** Monday 2025-01-06, 00:00 UTC (01:00 in Paris, before any lift). */
    private static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z");
    private static final long SECONDE = 1_000_000_000L;
    private static final LeveesSimulateur SIMULATEUR = new LeveesSimulateur(Fixtures.petitTerritoire(), GRAINE, PSEUDONYMISEUR);
    private static final List<LeveeBac> SEMAINE = SIMULATEUR.semaine(LocalDate.of(2025, 1, 6));

    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    private final MockProducer<String, LeveeBac> producer = producer(true);

    @Test
    void sendsOnlyTheLiftsUpToTheSimulatedNowThenMoreAsTheClockAdvances() {
        var direct = enDirect(producer, Duration.ofHours(1));
        direct.demarrerHorloge();

        assertThat(direct.tick()).isZero();
        assertThat(producer.history()).isEmpty();

        nanos.addAndGet(4 * SECONDE); // 4 s at a week per 10 s: Wednesday 19:12 UTC
        Instant mercredi = direct.horloge();
        assertThat(mercredi).isEqualTo(Instant.parse("2025-01-08T19:12:00Z"));
        direct.tick();
        List<LeveeBac> jusquaMercredi = SEMAINE.stream().filter(l -> !l.instant().isAfter(mercredi)).toList();
        assertThat(jusquaMercredi).isNotEmpty().hasSizeLessThan(SEMAINE.size());
        assertThat(valeurs()).isEqualTo(jusquaMercredi);

        nanos.addAndGet(6 * SECONDE);
        direct.tick();
        assertThat(valeurs()).isEqualTo(SEMAINE);
        assertThat(direct.envoyes()).isEqualTo(SEMAINE.size());
        assertThat(direct.echecs()).isZero();
    }

    @Test
    void stopsAtItsEndWithTheClockHeldThere() {
        Instant fin = Instant.parse("2025-01-08T12:00:00Z");
        var direct = new SimulateurEnDirect(SIMULATEUR, producer, DEBUT, fin, SimulateurEnDirect.VITESSE_PAR_DEFAUT,
                nanos::get, Duration.ofHours(1));
        direct.demarrerHorloge();

        nanos.addAndGet(20 * SECONDE); // two simulated weeks later
        direct.tick();

        assertThat(direct.horloge()).isEqualTo(fin);
        assertThat(valeurs()).isNotEmpty()
                .isEqualTo(SEMAINE.stream().filter(l -> l.instant().isBefore(fin)).toList());
    }

    @Test
    void keysByBinAndStampsRecordsWithTheLiftTime() {
        var direct = enDirect(producer, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(10 * SECONDE);

        direct.tick();

        assertThat(producer.history()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.DECHETS_LEVEES.name());
            assertThat(r.key()).isEqualTo(r.value().idBac());
            assertThat(r.timestamp()).isEqualTo(r.value().instant().toEpochMilli());
        });
    }

    @Test
    void neverSendsAClearChipId() {
        var direct = enDirect(producer, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(20 * SECONDE);
        direct.tick();
        var serialiseur = Topics.DECHETS_LEVEES.valueSerde().serializer();
        var jetons = new HashSet<String>();

        producer.history().forEach(r -> {
            jetons.addAll(Fixtures.jetons(r.key()));
            jetons.addAll(Fixtures.jetons(new String(serialiseur.serialize(r.topic(), r.value()), StandardCharsets.UTF_8)));
        });

        assertThat(producer.history()).hasSizeGreaterThan(SEMAINE.size());
        assertThat(producer.history()).allSatisfy(r -> assertThat(r.key()).matches("[0-9a-f]{64}"));
        assertThat(jetons).doesNotContainAnyElementsOf(Fixtures.idsClairs(Fixtures.petitTerritoire(), GRAINE));
    }

    @Test
    void clockStartsAtTheGivenInstantAndRunsAtTheGivenSpeed() {
        var direct = enDirect(producer, Duration.ofHours(1));
        nanos.addAndGet(5 * SECONDE);
        assertThat(direct.horloge()).isEqualTo(DEBUT);

        direct.demarrerHorloge();
        nanos.addAndGet(SECONDE / 2);

        assertThat(direct.horloge()).isEqualTo(DEBUT.plusSeconds(30_240));
    }

    @Test
    void runsOnItsOwnThreadAndStopsPromptlyOnClose() {
        var direct = enDirect(producer, Duration.ofMillis(10));
        direct.start();
        assertThat(direct.actif()).isTrue();

        nanos.addAndGet(10 * SECONDE);
        await().atMost(5, TimeUnit.SECONDS).until(() -> producer.history().size() == SEMAINE.size());

        long avant = System.nanoTime();
        direct.close();
        assertThat(Duration.ofNanos(System.nanoTime() - avant)).isLessThan(Duration.ofSeconds(1));
        assertThat(direct.actif()).isFalse();
        assertThat(producer.flushed()).isTrue();
        Instant figee = direct.horloge();
        nanos.addAndGet(10 * SECONDE);
        assertThat(direct.horloge()).isEqualTo(figee);
    }

    @Test
    void countsAndLogsFailedSendsAndKeepsGoing() {
        MockProducer<String, LeveeBac> manuel = producer(false);
        var direct = enDirect(manuel, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(10 * SECONDE);
        direct.tick();

        assertThat(manuel.errorNext(new TimeoutException("broker unreachable"))).isTrue();
        assertThat(manuel.errorNext(new TimeoutException("broker unreachable"))).isTrue();

        assertThat(direct.echecs()).isEqualTo(2);
        assertThat(direct.actif()).isTrue();
        assertThat(direct.erreur()).isEmpty();
        nanos.addAndGet(10 * SECONDE);
        assertThat(direct.tick()).isPositive();
    }

    @Test
    void stopsOnAFatalProducerError() {
        MockProducer<String, LeveeBac> manuel = producer(false);
        var direct = enDirect(manuel, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(4 * SECONDE);
        direct.tick();

        manuel.errorNext(new TopicAuthorizationException("not allowed"));

        assertThat(direct.erreur()).containsInstanceOf(TopicAuthorizationException.class);
        assertThat(direct.actif()).isFalse();
        int envoyes = manuel.history().size();
        nanos.addAndGet(10 * SECONDE);
        assertThat(direct.tick()).isZero();
        assertThat(manuel.history()).hasSize(envoyes);
    }

    @Test
    void stopsWhenTheProducerThrows() {
        producer.sendException = new IllegalStateException("Cannot perform operation after producer has been closed");
        var direct = enDirect(producer, Duration.ofHours(1));
        direct.demarrerHorloge();
        nanos.addAndGet(10 * SECONDE);

        assertThat(direct.tick()).isZero();

        assertThat(direct.erreur()).containsInstanceOf(IllegalStateException.class);
        assertThat(direct.actif()).isFalse();
    }

    private SimulateurEnDirect enDirect(MockProducer<String, LeveeBac> p, Duration periode) {
        return new SimulateurEnDirect(SIMULATEUR, p, DEBUT, SimulateurEnDirect.VITESSE_PAR_DEFAUT, nanos::get, periode);
    }

    private List<LeveeBac> valeurs() {
        return producer.history().stream().map(ProducerRecord::value).toList();
    }

    private static MockProducer<String, LeveeBac> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), Topics.DECHETS_LEVEES.valueSerde().serializer());
    }
}
