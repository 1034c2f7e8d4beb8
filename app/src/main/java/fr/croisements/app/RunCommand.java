package fr.croisements.app;

import fr.croisements.datasets.Territoire;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.mqtt.ConfigurationMqtt;
import fr.croisements.streams.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code croisements run}: the same pipeline against an existing Kafka cluster. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Lance les topologies et la carte sur un cluster Kafka existant.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OptionsSimulation simulation;

    @Mixin
    OptionsTerritoires packs;

    @Mixin
    OptionsIndicateurs indicateurs;

    @Mixin
    OptionsKafka kafka;

    @Mixin
    OptionsMqtt mqtt;

    @Option(names = "--bootstrap-servers", paramLabel = "HOTE:PORT[,…]", required = true, description = "Adresse du cluster Kafka, HOTE:PORT[,...].")
    String bootstrapServers;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port de la carte (défaut : ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--etat", paramLabel = "DOSSIER", defaultValue = "etat-streams",
            description = "Dossier de l'état local de Kafka Streams (défaut : ${DEFAULT-VALUE}).")
    Path etat;

    @Option(names = "--partitions", paramLabel = "NOMBRE", defaultValue = "4",
            description = "Partitions des topics créés s'ils manquent (défaut : ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication", paramLabel = "NOMBRE", defaultValue = "1",
            description = "Facteur de réplication des topics créés et des topics internes (défaut : ${DEFAULT-VALUE} ; 3 sur un vrai cluster).")
    short replication;

    @Option(names = "--adresse-publique", paramLabel = "HOTE:PORT",
            description = "Adresse à laquelle les autres instances joignent la carte de celle-ci, pour se partager les "
                    + "requêtes (défaut : localhost et le port de la carte).")
    String adressePublique;

    @Option(names = "--repliques-secours", paramLabel = "N", defaultValue = "1",
            description = "Répliques de secours de chaque état sur les autres instances : la carte reste complète "
                    + "quand une instance s'arrête (défaut : ${DEFAULT-VALUE}).")
    int repliquesSecours;

    @Option(names = "--application-id", paramLabel = "NOM", defaultValue = StreamsSettings.APPLICATION_ID,
            description = "Identifiant de l'application Kafka Streams, le même pour toutes les instances qui se partagent "
                    + "le travail (défaut : ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Fils d'exécution de Kafka Streams dans cette instance (défaut : ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--simuler", description = "Lance aussi le simulateur de levées de bacs (clé dans CROISEMENTS_CLE_PSEUDONYMISATION).")
    boolean simuler;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads attend au moins 1 fil d'exécution (reçu : " + threads + ").");
        }
        if (applicationId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--application-id ne peut pas être vide.");
        }
        kafka.charger();
        mqtt.verifier(spec);
        ConfigurationMqtt configurationMqtt = mqtt.actif() ? mqtt.configuration(null, "run", spec) : null;
        List<Territoire> territoires = packs.territoires();
        Application.Simulation simulee = simuler ? simulation.simulation(Pseudonymiseur.depuisEnvironnement(), spec) : null;
        Application application = Application.demarrer(territoires, new Application.Options(bootstrapServers, port, etat,
                partitions, replication, simulee, indicateurs.dossier(), adressePublique, repliquesSecours, applicationId,
                threads));
        out.printf("Territoires et cartes : http://localhost:%d/ (cluster Kafka %s)%n", application.port(), bootstrapServers);
        OptionsMqtt.Lecture lectureMqtt;
        try {
            lectureMqtt = configurationMqtt == null ? null
                    : OptionsMqtt.Lecture.demarrer(configurationMqtt, bootstrapServers, Appareils.aucun());
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
        if (lectureMqtt != null) {
            out.println(lectureMqtt.annonce());
        }
        out.println("Ctrl-C pour arrêter.");
        out.flush();
        AttenteArret.attendre(() -> {
            if (lectureMqtt != null) {
                lectureMqtt.close();
            }
            application.close();
        });
        return 0;
    }
}
