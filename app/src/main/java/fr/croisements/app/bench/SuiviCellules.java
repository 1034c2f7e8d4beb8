package fr.croisements.app.bench;

import fr.croisements.events.Indicateur;
import fr.croisements.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the committed cells of {@code indicateurs-taux-presentation-bacs} from the beginning and
 * keeps the latest version of each (commune, week) cell: the pipeline has processed every lift when
 * the cells' lift counts add up to the number replayed. Not thread-safe: one caller.
 */
final class SuiviCellules implements AutoCloseable {

    private final KafkaConsumer<String, Indicateur> consumer;
    private final Map<String, Indicateur> cellules = new HashMap<>();
    private long levees;

    private final Instant fin;

    SuiviCellules(String bootstrap) {
        this(bootstrap, false, Instant.MAX);
    }

    /**
     * {@code depuisLaFin}: only the cells written after now (the topic already holds another application's);
     * only the cells of the weeks starting before {@code fin}.
     */
    SuiviCellules(String bootstrap, boolean depuisLaFin, Instant fin) {
        this.fin = fin;
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.INDICATEURS_TAUX_PRESENTATION.valueSerde().deserializer());
        String topic = Topics.INDICATEURS_TAUX_PRESENTATION.name();
        var parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(parts);
        if (depuisLaFin) {
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // the end of now, not of the first poll
        } else {
            consumer.seekToBeginning(parts);
        }
    }

    /** Polls until the cells count {@code attendues} lifts; false when {@code delai} runs out first. */
    boolean attendreLevees(long attendues, Duration delai) {
        long limite = System.nanoTime() + delai.toNanos();
        while (levees != attendues && System.nanoTime() < limite) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                Indicateur cellule = record.value();
                if (!cellule.debut().isBefore(fin)) {
                    continue;
                }
                Indicateur avant = cellules.put(record.key() + "|" + cellule.debut(), cellule);
                levees += leveesDe(cellule) - (avant == null ? 0 : leveesDe(avant));
            }
        }
        return levees == attendues;
    }

    boolean secretes() {
        return cellules.values().stream().anyMatch(Indicateur::secret);
    }

    int nombre() {
        return cellules.size();
    }

    private static long leveesDe(Indicateur cellule) {
        return cellule.mesures().getOrDefault("levees", 0.0).longValue();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
