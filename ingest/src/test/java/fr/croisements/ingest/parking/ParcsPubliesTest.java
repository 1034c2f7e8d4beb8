package fr.croisements.ingest.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Issue #13: a car park of one source never silently replaces the car park another source published under its id. */
class ParcsPubliesTest {

    static final Source LOCALE = new Source("Parkings (La Rochelle OpenData)", "Communauté d'agglomération de La Rochelle",
            "2024", "Licence Ouverte 2.0", false);
    static final Source NATIONALE = new Source("Base nationale des lieux de stationnement", "transport.data.gouv.fr",
            "2025", "Licence Ouverte 2.0", false);
    private static final String TOPIC = Topics.REF_PARKINGS.name();

    private static final ParcStationnement VERDUN = new ParcStationnement("17300-P-007", "Verdun", "17300", 557,
            new Position(-1.1533092, 46.1625275, null), "ouvrage", false, LOCALE);

    @Test
    void aNewIdOrACarParkOfTheSameSourceIsPublished() {
        var publies = ParcsPublies.de(List.of(VERDUN));

        assertThat(publies.examiner(autre("17300-P-099", "Nouveau", 10, -1.15, 46.16, NATIONALE)))
                .isInstanceOf(ParcsPublies.Examen.Publier.class);
        // a new edition of the same file (another millésime) updates its own car park
        var nouvelleEdition = new Source(LOCALE.titre(), LOCALE.producteur(), "2025", LOCALE.licence(), false);
        assertThat(publies.examiner(autre("17300-P-007", "Verdun", 600, -1.1533092, 46.1625275, nouvelleEdition)))
                .isInstanceOf(ParcsPublies.Examen.Publier.class);
    }

    @Test
    void anotherCarParkOfAnotherSourceUnderTheSameIdIsAConflictNamingBoth() {
        var publies = ParcsPublies.de(List.of(VERDUN));

        var examen = publies.examiner(autre("17300-P-007", "Esplanade des Parcs", 300, -1.1480, 46.1580, NATIONALE));

        assertThat(examen).isInstanceOf(ParcsPublies.Examen.Conflit.class);
        assertThat(((ParcsPublies.Examen.Conflit) examen).raison()).isEqualTo("conflit d'identifiant : « 17300-P-007 »"
                + " est déjà publié par une autre source (Communauté d'agglomération de La Rochelle, Parkings (La Rochelle"
                + " OpenData) (2024)) pour un autre parking (« Verdun » et non « Esplanade des Parcs », 557 places et non"
                + " 300 places, à 649 m de celui-ci) ; ce parking n'est pas publié, pour ne pas remplacer l'autre :"
                + " donnez-lui un identifiant qui lui est propre");
    }

    @Test
    void theSameCarParkOfAnotherSourceKeepsItsFirstSourceWithAWarning() {
        var publies = ParcsPublies.de(List.of(VERDUN));

        // the name in capitals and without accents, 20 m away: the same car park
        var examen = publies.examiner(autre("17300-P-007", "VERDUN", 557, -1.1533092, 46.1627075, NATIONALE));

        assertThat(examen).isInstanceOf(ParcsPublies.Examen.DejaPublie.class);
        assertThat(((ParcsPublies.Examen.DejaPublie) examen).avertissement())
                .startsWith("parking « 17300-P-007 » déjà publié à l'identique par une autre source (Communauté")
                .endsWith(": gardé avec cette source, pas publié à nouveau");
    }

    @Test
    void eachDifferenceIsAConflictOnItsOwn() {
        assertThat(ParcsPublies.ecarts(VERDUN, autre("17300-P-007", "Verdun", 558, -1.1533092, 46.1625275, NATIONALE)))
                .containsExactly("557 places et non 558 places");
        assertThat(ParcsPublies.ecarts(VERDUN, autre("17300-P-007", "Verdun", 557, -1.1533092, 46.1725275, NATIONALE)))
                .containsExactly("à 1,1 km de celui-ci");
        assertThat(ParcsPublies.ecarts(VERDUN, new ParcStationnement("17300-P-007", "Verdun", "17299", null,
                VERDUN.position(), null, null, NATIONALE)))
                .containsExactly("commune 17300 et non 17299", "557 places et non capacité inconnue");
    }

    @Test
    void warnsOncePerCommuneWhereANewSourceAddsCarParksToAnotherSources() {
        var publies = ParcsPublies.de(List.of(VERDUN));

        List<String> avertissements = publies.communesPartagees(List.of(
                autre("17300-P-101", "Un", 10, -1.15, 46.16, NATIONALE),
                autre("17300-P-102", "Deux", 20, -1.15, 46.16, NATIONALE),
                autre("17299-P-001", "Ailleurs", 20, -1.10, 46.16, NATIONALE),
                VERDUN));

        assertThat(avertissements).containsExactly("commune 17300 : 2 parkings de ce fichier s'ajoutent au parking d'une"
                + " autre source (Communauté d'agglomération de La Rochelle, Parkings (La Rochelle OpenData) (2024)) :"
                + " les places pour 1 000 habitants de la commune les additionnent ; vérifiez qu'ils ne décrivent pas les"
                + " mêmes parkings sous d'autres identifiants");
    }

    @Test
    void readsTheCompactedTopicToItsEndTheLastRecordOfAnIdWinning() {
        var consommateur = consommateur(2);
        var ancien = autre("17300-P-001", "Ancien nom", 10, -1.15, 46.16, LOCALE);
        var nouveau = autre("17300-P-001", "Nouveau nom", 12, -1.15, 46.16, LOCALE);
        var ferme = autre("17300-P-002", "Fermé", 12, -1.15, 46.16, LOCALE);
        consommateur.schedulePollTask(() -> {
            consommateur.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, ancien.id(), ancien));
            consommateur.addRecord(new ConsumerRecord<>(TOPIC, 1, 0, ferme.id(), ferme));
        });
        consommateur.schedulePollTask(() -> {
            consommateur.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, nouveau.id(), nouveau));
            consommateur.addRecord(new ConsumerRecord<>(TOPIC, 1, 1, ferme.id(), null)); // a tombstone
            consommateur.addRecord(new ConsumerRecord<>(TOPIC, 1, 2, VERDUN.id(), VERDUN));
        });
        consommateur.updateEndOffsets(Map.of(new TopicPartition(TOPIC, 0), 2L, new TopicPartition(TOPIC, 1), 3L));

        ParcsPublies publies = ParcsPublies.lire(consommateur, Duration.ofSeconds(5));

        assertThat(publies.nombre()).isEqualTo(2);
        assertThat(publies.examiner(autre("17300-P-001", "Nouveau nom", 12, -1.15, 46.16, NATIONALE)))
                .isInstanceOf(ParcsPublies.Examen.DejaPublie.class);
        assertThat(publies.examiner(autre("17300-P-002", "Fermé", 99, -1.15, 46.16, NATIONALE)))
                .isInstanceOf(ParcsPublies.Examen.Publier.class);
        assertThat(publies.examiner(autre(VERDUN.id(), "Autre", 1, -1.15, 46.16, NATIONALE)))
                .isInstanceOf(ParcsPublies.Examen.Conflit.class);
    }

    @Test
    void aTopicThatDoesNotExistYetHoldsNoCarPark() {
        var consommateur = new MockConsumer<String, ParcStationnement>("earliest");

        assertThat(ParcsPublies.lire(consommateur, Duration.ofSeconds(1)).nombre()).isZero();
    }

    @Test
    void refusesToGoOnWhenTheTopicCannotBeReadToItsEnd() {
        var consommateur = consommateur(1);
        consommateur.updateEndOffsets(Map.of(new TopicPartition(TOPIC, 0), 5L)); // records that never come

        assertThatThrownBy(() -> ParcsPublies.lire(consommateur, Duration.ofSeconds(1)))
                .isInstanceOf(KafkaException.class)
                .hasMessage("les parkings déjà publiés (topic ref-parkings) n'ont pas pu être lus en 1 s ; rien n'est"
                        + " publié, pour ne pas remplacer les parkings d'une autre source");
    }

    private static MockConsumer<String, ParcStationnement> consommateur(int partitions) {
        var consommateur = new MockConsumer<String, ParcStationnement>("earliest");
        var infos = new java.util.ArrayList<PartitionInfo>();
        var debuts = new java.util.HashMap<TopicPartition, Long>();
        for (int i = 0; i < partitions; i++) {
            infos.add(new PartitionInfo(TOPIC, i, Node.noNode(), new Node[0], new Node[0]));
            debuts.put(new TopicPartition(TOPIC, i), 0L);
        }
        consommateur.updatePartitions(TOPIC, infos);
        consommateur.updateBeginningOffsets(debuts);
        return consommateur;
    }

    static ParcStationnement autre(String id, String nom, Integer places, double lon, double lat, Source source) {
        return new ParcStationnement(id, nom, id.substring(0, 5), places, new Position(lon, lat, null), null, null, source);
    }
}
