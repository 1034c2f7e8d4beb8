package fr.croisements.streams.waste;

import static fr.croisements.events.Indicateurs.TAUX_PRESENTATION_BACS;
import static fr.croisements.events.Topics.DECHETS_LEVEES;

import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.BinaireSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.SemainesIso;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.WindowStore;

/**
 * "Taux de présentation des bacs": distinct bins lifted per commune and ISO week, divided by the
 * commune's INSEE households.
 *
 * <pre>
 * In:  dechets-levees                      key = pseudonymised bin id, value = LeveeBac, event time = lift time
 * In:  ref-insee-communes (KTable)         key = code INSEE,           value = IndicateurInsee (needs "menages")
 * Out: indicateurs-taux-presentation-bacs  key = code INSEE,           value = Indicateur, one record per update
 * Out: rejets                              key = source topic,         value = Rejet (outside every commune,
 *                                          too late, commune without INSEE households)
 * Store: indicateurs-taux-presentation-bacs-store, every cell by commune and week (see CellulesStore)
 * </pre>
 *
 * Windows are ISO weeks in UTC ({@link SemainesIso}). Lateness is judged once, upstream, against
 * the order of the lift's own input partition (the order in which its truck or file sent it): a
 * lift more than {@link #GRACE} behind is rejected with its reason, never silently dropped. The
 * windowed count after the repartition keeps its weeks for {@link #CONSERVATION}: its input merges
 * the input partitions, whose tasks may be weeks apart when a file of past lifts is replayed, so a
 * short grace there would drop lifts that were on time in their own partition. A cell describing
 * fewer than {@link fr.croisements.events.Indicateurs#SEUIL_SECRET} distinct bins is published as secret.
 */
public final class TauxPresentationTopology implements Croisement {

    /** How late a lift may be, behind the latest lift of its input partition. */
    public static final Duration GRACE = Duration.ofDays(2);
    /** How long the weekly counts stay open after their week, whatever the interleaving of partitions. */
    public static final Duration CONSERVATION = Duration.ofDays(400);
    static final String STORE_COMPTAGES = "comptages-par-commune-semaine";
    static final String STORE_JOINTURES = "comptages-avec-menages-insee";

    private final CommuneLocator locator;

    public TauxPresentationTopology(CommuneLocator locator) {
        this.locator = locator;
    }

    /** The crossing alone, with its own INSEE table (tests, benchmark of one stage). */
    public Topology build() {
        return Entrees.topologie(locator, List.of(this));
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(TAUX_PRESENTATION_BACS);
    }

    @Override
    public void ajouter(Entrees entrees) {
        StreamsBuilder builder = entrees.builder();
        builder.addStateStore(LocaliserLevees.store(GRACE));
        builder.stream(DECHETS_LEVEES.name(), Consumed.with(DECHETS_LEVEES.keySerde(), DECHETS_LEVEES.valueSerde())
                        .withTimestampExtractor(new LeveeTimestampExtractor()).withName("levees-source"))
                .processValues(() -> new LocaliserLevees(locator, GRACE), Named.as("localiser-levees"), LocaliserLevees.STORE)
                .split(Named.as("levees-"))
                .branch((bac, l) -> l.rejet() != null, Branched.withConsumer(s -> entrees.rejeter(
                        s.mapValues(LeveeLocalisee::rejet, Named.as("levees-rejet")), "levees"), "rejetees"))
                .defaultBranch(Branched.withConsumer(s -> compterParCommune(s, entrees), "localisees"));
    }

    private void compterParCommune(KStream<String, LeveeLocalisee> localisees, Entrees entrees) {
        KTable<String, IndicateurInsee> insee = entrees.insee();
        KStream<String, Resultat> resultats = localisees
                .map((bac, l) -> KeyValue.pair(l.codeInsee(), LeveeACompter.de(l)), Named.as("garder-de-quoi-compter"))
                .groupByKey(Grouped.with("par-commune", Serdes.String(), BinaireSerde.of(LeveeACompter.class)))
                .windowedBy(SemainesIso.avecGrace(CONSERVATION))
                .aggregate(ComptageHebdo::vide, (code, l, comptage) -> comptage.ajouter(l), Named.as("compter-par-commune-semaine"),
                        Materialized.<String, ComptageHebdo, WindowStore<Bytes, byte[]>>as(STORE_COMPTAGES)
                                .withKeySerde(Serdes.String()).withValueSerde(BinaireSerde.of(ComptageHebdo.class)))
                // a foreign-key join: a new INSEE row for a commune recomputes every week of that commune
                .leftJoin(insee, (fenetre, comptage) -> fenetre.key(), Jointure::new,
                        TableJoined.as("joindre-menages-insee"),
                        Materialized.<Windowed<String>, Jointure, KeyValueStore<Bytes, byte[]>>as(STORE_JOINTURES)
                                .withKeySerde(WindowedSerdes.timeWindowedSerdeFrom(String.class, SemainesIso.SEMAINE_MS))
                                .withValueSerde(BinaireSerde.of(Jointure.class)))
                .toStream(Named.as("cellules-mises-a-jour"))
                .map((fenetre, j) -> KeyValue.pair(fenetre.key(), Resultat.calculer(fenetre.key(), new CelluleComptee(
                        fenetre.window().startTime(), fenetre.window().endTime(), j.comptage()), j.insee())),
                        Named.as("calculer-taux"));
        resultats.split(Named.as("cellules-"))
                .branch((code, r) -> r.rejet() != null, Branched.withConsumer(s -> entrees.rejeter(
                        s.mapValues(Resultat::rejet, Named.as("cellules-rejet")), "cellules"), "rejetees"))
                .defaultBranch(Branched.withConsumer(s -> entrees.publier(s.mapValues(Resultat::indicateur,
                        Named.as("cellules-indicateur")), TAUX_PRESENTATION_BACS), "publiees"));
    }
}
