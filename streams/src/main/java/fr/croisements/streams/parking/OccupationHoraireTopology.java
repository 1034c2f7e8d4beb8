package fr.croisements.streams.parking;

import static fr.croisements.events.Indicateurs.OCCUPATION_PARKINGS;
import static fr.croisements.events.Indicateurs.OCCUPATION_POINTE;
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
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.util.List;
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
public final class OccupationHoraireTopology implements Croisement {

    public static final Duration CONSERVATION = Duration.ofDays(400);
    static final String STORE_HEURES = "occupation-par-parking-heure";
    static final Source OCCUPATION_SIMULEE = new Source("Occupation des parkings (simulateur Croisements, calé sur la "
            + "série réelle de Montpellier Méditerranée Métropole)", "Croisements", "simulation", "Licence Ouverte 2.0", true);
    static final Source OCCUPATION_FLUX = new Source("Occupation des parkings (flux importé)", "Exploitant des parkings",
            "en continu", "selon le flux", false);

    private static final FabriqueCellules CELLULES = new FabriqueCellules(OCCUPATION_PARKINGS);

    public Topology build() {
        return Entrees.topologie(List.of(), List.of(this));
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(OCCUPATION_PARKINGS, OCCUPATION_POINTE);
    }

    @Override
    public void ajouter(Entrees entrees) {
        KTable<String, ParcStationnement> parcs = entrees.parkings();
        entrees.builder().stream(STATIONNEMENT_OCCUPATION.name(), Consumed.with(STATIONNEMENT_OCCUPATION.keySerde(),
                        STATIONNEMENT_OCCUPATION.valueSerde()).withName("occupation-source"))
                .filter((id, o) -> o != null, Named.as("occupation-non-vides"))
                .leftJoin(parcs, ObservationParc::new, Joined.with(Serdes.String(), STATIONNEMENT_OCCUPATION.valueSerde(),
                        REF_VALEURS, "joindre-parkings"))
                .split(Named.as("occupation-"))
                .branch((id, o) -> o.parc() == null || o.capacite() == null || o.capacite() <= 0,
                        Branched.withConsumer(s -> entrees.rejeter(s.mapValues((id, o) -> rejet(id, o),
                                Named.as("occupation-rejet")), "occupation"), "rejetees"))
                .defaultBranch(Branched.withConsumer(s -> compterParHeure(s, entrees), "connues"));
    }

    private static final org.apache.kafka.common.serialization.Serde<ParcStationnement> REF_VALEURS =
            JsonSerde.of(ParcStationnement.class);

    private void compterParHeure(KStream<String, ObservationParc> observations, Entrees entrees) {
        KStream<Windowed<String>, HeureParking> heures = observations
                .groupByKey(Grouped.with("occupation-par-parking", Serdes.String(), JsonSerde.of(ObservationParc.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), CONSERVATION))
                .aggregate(HeureParking::vide, (id, o, heure) -> heure.ajouter(o), Named.as("occupation-par-heure"),
                        Materialized.<String, HeureParking, WindowStore<Bytes, byte[]>>as(STORE_HEURES)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(HeureParking.class)))
                .toStream(Named.as("occupation-heures-mises-a-jour"));
        entrees.publier(heures.map((heure, h) -> KeyValue.pair(heure.key(), calculer(heure, h)),
                Named.as("occupation-calculer")), OCCUPATION_PARKINGS);
        HeuresDePointe.ajouter(heures, entrees);
    }

    /** Pure: the cell of one car park over one hour. */
    static Indicateur calculer(Windowed<String> heure, HeureParking h) {
        double moyenne = Math.round(h.tauxMoyen() * 10.0) / 10.0;
        Source source = h.simule() ? OCCUPATION_SIMULEE : OCCUPATION_FLUX;
        return CELLULES.cellule(heure.key(), Zone.PARKING, h.nom(), heure.window().startTime(), heure.window().endTime())
                .valeur(moyenne)
                .numerateur(FabriqueCellules.arrondi(h.tauxMoyen() * h.capacite() / 100.0), source)
                .denominateur((double) h.capacite(), null)
                .mesure("taux_max", FabriqueCellules.arrondi(h.tauxMax()))
                .mesure("heures_saturees", h.tauxMax() >= SEUIL_SATURATION ? 1.0 : 0.0)
                .mesure("arrivees_estimees", (double) h.arrivees())
                .mesure("observations", (double) h.observations())
                .sourceMesure("taux_max", source)
                .sourceMesure("arrivees_estimees", source)
                .contributeurs(h.observations())
                .simule(h.simule())
                .construire();
    }

    private static Rejet rejet(String id, ObservationParc o) {
        return new Rejet(STATIONNEMENT_OCCUPATION.name(), "parking " + id, o.parc() == null
                ? "parking inconnu : « " + id + " » n'est pas dans ref-parkings"
                : "capacité inconnue pour le parking « " + id + " » : le taux d'occupation ne peut pas être calculé",
                o.observation().toString(), o.observation().instant());
    }
}
