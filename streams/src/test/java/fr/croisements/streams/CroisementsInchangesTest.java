package fr.croisements.streams;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven crossings give, record for record, the cells they gave before they were ported onto
 * the one indicator abstraction ({@code fr.croisements.streams.indicateurs}). The expected output
 * ({@code cellules-avant-portage.jsonl}) was written by this test with the code of the hand-written
 * crossings, on the same seeded input: lifts over three weeks (some weeks secret), temperature
 * uplinks with receptions over four days, device statuses, car parks and their occupancy over two
 * weekdays, and INSEE rows with a secret poverty rate.
 *
 * <p>Written again once since, on purpose: the heat and coverage crossings lost the updates of a
 * commune's second sensor (their foreign-key join compared hashes of JSON whose sets were in no
 * fixed order, and dropped the results as stale); with sorted collections they count every sensor,
 * and those two topics have one cell update per uplink. The other topics did not change. Written again
 * for issue #13: the places-per-inhabitant cells name the source of their car parks instead of a generic
 * one; their figures did not change.
 *
 * <p>To write the expected file again (only when a figure is meant to change):
 * {@code mvn -pl streams -am test -Dtest=CroisementsInchangesTest -Dcellules.ecrire=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CroisementsInchangesTest {

    private static final Path ATTENDU = Path.of("src/test/resources/cellules-avant-portage.jsonl");
    private static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z"); // a Monday
    private static final Source INSEE = new Source("Base du comparateur de territoires", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    @TempDir
    Path etat;

    @Test
    void everyCrossingGivesTheCellsItGaveBeforeThePort() throws IOException {
        List<String> sorties = calculer();
        if (Boolean.getBoolean("cellules.ecrire")) {
            Files.write(ATTENDU, sorties, StandardCharsets.UTF_8);
        }
        List<String> attendues = Files.readAllLines(ATTENDU, StandardCharsets.UTF_8);
        assertThat(sorties).as("cells and rejects of the seven crossings").hasSize(attendues.size());
        assertThat(sorties).containsExactlyElementsOf(attendues);
        // the input reaches every crossing: none of them is silently missing from the comparison
        for (var d : Indicateurs.SEPT_CROISEMENTS) {
            assertThat(sorties).as(d.id()).anyMatch(l -> l.startsWith(d.topic() + " "));
        }
    }

    private List<String> calculer() {
        Territoire territoire = JeuDEssai.territoire();
        Properties props = new StreamsSettings("inutilise:9092", "portage", etat, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (var driver = new TopologyTestDriver(Pipeline.topology(List.of(territoire)), props)) {
            JeuDEssai.alimenter(driver);
            var sorties = new ArrayList<String>();
            var cles = new StringDeserializer();
            for (String topic : sortiesDuPipeline()) {
                var sortie = driver.createOutputTopic(topic, cles, new org.apache.kafka.common.serialization.ByteArrayDeserializer());
                sortie.readRecordsToList().forEach(r -> sorties.add(topic + " " + r.key() + " "
                        + normaliser(new String(r.value(), StandardCharsets.UTF_8))));
            }
            return sorties;
        }
    }

    /** The JSON of a record with its object keys sorted, so that a reordered field is not a changed figure. */
    private static String normaliser(String json) {
        try {
            Object arbre = JsonSerde.MAPPER.readValue(json, Object.class);
            return JsonSerde.MAPPER.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(trier(arbre));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object trier(Object noeud) {
        if (noeud instanceof Map<?, ?> map) {
            var trie = new TreeMap<String, Object>();
            ((Map<String, Object>) map).forEach((k, v) -> trie.put(k, trier(v)));
            return trie;
        }
        if (noeud instanceof List<?> liste) {
            return liste.stream().map(CroisementsInchangesTest::trier).toList();
        }
        return noeud;
    }

    private static List<String> sortiesDuPipeline() {
        var topics = new ArrayList<String>();
        Indicateurs.SEPT_CROISEMENTS.forEach(d -> topics.add(d.topic())); // the seven crossings pinned, not the reference figures
        topics.add(Topics.LORA_SANTE_CAPTEURS.name());
        topics.add(Topics.REJETS.name());
        return topics;
    }

    static IndicateurInsee ligne(Territoire t, String code) {
        return t.indicateursInsee().stream().filter(r -> r.codeZone().equals(code) && Zone.COMMUNE.equals(r.niveau()))
                .findFirst().orElseThrow();
    }
}
