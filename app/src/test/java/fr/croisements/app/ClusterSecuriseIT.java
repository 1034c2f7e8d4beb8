package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.ConfigurationKafka;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code croisements run --config FICHIER} against a secured cluster: the embedded broker gets a
 * SASL_PLAINTEXT listener (mechanism PLAIN) beside its plain one, and an instance is given only the secured
 * address and the credentials in a properties file. Every Kafka
 * client of the instance (admin, producers, Kafka Streams and its clients, the live feed's consumer) must
 * take the file's properties: one that did not could not talk to that listener, and the map would stay
 * empty. The same command with a wrong password stops at once with a French message.
 */
class ClusterSecuriseIT {

    private static final Instant LUNDI = Instant.parse("2025-03-03T00:00:00Z");
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required ";
    private static Path dossier;
    private static EmbeddedKafka broker;
    private static int portSecurise;
    private Application application;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-securise");
        int client = PortLibre.trouver();
        int controleur = PortLibre.trouver();
        portSecurise = PortLibre.trouver();
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, client, Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + client + ",CONTROLLER://127.0.0.1:" + controleur
                        + ",SASL_PLAINTEXT://127.0.0.1:" + portSecurise,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + client + ",SASL_PLAINTEXT://127.0.0.1:" + portSecurise,
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "controller.quorum.voters", "1@127.0.0.1:" + controleur,
                "sasl.enabled.mechanisms", "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                JAAS + "username=\"admin\" password=\"admin\" user_croisements=\"bon-mot-de-passe\";"));
    }

    @AfterAll
    static void arreter() {
        ConfigurationKafka.oublier();
        if (broker != null) {
            broker.close();
        }
        Dossiers.effacerSansErreur(dossier);
    }

    @AfterEach
    void arreterInstance() {
        if (application != null) {
            application.close();
        }
        ConfigurationKafka.oublier();
    }

    private static Path configuration(String nom, String motDePasse) throws Exception {
        Path fichier = dossier.resolve(nom);
        Files.writeString(fichier, String.join("\n",
                "# the cluster of the city, secured",
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=" + JAAS + "username=\"croisements\" password=\"" + motDePasse + "\";", ""));
        return fichier;
    }

    @Test
    void theInstanceWithTheCredentialsOfItsConfigFileWorksEndToEndOnTheSecuredListener() throws Exception {
        // what `run --config FICHIER --application-id … --threads 2` does, in this JVM (the command itself is
        // checked with a wrong password below)
        ConfigurationKafka.charger(configuration("kafka-client.properties", "bon-mot-de-passe"));
        var pompey = Territoires.charger("bassin-de-pompey");
        application = Application.demarrer(List.of(pompey), new Application.Options("127.0.0.1:" + portSecurise, 0,
                dossier.resolve("etat"), 4, (short) 1, null, null, null, 0, "croisements-securise", 2));

        // the lifts go through the secured listener too, with the same file
        List<LeveeBac> levees = new LeveesSimulateur(pompey, 5,
                Pseudonymiseur.avecCle("cle-de-test-securise".getBytes(StandardCharsets.UTF_8)))
                .periode(LUNDI, LUNDI.plus(Duration.ofDays(7))).toList();
        try (var producer = KafkaClients.producer("127.0.0.1:" + portSecurise, Topics.DECHETS_LEVEES, "it-securise")) {
            levees.forEach(l -> producer.send(new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null,
                    l.instant().toEpochMilli(), l.idBac(), l)));
        }

        int port = application.port();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            JsonNode carte = PipelineContract.getJson(port, "/api/territoires/bassin-de-pompey/communes.geojson?indicateur="
                    + Indicateurs.TAUX_PRESENTATION_BACS.id());
            long coloriees = 0;
            for (JsonNode f : carte.get("features")) {
                if (f.get("properties").get("valeur").isNumber() || f.get("properties").get("secret").asBoolean()) {
                    coloriees++;
                }
            }
            assertThat(coloriees).isEqualTo(13);
        });
        // the application id and the threads given: its group on the cluster, its two stream threads
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listGroups().all().get()).anySatisfy(g -> assertThat(g.groupId()).isEqualTo("croisements-securise"));
        }
        assertThat(PipelineContract.get(port, "/metriques")).contains("StreamThread-2");
    }

    @Test
    void aWrongPasswordStopsRunAtOnceWithAFrenchMessage() throws Exception {
        Path config = configuration("mauvais.properties", "mauvais-mot-de-passe");
        var erreurs = new StringWriter();
        var ligne = Croisements.ligneDeCommande();
        ligne.setErr(new PrintWriter(erreurs));
        ligne.setOut(new PrintWriter(new StringWriter()));

        int code = ligne.execute("run", "--bootstrap-servers", "127.0.0.1:" + portSecurise, "--config", config.toString(),
                "--port", String.valueOf(PortLibre.trouver()), "--etat", dossier.resolve("etat-refuse").toString());

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).startsWith("Erreur : le cluster Kafka a refusé l'authentification")
                .contains("--config", "sasl.jaas.config").doesNotContain("\tat ");
    }
}
