package fr.croisements.viz.live;

import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.cellule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.croisements.events.Indicateur;
import fr.croisements.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndicateursEnDirectTest {

    private static final String TOPIC = Topics.INDICATEURS_TAUX_PRESENTATION.name();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<String, Indicateur> consumer = new MockConsumer<>("latest");
    private final List<Indicateur> publiees = new CopyOnWriteArrayList<>();
    private final List<String> suivis = new CopyOnWriteArrayList<>();
    private final IndicateursEnDirect enDirect =
            new IndicateursEnDirect(consumer, List.of(TOPIC), publiees::add, suivis::addAll, Duration.ofMillis(20));

    @AfterEach
    void fermer() {
        enDirect.close();
    }

    @Test
    void waitsForTheTopicThenPublishesOnlyCellsWrittenAfterItsEnd() {
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 2L));
        enDirect.start();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> consumer.assignment().isEmpty());

        consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1)));
        await().atMost(Duration.ofSeconds(2)).until(() -> consumer.assignment().size() == 2);
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 3, "54430", cellule("54430", SEMAINE_1, 800, 1600)));
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 5, "54430", cellule("54430", SEMAINE_2, 1000, 1600)));
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 2, "54318", cellule("54318", SEMAINE_2, 900, 1600)));

        await().atMost(Duration.ofSeconds(2)).until(() -> publiees.size() == 2);
        assertThat(publiees).extracting(Indicateur::codeZone, Indicateur::debut)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("54430", SEMAINE_2),
                        org.assertj.core.groups.Tuple.tuple("54318", SEMAINE_2));
    }

    @Test
    void saysATopicIsFollowedOnlyOnceItsEndOffsetsAreFixed() {
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 2L));
        enDirect.start();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(suivis::isEmpty);

        consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1)));

        await().atMost(Duration.ofSeconds(2)).until(() -> suivis.contains(TOPIC));
        assertThat(consumer.position(P0)).isEqualTo(5L);
        assertThat(consumer.position(P1)).isEqualTo(2L);
    }

    @Test
    void skipsTombstonesAndSurvivesAFailingDestination() {
        List<Indicateur> recues = new CopyOnWriteArrayList<>();
        consumer.updateEndOffsets(Map.of(P0, 0L));
        consumer.updatePartitions(TOPIC, List.of(partition(0)));
        try (var fragile = new IndicateursEnDirect(consumer, List.of(TOPIC), cellule -> {
            recues.add(cellule);
            if (recues.size() == 1) {
                throw new IllegalStateException("client parti");
            }
        }, suivis::addAll, Duration.ofMillis(20))) {
            fragile.start();
            await().atMost(Duration.ofSeconds(2)).until(() -> consumer.assignment().size() == 1);
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "54430", null));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "54430", cellule("54430", SEMAINE_1, 800, 1600)));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 2, "54430", cellule("54430", SEMAINE_2, 1000, 1600)));

            await().atMost(Duration.ofSeconds(2)).until(() -> recues.size() == 2);
            assertThat(recues).extracting(Indicateur::debut).containsExactly(SEMAINE_1, SEMAINE_2);
        }
    }

    @Test
    void closeStopsTheThreadAndClosesTheConsumer() {
        enDirect.start();

        enDirect.close();

        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void closeWithoutStartClosesTheConsumer() {
        enDirect.close();

        assertThat(consumer.closed()).isTrue();
    }

    private static PartitionInfo partition(int numero) {
        Node noeud = new Node(0, "localhost", 9092);
        return new PartitionInfo(TOPIC, numero, noeud, new Node[] {noeud}, new Node[] {noeud});
    }
}
