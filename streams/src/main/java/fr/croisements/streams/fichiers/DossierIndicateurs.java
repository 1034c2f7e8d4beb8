package fr.croisements.streams.fichiers;

import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.streams.Pipeline;
import fr.croisements.streams.StreamsSettings;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Entrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indicators declared by the {@code *.yaml} files of a folder, each run as its own Kafka Streams
 * application, kept in step with the folder while the instance runs: a file added is checked and
 * started, a file changed is started again from the beginning of its source topic, a file removed
 * is stopped and its indicator leaves the {@link RegistreIndicateurs} (map, exports, catalogue).
 *
 * <p>Why one application per file: a topology cannot read one topic through two sources with
 * different formats, and a file must be replaced without stopping the built-in crossings or the
 * other files. Its application id, {@code <application id>-fichier-<id>-<8 hex of the file's SHA-256>},
 * changes with the file: a changed file computes its cells again from the retained records of its
 * source, into new stores, and the previous version's local state is deleted.
 *
 * <p>A file with problems is refused with each problem (file, line, column, reason) in the log and
 * in {@link #etats()}; if an earlier version of it was running, that version keeps running. The folder
 * is read every {@code intervalle} (2 s by default) on one daemon thread; a read is cheap (sizes,
 * dates, then a hash of the files that changed). Thread-safe.
 */
public final class DossierIndicateurs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DossierIndicateurs.class);

    /**
     * What became of a file of the folder.
     *
     * @param fichier the file's name
     * @param id the indicator it declares, or {@code null} when it could not be read
     * @param actif whether it runs (its latest version, or an earlier one when {@code problemes} is not empty)
     * @param problemes why its latest version is refused; empty when it runs as written
     */
    public record Etat(String fichier, String id, boolean actif, List<Probleme> problemes) {}

    private record Charge(String empreinte, IndicateurDeclare indicateur, Pipeline pipeline) {}

    private final Path dossier;
    private final LecteurIndicateur lecteur;
    private final RegistreIndicateurs registre;
    private final StreamsSettings reglages;
    private final CommuneLocator locator;
    private final Consumer<String> creerTopic;
    private final Duration intervalle;
    private final Map<String, Charge> charges = new ConcurrentHashMap<>();
    private final Map<String, Etat> etats = new ConcurrentHashMap<>();
    private final Map<String, String> empreintesVues = new ConcurrentHashMap<>();
    private ScheduledExecutorService lecture;

    /**
     * @param reglages the settings of the pipeline; each file gets its own application id
     * @param creerTopic creates a topic if it is missing (the output topic of each indicator)
     */
    public DossierIndicateurs(Path dossier, LecteurIndicateur lecteur, RegistreIndicateurs registre,
            StreamsSettings reglages, CommuneLocator locator, Consumer<String> creerTopic, Duration intervalle) {
        this.dossier = dossier;
        this.lecteur = lecteur;
        this.registre = registre;
        this.reglages = reglages;
        this.locator = locator;
        this.creerTopic = creerTopic;
        this.intervalle = intervalle;
    }

    /** Reads the folder once (starting its valid files), then follows it on a background thread. */
    public DossierIndicateurs demarrer() {
        synchroniser();
        lecture = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "indicateurs-fichiers");
            t.setDaemon(true);
            return t;
        });
        lecture.scheduleWithFixedDelay(() -> {
            try {
                synchroniser();
            } catch (RuntimeException e) {
                // an exception would cancel every later run
                log.warn("Reading the indicator folder {} failed", dossier, e);
            }
        }, intervalle.toMillis(), intervalle.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The application running the indicator {@code id} declared by a file, if any. */
    public Optional<Pipeline> pipeline(String id) {
        return charges.values().stream().filter(c -> c.indicateur().definition().id().equals(id))
                .map(Charge::pipeline).findFirst();
    }

    /** What became of each file of the folder, by file name. */
    public List<Etat> etats() {
        return List.copyOf(new TreeMap<>(etats).values());
    }

    /** Brings the running indicators in step with the folder's files. */
    synchronized void synchroniser() {
        Map<String, Path> fichiers = new TreeMap<>();
        if (Files.isDirectory(dossier)) {
            try (Stream<Path> liste = Files.list(dossier)) {
                liste.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$") && Files.isRegularFile(p))
                        .forEach(p -> fichiers.put(p.getFileName().toString(), p));
            } catch (IOException e) {
                log.warn("Indicator folder {} unreadable: {}", dossier, e.getMessage());
                return;
            }
        }
        for (String nom : new ArrayList<>(empreintesVues.keySet())) {
            if (!fichiers.containsKey(nom)) {
                retirer(nom);
            }
        }
        fichiers.forEach((nom, chemin) -> {
            String empreinte = empreinte(chemin);
            if (empreinte != null && !empreinte.equals(empreintesVues.get(nom))) {
                empreintesVues.put(nom, empreinte);
                charger(nom, chemin, empreinte);
            }
        });
    }

    private void charger(String nom, Path chemin, String empreinte) {
        var lu = lecteur.lire(chemin);
        Charge avant = charges.get(nom);
        if (!lu.valide()) {
            lu.problemes().forEach(p -> log.warn("Indicator file refused: {}", p));
            etats.put(nom, new Etat(nom, avant == null ? null : avant.indicateur().definition().id(), avant != null,
                    lu.problemes()));
            if (avant != null) {
                log.warn("Indicator file {} refused: its previous version keeps running", nom);
            }
            return;
        }
        IndicateurDeclare indicateur = lu.indicateur();
        String id = indicateur.definition().id();
        String autre = charges.entrySet().stream()
                .filter(e -> !e.getKey().equals(nom) && e.getValue().indicateur().definition().id().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (autre != null) {
            var probleme = new Probleme(nom, 0, 0, "l'identifiant « " + id + " » est déjà celui du fichier " + autre
                    + " : donnez-lui un autre identifiant");
            log.warn("Indicator file refused: {}", probleme);
            etats.put(nom, new Etat(nom, id, false, List.of(probleme)));
            return;
        }
        if (avant != null) {
            arreter(nom, avant, !avant.indicateur().definition().id().equals(id));
        }
        try {
            creerTopic.accept(indicateur.definition().topic());
            String application = reglages.applicationId() + "-fichier-" + id + "-" + empreinte.substring(0, 8);
            var pipeline = new Pipeline(Entrees.topologie(locator, List.of(new IndicateurDeclareTopology(indicateur))),
                    reglages.avecApplicationId(application));
            charges.put(nom, new Charge(empreinte, indicateur, pipeline));
            registre.declarer(indicateur.definition());
            pipeline.start();
            etats.put(nom, new Etat(nom, id, true, List.of()));
            log.info("Indicator {} of file {} started (application {})", id, nom, application);
        } catch (RuntimeException e) {
            log.warn("Indicator file {} could not be started", nom, e);
            etats.put(nom, new Etat(nom, id, false, List.of(new Probleme(nom, 0, 0,
                    "l'indicateur n'a pas pu démarrer : " + e.getMessage()))));
            Charge echoue = charges.remove(nom);
            if (echoue != null) {
                registre.retirer(id);
                echoue.pipeline().close();
            }
        }
    }

    private void retirer(String nom) {
        empreintesVues.remove(nom);
        etats.remove(nom);
        Charge charge = charges.get(nom);
        if (charge != null) {
            arreter(nom, charge, true);
            log.info("Indicator {} removed with its file {}", charge.indicateur().definition().id(), nom);
        }
    }

    private void arreter(String nom, Charge charge, boolean retirerDuRegistre) {
        charges.remove(nom);
        if (retirerDuRegistre) {
            registre.retirer(charge.indicateur().definition().id());
        }
        charge.pipeline().fermerEtEffacer();
    }

    private static String empreinte(Path fichier) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(fichier)));
        } catch (IOException e) {
            log.debug("File {} unreadable for now: {}", fichier, e.getMessage());
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (lecture != null) {
            lecture.shutdownNow();
        }
        for (var charge : new ArrayList<>(charges.values())) {
            charge.pipeline().close();
        }
        charges.clear();
    }
}
