package fr.croisements.streams.parking;

import static fr.croisements.events.Topics.INDICATEURS_OCCUPATION_PARKINGS;
import static fr.croisements.events.Topics.INDICATEURS_PLACES_PAR_HABITANT;
import static fr.croisements.events.Topics.REF_INSEE_COMMUNES;
import static fr.croisements.events.Topics.REF_PARKINGS;
import static fr.croisements.events.Topics.REJETS;
import static fr.croisements.events.Topics.STATIONNEMENT_OCCUPATION;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.Fixtures;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both parking crossings, in the whole pipeline's topology (they share the car-park table). */
class ParkingsTopologyTest {

    private static final Source RP = new Source("Comparateur", "Insee", "2021", "Licence Ouverte 2.0", false);
    private static final Instant HEURE = Instant.parse("2025-03-04T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ParcStationnement> parcs;
    private TestInputTopic<String, OccupationParking> occupation;
    private TestInputTopic<String, IndicateurInsee> insee;
    private TestOutputTopic<String, Indicateur> places;
    private TestOutputTopic<String, Indicateur> heures;
    private TestOutputTopic<String, Rejet> rejets;

    @BeforeEach
    void start() {
        var props = new StreamsSettings("inutilise:9092", "test", stateDir, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(Pipeline.topology(List.of(Fixtures.territoire())), props);
        parcs = driver.createInputTopic(REF_PARKINGS.name(), REF_PARKINGS.keySerde().serializer(), REF_PARKINGS.valueSerde().serializer());
        occupation = driver.createInputTopic(STATIONNEMENT_OCCUPATION.name(), STATIONNEMENT_OCCUPATION.keySerde().serializer(),
                STATIONNEMENT_OCCUPATION.valueSerde().serializer());
        insee = driver.createInputTopic(REF_INSEE_COMMUNES.name(), REF_INSEE_COMMUNES.keySerde().serializer(),
                REF_INSEE_COMMUNES.valueSerde().serializer());
        places = driver.createOutputTopic(INDICATEURS_PLACES_PAR_HABITANT.name(), INDICATEURS_PLACES_PAR_HABITANT.keySerde().deserializer(),
                INDICATEURS_PLACES_PAR_HABITANT.valueSerde().deserializer());
        heures = driver.createOutputTopic(INDICATEURS_OCCUPATION_PARKINGS.name(), INDICATEURS_OCCUPATION_PARKINGS.keySerde().deserializer(),
                INDICATEURS_OCCUPATION_PARKINGS.valueSerde().deserializer());
        rejets = driver.createOutputTopic(REJETS.name(), REJETS.keySerde().deserializer(), REJETS.valueSerde().deserializer());
        insee.pipeInput(Fixtures.OUEST, new IndicateurInsee(Fixtures.OUEST, Zone.COMMUNE, "Ouest-la-Forêt",
                Map.of("population", 20000.0, "densite", 850.0, "menages", 9000.0), Map.of("population", RP)), HEURE);
        parcs.pipeInput("P1", parc("P1", "Parking de la Gare", 400), HEURE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void givesPublicPlacesPer1000InhabitantsAndFollowsEveryChangeOfTheCarParks() {
        parcs.pipeInput("P2", parc("P2", "Parking du Marché", 200), HEURE);
        parcs.pipeInput("P3", new ParcStationnement("P3", "Sans capacité", Fixtures.OUEST, null, null, null, null, null), HEURE);

        Indicateur cellule = dernier(places.readValuesToList());
        assertThat(cellule.codeZone()).isEqualTo(Fixtures.OUEST);
        assertThat(cellule.numerateur()).isEqualTo(600.0);
        assertThat(cellule.valeur()).isEqualTo(30.0);
        assertThat(cellule.mesures()).containsEntry("parkings", 2.0).containsEntry("densite", 850.0).containsEntry("menages", 9000.0);
        assertThat(cellule.debut()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));

        parcs.pipeInput("P2", null, HEURE); // the car park closed
        assertThat(dernier(places.readValuesToList()).valeur()).isEqualTo(20.0);
    }

    /** Issue #13: the figure of a commune says which files its places come from, and when a second one adds to the first. */
    @Test
    void namesTheSourceOfTheCarParksItAddsUpAndEverySourceWhenThereAreSeveral() {
        var ville = new Source("Parkings (OpenData)", "Ville d'Ouest", "2024", "Licence Ouverte 2.0", false);
        var nationale = new Source("Base nationale des lieux de stationnement", "transport.data.gouv.fr", "2025",
                "Licence Ouverte 2.0", false);
        parcs.pipeInput("P1", parc("P1", "Parking de la Gare", 400, ville), HEURE);
        parcs.pipeInput("P2", parc("P2", "Parking du Marché", 200, ville), HEURE);

        Indicateur uneSource = dernier(places.readValuesToList());
        assertThat(uneSource.sourceNumerateur()).isEqualTo(ville);
        assertThat(uneSource.sourcesMesures()).containsEntry("parkings", ville);

        parcs.pipeInput("N7", parc("N7", "Parking des Minimes", 100, nationale), HEURE);

        Indicateur deuxSources = dernier(places.readValuesToList());
        assertThat(deuxSources.numerateur()).isEqualTo(700.0);
        // sources in the order of their labels (producer first)
        assertThat(deuxSources.sourceNumerateur()).isEqualTo(new Source("Parkings de 2 sources, additionnés : Parkings"
                + " (OpenData) (2 parkings, 600 places) ; Base nationale des lieux de stationnement (1 parking, 100 places)",
                "Ville d'Ouest ; transport.data.gouv.fr", "2024 ; 2025", "Licence Ouverte 2.0", false));

        parcs.pipeInput("N7", null, HEURE); // the national file's car park removed: back to the city's figure and source
        assertThat(dernier(places.readValuesToList()).sourceNumerateur()).isEqualTo(ville);
    }

    @Test
    void measuresTheMeanAndPeakOccupancyOfAnHourSaturationAndEstimatedArrivals() {
        observer("P1", 0, 200);     // 50 %
        observer("P1", 15, 100);    // 75 %, 100 arrivals at least
        observer("P1", 30, 20);     // 95 %: saturated
        observer("P1", 45, 60);     // 85 %

        Indicateur cellule = dernier(heures.readValuesToList());
        assertThat(cellule.niveau()).isEqualTo(Zone.PARKING);
        assertThat(cellule.codeZone()).isEqualTo("P1");
        assertThat(cellule.nomZone()).isEqualTo("Parking de la Gare");
        assertThat(cellule.valeur()).isEqualTo(76.3);
        assertThat(cellule.denominateur()).isEqualTo(400.0);
        assertThat(cellule.mesures()).containsEntry("taux_max", 95.0).containsEntry("heures_saturees", 1.0)
                .containsEntry("arrivees_estimees", 180.0).containsEntry("observations", 4.0);
        assertThat(cellule.debut()).isEqualTo(HEURE);
        assertThat(cellule.fin()).isEqualTo(HEURE.plus(Duration.ofHours(1)));

        observer("P1", 60, 300);
        assertThat(dernier(heures.readValuesToList()).debut()).isEqualTo(HEURE.plus(Duration.ofHours(1)));
        var profil = driver.<String, Indicateur>getKeyValueStore(Indicateurs.OCCUPATION_PARKINGS.store());
        try (var it = profil.prefixScan("P1|", new org.apache.kafka.common.serialization.StringSerializer())) {
            assertThat(it.next().value.debut()).isEqualTo(HEURE);
            assertThat(it.next().value.debut()).isEqualTo(HEURE.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void averagesTheWeekdayPeakHoursOfTheCommunesCarParksCountingEachHourOnce() {
        parcs.pipeInput("P2", parc("P2", "Parking du Marché", 100), HEURE);
        var pointe = driver.createOutputTopic(fr.croisements.events.Topics.INDICATEURS_OCCUPATION_POINTE.name(),
                fr.croisements.events.Topics.INDICATEURS_OCCUPATION_POINTE.keySerde().deserializer(),
                fr.croisements.events.Topics.INDICATEURS_OCCUPATION_POINTE.valueSerde().deserializer());
        observer("P1", 0, 200);        // Tuesday 10:00 Paris: 50 %
        observer("P1", 30, 100);       // same hour: 75 %, the hour's mean becomes 62.5 %
        observer("P2", 60, 75);        // 11:00 Paris: 25 %
        observer("P2", 6 * 60, 0);     // 16:00 Paris: after the peak, not counted
        observer("P2", 4 * 24 * 60 + 60, 0); // Saturday 11:00: not counted

        Indicateur cellule = dernier(pointe.readValuesToList());
        assertThat(cellule.codeZone()).isEqualTo(Fixtures.OUEST);
        assertThat(cellule.valeur()).isEqualTo(43.8);
        assertThat(cellule.mesures()).containsEntry("heures_parking", 2.0);
        assertThat(cellule.debut()).isEqualTo(Instant.parse("2025-03-03T23:00:00Z"));
        assertThat(pointe.isEmpty()).isTrue();
    }

    @Test
    void rejectsObservationsOfAnUnknownCarPark() {
        observer("P9", 0, 10);

        assertThat(rejets.readValue().raison()).isEqualTo("parking inconnu : « P9 » n'est pas dans ref-parkings");
        assertThat(heures.isEmpty()).isTrue();
    }

    private void observer(String id, int minutes, int libres) {
        Instant t = HEURE.plusSeconds(60L * minutes);
        occupation.pipeInput(id, new OccupationParking(id, t, libres, null, "ouvert", true), t);
    }

    private static ParcStationnement parc(String id, String nom, int places) {
        return parc(id, nom, places, null);
    }

    private static ParcStationnement parc(String id, String nom, int places, Source source) {
        return new ParcStationnement(id, nom, Fixtures.OUEST, places, new Position(6.05, 48.75, null), "ouvrage", false, source);
    }

    private static Indicateur dernier(List<Indicateur> liste) {
        assertThat(liste).isNotEmpty();
        return liste.get(liste.size() - 1);
    }
}
