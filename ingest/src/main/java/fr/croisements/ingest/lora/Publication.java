package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.PremiereErreur;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingestion run of an adapter: reads each message, sends what it gives, counts. Not thread-safe:
 * one instance per run.
 *
 * <p>Out: uplinks on {@code lora-uplinks} (key DevEUI, timestamp = reception), statuses on
 * {@code lora-statuts} (key DevEUI, timestamp = report), rejects on {@code rejets} (key = source,
 * timestamp = now). Send failures are not swallowed: the first one is thrown as a
 * {@link KafkaException} naming the position; what was sent before stays sent.
 */
final class Publication implements LecteurMessages.Destinataire {

    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    private final LoraAdapter adapter;
    private final String source;
    private final String evenement;
    private final Producer<String, LoraUplink> uplinks;
    private final Producer<String, LoraStatut> statuts;
    private final Producer<String, Rejet> rejets;
    private final Clock horloge;
    private final PremiereErreur premiereErreur = new PremiereErreur();

    private long lus;
    private long nbUplinks;
    private long nonDecodes;
    private long nbStatuts;
    private long rejetes;
    private final Map<String, Long> ignores = new HashMap<>();
    private final List<String> raisons = new ArrayList<>();

    Publication(LoraAdapter adapter, String source, String evenement, Producer<String, LoraUplink> uplinks,
            Producer<String, LoraStatut> statuts, Producer<String, Rejet> rejets, Clock horloge) {
        this.adapter = adapter;
        this.source = Objects.requireNonNull(source, "source");
        this.evenement = evenement;
        this.uplinks = Objects.requireNonNull(uplinks, "uplinks");
        this.statuts = Objects.requireNonNull(statuts, "statuts");
        this.rejets = Objects.requireNonNull(rejets, "rejets");
        this.horloge = horloge;
    }

    @Override
    public void message(String position, JsonNode noeud, String extrait) {
        lus++;
        Lecture lecture;
        try {
            lecture = adapter.lire(noeud, evenement);
        } catch (RuntimeException e) {
            // A bug in an adapter must not stop the stream: the message is rejected and the bug logged.
            log.error("{} could not read the message at {}", adapter.getClass().getSimpleName(), position, e);
            lecture = new Lecture.Invalide("erreur interne en lisant ce message (signalée dans le journal)");
        }
        if (lecture instanceof Lecture.Uplink u) {
            LoraUplink uplink = u.uplink();
            uplinks.send(new ProducerRecord<>(Topics.LORA_UPLINKS.name(), null, uplink.instant().toEpochMilli(),
                    uplink.devEui(), uplink), premiereErreur.pour(position));
            nbUplinks++;
            if (u.avertissement() != null) {
                nonDecodes++;
                log.warn("{} uplink of {} published without measures: {}", position, uplink.devEui(), u.avertissement());
                rejet(position, u.avertissement(), "DevEUI " + uplink.devEui() + ", fPort " + uplink.fPort()
                        + ", frm_payload " + uplink.payload());
            }
        } else if (lecture instanceof Lecture.Statut s) {
            LoraStatut statut = s.statut();
            statuts.send(new ProducerRecord<>(Topics.LORA_STATUTS.name(), null, statut.instant().toEpochMilli(),
                    statut.devEui(), statut), premiereErreur.pour(position));
            nbStatuts++;
        } else if (lecture instanceof Lecture.Ignore i) {
            ignores.merge(i.type(), 1L, Long::sum);
        } else if (lecture instanceof Lecture.Invalide i) {
            rejetes++;
            log.warn("{} rejected: {}", position, i.raison());
            rejet(position, i.raison(), extrait);
        }
        verifier();
    }

    @Override
    public void illisible(String position, String raison, String extrait) {
        lus++;
        rejetes++;
        log.warn("{} rejected: {}", position, raison);
        rejet(position, raison, extrait);
        verifier();
    }

    /** Flushes the producers and returns the counts; throws the first send failure. */
    BilanLora terminer() {
        uplinks.flush();
        statuts.flush();
        rejets.flush();
        verifier();
        var bilan = new BilanLora(lus, nbUplinks, nonDecodes, nbStatuts, ignores, rejetes, raisons);
        log.info("Read {} messages from {}: {} uplinks to {} ({} without measures), {} statuses to {}, {} ignored {}, {} rejected to {}",
                lus, source, nbUplinks, Topics.LORA_UPLINKS.name(), nonDecodes, nbStatuts, Topics.LORA_STATUTS.name(),
                bilan.ignoresTotal(), bilan.ignoresTries(), rejetes, Topics.REJETS.name());
        return bilan;
    }

    private void rejet(String position, String raison, String extrait) {
        if (raisons.size() < BilanLora.RAISONS_MAX) {
            raisons.add(position + " : " + raison);
        }
        var rejet = new Rejet(source, position, raison, extrait, horloge.instant());
        rejets.send(new ProducerRecord<>(Topics.REJETS.name(), null, rejet.instant().toEpochMilli(), source, rejet),
                premiereErreur.pour(position));
    }

    private void verifier() {
        premiereErreur.verifier();
    }
}
