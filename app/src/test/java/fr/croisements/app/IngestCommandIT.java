package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.app.kafka.TopicsAdmin;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code croisements ingest dechets FILE} on the embedded broker, with the example file shipped in
 * docs/exemples: good lines on dechets-levees (pseudonymised), bad ones on rejets with file:line; and
 * {@code ingest occupation} of the other example, a city's own columns named with {@code --colonne}.
 */
class IngestCommandIT {

    private static final Path EXEMPLE = Path.of("../docs/exemples/levees-bassin-de-pompey.csv");
    private static final Path EXEMPLE_OCCUPATION = Path.of("../docs/exemples/occupation-parkings-la-rochelle.csv");
    private static Path dossier;
    private static EmbeddedKafka broker;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-ingest");
        broker = EmbeddedKafka.start(dossier, true, 0);
        TopicsAdmin.creer(broker.bootstrapServers(), Topics.TOUS, 2, (short) 1);
    }

    @AfterAll
    static void arreter() {
        broker.close();
        Dossiers.effacerSansErreur(dossier);
    }

    @Test
    void publishesTheGoodLinesPseudonymisedAndRejectsTheOthersWithTheirLine() throws Exception {
        var sortie = new StringWriter();
        var ligne = Croisements.ligneDeCommande().setOut(new PrintWriter(sortie));
        // the key normally comes from CROISEMENTS_CLE_PSEUDONYMISATION; the test cannot set the environment
        int code = ligne.execute("ingest", "dechets", EXEMPLE.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--cle-fichier", Files.writeString(dossier.resolve("cle"), "une-cle-de-test-assez-longue").toString());

        // some lines were rejected: the summary lists them, and the exit code says so
        assertThat(code).isEqualTo(1);
        assertThat(sortie.toString()).contains("5 lignes lues, 3 levées publiées sur dechets-levees, 2 lignes rejetées"
                + " (détail sur le topic rejets).", "Rejets :", "  levees-bassin-de-pompey.csv:5 : horodatage illisible",
                "  levees-bassin-de-pompey.csv:6 : longitude illisible");
        List<LeveeBac> levees = lire(Topics.DECHETS_LEVEES, 3, l -> true);
        assertThat(levees).extracting(LeveeBac::idBac).allMatch(id -> id.matches("[0-9a-f]{64}"));
        assertThat(levees).extracting(LeveeBac::instant).contains(Instant.parse("2025-03-04T05:12:00Z"));
        assertThat(String.join("", Files.readAllLines(EXEMPLE))).contains("E0040150A1B2C3D4");
        assertThat(levees.toString()).doesNotContain("E0040150A1B2C3D4");
        // other tests of this class publish rejects of their own files on the same topic
        List<Rejet> rejets = lire(Topics.REJETS, 2, r -> r.source().equals("levees-bassin-de-pompey.csv"));
        assertThat(rejets).extracting(Rejet::position)
                .containsExactlyInAnyOrder("levees-bassin-de-pompey.csv:5", "levees-bassin-de-pompey.csv:6");
        assertThat(rejets).extracting(Rejet::raison).anyMatch(r -> r.startsWith("horodatage illisible"))
                .anyMatch(r -> r.startsWith("longitude illisible"));
    }

    @Test
    void failsWithoutPublishingAnythingForAnUnknownAdapter() {
        var erreurs = new StringWriter();
        int code = Croisements.ligneDeCommande().setErr(new PrintWriter(erreurs))
                .execute("ingest", "inconnu", EXEMPLE.toString(), "--bootstrap-servers", broker.bootstrapServers());
        assertThat(code).isEqualTo(2);
        assertThat(erreurs.toString()).contains("Adaptateur inconnu : inconnu", "Pour l'aide : croisements ingest --help");
    }

    @Test
    void aFileWithoutARequiredColumnEndsWithItsLineAndAFrenchReasonAndPublishesNothing() throws Exception {
        var sortie = new StringWriter();
        var erreurs = new StringWriter();
        Path fichier = Files.writeString(dossier.resolve("sans-flux.csv"),
                "id_puce;horodatage;longitude;latitude\nP1;2025-03-04T05:12:00Z;6.1;48.7\n");

        int code = Croisements.ligneDeCommande().setOut(new PrintWriter(sortie)).setErr(new PrintWriter(erreurs))
                .execute("ingest", "dechets", fichier.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                        "--cle-fichier", Files.writeString(dossier.resolve("cle2"), "une-cle-de-test-assez-longue").toString());

        assertThat(code).isEqualTo(1);
        assertThat(sortie.toString()).isEqualTo(String.format("0 ligne lue, 0 levée publiée sur dechets-levees, 1 ligne rejetée"
                + " (détail sur le topic rejets).%nRejets :%n  sans-flux.csv:1 : colonne manquante : flux%n"));
        assertThat(erreurs.toString()).isEmpty();
    }

    /**
     * Issue #13: a city's occupancy CSV with its own column names. Without --colonne, the summary names the
     * roles missing and the options to give; with them, the file is published, offsets honoured.
     */
    @Test
    void publishesACitysOccupancyFileThroughTheColumnsItNamesWithColonne() throws Exception {
        var sansColonnes = new StringWriter();
        int refus = Croisements.ligneDeCommande().setOut(new PrintWriter(sansColonnes)).execute("ingest", "occupation",
                EXEMPLE_OCCUPATION.toString(), "--bootstrap-servers", broker.bootstrapServers());

        assertThat(refus).isEqualTo(1);
        assertThat(sansColonnes.toString()).contains("0 relevé lu, 0 publié sur stationnement-occupation, 1 rejeté",
                "occupation-parkings-la-rochelle.csv:1 : colonnes manquantes : parking_id (rôle id)",
                "par exemple --colonne id=parking --colonne places-libres=free --colonne instant=collected_at"
                        + " --colonne capacite=max --colonne statut=status");

        var sortie = new StringWriter();
        int code = Croisements.ligneDeCommande().setOut(new PrintWriter(sortie)).execute("ingest", "occupation",
                EXEMPLE_OCCUPATION.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--colonne", "id=parking",
                "--colonne", "places-libres=free", "--colonne", "instant=collected_at", "--colonne", "capacite=max",
                "--colonne", "statut=status");

        // line 5 gives 35,5 free places: rejected, the others published
        assertThat(code).isEqualTo(1);
        assertThat(sortie.toString()).contains("4 relevés lus, 3 publiés sur stationnement-occupation, 1 rejeté",
                "occupation-parkings-la-rochelle.csv:5 : free illisible : « 35,5 » (nombre entier attendu)");
        List<OccupationParking> releves = lire(Topics.STATIONNEMENT_OCCUPATION, 3, o -> o.parkingId().startsWith("17300-P-"));
        assertThat(releves).extracting(OccupationParking::parkingId, OccupationParking::instant, OccupationParking::placesLibres)
                .containsExactlyInAnyOrder(
                        tuple("17300-P-007", Instant.parse("2025-06-30T06:15:00Z"), 120),
                        tuple("17300-P-007", Instant.parse("2025-06-30T06:30:00Z"), 97),
                        tuple("17300-P-006", Instant.parse("2025-06-30T06:45:00Z"), 0));
    }

    private <V> List<V> lire(Topic<String, V> topic, int attendus, Predicate<V> filtre) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            var parts = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            List<V> valeurs = new ArrayList<>();
            long limite = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (valeurs.size() < attendus && System.nanoTime() < limite) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filtre.test(r.value())) {
                        valeurs.add(r.value());
                    }
                });
            }
            assertThat(valeurs).hasSize(attendus);
            return valeurs;
        }
    }
}
