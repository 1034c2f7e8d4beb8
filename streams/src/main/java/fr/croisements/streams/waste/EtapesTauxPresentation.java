package fr.croisements.streams.waste;

import static fr.croisements.events.Topics.DECHETS_LEVEES;

import fr.croisements.events.BinaireSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.SemainesIso;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The first stages of the presentation-rate crossing (and its source alone), each cut into a topology of its own, to measure
 * each stage alone ({@code croisements benchmark}): the same processors, stores and serdes as
 * {@link TauxPresentationTopology}, ending in a topic whose records can be counted. The pipeline never
 * runs them; the whole crossing alone is {@link TauxPresentationTopology#build()}.
 */
public final class EtapesTauxPresentation {

    private EtapesTauxPresentation() {
    }

    /**
     * {@code dechets-levees} read as the crossing reads it (JSON, time of the lift) and written unchanged to
     * {@code sortie}: what Kafka Streams costs before any work of the crossing.
     */
    public static Topology lire(String sortie) {
        var builder = new StreamsBuilder();
        source(builder).to(sortie, Produced.with(DECHETS_LEVEES.keySerde(), DECHETS_LEVEES.valueSerde()).withName("levees-sink"));
        return builder.build();
    }

    /**
     * {@code dechets-levees} → locate each lift (commune, and whether its bin is new in the week) →
     * {@code sortie}: key = commune code, value = what the weekly count needs, in the binary format of
     * the pipeline's repartition topic. One record per located lift; rejects go to {@code rejets}.
     */
    public static Topology localiser(CommuneLocator locator, String sortie) {
        var entrees = new Entrees(new StreamsBuilder(), locator);
        localisees(entrees, locator).to(sortie, Produced.with(Serdes.String(), BinaireSerde.of(LeveeACompter.class))
                .withName("localisees-sink"));
        return entrees.builder().build();
    }

    /**
     * {@link #localiser} then the repartition by commune and the weekly count (the same window store) →
     * {@code sortie}: key = {@code <commune code>@<start of the week>}, value = the lifts counted so far in
     * that cell (a {@code Long}). The latest value of each key adds up to the lifts counted.
     */
    public static Topology fenetre(CommuneLocator locator, String sortie) {
        var entrees = new Entrees(new StreamsBuilder(), locator);
        localisees(entrees, locator)
                .groupByKey(Grouped.with("par-commune", Serdes.String(), BinaireSerde.of(LeveeACompter.class)))
                .windowedBy(SemainesIso.avecGrace(TauxPresentationTopology.CONSERVATION))
                .aggregate(ComptageHebdo::vide, (code, l, comptage) -> comptage.ajouter(l),
                        Named.as("compter-par-commune-semaine"),
                        Materialized.<String, ComptageHebdo, WindowStore<Bytes, byte[]>>as(TauxPresentationTopology.STORE_COMPTAGES)
                                .withKeySerde(Serdes.String()).withValueSerde(BinaireSerde.of(ComptageHebdo.class)))
                .toStream(Named.as("comptages-mis-a-jour"))
                .map((fenetre, comptage) -> KeyValue.pair(fenetre.key() + "@" + fenetre.window().startTime(),
                        comptage.levees()), Named.as("levees-comptees"))
                .to(sortie, Produced.with(Serdes.String(), Serdes.Long()).withName("comptages-sink"));
        return entrees.builder().build();
    }

    private static KStream<String, LeveeBac> source(StreamsBuilder builder) {
        return builder.stream(DECHETS_LEVEES.name(), Consumed.with(DECHETS_LEVEES.keySerde(), DECHETS_LEVEES.valueSerde())
                .withTimestampExtractor(new LeveeTimestampExtractor()).withName("levees-source"));
    }

    /** The crossing's first stage, as {@link TauxPresentationTopology} builds it, up to the repartition. */
    private static KStream<String, LeveeACompter> localisees(Entrees entrees, CommuneLocator locator) {
        StreamsBuilder builder = entrees.builder();
        builder.addStateStore(LocaliserLevees.store(TauxPresentationTopology.GRACE));
        return source(builder)
                .processValues(() -> new LocaliserLevees(locator, TauxPresentationTopology.GRACE),
                        Named.as("localiser-levees"), LocaliserLevees.STORE)
                .split(Named.as("levees-"))
                .branch((bac, l) -> l.rejet() != null, Branched.withConsumer(s -> entrees.rejeter(
                        s.mapValues(LeveeLocalisee::rejet, Named.as("levees-rejet")), "levees"), "rejetees"))
                .defaultBranch(Branched.as("localisees"))
                .get("levees-localisees")
                .map((bac, l) -> KeyValue.pair(l.codeInsee(), LeveeACompter.de(l)), Named.as("garder-de-quoi-compter"));
    }
}
