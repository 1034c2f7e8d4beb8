package fr.croisements.streams.parking;

import static fr.croisements.events.Indicateurs.OCCUPATION_PARKINGS;
import static fr.croisements.events.Indicateurs.SEUIL_SATURATION;
import static fr.croisements.events.Topics.INDICATEURS_OCCUPATION_PARKINGS;
import static fr.croisements.events.Topics.REJETS;
import static fr.croisements.events.Topics.STATIONNEMENT_OCCUPATION;

import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.CellulesStore;
import fr.croisements.streams.indicateurs.ReferencesParkings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Hourly occupancy of each car park: mean and peak rate, saturation, estimated arrivals.
 *
 * <pre>
 * In:  stationnement-occupation   key = car park id, value = OccupationParking, event time = observation
 * In:  ref-parkings (KTable)      key = car park id (same partitioning: a stream-table join)
 * Out: indicateurs-occupation-parkings  key = car park id, value = Indicateur of level "parking":
 *      valeur = mean occupancy rate (%), numerateur = mean occupied places, denominateur = places,
 *      mesures taux_max, heures_saturees (1 when the rate reached 90 %), arrivees_estimees, observations
 * Out: rejets  observations of an unknown car park, or of a car park whose capacity nobody gives
 * Store: indicateurs-occupation-parkings-store (the hourly profile of each car park)
 * Out: indicateurs-occupation-parkings-pointe, per commune and weekday (see {@link HeuresDePointe})
 * </pre>
 *
 * Arrivals are estimated from the increases of occupied places between consecutive observations of
 * the hour: a lower bound, since a departure and an arrival between two observations cancel out.
 * Hours are UTC hours (French hours are whole hours apart), kept for {@link #CONSERVATION}.
 */
public final class OccupationHoraireTopology {

    public static final Duration CONSERVATION = Duration.ofDays(400);
    static final String STORE_HEURES = "occupation-par-parking-heure";
    static final Source OCCUPATION_SIMULEE = new Source("Occupation des parkings (simulateur Croisements, calé sur la "
            + "série réelle de Montpellier Méditerranée Métropole)", "Croisements", "simulation", "Licence Ouverte 2.0", true);
    static final Source OCCUPATION_FLUX = new Source("Occupation des parkings (flux importé)", "Exploitant des parkings",
            "en continu", "selon le flux", false);

    public Topology build() {
        var builder = new StreamsBuilder();
        ajouter(builder, ReferencesParkings.table(builder));
        return builder.build();
    }

    public void ajouter(StreamsBuilder builder, KTable<String, ParcStationnement> parcs) {
        builder.addStateStore(CellulesStore.builder(OCCUPATION_PARKINGS));
        builder.addStateStore(CellulesStore.builder(fr.croisements.events.Indicateurs.OCCUPATION_POINTE));
        builder.stream(STATIONNEMENT_OCCUPATION.name(), Consumed.with(STATIONNEMENT_OCCUPATION.keySerde(),
                        STATIONNEMENT_OCCUPATION.valueSerde()).withName("occupation-source"))
                .filter((id, o) -> o != null, Named.as("occupation-non-vides"))
                .leftJoin(parcs, ObservationParc::new, Joined.with(Serdes.String(), STATIONNEMENT_OCCUPATION.valueSerde(),
                        REF_VALEURS, "joindre-parkings"))
                .split(Named.as("occupation-"))
                .branch((id, o) -> o.parc() == null || o.capacite() == null || o.capacite() <= 0,
                        Branched.withConsumer(this::rejeter, "rejetees"))
                .defaultBranch(Branched.withConsumer(this::compterParHeure, "connues"));
    }

    private static final org.apache.kafka.common.serialization.Serde<ParcStationnement> REF_VALEURS =
            JsonSerde.of(ParcStationnement.class);

    private void compterParHeure(KStream<String, ObservationParc> observations) {
        KStream<Windowed<String>, HeureParking> heures = observations
                .groupByKey(Grouped.with("occupation-par-parking", Serdes.String(), JsonSerde.of(ObservationParc.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), CONSERVATION))
                .aggregate(HeureParking::vide, (id, o, heure) -> heure.ajouter(o), Named.as("occupation-par-heure"),
                        Materialized.<String, HeureParking, WindowStore<Bytes, byte[]>>as(STORE_HEURES)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(HeureParking.class)))
                .toStream(Named.as("occupation-heures-mises-a-jour"));
        CellulesStore.publier(heures.map((heure, h) -> KeyValue.pair(heure.key(), calculer(heure, h)),
                Named.as("occupation-calculer")), OCCUPATION_PARKINGS);
        HeuresDePointe.ajouter(heures);
    }

    /** Pure: the cell of one car park over one hour. */
    static Indicateur calculer(Windowed<String> heure, HeureParking h) {
        double moyenne = Math.round(h.tauxMoyen() * 10.0) / 10.0;
        Source source = h.simule() ? OCCUPATION_SIMULEE : OCCUPATION_FLUX;
        return new Indicateur(OCCUPATION_PARKINGS.id(), heure.key(), Zone.PARKING, h.nom(), heure.window().startTime(),
                heure.window().endTime(), moyenne, OCCUPATION_PARKINGS.unite(),
                Math.round(h.tauxMoyen() * h.capacite() / 100.0 * 10.0) / 10.0, (double) h.capacite(), source, null,
                Map.of("taux_max", Math.round(h.tauxMax() * 10.0) / 10.0,
                        "heures_saturees", h.tauxMax() >= SEUIL_SATURATION ? 1.0 : 0.0,
                        "arrivees_estimees", (double) h.arrivees(),
                        "observations", (double) h.observations()),
                h.observations(), false, h.simule(), Map.of("taux_max", source, "arrivees_estimees", source));
    }

    private void rejeter(KStream<String, ObservationParc> inconnues) {
        inconnues.map((id, o) -> KeyValue.pair(STATIONNEMENT_OCCUPATION.name(), new Rejet(STATIONNEMENT_OCCUPATION.name(),
                        "parking " + id, o.parc() == null ? "parking inconnu : « " + id + " » n'est pas dans ref-parkings"
                                : "capacité inconnue pour le parking « " + id + " » : le taux d'occupation ne peut pas être calculé",
                        o.observation().toString(), o.observation().instant())), Named.as("occupation-rejet"))
                .to(REJETS.name(), Produced.with(REJETS.keySerde(), REJETS.valueSerde()).withName("occupation-rejets-sink"));
    }
}
