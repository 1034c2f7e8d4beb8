package fr.croisements.ingest.parking;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Pluriel;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The car parks already on {@code ref-parkings}, by id, read before a file is published so that a car
 * park of one source never silently replaces the car park of another source published under the same id.
 *
 * <p>The rule ({@link #examiner}): an id names one car park, that of the source which published it
 * first. A car park of the <b>same source</b> (same producer and title: a new edition of the file)
 * replaces it. A car park of <b>another source</b> is not published: when it is the same car park (same
 * name ignoring case and accents, same commune and capacity, within {@value #METRES_MEME_PLACE} m) it is
 * already there, with its first source; otherwise it is a <b>conflict</b>, rejected with a French reason
 * naming both car parks. Observations of occupancy, keyed by car park id, thus always join the car park
 * published first under their id.
 *
 * <p>Immutable once read; {@link #lire} is the only method that touches Kafka.
 */
public final class ParcsPublies {

    private static final Logger log = LoggerFactory.getLogger(ParcsPublies.class);

    /** How far apart two positions of one car park may be, from one file to another (rounding, entrance or centre). */
    static final int METRES_MEME_PLACE = 50;
    private static final double RAYON_TERRE_METRES = 6_371_000;

    /** What to do with a car park read from a file, given those already published. */
    sealed interface Examen permits Examen.Publier, Examen.DejaPublie, Examen.Conflit {
        /** A new id, or a car park of the same source: publish it. */
        record Publier() implements Examen {}

        /** The same car park, published by another source: kept with that source, not published again. */
        record DejaPublie(String avertissement) implements Examen {}

        /** Another car park of another source under the same id: not published, rejected. */
        record Conflit(String raison) implements Examen {}
    }

    private final Map<String, ParcStationnement> parId;

    private ParcsPublies(Map<String, ParcStationnement> parId) {
        this.parId = Map.copyOf(parId);
    }

    /** No car park published yet (a fresh broker, or a test). */
    public static ParcsPublies aucun() {
        return new ParcsPublies(Map.of());
    }

    /** These car parks, as if read from the topic. */
    public static ParcsPublies de(Collection<ParcStationnement> parcs) {
        var parId = new HashMap<String, ParcStationnement>();
        parcs.forEach(p -> parId.put(p.id(), p));
        return new ParcsPublies(parId);
    }

    /**
     * Reads {@code ref-parkings} from its beginning to its current end (a compacted topic: the last record
     * of an id wins, a tombstone removes it). The consumer is assigned the partitions, not subscribed: no
     * consumer group, nothing committed. A record that cannot be read is skipped with a warning.
     *
     * @param delai how long to wait for the topic's metadata and records
     * @throws KafkaException (French message) when the topic cannot be read to its end within {@code delai}:
     *     publishing without knowing what is there could replace another source's car parks
     */
    public static ParcsPublies lire(Consumer<String, ParcStationnement> consommateur, Duration delai) {
        String topic = Topics.REF_PARKINGS.name();
        List<TopicPartition> partitions = consommateur.partitionsFor(topic, delai).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        var parId = new HashMap<String, ParcStationnement>();
        if (partitions.isEmpty()) {
            log.info("Topic {} does not exist yet: no car park published before", topic);
            return new ParcsPublies(parId);
        }
        consommateur.assign(partitions);
        consommateur.seekToBeginning(partitions);
        Map<TopicPartition, Long> fins = consommateur.endOffsets(partitions, delai);
        long limite = System.nanoTime() + delai.toNanos();
        while (fins.entrySet().stream().anyMatch(f -> consommateur.position(f.getKey(), delai) < f.getValue())) {
            if (System.nanoTime() > limite) {
                throw new KafkaException("les parkings déjà publiés (topic " + topic + ") n'ont pas pu être lus en "
                        + delai.toSeconds() + " s ; rien n'est publié, pour ne pas remplacer les parkings d'une autre source");
            }
            try {
                for (ConsumerRecord<String, ParcStationnement> r : consommateur.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        parId.remove(r.key());
                    } else {
                        parId.put(r.key(), r.value());
                    }
                }
            } catch (RecordDeserializationException e) {
                log.warn("{}/{}/{} unreadable car park skipped: {}", topic, e.topicPartition().partition(), e.offset(),
                        e.getMessage());
                consommateur.seek(e.topicPartition(), e.offset() + 1);
            }
        }
        log.info("Read {} car parks already published on {}", parId.size(), topic);
        return new ParcsPublies(parId);
    }

    /** How many car parks are published. */
    public int nombre() {
        return parId.size();
    }

    /** Pure: whether a car park read from a file may be published under its id; see the class comment. */
    Examen examiner(ParcStationnement parc) {
        ParcStationnement publie = parId.get(parc.id());
        if (publie == null || memeSource(publie.source(), parc.source())) {
            return new Examen.Publier();
        }
        List<String> ecarts = ecarts(publie, parc);
        if (ecarts.isEmpty()) {
            return new Examen.DejaPublie("parking « " + parc.id() + " » déjà publié à l'identique par une autre source ("
                    + libelle(publie.source()) + ") : gardé avec cette source, pas publié à nouveau");
        }
        return new Examen.Conflit("conflit d'identifiant : « " + parc.id() + " » est déjà publié par une autre source ("
                + libelle(publie.source()) + ") pour un autre parking (" + String.join(", ", ecarts) + ") ; ce parking"
                + " n'est pas publié, pour ne pas remplacer l'autre : donnez-lui un identifiant qui lui est propre");
    }

    /**
     * The warnings about communes where car parks just published join car parks of another source: the
     * places per 1 000 inhabitants of such a commune add up both sources, and nobody should learn it from
     * the map. One warning per commune, sorted by code.
     *
     * @param publies the car parks of the file that were published (new ids or same source)
     */
    List<String> communesPartagees(Collection<ParcStationnement> publies) {
        var avertissements = new ArrayList<String>();
        Map<String, List<ParcStationnement>> parCommune = new TreeMap<>(publies.stream()
                .filter(p -> p.codeInsee() != null && !parId.containsKey(p.id()))
                .collect(Collectors.groupingBy(ParcStationnement::codeInsee)));
        parCommune.forEach((code, nouveaux) -> {
            Source source = nouveaux.get(0).source();
            List<ParcStationnement> autres = parId.values().stream()
                    .filter(p -> code.equals(p.codeInsee()) && !memeSource(p.source(), source)).toList();
            if (!autres.isEmpty()) {
                String sources = autres.stream().map(p -> libelle(p.source())).distinct().sorted()
                        .collect(Collectors.joining(" ; "));
                avertissements.add("commune " + code + " : " + Pluriel.de(nouveaux.size(), "parking de ce fichier s'ajoute",
                        "parkings de ce fichier s'ajoutent") + " " + (autres.size() == 1 ? "au parking" : "aux "
                        + Pluriel.nombre(autres.size()) + " parkings") + " d'une autre source (" + sources + ") : les places"
                        + " pour 1 000 habitants de la commune les additionnent ; vérifiez qu'ils ne décrivent pas les mêmes"
                        + " parkings sous d'autres identifiants");
            }
        });
        return avertissements;
    }

    /** One source is another's new edition when producer and title are the same (the millésime may change). */
    static boolean memeSource(Source a, Source b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.producteur().equals(b.producteur()) && a.titre().equals(b.titre());
    }

    /** Pure: how a car park differs from the one published under its id, in French; empty when it is the same. */
    static List<String> ecarts(ParcStationnement publie, ParcStationnement parc) {
        var ecarts = new ArrayList<String>();
        if (!normalise(publie.nom()).equals(normalise(parc.nom()))) {
            ecarts.add("« " + publie.nom() + " » et non « " + parc.nom() + " »");
        }
        if (!Objects.equals(publie.codeInsee(), parc.codeInsee())) {
            ecarts.add("commune " + publie.codeInsee() + " et non " + parc.codeInsee());
        }
        if (!Objects.equals(publie.capacite(), parc.capacite())) {
            ecarts.add(places(publie.capacite()) + " et non " + places(parc.capacite()));
        }
        double metres = distance(publie, parc);
        if (metres > METRES_MEME_PLACE) {
            ecarts.add(metres < 1000 ? "à " + Math.round(metres) + " m de celui-ci"
                    : String.format(Locale.FRANCE, "à %.1f km de celui-ci", metres / 1000));
        }
        return ecarts;
    }

    private static String places(Integer capacite) {
        return capacite == null ? "capacité inconnue" : Pluriel.de(capacite, "place", "places");
    }

    /** Great-circle distance in metres (haversine). */
    static double distance(ParcStationnement a, ParcStationnement b) {
        double lat1 = Math.toRadians(a.position().latitude());
        double lat2 = Math.toRadians(b.position().latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.position().longitude() - a.position().longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * RAYON_TERRE_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static String libelle(Source source) {
        return source == null ? "source non précisée" : source.libelle();
    }

    private static String normalise(String nom) {
        return Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{Alnum}]+", " ").strip();
    }
}
