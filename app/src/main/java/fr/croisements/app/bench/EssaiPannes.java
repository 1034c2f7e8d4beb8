package fr.croisements.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Topics;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesSimulateur;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.SemainesIso;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault scenarios against real instances: a broker embedded in this process, two or three
 * {@code croisements run} instances as separate processes of the same jar (one application id,
 * one standby replica), and a replay of simulated bin lifts of the Bassin de Pompey. Each scenario
 * is checked against an oracle computed from the lifts themselves: every (commune, ISO week) cell
 * must count the same distinct bins and the same lifts (0 lost, 0 counted twice: exactly-once), and
 * every map query made while an instance is away must be answered, complete.
 *
 * <ol>
 *   <li>{@code arret-brutal}: a quarter of the lifts, then one instance killed without warning
 *       ({@code kill -9}), the next quarter, the instance started again on its state directory;</li>
 *   <li>{@code reequilibrage}: the map queried while an instance stops cleanly and starts again
 *       (two rebalances), with the third quarter of the lifts flowing;</li>
 *   <li>{@code coupure-broker}: the broker stops under every instance and starts again on its log and
 *       port; the map is queried meanwhile, then the last quarter flows;</li>
 *   <li>{@code rafale}: {@value #SEMAINES_RAFALE} more weeks of lifts sent at once (the rate reached is
 *       printed beside the demo's), the map queried while they are sent.</li>
 * </ol>
 */
public final class EssaiPannes {

    private static final Logger log = LoggerFactory.getLogger(EssaiPannes.class);
    private static final Instant DEBUT = Instant.parse("2025-03-03T00:00:00Z");
    private static final String TERRITOIRE = "bassin-de-pompey";
    private static final String CARTE = "/api/territoires/" + TERRITOIRE + "/communes.geojson?indicateur="
            + Indicateurs.TAUX_PRESENTATION_BACS.id();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration ATTENTE = Duration.ofSeconds(300);

    /**
     * One scenario's figures.
     *
     * @param evenements lifts replayed so far
     * @param attendues cells of the oracle
     * @param trouvees cells published
     * @param perdues cells counting fewer bins or lifts than the oracle, or missing
     * @param doubles cells counting more lifts or bins than the oracle
     * @param retablissement from the fault until every cell equals the oracle again
     * @param requetes map queries made while an instance was away
     * @param completes those answered with every commune
     */
    public record Resultat(String scenario, long evenements, int attendues, int trouvees, int perdues, int doubles,
            Duration retablissement, int requetes, int completes) {

        boolean reussi() {
            return perdues == 0 && doubles == 0 && attendues == trouvees && requetes == completes;
        }
    }

    /** Weeks of lifts sent at once in the burst scenario, after the replay. */
    static final int SEMAINES_RAFALE = 2;
    /** The demo's default clock: one simulated day every 10 s. */
    static final double SECONDES_PAR_JOUR_DEMO = 10;

    private final Path jar;
    private final int semaines;
    private final long graine;
    private final int threads;
    private final int instances;
    private double debitRafale;
    private double rythmeDemo;

    /**
     * @param jar the croisements jar whose {@code run} the instances execute
     * @param instances how many {@code run} processes (at least 2: the last one takes the faults)
     */
    public EssaiPannes(Path jar, int semaines, long graine, int instances) {
        this(jar, semaines, graine, instances, 1);
    }

    /** @param threads stream threads of each instance ({@code run --threads}) */
    public EssaiPannes(Path jar, int semaines, long graine, int instances, int threads) {
        if (instances < 2) {
            throw new IllegalArgumentException("au moins deux instances : l'une tombe, l'autre répond");
        }
        this.jar = jar.toAbsolutePath();
        this.semaines = semaines;
        this.graine = graine;
        this.instances = instances;
        this.threads = threads;
    }

    public List<Resultat> executer() throws Exception {
        Path dossier = Files.createTempDirectory("croisements-pannes");
        var resultats = new ArrayList<Resultat>();
        Territoire pompey = Territoires.charger(TERRITOIRE);
        List<LeveeBac> levees = new LeveesSimulateur(pompey, graine,
                Pseudonymiseur.avecCle("cle-des-essais-de-pannes".getBytes(StandardCharsets.UTF_8)))
                .periode(DEBUT, DEBUT.plus(Duration.ofDays(7L * (semaines + SEMAINES_RAFALE)))).toList();
        Instant finRejeu = DEBUT.plus(Duration.ofDays(7L * semaines));
        List<LeveeBac> rejeu = levees.stream().filter(l -> l.instant().isBefore(finRejeu)).toList();
        List<LeveeBac> rafale = levees.subList(rejeu.size(), levees.size());
        var oracle = new Oracle(new CommuneLocator(pompey.communes()));
        EmbeddedKafka broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        String bootstrap = broker.bootstrapServers();
        var toutes = new ArrayList<Instance>();
        try (var suivi = new Suivi(bootstrap); var producteur = producteur(bootstrap)) {
            for (int i = 0; i < instances; i++) {
                toutes.add(new Instance(String.valueOf((char) ('a' + i)), dossier, bootstrap));
            }
            for (Instance instance : toutes) {
                instance.demarrer();
                attendrePret(instance);
            }
            Instance a = toutes.get(0);
            Instance b = toutes.get(toutes.size() - 1);
            int quart = rejeu.size() / 4;

            // 1. kill -9 in the middle of a replay, then the instance starts again
            publier(producteur, rejeu.subList(0, quart), oracle);
            attendre(suivi, oracle);
            var avant = complete(a, oracle);
            b.tuer();
            long t0 = System.nanoTime();
            int[] requetes = interroger(a, avant, Duration.ofSeconds(10));
            publier(producteur, rejeu.subList(quart, 2 * quart), oracle);
            b.demarrer();
            attendrePret(b);
            boolean egal = attendre(suivi, oracle);
            resultats.add(resultat("arret-brutal", 2L * quart, oracle, suivi, egal, t0, requetes));

            // 2. a clean stop and a restart while the map is queried and lifts flow
            var avant2 = complete(a, oracle);
            long t1 = System.nanoTime();
            b.arreter();
            int[] requetes2 = interroger(a, avant2, Duration.ofSeconds(5));
            b.demarrer();
            publier(producteur, rejeu.subList(2 * quart, 3 * quart), oracle);
            int[] pendantRetour = interrogerJusquAPret(a, b, oracle.communes());
            boolean egal2 = attendre(suivi, oracle);
            resultats.add(resultat("reequilibrage", 3L * quart, oracle, suivi, egal2, t1,
                    new int[] {requetes2[0] + pendantRetour[0], requetes2[1] + pendantRetour[1]}));

            // 3. the broker stops (every instance loses it) and starts again on its log, same port
            var avant3 = complete(a, oracle);
            long t2 = System.nanoTime();
            int port = broker.port();
            broker.close();
            int[] pendantCoupure = interroger(a, avant3, Duration.ofSeconds(5));
            broker = EmbeddedKafka.start(dossier.resolve("kafka"), false, port);
            publier(producteur, rejeu.subList(3 * quart, rejeu.size()), oracle);
            int[] apresCoupure = interrogerJusquAPretes(a, toutes, oracle.communes());
            boolean egal3 = attendre(suivi, oracle);
            resultats.add(resultat("coupure-broker", rejeu.size(), oracle, suivi, egal3, t2,
                    new int[] {pendantCoupure[0] + apresCoupure[0], pendantCoupure[1] + apresCoupure[1]}));

            // 4. a burst: the next weeks' lifts sent at once, far above the demo's rate, map queried meanwhile
            var avant4 = complete(a, oracle);
            long t3 = System.nanoTime();
            var envoi = java.util.concurrent.CompletableFuture.runAsync(() -> publier(producteur, rafale, oracle));
            int[] pendantRafale = interrogerPendant(a, avant4, envoi);
            envoi.join();
            debitRafale = rafale.size() / Math.max(1e-3, (System.nanoTime() - t3) / 1e9);
            boolean egal4 = attendre(suivi, oracle);
            resultats.add(resultat("rafale", levees.size(), oracle, suivi, egal4, t3, pendantRafale));
            rythmeDemo = rafale.size() / (SEMAINES_RAFALE * 7.0 * SECONDES_PAR_JOUR_DEMO);
        } finally {
            toutes.forEach(Instance::fermer);
            broker.close();
            fr.croisements.app.Dossiers.effacerSansErreur(dossier);
        }
        return resultats;
    }

    /**
     * The burst's rate against the demo's (one simulated day every {@value #SECONDES_PAR_JOUR_DEMO} s),
     * in French, for below the table; empty before {@link #executer()}.
     */
    public String noteRafale() {
        if (debitRafale <= 0) {
            return "";
        }
        return String.format(Locale.FRANCE, "rafale : %,.0f levées/s envoyées, %,.0f × le rythme de la démo (%,.0f levées/s)%n",
                debitRafale, debitRafale / rythmeDemo, rythmeDemo);
    }

    /** The table printed by {@code croisements essai-pannes}. */
    public static String tableau(List<Resultat> resultats) {
        var t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-14s %10s %10s %10s %7s %12s %14s %18s%n", "scénario", "levées",
                "attendues", "trouvées", "perdues", "comptées 2×", "rétablissement", "requêtes servies"));
        for (Resultat r : resultats) {
            t.append(String.format(Locale.ROOT, "%-14s %10d %10d %10d %7d %12d %13.1fs %11d / %-4d%n", r.scenario(),
                    r.evenements(), r.attendues(), r.trouvees(), r.perdues(), r.doubles(),
                    r.retablissement().toMillis() / 1000.0, r.completes(), r.requetes()));
        }
        return t.toString();
    }

    public static boolean reussis(List<Resultat> resultats) {
        return !resultats.isEmpty() && resultats.stream().allMatch(Resultat::reussi);
    }

    private Resultat resultat(String scenario, long evenements, Oracle oracle, Suivi suivi, boolean egal, long t0,
            int[] requetes) {
        Duration retablissement = Duration.ofNanos(System.nanoTime() - t0);
        var ecarts = oracle.comparer(suivi.cellules());
        log.info("Scenario {}: {} cells expected, {} found, {} lost, {} double-counted, equal: {}", scenario,
                oracle.nombre(), suivi.cellules().size(), ecarts[0], ecarts[1], egal);
        return new Resultat(scenario, evenements, oracle.nombre(), suivi.cellules().size(), ecarts[0], ecarts[1],
                retablissement, requetes[0], requetes[1]);
    }

    /** Queries the map of {@code instance} for {@code duree}: how many queries, how many complete and unchanged. */
    private static int[] interroger(Instance instance, Map<String, String> attendue, Duration duree) throws InterruptedException {
        int requetes = 0;
        int completes = 0;
        long limite = System.nanoTime() + duree.toNanos();
        while (System.nanoTime() < limite) {
            requetes++;
            Map<String, String> carte = carte(instance);
            if (carte != null && carte.keySet().containsAll(attendue.keySet())) {
                completes++;
            }
            Thread.sleep(200);
        }
        return new int[] {requetes, completes};
    }

    /** Queries the map of {@code instance} until {@code envoi} is done. */
    private static int[] interrogerPendant(Instance instance, Map<String, String> attendue,
            java.util.concurrent.CompletableFuture<?> envoi) throws InterruptedException {
        int requetes = 0;
        int completes = 0;
        do {
            requetes++;
            Map<String, String> carte = carte(instance);
            if (carte != null && carte.keySet().containsAll(attendue.keySet())) {
                completes++;
            }
            Thread.sleep(200);
        } while (!envoi.isDone());
        return new int[] {requetes, completes};
    }

    /** Queries the map of {@code a} until every instance is ready again. */
    private static int[] interrogerJusquAPretes(Instance a, List<Instance> toutes, Set<String> communes)
            throws InterruptedException {
        int requetes = 0;
        int completes = 0;
        for (Instance instance : toutes) {
            int[] r = interrogerJusquAPret(a, instance, communes);
            requetes += r[0];
            completes += r[1];
        }
        return new int[] {requetes, completes};
    }

    /** Queries the map of {@code a} until {@code b} is ready again. */
    private static int[] interrogerJusquAPret(Instance a, Instance b, Set<String> communes) throws InterruptedException {
        int requetes = 0;
        int completes = 0;
        long limite = System.nanoTime() + ATTENTE.toNanos();
        while (!pret(b) && System.nanoTime() < limite) {
            requetes++;
            Map<String, String> carte = carte(a);
            if (carte != null && carte.keySet().containsAll(communes)) {
                completes++;
            }
            Thread.sleep(200);
        }
        return new int[] {requetes, completes};
    }

    /** The map of {@code instance} once it shows every commune that has lifts so far (a commune collected later has none yet). */
    private static Map<String, String> complete(Instance instance, Oracle oracle) throws InterruptedException {
        long limite = System.nanoTime() + ATTENTE.toNanos();
        while (System.nanoTime() < limite) {
            Map<String, String> carte = carte(instance);
            if (carte != null && carte.keySet().containsAll(oracle.communes())) {
                return carte;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the map of " + instance.nom + " never showed the communes " + oracle.communes());
    }

    /** The communes with a cell on the map of an instance, or {@code null} when it does not answer 200. */
    private static Map<String, String> carte(Instance instance) {
        try {
            var reponse = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port + CARTE))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (reponse.statusCode() != 200) {
                return null;
            }
            var communes = new HashMap<String, String>();
            for (JsonNode f : JsonSerde.MAPPER.readTree(reponse.body()).get("features")) {
                JsonNode p = f.get("properties");
                if (p.get("debut").isTextual()) {
                    communes.put(p.get("code").asText(), p.get("debut").asText());
                }
            }
            return communes;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean pret(Instance instance) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port + "/pret"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void attendrePret(Instance instance) throws InterruptedException {
        long limite = System.nanoTime() + ATTENTE.toNanos();
        while (!pret(instance)) {
            if (System.nanoTime() > limite || !instance.vivante()) {
                throw new IllegalStateException("instance " + instance.nom + " not ready; the end of its log:\n"
                        + instance.finDuJournal());
            }
            Thread.sleep(250);
        }
    }

    /** Waits until the published cells equal the oracle; false when {@link #ATTENTE} runs out first. */
    private static boolean attendre(Suivi suivi, Oracle oracle) {
        long limite = System.nanoTime() + ATTENTE.toNanos();
        while (System.nanoTime() < limite) {
            suivi.lire();
            int[] ecarts = oracle.comparer(suivi.cellules());
            if (ecarts[0] == 0 && ecarts[1] == 0 && suivi.cellules().size() == oracle.nombre()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends the lifts and counts them in the oracle, then checks that the broker acknowledged every one: a send
     * lost across a fault would otherwise be counted as a cell the pipeline lost.
     */
    private static void publier(KafkaProducer<String, LeveeBac> producteur, List<LeveeBac> levees, Oracle oracle) {
        var envois = new ArrayList<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>>(levees.size());
        for (LeveeBac l : levees) {
            envois.add(producteur.send(
                    new ProducerRecord<>(Topics.DECHETS_LEVEES.name(), null, l.instant().toEpochMilli(), l.idBac(), l)));
            oracle.ajouter(l);
        }
        producteur.flush();
        int refusees = 0;
        Exception premiere = null;
        for (var envoi : envois) {
            try {
                envoi.get();
            } catch (java.util.concurrent.ExecutionException e) {
                refusees++;
                premiere = premiere == null ? e : premiere;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the suite's sends", e);
            }
        }
        if (refusees > 0) {
            throw new IllegalStateException(refusees + " of " + levees.size() + " lifts were not acknowledged by the broker:"
                    + " the scenario cannot be judged", premiere);
        }
    }

    private static KafkaProducer<String, LeveeBac> producteur(String bootstrap) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, Topics.DECHETS_LEVEES.keySerde().serializer(),
                Topics.DECHETS_LEVEES.valueSerde().serializer());
    }

    /** The cells as they should be: distinct bins and lifts per commune and ISO week. */
    private static final class Oracle {
        private final CommuneLocator locator;
        private final Map<String, Set<String>> bacs = new HashMap<>();
        private final Map<String, Long> levees = new HashMap<>();

        Oracle(CommuneLocator locator) {
            this.locator = locator;
        }

        void ajouter(LeveeBac l) {
            locator.codeInseeAt(l.longitude(), l.latitude()).ifPresent(code -> {
                String cle = code + "|" + SemainesIso.debut(l.instant());
                bacs.computeIfAbsent(cle, k -> new HashSet<>()).add(l.idBac());
                levees.merge(cle, 1L, Long::sum);
            });
        }

        int nombre() {
            return bacs.size();
        }

        /** The communes that have at least one lift so far. */
        Set<String> communes() {
            var communes = new java.util.TreeSet<String>();
            bacs.keySet().forEach(cle -> communes.add(cle.substring(0, cle.indexOf('|'))));
            return communes;
        }

        /** {lost, double-counted} cells of {@code cellules} against the oracle. */
        int[] comparer(Map<String, Indicateur> cellules) {
            int perdues = 0;
            int doubles = 0;
            for (var e : bacs.entrySet()) {
                Indicateur c = cellules.get(e.getKey());
                long attendus = e.getValue().size();
                if (c == null) {
                    perdues++;
                } else if (c.secret()) {
                    if (attendus >= Indicateurs.SEUIL_SECRET) {
                        perdues++; // fewer bins counted than there are
                    }
                } else {
                    long bacsComptes = c.numerateur().longValue();
                    long leveesComptees = c.mesures().getOrDefault("levees", 0.0).longValue();
                    if (bacsComptes < attendus || leveesComptees < levees.get(e.getKey())) {
                        perdues++;
                    } else if (bacsComptes > attendus || leveesComptees > levees.get(e.getKey())) {
                        doubles++;
                    }
                }
            }
            return new int[] {perdues, doubles};
        }
    }

    /** The latest committed cell of each (commune, week) of the presentation rate. */
    private static final class Suivi implements AutoCloseable {
        private final KafkaConsumer<String, Indicateur> consumer;
        private final Map<String, Indicateur> cellules = new HashMap<>();

        Suivi(String bootstrap) {
            var props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    Topics.INDICATEURS_TAUX_PRESENTATION.valueSerde().deserializer());
            String topic = Topics.INDICATEURS_TAUX_PRESENTATION.name();
            fr.croisements.app.kafka.TopicsAdmin.creer(bootstrap, List.of(Topics.INDICATEURS_TAUX_PRESENTATION), 4, (short) 1);
            var parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        void lire() {
            for (var r : consumer.poll(Duration.ofMillis(200))) {
                if (r.value() != null) {
                    cellules.put(r.key() + "|" + r.value().debut(), r.value());
                }
            }
        }

        Map<String, Indicateur> cellules() {
            return cellules;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** One {@code croisements run} process. */
    private final class Instance {
        final String nom;
        final int port;
        final Path etat;
        final Path journal;
        final String bootstrap;
        private Process processus;

        Instance(String nom, Path dossier, String bootstrap) throws IOException {
            this.nom = nom;
            this.port = fr.croisements.app.PortLibre.trouver();
            this.etat = dossier.resolve("etat-" + nom);
            this.journal = dossier.resolve("instance-" + nom + ".log");
            this.bootstrap = bootstrap;
        }

        void demarrer() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            processus = new ProcessBuilder(java, "-Xmx768m", "-jar", jar.toString(), "run", "--bootstrap-servers", bootstrap,
                    "--port", String.valueOf(port), "--etat", etat.toString(), "--partitions", "4",
                    "--repliques-secours", "1", "--threads", String.valueOf(threads))
                    .directory(etat.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(journal.toFile()))
                    .start();
        }

        String finDuJournal() {
            try {
                List<String> lignes = Files.readAllLines(journal);
                return String.join("\n", lignes.subList(Math.max(0, lignes.size() - 30), lignes.size()));
            } catch (IOException e) {
                return "(journal illisible : " + e.getMessage() + ")";
            }
        }

        boolean vivante() {
            return processus != null && processus.isAlive();
        }

        /** {@code kill -9}: no clean close, no leaving the group. */
        void tuer() throws InterruptedException {
            processus.destroyForcibly();
            processus.waitFor();
        }

        /** A clean stop (SIGTERM: the instance closes its parts, leaves the group). */
        void arreter() throws InterruptedException {
            processus.destroy();
            if (!processus.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                processus.destroyForcibly().waitFor();
            }
        }

        void fermer() {
            if (processus != null && processus.isAlive()) {
                processus.destroyForcibly();
            }
        }
    }
}
