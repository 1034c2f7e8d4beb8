package fr.croisements.app;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Rejet;
import fr.croisements.streams.fichiers.EssaiIndicateur;
import fr.croisements.streams.fichiers.LecteurIndicateur;
import fr.croisements.streams.fichiers.Probleme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code croisements indicateur verifier|essayer FICHIER}: check or try an indicator file before it runs. */
@Command(name = "indicateur", mixinStandardHelpOptions = true,
        description = "Vérifie ou essaie un indicateur écrit en fichier YAML (format : docs/indicateurs.md).",
        subcommands = {IndicateurCommand.Verifier.class, IndicateurCommand.Essayer.class})
final class IndicateurCommand {

    private static final int DERNIERS = 200;
    private static final Duration ATTENTE_KAFKA = Duration.ofSeconds(15);

    private IndicateurCommand() {}

    @Command(name = "verifier", mixinStandardHelpOptions = true,
            description = "Vérifie un fichier d'indicateur et dit chaque problème avec sa ligne et sa colonne : champ "
                    + "inconnu, champ manquant, variable Insee inconnue, pointeur JSON mal écrit, fenêtre sans délai de "
                    + "grâce… Avec --bootstrap-servers, vérifie aussi que le topic existe et que chaque pointeur JSON "
                    + "trouve un champ dans ses derniers enregistrements. Code de sortie 1 s'il y a un problème.")
    static final class Verifier implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FICHIER", description = "Le fichier YAML de l'indicateur.")
        Path fichier;

        @Option(names = "--bootstrap-servers", paramLabel = "HOTE:PORT",
                description = "Cluster Kafka où lire le topic source (facultatif).")
        String bootstrapServers;

        @Mixin
        OptionsTerritoires packs;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(fichier)) {
                err.printf("Fichier introuvable : %s%n", fichier);
                return 2;
            }
            String texte = Files.readString(fichier, StandardCharsets.UTF_8);
            String nom = fichier.getFileName().toString();
            var lecteur = LecteurIndicateur.pour(packs.territoires());
            var lu = lecteur.lire(nom, texte);
            var problemes = new ArrayList<>(lu.problemes());
            if (lu.valide() && bootstrapServers != null) {
                String topic = lu.indicateur().topicSource();
                boolean existe = topicExiste(bootstrapServers, topic);
                problemes.addAll(lecteur.verifierTopic(nom, texte, lu.indicateur().fichier(), existe));
                if (existe) {
                    var derniers = derniers(bootstrapServers, topic, DERNIERS).stream().map(IndicateurCommand::json)
                            .filter(j -> j != null && j.isObject()).toList();
                    if (derniers.isEmpty()) {
                        out.printf("Le topic « %s » est vide : les pointeurs JSON ne peuvent pas encore être comparés à "
                                + "ses enregistrements.%n", topic);
                    }
                    problemes.addAll(lecteur.verifierChamps(nom, texte, lu.indicateur(), derniers));
                }
            }
            if (!problemes.isEmpty()) {
                problemes.forEach(p -> err.println(p));
                err.printf("%s : %s.%n", nom, Mots.nombre(problemes.size(), "problème", "problèmes"));
                return 1;
            }
            var d = lu.indicateur().definition();
            out.printf("%s : valide. Indicateur « %s » (%s), en %s, par %s, publié sur le topic %s.%n", nom, d.id(),
                    d.libelle(), d.unite(), d.niveau(), d.topic());
            return 0;
        }
    }

    @Command(name = "essayer", mixinStandardHelpOptions = true,
            description = "Calcule un indicateur écrit en fichier sur les enregistrements déjà présents dans son topic "
                    + "source et affiche ses premières cellules en tableau, sans rien publier.")
    static final class Essayer implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FICHIER", description = "Le fichier YAML de l'indicateur.")
        Path fichier;

        @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOTE:PORT",
                description = "Cluster Kafka où lire le topic source.")
        String bootstrapServers;

        @Option(names = "--enregistrements", defaultValue = "200000", paramLabel = "N",
                description = "Nombre maximal d'enregistrements lus, les plus récents (défaut : ${DEFAULT-VALUE}).")
        int enregistrements;

        @Option(names = "--lignes", defaultValue = "20", paramLabel = "N",
                description = "Nombre de cellules affichées, les plus récentes d'abord (défaut : ${DEFAULT-VALUE}).")
        int lignes;

        @Mixin
        OptionsTerritoires packs;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<Territoire> territoires = packs.territoires();
            var lu = LecteurIndicateur.pour(territoires).lire(fichier);
            if (!lu.valide()) {
                lu.problemes().forEach(p -> err.println(p));
                err.printf("Corrigez le fichier d'abord (croisements indicateur verifier %s).%n", fichier);
                return 1;
            }
            var indicateur = lu.indicateur();
            String topic = indicateur.topicSource();
            if (!topicExiste(bootstrapServers, topic)) {
                err.printf("Le topic « %s » n'existe pas sur %s.%n", topic, bootstrapServers);
                return 1;
            }
            var lus = derniers(bootstrapServers, topic, enregistrements).stream()
                    .map(r -> new EssaiIndicateur.Enregistrement(r.key(), r.value(), r.timestamp())).toList();
            var resultat = EssaiIndicateur.calculer(indicateur, territoires, lus);
            var d = indicateur.definition();
            out.printf("%s : %s, %s, %s.%n", d.libelle(), Mots.nombre(lus.size(), "enregistrement lu", "enregistrements lus"),
                    Mots.nombre(resultat.cellules().size(), "cellule calculée", "cellules calculées"),
                    Mots.nombre(resultat.rejets().size(), "rejet", "rejets"));
            tableau(out, d.unite(), resultat.cellules().stream().limit(lignes).toList());
            raisons(out, resultat.rejets());
            out.println("Rien n'a été publié. Pour calculer l'indicateur en continu : copiez le fichier dans le dossier "
                    + "donné à --indicateurs d'une instance qui tourne.");
            return 0;
        }

        private static void tableau(PrintWriter out, String unite, List<Indicateur> cellules) {
            if (cellules.isEmpty()) {
                return;
            }
            var paris = ZoneId.of("Europe/Paris");
            var jour = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);
            var lignes = new ArrayList<String[]>();
            lignes.add(new String[] {"zone", "nom", "début", "fin", "valeur (" + unite + ")", "numérateur", "dénominateur",
                    "contributeurs"});
            for (Indicateur c : cellules) {
                lignes.add(new String[] {c.codeZone(), c.nomZone() == null ? "" : c.nomZone(),
                        jour.format(c.debut().atZone(paris)), jour.format(c.fin().atZone(paris)),
                        c.secret() ? "secret" : nombre(c.valeur()), nombre(c.numerateur()), nombre(c.denominateur()),
                        c.contributeurs() == null ? "" : String.valueOf(c.contributeurs())});
            }
            int[] largeurs = new int[lignes.get(0).length];
            lignes.forEach(l -> {
                for (int i = 0; i < l.length; i++) {
                    largeurs[i] = Math.max(largeurs[i], l[i].length());
                }
            });
            for (String[] l : lignes) {
                var ligne = new StringBuilder();
                for (int i = 0; i < l.length; i++) {
                    ligne.append(i == 0 ? "" : " | ").append(String.format("%-" + largeurs[i] + "s", l[i]));
                }
                out.println(ligne.toString().stripTrailing());
            }
        }

        private static void raisons(PrintWriter out, List<Rejet> rejets) {
            Map<String, Integer> parRaison = new TreeMap<>();
            rejets.forEach(r -> parRaison.merge(r.raison().replaceAll("\\(.*\\)", "(…)"), 1, Integer::sum));
            parRaison.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                    .forEach(e -> out.printf("  rejet × %d : %s%n", e.getValue(), e.getKey()));
        }

        private static String nombre(Double v) {
            return v == null ? "" : String.format(Locale.FRANCE, "%,.2f", v).replace(",00", "");
        }
    }

    // ---- Kafka ----

    static boolean topicExiste(String bootstrapServers, String topic) {
        var props = new Properties();
        fr.croisements.events.ConfigurationKafka.appliquer(props).put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get(ATTENTE_KAFKA.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cluster Kafka injoignable sur " + bootstrapServers + " : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrompu", e);
        }
    }

    /** The latest {@code n} records of the topic (at most), in the order of each partition. */
    static List<ConsumerRecord<String, byte[]>> derniers(String bootstrapServers, String topic, int n) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "croisements-indicateur");
        fr.croisements.events.ConfigurationKafka.appliquer(props).put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        var lus = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, ATTENTE_KAFKA).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> fins = new LinkedHashMap<>(consumer.endOffsets(partitions, ATTENTE_KAFKA));
            Map<TopicPartition, Long> debuts = consumer.beginningOffsets(partitions, ATTENTE_KAFKA);
            long parPartition = Math.max(1, n / Math.max(1, partitions.size()));
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(debuts.get(tp), fins.get(tp) - parPartition));
            }
            long limite = System.nanoTime() + ATTENTE_KAFKA.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < fins.get(tp)) && System.nanoTime() < limite) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < fins.get(new TopicPartition(r.topic(), r.partition()))) {
                        lus.add(r);
                    }
                }
            }
        }
        return lus;
    }

    static JsonNode json(ConsumerRecord<String, byte[]> r) {
        try {
            return r.value() == null ? null : JsonSerde.MAPPER.readTree(r.value());
        } catch (IOException e) {
            return null;
        }
    }

    /** Words and numbers, in French. */
    static final class Mots {
        private Mots() {}

        /** {@code 0 problème}, {@code 1 problème}, {@code 2 problèmes}: French singular below 2. */
        static String nombre(long n, String singulier, String pluriel) {
            return String.format(Locale.FRANCE, "%,d", n).replace('\u202f', ' ').replace('\u00a0', ' ') + " "
                    + (n < 2 ? singulier : pluriel);
        }
    }
}
