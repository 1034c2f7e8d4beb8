package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * Docker is not available here: this checks that docker-compose.yml, the Dockerfile and the proxy's
 * configuration agree with the real command line (every option a service uses exists), with each other
 * (service names, ports, volumes, addresses) and with the build (modules, jar).
 */
class DockerComposeTest {

    private static final Path RACINE = Path.of("..");
    private static final List<String> BROKERS = List.of("kafka1", "kafka2", "kafka3");
    private static final List<String> INSTANCES = List.of("croisements-1", "croisements-2");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(RACINE.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String nom) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(nom);
        assertThat(service).as("service %s", nom).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static <T> T commande(String service) throws IOException {
        List<String> commande = (List<String>) service(service).get("command");
        // unknown options or values fail here, as they would in the container
        var resultat = new CommandLine(new Croisements()).parseArgs(commande.toArray(String[]::new));
        return (T) resultat.subcommand().commandSpec().userObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environnement(String service) throws IOException {
        return (Map<String, Object>) service(service).get("environment");
    }

    /** "name:/target" of each volume of a service, as target by name. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> volumes(String service) throws IOException {
        var parNom = new java.util.LinkedHashMap<String, String>();
        for (String v : (List<String>) service(service).get("volumes")) {
            String[] parts = v.split(":");
            parNom.put(parts[0], parts[1]);
        }
        return parNom;
    }

    private static String bootstrapAttendu() {
        return String.join(",", BROKERS.stream().map(b -> b + ":9092").toList());
    }

    @Test
    void theBrokersAreThreeOfficialKraftNodesOfOneClusterWithTheirOwnVolumes() throws IOException {
        var ids = new HashSet<Object>();
        var clusters = new HashSet<Object>();
        for (String broker : BROKERS) {
            Map<String, Object> kafka = service(broker);
            assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
            assertThat(kafka).containsKey("healthcheck");
            Map<String, Object> env = environnement(broker);
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + broker + ":9092");
            assertThat((String) env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).contains(env.get("KAFKA_NODE_ID") + "@" + broker + ":9093");
            assertThat(((String) env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(",")).hasSize(BROKERS.size());
            assertThat(env.get("KAFKA_LOG_RETENTION_MS")).isEqualTo(-1);
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo(BROKERS.size());
            assertThat((Integer) env.get("KAFKA_MIN_INSYNC_REPLICAS")).isLessThan(BROKERS.size());
            assertThat(volumes(broker)).containsEntry(broker, (String) env.get("KAFKA_LOG_DIRS"));
            ids.add(env.get("KAFKA_NODE_ID"));
            clusters.add(env.get("CLUSTER_ID"));
        }
        assertThat(ids).hasSize(BROKERS.size());
        assertThat(clusters).hasSize(1);
    }

    @Test
    void twoRunInstancesOfOneApplicationReachEachOtherAndKeepTheirOwnState() throws IOException {
        String dockerfile = Files.readString(RACINE.resolve("Dockerfile"));
        var etats = new HashSet<String>();
        for (String instance : INSTANCES) {
            RunCommand run = commande(instance);
            assertThat(run.bootstrapServers).isEqualTo(bootstrapAttendu());
            assertThat((int) run.replication).isEqualTo(BROKERS.size());
            assertThat(run.repliquesSecours).isGreaterThanOrEqualTo(1);
            assertThat(run.applicationId).isEqualTo(((RunCommand) commande(INSTANCES.get(0))).applicationId);
            assertThat(run.simuler).as("the simulators are a service of their own").isFalse();
            assertThat(run.adressePublique).isEqualTo(instance + ":" + run.port);
            assertThat(dockerfile).contains("EXPOSE " + run.port);
            Map<String, String> volumes = volumes(instance);
            assertThat(volumes.values()).containsExactly(run.etat.toString());
            etats.addAll(volumes.keySet());
            assertThat(dockerfile).contains("chown croisements:croisements " + run.etat);
            @SuppressWarnings("unchecked")
            Map<String, Object> sante = (Map<String, Object>) service(instance).get("healthcheck");
            assertThat(sante.get("test").toString()).contains("http://localhost:" + run.port + "/pret");
        }
        assertThat(etats).as("one state folder per instance").hasSize(INSTANCES.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneAddressInFrontOfBothInstancesSendsRequestsOnlyToTheReadyOnes() throws IOException {
        Map<String, Object> carte = service("carte");
        assertThat((String) carte.get("image")).startsWith("haproxy:");
        String volume = ((List<String>) carte.get("volumes")).get(0);
        Path configuration = RACINE.resolve(volume.split(":")[0]);
        String haproxy = Files.readString(configuration);
        assertThat(volume.split(":")[1]).isEqualTo("/usr/local/etc/haproxy/haproxy.cfg");
        Matcher bind = Pattern.compile("bind :(\\d+)").matcher(haproxy);
        assertThat(bind.find()).isTrue();
        assertThat((List<String>) carte.get("ports")).containsExactly("7070:" + bind.group(1));
        assertThat(haproxy).contains("option httpchk GET /pret", "http-check expect status 200");
        var serveurs = new ArrayList<String>();
        Matcher serveur = Pattern.compile("(?m)^\\s*server (\\S+) (\\S+):(\\d+)").matcher(haproxy);
        while (serveur.find()) {
            serveurs.add(serveur.group(1));
            RunCommand run = commande(serveur.group(2));
            assertThat(Integer.parseInt(serveur.group(3))).isEqualTo(run.port);
        }
        assertThat(serveurs).containsExactlyElementsOf(INSTANCES);
    }

    @Test
    void theSimulatorsAreAServiceOfTheirOwnWithTheKeyTheyNeed() throws IOException {
        SimulerCommand simuler = commande("simulateurs");
        assertThat(simuler.bootstrapServers).isEqualTo(bootstrapAttendu());
        assertThat((int) simuler.replication).isEqualTo(BROKERS.size());
        assertThat(environnement("simulateurs")).containsKey("CROISEMENTS_CLE_PSEUDONYMISATION");
        assertThat(service("simulateurs")).containsKey("build");
    }

    @Test
    void runAcceptsAConfigFileAnApplicationIdAndThreads() {
        var resultat = new CommandLine(new Croisements()).parseArgs("run", "--bootstrap-servers", "kafka1:9092",
                "--config", "/etc/croisements/kafka.properties", "--application-id", "croisements-ville", "--threads", "3");
        RunCommand run = (RunCommand) resultat.subcommand().commandSpec().userObject();
        assertThat(run.kafka.config).isEqualTo(Path.of("/etc/croisements/kafka.properties"));
        assertThat(run.applicationId).isEqualTo("croisements-ville");
        assertThat(run.threads).isEqualTo(3);
        RunCommand parDefaut = (RunCommand) new CommandLine(new Croisements()).parseArgs("run", "--bootstrap-servers", "k:9092")
                .subcommand().commandSpec().userObject();
        assertThat(parDefaut.applicationId).isEqualTo("croisements");
        assertThat(parDefaut.threads).isEqualTo(1);
        assertThat(parDefaut.kafka.config).isNull();
    }

    @Test
    void theImageRunsTheShadedJarAsAUserOfItsOwnAndCachesTheDependencies() throws IOException {
        String dockerfile = Files.readString(RACINE.resolve("Dockerfile"));
        String pom = Files.readString(RACINE.resolve("app/pom.xml"));
        assertThat(pom).contains("<finalName>croisements</finalName>")
                .contains("<mainClass>fr.croisements.app.Croisements</mainClass>");
        assertThat(dockerfile).contains("/src/app/target/croisements.jar");
        assertThat(Files.readString(RACINE.resolve("croisements"))).contains("app/target/croisements.jar");
        // the dependencies in a layer of their own, from the poms alone, before the sources
        int horsLigne = dockerfile.indexOf(":go-offline");
        assertThat(horsLigne).isPositive().isLessThan(dockerfile.indexOf("COPY . ."));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(RACINE.resolve("pom.xml")));
        Set<String> modules = new HashSet<>();
        while (module.find()) {
            modules.add(module.group(1));
            assertThat(dockerfile.indexOf("COPY " + module.group(1) + "/pom.xml")).as("pom of %s", module.group(1))
                    .isPositive().isLessThan(horsLigne);
        }
        assertThat(modules).contains("app");
        // not root
        Matcher utilisateur = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(utilisateur.find()).isTrue();
        assertThat(utilisateur.group(1)).isNotIn("root", "0");
        assertThat(dockerfile.lastIndexOf("USER ")).isLessThan(dockerfile.indexOf("ENTRYPOINT"));
    }
}
