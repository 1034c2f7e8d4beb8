package fr.croisements.ingest.insee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ReferencesInseeAdapterTest {

    private static final Source INSEE = new Source("Base du comparateur de territoires", "Insee", "2021", "Licence Ouverte 2.0", false);

    private final Territoire territoire = new Territoire("essai", "Essai", null, Map.of("menages", INSEE), INSEE, List.of(
            new Commune("2A004", "Ajaccio", Map.of("menages", 33000.0), Set.of(), null),
            new Commune("54090", "Bouxières-aux-Dames", Map.of("menages", 1800.0), Set.of(), null)), List.of());

    @Test
    void publishesOneRowPerCommuneKeyedByItsCodeWithTheSourceOfEachFigure() {
        var producer = new MockProducer<>(true, null, new StringSerializer(), Topics.REF_INSEE_COMMUNES.valueSerde().serializer());

        int publiees = new ReferencesInseeAdapter(producer).publier(List.of(territoire));

        assertThat(publiees).isEqualTo(2);
        assertThat(producer.history()).extracting(r -> r.key()).containsExactly("2A004", "54090");
        IndicateurInsee ajaccio = producer.history().get(0).value();
        assertThat(ajaccio.valeur("menages")).isEqualTo(33000.0);
        assertThat(ajaccio.source("menages")).isEqualTo(INSEE);
        assertThat(ajaccio.cog()).as("the COG year travels with the code").isEqualTo("2026");
        assertThat(producer.history()).allMatch(r -> r.topic().equals(Topics.REF_INSEE_COMMUNES.name()));
    }

    @Test
    void failsLoudlyWhenARowCannotBeSent() {
        var producer = new MockProducer<>(true, null, new StringSerializer(), Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
        producer.sendException = new org.apache.kafka.common.KafkaException("refusé par le broker");
        assertThatThrownBy(() -> new ReferencesInseeAdapter(producer).publier(List.of(territoire)))
                .hasMessageContaining("refusé par le broker");
    }
}
