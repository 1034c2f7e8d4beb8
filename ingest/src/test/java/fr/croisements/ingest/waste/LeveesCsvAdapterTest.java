package fr.croisements.ingest.waste;

import static fr.croisements.ingest.waste.Fixtures.PSEUDONYMISEUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeveesCsvAdapterTest {

    private static final Instant MAINTENANT = Instant.parse("2025-06-01T12:00:00Z");
    private static final LeveesCsvAdapter ADAPTATEUR =
            new LeveesCsvAdapter(PSEUDONYMISEUR, Clock.fixed(MAINTENANT, ZoneOffset.UTC));

    private final MockProducer<String, LeveeBac> levees =
            new MockProducer<>(true, null, new StringSerializer(), Topics.DECHETS_LEVEES.valueSerde().serializer());
    private final MockProducer<String, Rejet> rejets =
            new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());

    @Test
    void publishesGoodLinesKeyedByPseudonymisedChipWithTheLiftTime() throws IOException {
        String csv = """
                id_puce,horodatage,longitude,latitude,flux,poids_kg,camion
                PUCE-0001,2025-03-04T06:12:00+01:00,6.1234,48.7701,OMR,12.5,BOM-12
                PUCE-0002,2025-03-04T05:13:30Z,6.1,48.77,emb,,
                """;

        Bilan bilan = publier(csv, "levees.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(2, 2, 0));
        assertThat(rejets.history()).isEmpty();
        String id1 = PSEUDONYMISEUR.pseudonymiser("PUCE-0001");
        assertThat(levees.history()).extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::timestamp)
                .containsExactly(
                        tuple("dechets-levees", id1, Instant.parse("2025-03-04T05:12:00Z").toEpochMilli()),
                        tuple("dechets-levees", PSEUDONYMISEUR.pseudonymiser("PUCE-0002"),
                                Instant.parse("2025-03-04T05:13:30Z").toEpochMilli()));
        assertThat(levees.history().get(0).value()).isEqualTo(new LeveeBac(id1,
                Instant.parse("2025-03-04T05:12:00Z"), 6.1234, 48.7701, "OMR", 12.5, "BOM-12", false));
        LeveeBac seconde = levees.history().get(1).value();
        assertThat(seconde.flux()).isEqualTo("EMB");
        assertThat(seconde.poidsKg()).isNull();
        assertThat(seconde.camion()).isNull();
        assertThat(new String(Topics.DECHETS_LEVEES.valueSerde().serializer().serialize("t", seconde), StandardCharsets.UTF_8))
                .doesNotContain("PUCE-0002");
        assertThat(levees.flushed()).isTrue();
    }

    /** Found by LeveesCsvFuzzTest: a year before 1970 made the producer throw (a Kafka timestamp is never negative). */
    @Test
    void aLiftDatedBefore1970OrAfter9999IsRejectedWithItsLineNotThrown() throws IOException {
        String csv = """
                id_puce,horodatage,longitude,latitude,flux
                PUCE-0001,0025-03-04T06:12:00+01:00,6.1,48.7,OMR
                PUCE-0002,+10000-03-04T06:12:00Z,6.1,48.7,OMR
                PUCE-0003,2025-03-04T06:12:00+01:00,6.1,48.7,OMR
                """;

        Bilan bilan = publier(csv, "levees.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(3, 1, 2));
        assertThat(rejets.history()).extracting(r -> r.value().position() + " : " + r.value().raison()).containsExactly(
                "levees.csv:2 : horodatage hors des dates possibles : « 0025-03-04T06:12:00+01:00 » (attendu entre le"
                        + " 1er janvier 1970 et l'an 9999 : un enregistrement Kafka ne peut pas être daté avant 1970)",
                "levees.csv:3 : horodatage hors des dates possibles : « +10000-03-04T06:12:00Z » (attendu entre le"
                        + " 1er janvier 1970 et l'an 9999 : un enregistrement Kafka ne peut pas être daté avant 1970)");
    }

    @Test
    void readsASemicolonFileWithBomDecimalCommasAndColumnsInAnyOrder() throws IOException {
        String csv = "\uFEFFFlux;Camion;Poids_KG;Latitude;Longitude;Horodatage;ID_PUCE;commentaire\r\n"
                + "OMR;B1;\"12,5\";48,77;6,12;2025-03-04T06:12:00+01:00;PUCE-9;bac cassé\r\n";

        Bilan bilan = publier(csv, "export.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(1, 1, 0));
        assertThat(levees.history()).singleElement().extracting(ProducerRecord::value)
                .isEqualTo(new LeveeBac(PSEUDONYMISEUR.pseudonymiser("PUCE-9"), Instant.parse("2025-03-04T05:12:00Z"),
                        6.12, 48.77, "OMR", 12.5, "B1", false));
    }

    @Test
    void rejectsMalformedLinesWithFileLineAndReasonAndPublishesTheRest() throws IOException {
        String csv = """
                id_puce,horodatage,longitude,latitude,flux,poids_kg
                PUCE-1,2025-03-04T06:12:00+01:00,6.1,48.7,OMR,10
                PUCE-2,2025-13-01,6.1,48.7,OMR,10
                ,2025-03-04T06:12:00+01:00,6.1,48.7,OMR,10
                PUCE-4,2025-03-04T06:12:00+01:00,6.1,48.7,OMR,dix

                PUCE-5,2025-03-04T06:12:00+01:00,6.1
                PUCE-6,2025-03-04T06:12:00+01:00,6.1,91,OMR,10
                PUCE-7,2025-03-04T06:12:00,6.1,48.7,OMR,10
                PUCE-8,2025-03-04T06:14:00+01:00,abc,48.7,OMR,
                PUCE-9,2025-03-04T06:15:00+01:00,6.1,48.7,OMR,
                """;

        Bilan bilan = publier(csv, "levees.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(9, 2, 7));
        assertThat(levees.history()).extracting(ProducerRecord::key).containsExactly(
                PSEUDONYMISEUR.pseudonymiser("PUCE-1"), PSEUDONYMISEUR.pseudonymiser("PUCE-9"));
        assertThat(rejets.history()).extracting(ProducerRecord::value)
                .extracting(Rejet::position, Rejet::raison)
                .containsExactly(
                        tuple("levees.csv:3", "horodatage illisible : « 2025-13-01 »"),
                        tuple("levees.csv:4", "valeur manquante : id_puce"),
                        tuple("levees.csv:5", "poids_kg illisible : « dix »"),
                        tuple("levees.csv:7", "nombre de champs incorrect : 3 au lieu de 6"),
                        tuple("levees.csv:8", "latitude hors de [-90, 90] : « 91 »"),
                        tuple("levees.csv:9",
                                "horodatage sans fuseau horaire : « 2025-03-04T06:12:00 » (ajouter Z ou +01:00)"),
                        tuple("levees.csv:10", "longitude illisible : « abc »"));
        assertThat(rejets.history()).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("rejets");
            assertThat(r.key()).isEqualTo("levees.csv");
            assertThat(r.value().source()).isEqualTo("levees.csv");
            assertThat(r.value().instant()).isEqualTo(MAINTENANT);
        });
        assertThat(rejets.history().get(0).value().extrait()).isEqualTo("PUCE-2,2025-13-01,6.1,48.7,OMR,10");
    }

    @Test
    void rejectsTheWholeFileAtLineOneWhenTheHeaderLacksAColumn() throws IOException {
        String csv = """
                horodatage;longitude;latitude;flux
                2025-03-04T06:12:00+01:00;6.1;48.7;OMR
                """;

        Bilan bilan = publier(csv, "sans-puce.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(0, 0, 1));
        assertThat(levees.history()).isEmpty();
        assertThat(rejets.history()).singleElement().extracting(ProducerRecord::value)
                .extracting(Rejet::position, Rejet::raison, Rejet::extrait)
                .containsExactly("sans-puce.csv:1", "colonne manquante : id_puce", "horodatage;longitude;latitude;flux");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertThat(publier("", "vide.csv").comptes()).isEqualTo(new Bilan(0, 0, 1));
        assertThat(rejets.history()).singleElement().extracting(r -> r.value().raison()).asString()
                .startsWith("fichier vide");
    }

    @Test
    void namesRejectsAfterTheFileName(@TempDir Path dossier) throws IOException {
        Path fichier = dossier.resolve("mes-levees.csv");
        Files.writeString(fichier, "id_puce,horodatage,longitude,latitude,flux\nP1,hier,6.1,48.7,OMR\n", StandardCharsets.UTF_8);

        Bilan bilan = ADAPTATEUR.publier(fichier, levees, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(1, 0, 1));
        assertThat(rejets.history()).singleElement().extracting(r -> r.value().position()).isEqualTo("mes-levees.csv:2");
    }

    @Test
    void readsOneLineWithoutSideEffects() {
        var entete = LeveesCsvAdapter.entete("id_puce,horodatage,longitude,latitude,flux");

        assertThat(LeveesCsvAdapter.lire("P1,2025-03-30T05:00:00+02:00,-1.5,-45,Bio", entete, PSEUDONYMISEUR))
                .isEqualTo(new LeveesCsvAdapter.Lecture.Valide(new LeveeBac(PSEUDONYMISEUR.pseudonymiser("P1"),
                        Instant.parse("2025-03-30T03:00:00Z"), -1.5, -45, "BIO", null, null, false), java.util.List.of()));
        assertThat(LeveesCsvAdapter.lire("P1,2025-03-30T05:00:00Z,200,45,OMR", entete, PSEUDONYMISEUR))
                .isEqualTo(new LeveesCsvAdapter.Lecture.Invalide("longitude hors de [-180, 180] : « 200 »"));
        assertThat(LeveesCsvAdapter.lire("P1,2025-03-30T05:00:00Z,1,45,\"OM R\"", entete, PSEUDONYMISEUR))
                .isInstanceOf(LeveesCsvAdapter.Lecture.Invalide.class);
        assertThat(LeveesCsvAdapter.lire("P1,\"2025-03-30T05:00:00Z,1,45,OMR", entete, PSEUDONYMISEUR))
                .isEqualTo(new LeveesCsvAdapter.Lecture.Invalide("ligne CSV illisible (guillemets mal fermés ?)"));
        assertThat(LeveesCsvAdapter.lire("P1,2025-03-30T05:00:00Z,NaN,45,OMR", entete, PSEUDONYMISEUR))
                .isEqualTo(new LeveesCsvAdapter.Lecture.Invalide("longitude illisible : « NaN »"));
    }

    @Test
    void warnsAboutCodesTrimmedOfTheirSpacesWithoutWritingTheClearChipId() throws IOException {
        String csv = """
                id_puce;horodatage;longitude;latitude;flux;camion
                PUCE-0001 ;2025-03-04T06:12:00+01:00;6.1234;48.7701; OMR;BOM-12
                PUCE-0002;2025-03-04T05:13:30Z;6.1;48.77;EMB;BOM-12
                """;

        Bilan bilan = publier(csv, "levees.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(2, 2, 0));
        assertThat(bilan.nombreAvertissements()).isEqualTo(2);
        assertThat(bilan.avertissements()).containsExactly(
                "levees.csv:2 : id_puce : espace en fin de valeur retiré",
                "levees.csv:2 : flux « OMR » : espace en début de valeur retiré");
        assertThat(levees.history()).extracting(r -> r.value().idBac())
                .containsExactly(PSEUDONYMISEUR.pseudonymiser("PUCE-0001"), PSEUDONYMISEUR.pseudonymiser("PUCE-0002"));
    }

    @Test
    void keepsTheFirstReasonsWithTheirLineForTheSummary() throws IOException {
        String csv = """
                id_puce,horodatage,longitude,latitude,flux
                P1,2025-03-04T05:12:00Z,6.1,48.7
                P2,2025-13-04T05:12:00Z,6.1,48.7,OMR
                """;

        Bilan bilan = publier(csv, "levees.csv");

        assertThat(bilan.raisons()).containsExactly("levees.csv:2 : nombre de champs incorrect : 4 au lieu de 5",
                "levees.csv:3 : horodatage illisible : « 2025-13-04T05:12:00Z »");
        assertThat(bilan.complet()).isFalse();
    }

    @Test
    void detectsTheDelimiterAndRefusesDuplicateColumns() {
        assertThat(LeveesCsvAdapter.entete("id_puce;horodatage;longitude;latitude;flux").separateur()).isEqualTo(';');
        assertThat(LeveesCsvAdapter.entete("id_puce,horodatage,longitude,latitude,flux").separateur()).isEqualTo(',');
        assertThatThrownBy(() -> LeveesCsvAdapter.entete("id_puce,horodatage,longitude,latitude,flux,FLUX"))
                .hasMessage("colonne en double : flux");
        assertThatThrownBy(() -> LeveesCsvAdapter.entete("id_puce,longitude,latitude"))
                .hasMessage("colonnes manquantes : horodatage, flux");
    }

    @Test
    void propagatesAnAsynchronousSendFailureNamingTheLine() {
        var defaillant = new MockProducer<>(true, null, new StringSerializer(), Topics.DECHETS_LEVEES.valueSerde().serializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, LeveeBac> record, Callback callback) {
                var erreur = new TimeoutException("Topic dechets-levees not present in metadata after 60000 ms.");
                callback.onCompletion(null, erreur);
                return CompletableFuture.failedFuture(erreur);
            }
        };
        String csv = "id_puce,horodatage,longitude,latitude,flux\nP1,2025-03-04T05:12:00Z,6.1,48.7,OMR\n";

        assertThatThrownBy(() -> ADAPTATEUR.publier(entree(csv), "levees.csv", defaillant, rejets))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("levees.csv:2")
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void propagatesASynchronousSendFailure() {
        levees.sendException = new KafkaException("producer closed");
        String csv = "id_puce,horodatage,longitude,latitude,flux\nP1,2025-03-04T05:12:00Z,6.1,48.7,OMR\n";

        assertThatThrownBy(() -> publier(csv, "levees.csv")).isInstanceOf(KafkaException.class).hasMessage("producer closed");
    }

    private Bilan publier(String csv, String nom) throws IOException {
        return ADAPTATEUR.publier(entree(csv), nom, levees, rejets);
    }

    private static ByteArrayInputStream entree(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
