package fr.croisements.streams.parking;

import static fr.croisements.events.Indicateurs.OCCUPATION_POINTE;

import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "Occupation des parkings aux heures de pointe": per commune and weekday, the mean of the hourly
 * occupancy rates of its car parks between 10:00 and 15:00, Paris time.
 *
 * <pre>
 * In:  the hourly counts of OccupationHoraireTopology   key = car park and hour
 * Out: indicateurs-occupation-parkings-pointe           key = code INSEE, value = Indicateur (one cell per day)
 * </pre>
 *
 * The hourly counts are updated at every observation, so they go through a table (latest mean per
 * car park and hour) grouped by commune and day with an adder and a subtractor: an update replaces
 * the previous value of its hour instead of being counted twice.
 */
final class HeuresDePointe {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int DEBUT_POINTE = 10;
    static final int FIN_POINTE = 15;

    private HeuresDePointe() {}

    /** Peak hour: a weekday hour starting from 10:00 to 14:00 included, Paris time. */
    static boolean enPointe(Instant debutHeure) {
        var local = debutHeure.atZone(PARIS);
        return local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY
                && local.getHour() >= DEBUT_POINTE && local.getHour() < FIN_POINTE;
    }

    private static final FabriqueCellules CELLULES = new FabriqueCellules(OCCUPATION_POINTE);

    static void ajouter(KStream<Windowed<String>, HeureParking> heures, Entrees entrees) {
        var cellules = heures
                .filter((heure, h) -> h.codeInsee() != null && enPointe(heure.window().startTime()), Named.as("pointe-heures"))
                .map((heure, h) -> KeyValue.pair(heure.key() + "|" + heure.window().start(), new PointeParc(h.codeInsee(),
                        heure.window().startTime().atZone(PARIS).toLocalDate(), h.tauxMoyen(), h.simule())),
                        Named.as("pointe-cle-parking-heure"))
                .toTable(Named.as("pointe-par-parking-heure"),
                        Materialized.<String, PointeParc, KeyValueStore<Bytes, byte[]>>as("pointe-par-parking-heure-store")
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(PointeParc.class)))
                .groupBy((cle, p) -> KeyValue.pair(p.codeInsee() + "|" + p.jour(), p),
                        Grouped.with("pointe-par-commune-jour", Serdes.String(), JsonSerde.of(PointeParc.class)))
                .aggregate(PointeCommune::vide, (cle, p, c) -> c.ajouter(p), (cle, p, c) -> c.retirer(p),
                        Named.as("pointe-moyenne"),
                        Materialized.<String, PointeCommune, KeyValueStore<Bytes, byte[]>>as("pointe-par-commune-jour-store")
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(PointeCommune.class)))
                .toStream(Named.as("pointe-mises-a-jour"))
                .filter((cle, c) -> c != null && c.heures() > 0, Named.as("pointe-non-vides"))
                .map((cle, c) -> KeyValue.pair(c.codeInsee(), calculer(c)), Named.as("pointe-calculer"));
        entrees.publier(cellules, OCCUPATION_POINTE);
    }

    static Indicateur calculer(PointeCommune c) {
        var source = c.simule() ? OccupationHoraireTopology.OCCUPATION_SIMULEE : OccupationHoraireTopology.OCCUPATION_FLUX;
        return CELLULES.cellule(c.codeInsee(), Zone.COMMUNE, null, c.jour().atStartOfDay(PARIS).toInstant(),
                        c.jour().plusDays(1).atStartOfDay(PARIS).toInstant())
                .valeur(FabriqueCellules.arrondi(c.somme() / c.heures()))
                .numerateur(null, source)
                .mesure("heures_parking", (double) c.heures())
                .contributeurs(c.heures())
                .simule(c.simule())
                .construire();
    }

    /** The latest mean rate of one car park over one peak hour. */
    record PointeParc(String codeInsee, LocalDate jour, double taux, boolean simule) {}

    /** Sum and count of the peak-hour rates of a commune's car parks over one day. */
    record PointeCommune(String codeInsee, LocalDate jour, double somme, long heures, boolean simule) {

        static PointeCommune vide() {
            return new PointeCommune(null, null, 0, 0, false);
        }

        PointeCommune ajouter(PointeParc p) {
            return new PointeCommune(p.codeInsee(), p.jour(), somme + p.taux(), heures + 1, simule || p.simule());
        }

        PointeCommune retirer(PointeParc p) {
            return new PointeCommune(p.codeInsee(), p.jour(), somme - p.taux(), heures - 1, simule);
        }
    }
}
