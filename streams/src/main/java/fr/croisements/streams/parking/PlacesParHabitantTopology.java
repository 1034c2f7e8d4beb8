package fr.croisements.streams.parking;

import static fr.croisements.events.Indicateurs.PLACES_PAR_HABITANT;
import static fr.croisements.events.Topics.INDICATEURS_PLACES_PAR_HABITANT;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "Places de parking public pour 1 000 habitants": per commune, the places of its car parks with
 * a known capacity, divided by its INSEE population.
 *
 * <pre>
 * In:  ref-parkings (KTable)        key = car park id, value = ParcStationnement
 * In:  ref-insee-communes (KTable)  key = code INSEE ("population", "densite", "menages")
 * Out: indicateurs-places-parking-par-habitant  key = code INSEE, value = Indicateur
 * </pre>
 *
 * A table-table join: adding, changing or removing a car park, or a new INSEE row, recomputes the
 * commune at once. The cell's period is the year of the population figure. The numerator's source is
 * that of the commune's car parks: the source of their file, or, when the commune's car parks come
 * from several files, a source naming each with its car parks and places (issue #13: a second file
 * must not change a commune's figure without saying so).
 */
public final class PlacesParHabitantTopology implements Croisement {

    static final String STORE_PLACES = "places-par-commune";
    private static final FabriqueCellules CELLULES = new FabriqueCellules(PLACES_PAR_HABITANT);
    /** The source of places whose car parks do not all say theirs. */
    private static final Source PARKINGS = new Source(
            "Parkings publics au format national « stationnement » (fichiers importés)",
            "Collectivités, base nationale des lieux de stationnement", "dernière édition importée",
            "Licence Ouverte 2.0", false);

    public Topology build() {
        return Entrees.topologie(List.of(), List.of(this));
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(PLACES_PAR_HABITANT);
    }

    @Override
    public void ajouter(Entrees entrees) {
        KTable<String, ParcStationnement> parcs = entrees.parkings();
        KTable<String, IndicateurInsee> insee = entrees.insee();
        KStream<String, Indicateur> cellules = parcs
                .filter((id, p) -> p.codeInsee() != null && p.capacite() != null, Named.as("parkings-avec-places"))
                .groupBy((id, p) -> KeyValue.pair(p.codeInsee(), p), Grouped.with("parkings-par-commune", Serdes.String(),
                        JsonSerde.of(ParcStationnement.class)))
                .aggregate(PlacesCommune::vide, (code, p, places) -> places.ajouter(p),
                        (code, p, places) -> places.retirer(p), Named.as("sommer-places"),
                        Materialized.<String, PlacesCommune, KeyValueStore<Bytes, byte[]>>as(STORE_PLACES)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(PlacesCommune.class)))
                .join(insee, PlacesParHabitantTopology::calculer, Named.as("joindre-population"))
                .toStream(Named.as("places-mises-a-jour"))
                .filter((code, cellule) -> cellule != null, Named.as("places-calculables"));
        entrees.publier(cellules, PLACES_PAR_HABITANT);
    }

    /** Pure: the cell of a commune, or {@code null} without population or without car park left. */
    static Indicateur calculer(PlacesCommune places, IndicateurInsee ref) {
        Double population = ref.valeur("population");
        if (population == null || population <= 0 || places.parkings() <= 0) {
            return null;
        }
        Source sourcePopulation = ref.source("population");
        Source sourcePlaces = places.source() != null ? places.source() : PARKINGS;
        int annee = sourcePopulation == null ? LocalDate.now(ZoneOffset.UTC).getYear()
                : Integer.parseInt(sourcePopulation.millesime().replaceAll("\\D", "").substring(0, 4));
        return CELLULES.cellule(ref.codeZone(), Zone.COMMUNE, ref.nom(),
                        LocalDate.of(annee, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        LocalDate.of(annee + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .valeur(FabriqueCellules.arrondi(places.places() / population * 1000))
                .numerateur((double) places.places(), sourcePlaces)
                .denominateur(population, sourcePopulation)
                .mesure("parkings", (double) places.parkings())
                .mesure("densite", ref.valeur("densite"))
                .mesure("menages", ref.valeur("menages"))
                .sourceMesure("parkings", sourcePlaces)
                .contributeurs(places.parkings())
                .construire();
    }
}
