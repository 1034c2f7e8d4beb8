package fr.croisements.ingest.insee;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the INSEE figures of territory packs to {@code ref-insee-communes}, one record per
 * commune keyed by its COG code. The topic is compacted, so publishing again (a new pack, a
 * restart) replaces each commune's row and costs nothing downstream.
 */
public final class ReferencesInseeAdapter {

    private static final Logger log = LoggerFactory.getLogger(ReferencesInseeAdapter.class);

    private final Producer<String, IndicateurInsee> producer;

    public ReferencesInseeAdapter(Producer<String, IndicateurInsee> producer) {
        this.producer = producer;
    }

    /** Sends every commune of every territory and waits for the broker's acknowledgements. */
    public int publier(List<Territoire> territoires) {
        List<Future<RecordMetadata>> envois = new ArrayList<>();
        for (Territoire territoire : territoires) {
            for (IndicateurInsee ligne : territoire.indicateursInsee()) {
                envois.add(producer.send(new ProducerRecord<>(Topics.REF_INSEE_COMMUNES.name(), ligne.codeZone(), ligne)));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> envoi : envois) {
            try {
                envoi.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing INSEE references", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not publish INSEE references: " + e.getCause().getMessage(), e.getCause());
            }
        }
        log.info("Published {} INSEE reference rows to {}", envois.size(), Topics.REF_INSEE_COMMUNES.name());
        return envois.size();
    }
}
