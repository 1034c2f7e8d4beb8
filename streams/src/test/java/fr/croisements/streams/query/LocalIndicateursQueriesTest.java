package fr.croisements.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.CellulesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class LocalIndicateursQueriesTest {

    private static final Instant LUNDI = Instant.parse("2025-07-13T22:00:00Z");

    private static KeyValue<String, Indicateur> cellule(String code, Instant debut, double valeur) {
        var c = new Indicateur("occupation-parkings-pointe", code, Zone.COMMUNE, code, debut, debut.plus(Duration.ofDays(1)),
                valeur, "%", null, null, null, null, Map.of(), 1L, false, true);
        return KeyValue.pair(CellulesStore.cle(code, debut), c);
    }

    @Test
    void theLatestCellOfAZoneIsTheOneWithTheLatestWindowWhateverThePartitionReadLast() {
        // two partitions' stores read one after the other, each sorted: La Rochelle's Tuesday in the first
        var lues = List.of(
                cellule("17200", LUNDI, 50.0), cellule("17300", LUNDI.plus(Duration.ofDays(1)), 61.0),
                cellule("17200", LUNDI.plus(Duration.ofDays(1)), 52.0), cellule("17300", LUNDI, 55.0));

        Map<String, Indicateur> dernieres = LocalIndicateursQueries.plusRecentes(lues.iterator());

        assertThat(dernieres).containsOnlyKeys("17200", "17300");
        assertThat(dernieres.get("17300").valeur()).isEqualTo(61.0);
        assertThat(dernieres.get("17200").valeur()).isEqualTo(52.0);
    }
}
