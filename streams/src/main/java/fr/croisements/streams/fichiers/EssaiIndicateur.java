package fr.croisements.streams.fichiers;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Entrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Computes an indicator file on records already read, in this process, with the very topology it
 * runs with ({@link IndicateurDeclareTopology}) in a {@link TopologyTestDriver}: nothing is published,
 * no topic or consumer group is created. The INSEE denominators are those of the territory packs.
 */
public final class EssaiIndicateur {

    /** A record of the source topic as read. */
    public record Enregistrement(String cle, byte[] valeur, long timestamp) {}

    /**
     * @param cellules the latest cell of each zone and window, latest windows first
     * @param rejets every record or cell rejected, with its reason
     */
    public record Resultat(List<Indicateur> cellules, List<Rejet> rejets) {}

    private EssaiIndicateur() {}

    public static Resultat calculer(IndicateurDeclare indicateur, List<Territoire> territoires,
            List<Enregistrement> enregistrements) {
        Path etat;
        try {
            etat = Files.createTempDirectory("croisements-essai-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var locator = new CommuneLocator(territoires.stream().flatMap(t -> t.communes().stream()).toList());
        Properties props = new StreamsSettings("essai:9092", "croisements-essai", etat, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (var driver = new TopologyTestDriver(Entrees.topologie(locator,
                List.of(new IndicateurDeclareTopology(indicateur))), props)) {
            var insee = driver.createInputTopic(Topics.REF_INSEE_COMMUNES.name(),
                    Topics.REF_INSEE_COMMUNES.keySerde().serializer(), Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
            territoires.forEach(t -> t.indicateursInsee().forEach(r -> insee.pipeInput(r.codeZone(), r, 0L)));
            var source = driver.createInputTopic(indicateur.topicSource(), new StringSerializer(), new ByteArraySerializer());
            enregistrements.forEach(e -> source.pipeInput(e.cle(), e.valeur(), Math.max(0, e.timestamp())));
            var cellules = new TreeMap<String, Indicateur>();
            driver.createOutputTopic(indicateur.definition().topic(), Topics.REJETS.keySerde().deserializer(),
                            JsonSerde.of(Indicateur.class).deserializer())
                    .readValuesToList().forEach(c -> cellules.put(c.codeZone() + "|" + c.debut(), c));
            List<Rejet> rejets = driver.createOutputTopic(Topics.REJETS.name(), Topics.REJETS.keySerde().deserializer(),
                    Topics.REJETS.valueSerde().deserializer()).readValuesToList();
            return new Resultat(cellules.values().stream()
                    .sorted(Comparator.comparing(Indicateur::debut, Comparator.<Instant>reverseOrder())
                            .thenComparing(Indicateur::codeZone))
                    .toList(), rejets);
        } finally {
            effacer(etat);
        }
    }

    private static void effacer(Path dossier) {
        try (var chemins = Files.walk(dossier)) {
            chemins.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
