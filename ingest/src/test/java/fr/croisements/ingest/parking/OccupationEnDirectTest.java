package fr.croisements.ingest.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.events.OccupationParking;
import fr.croisements.ingest.RejeuEnDirect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OccupationEnDirectTest {

    private final MockProducer<String, OccupationParking> producer = DonneesParking.producteurOccupations();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void playsTheSimulatorOnTheSharedReplayEngineAtSimulatedTime() {
        var simulateur = OccupationSimulateur.poitiersEtLaRochelle(42, ScenarioStationnement.AUCUN);
        Instant debut = Instant.parse("2026-01-05T08:00:00Z");
        RejeuEnDirect<OccupationParking> rejeu = OccupationEnDirect.simulation(simulateur, producer, debut,
                debut.plusSeconds(3600), OccupationEnDirect.VITESSE_PAR_DEFAUT, nanos::get, Duration.ofMillis(200));

        rejeu.demarrerHorloge();
        assertThat(rejeu.tick()).isEqualTo(26); // 08:00 is due at once
        nanos.addAndGet(Duration.ofMillis(250).toNanos()); // 0.25 s real = 36 simulated minutes
        assertThat(rejeu.tick()).isEqualTo(2 * 26); // 08:15 and 08:30

        assertThat(producer.history()).hasSize(3 * 26).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("stationnement-occupation");
            assertThat(r.key()).isEqualTo(r.value().parkingId());
            assertThat(r.timestamp()).isEqualTo(r.value().instant().toEpochMilli());
            assertThat(r.value().simule()).isTrue();
        });
        rejeu.close();
        assertThat(rejeu.envoyes()).isEqualTo(78);
        assertThat(rejeu.echecs()).isZero();
    }

    @Test
    void replaysARealSeriesFromItsFirstObservationInTimeOrder() {
        Instant t0 = Instant.parse("2025-12-28T20:57:00Z");
        var observations = List.of(
                new OccupationParking("urn:ngsi-ld:parking:003", t0.plusSeconds(3000), 360, 664, null, false),
                new OccupationParking("urn:ngsi-ld:parking:001", t0, 165, 239, null, false),
                new OccupationParking("urn:ngsi-ld:parking:003", t0, 361, 664, null, false));
        RejeuEnDirect<OccupationParking> rejeu = OccupationEnDirect.rejeu(observations, producer, 8_640, nanos::get,
                Duration.ofMillis(200));

        assertThat(rejeu.horloge()).isEqualTo(t0);
        rejeu.demarrerHorloge();
        assertThat(rejeu.tick()).isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // 1 s real = 2.4 simulated hours
        assertThat(rejeu.tick()).isEqualTo(1);

        assertThat(producer.history()).extracting(ProducerRecord::key, r -> r.value().placesLibres()).containsExactly(
                tuple("urn:ngsi-ld:parking:001", 165), tuple("urn:ngsi-ld:parking:003", 361),
                tuple("urn:ngsi-ld:parking:003", 360));
        assertThat(rejeu.horloge()).isEqualTo(t0.plusSeconds(3001)); // stopped just after the last one
        rejeu.close();
    }
}
