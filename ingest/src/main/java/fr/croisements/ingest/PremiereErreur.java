package fr.croisements.ingest;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.KafkaException;

/**
 * Keeps the first asynchronous send failure of a run, with the position of its record, so that it
 * is thrown on the caller's thread and never lost. Thread-safe: producer callbacks run on the
 * producer's I/O thread.
 */
public final class PremiereErreur {

    private final AtomicReference<Exception> erreur = new AtomicReference<>();
    private final AtomicReference<String> position = new AtomicReference<>();

    /** The callback of one send: notes its failure, if it is the first. */
    public Callback pour(String positionDuRecord) {
        return (metadonnees, e) -> {
            if (e != null && erreur.compareAndSet(null, e)) {
                position.set(positionDuRecord);
            }
        };
    }

    /** @throws KafkaException naming the position, once a send has failed */
    public void verifier() {
        Exception e = erreur.get();
        if (e != null) {
            throw new KafkaException("Failed to publish " + position.get() + ": " + e.getMessage(), e);
        }
    }
}
