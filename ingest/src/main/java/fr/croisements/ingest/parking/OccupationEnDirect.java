package fr.croisements.ingest.parking;

import fr.croisements.events.OccupationParking;
import fr.croisements.events.Topics;
import fr.croisements.ingest.RejeuEnDirect;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Occupancy played live on {@code stationnement-occupation} by the shared engine {@link RejeuEnDirect}
 * (accelerated clock, sending thread, failures counted, stop on a fatal producer error): the
 * simulator's observations, or a real series such as Montpellier's, at their own event times.
 * Key = car park id, value = the observation, record timestamp = its instant. The producer stays
 * open on {@link RejeuEnDirect#close()} (flushed): its owner closes it. The replays returned are
 * not started.
 */
public final class OccupationEnDirect {

    /** One simulated day every 10 real seconds, as the LoRaWAN simulator: the daily cycle shows on the map. */
    public static final double VITESSE_PAR_DEFAUT = 8_640;

    private OccupationEnDirect() {}

    /**
     * A simulator's observations from {@code debut} to {@code fin} (exclusive; {@link Instant#MAX}
     * for none, but a broker refuses timestamps more than an hour in the future).
     */
    public static RejeuEnDirect<OccupationParking> simulation(OccupationSimulateur simulateur,
            Producer<String, OccupationParking> producer, Instant debut, Instant fin, double vitesse) {
        return simulation(simulateur, producer, debut, fin, vitesse, System::nanoTime, RejeuEnDirect.PERIODE);
    }

    /** A real series (sorted here by time), from its first observation to just after its last. */
    public static RejeuEnDirect<OccupationParking> rejeu(List<OccupationParking> observations,
            Producer<String, OccupationParking> producer, double vitesse) {
        return rejeu(observations, producer, vitesse, System::nanoTime, RejeuEnDirect.PERIODE);
    }

    static RejeuEnDirect<OccupationParking> simulation(OccupationSimulateur simulateur,
            Producer<String, OccupationParking> producer, Instant debut, Instant fin, double vitesse, LongSupplier nanos,
            Duration periode) {
        Objects.requireNonNull(simulateur, "simulateur");
        return creer("simulateur-stationnement", simulateur.iterateur(debut, fin), producer, debut, fin, vitesse, nanos,
                periode);
    }

    static RejeuEnDirect<OccupationParking> rejeu(List<OccupationParking> observations,
            Producer<String, OccupationParking> producer, double vitesse, LongSupplier nanos, Duration periode) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("Nothing to replay: no observation");
        }
        List<OccupationParking> triees = observations.stream().sorted(Comparator.comparing(OccupationParking::instant)).toList();
        Instant debut = triees.get(0).instant();
        Instant fin = triees.get(triees.size() - 1).instant().plusSeconds(1);
        return creer("rejeu-stationnement", triees.iterator(), producer, debut, fin, vitesse, nanos, periode);
    }

    private static RejeuEnDirect<OccupationParking> creer(String nom, Iterator<OccupationParking> observations,
            Producer<String, OccupationParking> producer, Instant debut, Instant fin, double vitesse, LongSupplier nanos,
            Duration periode) {
        Objects.requireNonNull(producer, "producer");
        String topic = Topics.STATIONNEMENT_OCCUPATION.name();
        return new RejeuEnDirect<>(nom, observations, OccupationParking::instant,
                (o, rappel) -> producer.send(new ProducerRecord<>(topic, null, o.instant().toEpochMilli(), o.parkingId(), o),
                        rappel),
                producer::flush, debut, fin, vitesse, nanos, periode);
    }
}
