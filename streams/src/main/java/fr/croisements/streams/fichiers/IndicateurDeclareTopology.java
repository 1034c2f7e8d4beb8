package fr.croisements.streams.fichiers;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Rejet;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The plan of an indicator declared by a file, as Kafka Streams steps (all named after the
 * indicator's id, so that two files never share a store or a repartition topic):
 *
 * <pre>
 * In:  the file's source topic          any key, value = a JSON record
 * In:  ref-insee-communes (KTable)      when the file declares a denominator
 * Out: indicateurs-&lt;id&gt;                key = zone code, value = Indicateur (one record per update)
 * Out: rejets                           unreadable JSON, missing or unreadable field, point outside every
 *                                       commune, record too late for its window, zone without its denominator
 * Store: indicateurs-&lt;id&gt;-store         every cell by zone and window (CellulesStore)
 * </pre>
 *
 * <ol>
 *   <li><b>read</b> ({@code <id>-lire}, on the input partitioning): parse the JSON, keep the records the
 *       {@code filtre} retains, take the event time, the contributor and the value, locate the zone
 *       (the pipeline's commune locator, or the zone field), find the calendar window; a record more
 *       than {@code grace} behind the latest event time of its input partition is rejected, with its
 *       reason, never silently dropped;</li>
 *   <li><b>aggregate</b> per zone and window ({@code <id>-par-cellule} repartition): what each contributor
 *       brought ({@code <id>-contributions} store, one record per cell and contributor), then the cell's
 *       counts, sums, extremes, distinct contributors and largest share ({@code <id>-agregats} store,
 *       small whatever the number of contributors);</li>
 *   <li><b>cross</b> with the INSEE row of the zone by a foreign-key join ({@code <id>-joindre-insee}):
 *       a re-imported row recomputes every window of the zone;</li>
 *   <li><b>publish</b> each cell made by the {@link FabriqueCellules}, which applies the file's secrecy rule.</li>
 * </ol>
 */
public final class IndicateurDeclareTopology implements Croisement {

    private final IndicateurDeclare plan;
    private final FabriqueCellules cellules;

    public IndicateurDeclareTopology(IndicateurDeclare plan) {
        this.plan = plan;
        this.cellules = new FabriqueCellules(plan.definition());
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(plan.definition());
    }

    @Override
    public void ajouter(Entrees entrees) {
        String id = plan.definition().id();
        String tempsDuFlux = id + "-temps-du-flux";
        entrees.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(tempsDuFlux),
                Serdes.String(), Serdes.Long()));
        var lus = entrees.builder().stream(plan.topicSource(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName(id + "-source"))
                .processValues(() -> new Lecture(plan, entrees.locator(), tempsDuFlux), Named.as(id + "-lire"), tempsDuFlux)
                .filter((cle, lu) -> lu != null, Named.as(id + "-retenus"))
                .split(Named.as(id + "-"))
                .branch((cle, lu) -> lu.rejet() != null, Branched.withConsumer(s -> entrees.rejeter(
                        s.mapValues(Lu::rejet, Named.as(id + "-rejet-lecture")), id + "-lecture"), "rejetes"))
                .defaultBranch(Branched.as("lus"));
        String contributions = id + "-contributions";
        entrees.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(contributions),
                Serdes.String(), JsonSerde.of(Agregat.Contribution.class)));
        KTable<String, Agregat> agregats = lus.get(id + "-lus")
                .map((cle, lu) -> KeyValue.pair(lu.observation().cellule(), lu.observation()), Named.as(id + "-cle-cellule"))
                .repartition(Repartitioned.<String, Observation>as(id + "-par-cellule")
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Observation.class)))
                .processValues(() -> new Contribuer(plan, contributions), Named.as(id + "-contribuer"), contributions)
                .groupByKey(Grouped.with(id + "-apports", Serdes.String(), JsonSerde.of(Agregat.Apport.class)))
                .aggregate(Agregat::vide, (cellule, apport, a) -> a.ajouter(apport, plan.garderValeurs()), Named.as(id + "-agreger"),
                        Materialized.<String, Agregat, KeyValueStore<Bytes, byte[]>>as(id + "-agregats")
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Agregat.class)));
        KStream<String, Resultat> resultats;
        if (plan.variableDenominateur() == null) {
            resultats = agregats.toStream(Named.as(id + "-cellules-mises-a-jour"))
                    .mapValues(a -> calculer(a, null), Named.as(id + "-calculer"));
        } else {
            resultats = agregats
                    .leftJoin(entrees.insee(), (cellule, a) -> a.zone(), Jointure::new, TableJoined.as(id + "-joindre-insee"),
                            Materialized.<String, Jointure, KeyValueStore<Bytes, byte[]>>as(id + "-jointures")
                                    .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(Jointure.class)))
                    .toStream(Named.as(id + "-cellules-mises-a-jour"))
                    .mapValues(j -> calculer(j.agregat(), j.insee()), Named.as(id + "-calculer"));
        }
        resultats.split(Named.as(id + "-resultats-"))
                .branch((cle, r) -> r.rejet() != null, Branched.withConsumer(s -> entrees.rejeter(
                        s.mapValues(Resultat::rejet, Named.as(id + "-rejet-cellule")), id + "-cellule"), "rejetes"))
                .defaultBranch(Branched.withConsumer(s -> entrees.publier(
                        s.map((cle, r) -> KeyValue.pair(r.cellule().codeZone(), r.cellule()), Named.as(id + "-cle-zone")),
                        plan.definition()), "cellules"));
    }

    /** Pure: the cell of one zone and window, or why it cannot be computed. */
    Resultat calculer(Agregat a, IndicateurInsee ref) {
        Instant debut = Instant.ofEpochMilli(a.debut());
        Instant fin = Instant.ofEpochMilli(a.fin());
        var cellule = cellules.cellule(a.zone(), plan.niveau(), ref == null ? null : ref.nom(), debut, fin);
        Double agrege = plan.agreger(a);
        String variable = plan.variableDenominateur();
        Double denominateur = null;
        if (variable != null) {
            denominateur = ref == null ? null : ref.valeur(variable);
            if (ref != null && ref.estSecret(variable)) {
                cellule.secretDUneSource();
                denominateur = null;
            } else if (denominateur == null || denominateur <= 0) {
                return new Resultat(null, new Rejet("ref-insee-communes", "zone " + a.zone(), "pas de « " + variable
                        + " » Insee pour la zone " + a.zone() + " : l'indicateur « " + plan.definition().id()
                        + " » ne peut pas y être calculé", null, fin));
            }
            cellule.denominateur(denominateur, ref.source(variable));
        }
        Double valeur = agrege == null || Double.isNaN(agrege) ? null
                : variable != null && denominateur == null ? null : plan.ratio(agrege, denominateur);
        return new Resultat(cellule
                .valeur(valeur)
                .numerateur(agrege == null || Double.isNaN(agrege) ? null : plan.ratio(agrege, null),
                        plan.sourceNumerateur(a.simule()))
                .mesure("enregistrements", (double) a.enregistrements())
                .contributeurs(a.entites())
                .partDominante(plan.partDominante(a))
                .simule(a.simule())
                .construire(), null);
    }

    /**
     * Keeps what each contributor brought to each cell ({@code <cell>|<contributor>} in its store) and
     * tells the cell what one record changed: the cell's aggregate stays small, whatever the number of
     * contributors (a commune-week can have thousands of bins).
     */
    static final class Contribuer implements FixedKeyProcessor<String, Observation, Agregat.Apport> {
        private final IndicateurDeclare plan;
        private final String store;
        private FixedKeyProcessorContext<String, Agregat.Apport> context;
        private KeyValueStore<String, Agregat.Contribution> parContributeur;

        Contribuer(IndicateurDeclare plan, String store) {
            this.plan = plan;
            this.store = store;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Agregat.Apport> context) {
            this.context = context;
            this.parContributeur = context.getStateStore(store);
        }

        @Override
        public void process(FixedKeyRecord<String, Observation> record) {
            Observation o = record.value();
            String cle = record.key() + "|" + o.entite();
            Agregat.Contribution avant = parContributeur.get(cle);
            Agregat.Contribution apres = (avant == null ? Agregat.Contribution.AUCUNE : avant).avec(o.valeur());
            parContributeur.put(cle, apres);
            context.forward(record.withValue(new Agregat.Apport(o, avant == null, plan.figureEntite(avant),
                    plan.figureEntite(apres), plan.part(avant), plan.part(apres))));
        }
    }

    /** A read record: what it brings to its cell, or why it is rejected. */
    record Lu(Observation observation, Rejet rejet) {}

    /** An aggregate of a cell with the INSEE row of its zone ({@code null} when there is none). */
    record Jointure(Agregat agregat, IndicateurInsee insee) {}

    /** A cell, or why it cannot be computed. */
    record Resultat(Indicateur cellule, Rejet rejet) {}

    /**
     * Reads one record of the source: {@code null} when the filter leaves it out, else an
     * {@link Observation} with the record's event time as timestamp, or a {@link Rejet}.
     */
    static final class Lecture implements FixedKeyProcessor<String, byte[], Lu> {
        private static final String MAX = "max";
        private final IndicateurDeclare plan;
        private final CommuneLocator locator;
        private final String store;
        private FixedKeyProcessorContext<String, Lu> context;
        private KeyValueStore<String, Long> tempsDuFlux;

        Lecture(IndicateurDeclare plan, CommuneLocator locator, String store) {
            this.plan = plan;
            this.locator = locator;
            this.store = store;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Lu> context) {
            this.context = context;
            this.tempsDuFlux = context.getStateStore(store);
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            if (record.value() == null) {
                return; // a tombstone: nothing to count
            }
            JsonNode json;
            try {
                json = JsonSerde.MAPPER.readTree(record.value());
            } catch (IOException e) {
                rejeter(record, "enregistrement JSON illisible : " + premiereLigne(e.getMessage()), record.timestamp());
                return;
            }
            if (json == null || !json.isObject()) {
                rejeter(record, "enregistrement qui n'est pas un objet JSON", record.timestamp());
                return;
            }
            if (!plan.retenu(json)) {
                return;
            }
            Instant instant;
            try {
                instant = plan.instant(json, record.timestamp());
                String entite = plan.entite(json, record.key());
                Double valeur = plan.valeur(json);
                String zone = zone(json);
                Instant debut = plan.debutFenetre(instant);
                Instant fin = plan.finFenetre(debut);
                Long max = tempsDuFlux.get(MAX);
                if (max != null && fin.plus(plan.grace()).toEpochMilli() <= max) {
                    throw new IndicateurDeclare.Refus("arrivé trop tard : sa fenêtre (" + debut + " – " + fin
                            + ") est close depuis plus que le délai de grâce (" + plan.grace().toString().substring(2)
                            .toLowerCase(Locale.ROOT) + ")");
                }
                if (max == null || instant.toEpochMilli() > max) {
                    tempsDuFlux.put(MAX, instant.toEpochMilli());
                }
                context.forward(record.withValue(new Lu(new Observation(zone, debut.toEpochMilli(), fin.toEpochMilli(),
                        entite, valeur, plan.simule(json)), null)).withTimestamp(instant.toEpochMilli()));
            } catch (IndicateurDeclare.Refus refus) {
                rejeter(record, refus.getMessage(), record.timestamp());
            }
        }

        private String zone(JsonNode json) throws IndicateurDeclare.Refus {
            double[] point = plan.point(json);
            if (point == null) {
                return plan.zone(json);
            }
            return locator.codeInseeAt(point[0], point[1]).orElseThrow(() -> new IndicateurDeclare.Refus(String.format(
                    Locale.ROOT, "point hors de toute commune des territoires chargés (longitude %s, latitude %s)",
                    point[0], point[1])));
        }

        private void rejeter(FixedKeyRecord<String, byte[]> record, String raison, long timestamp) {
            String source = context.recordMetadata().map(m -> m.topic()).orElse(plan.topicSource());
            String position = context.recordMetadata().map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                    .orElse("inconnue");
            Rejet rejet = new Rejet(source, position, "indicateur « " + plan.definition().id() + " » : " + raison,
                    new String(record.value(), StandardCharsets.UTF_8), Instant.ofEpochMilli(Math.max(0, timestamp)));
            context.forward(record.withValue(new Lu(null, rejet)));
        }

        private static String premiereLigne(String message) {
            if (message == null) {
                return "format inconnu";
            }
            int nl = message.indexOf('\n');
            return nl < 0 ? message : message.substring(0, nl);
        }
    }
}
