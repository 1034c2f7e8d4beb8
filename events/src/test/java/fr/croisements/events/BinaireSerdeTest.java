package fr.croisements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The pipeline's internal binary format: the same records as JSON, smaller, and stable bytes. */
class BinaireSerdeTest {

    private static final Source INSEE = new Source("Insee, Base du comparateur de territoires", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    private static Indicateur cellule(Map<String, Double> mesures) {
        return new Indicateur("taux-presentation-bacs", "54430", "commune", "Pompey", Instant.parse("2025-01-06T00:00:00Z"),
                Instant.parse("2025-01-13T00:00:00Z"), 62.5, "%", 1000.0, 1600.0, INSEE, INSEE, mesures, 1000L, false, true);
    }

    @Test
    void readsBackWhatItWroteAndIsSmallerThanJson() {
        var serde = BinaireSerde.of(Indicateur.class);
        Indicateur cellule = cellule(Map.of("levees", 1150.0, "bacs", 1000.0));

        byte[] octets = serde.serialize("t", cellule);

        assertThat(serde.deserialize("t", octets)).isEqualTo(cellule);
        assertThat(octets.length).isLessThan(JsonSerde.of(Indicateur.class).serialize("t", cellule).length);
    }

    @Test
    void oneValueAlwaysGivesTheSameBytesWhateverTheOrderOfItsMap() {
        var serde = BinaireSerde.of(Indicateur.class);
        var unOrdre = new LinkedHashMap<String, Double>();
        unOrdre.put("levees", 1150.0);
        unOrdre.put("bacs", 1000.0);
        var lAutre = new LinkedHashMap<String, Double>();
        lAutre.put("bacs", 1000.0);
        lAutre.put("levees", 1150.0);

        assertThat(serde.serialize("t", cellule(unOrdre))).isEqualTo(serde.serialize("t", cellule(lAutre)));
    }

    @Test
    void passesTombstonesAndNamesTheTypeOfWhatItCannotRead() {
        var serde = BinaireSerde.of(Indicateur.class);

        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
        assertThatThrownBy(() -> serde.deserialize("interne", "{\"pas\": du smile".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Indicateur").hasMessageContaining("interne");
    }
}
