package fr.croisements.ingest.csv;

import fr.croisements.events.Rejet;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.PremiereErreur;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends one run's records to a data topic and its rejects to {@code rejets}, remembering the first
 * asynchronous failure so that it is thrown, never lost; counts what was sent and keeps the first
 * rejects and warnings for the run's {@link Bilan}. Not thread-safe: one instance per run.
 *
 * @param <V> the value type of the data topic
 */
public final class Envois<V> {

    private final String source;
    private final Topic<String, V> topic;
    private final Producer<String, V> donnees;
    private final Function<V, String> cle;
    private final Function<V, Instant> horodatage;
    private final Producer<String, Rejet> rejets;
    private final Clock horloge;
    private final PremiereErreur premiereErreur = new PremiereErreur();
    private long publies;
    private long rejetes;
    private long avertis;
    private final List<String> raisons = new ArrayList<>();
    private final List<String> avertissements = new ArrayList<>();

    /**
     * @param source the name rejects refer to (file name or "entrée standard"), also their key
     * @param horodatage the record timestamp of a value, or {@code null} to let the producer stamp it
     */
    public Envois(String source, Topic<String, V> topic, Producer<String, V> donnees, Function<V, String> cle,
            Function<V, Instant> horodatage, Producer<String, Rejet> rejets, Clock horloge) {
        this.source = Objects.requireNonNull(source, "source");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.donnees = Objects.requireNonNull(donnees, "donnees");
        this.cle = Objects.requireNonNull(cle, "cle");
        this.horodatage = horodatage;
        this.rejets = Objects.requireNonNull(rejets, "rejets");
        this.horloge = Objects.requireNonNull(horloge, "horloge");
    }

    public String position(long ligne) {
        return ligne > 0 ? source + ":" + ligne : source;
    }

    public void donnee(long ligne, V valeur) {
        String position = position(ligne);
        Long timestamp = horodatage == null ? null : horodatage.apply(valeur).toEpochMilli();
        donnees.send(new ProducerRecord<>(topic.name(), null, timestamp, cle.apply(valeur), valeur),
                premiereErreur.pour(position));
        publies++;
        verifier();
    }

    /** A warning about a row that is kept (a value normalised or left empty): counted, the first ones kept for the summary. */
    public void avertissement(long ligne, String texte) {
        String position = position(ligne);
        avertis++;
        if (avertissements.size() < Bilan.LIGNES_MAX) {
            avertissements.add(position + " : " + texte);
        }
    }

    public void rejet(long ligne, String raison, String extrait) {
        String position = position(ligne);
        var rejet = new Rejet(source, position, raison, extrait, horloge.instant());
        rejets.send(new ProducerRecord<>(Topics.REJETS.name(), null, rejet.instant().toEpochMilli(), source, rejet),
                premiereErreur.pour(position));
        rejetes++;
        if (raisons.size() < Bilan.LIGNES_MAX) {
            raisons.add(position + " : " + raison);
        }
        verifier();
    }

    /**
     * Flushes both producers, throws the first failure, if any, and sums the run up.
     *
     * @param lus the rows read, as the adapter counts them
     */
    public Bilan terminer(long lus) {
        donnees.flush();
        rejets.flush();
        verifier();
        return new Bilan(lus, publies, rejetes, raisons, avertis, avertissements);
    }

    private void verifier() {
        premiereErreur.verifier();
    }
}
