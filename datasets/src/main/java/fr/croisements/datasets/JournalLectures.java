package fr.croisements.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading of the files of figures and contours of an import, one after the other: each is
 * timed, the person is told in French as it goes ("Lecture de dossier_complet.csv (dossier complet,
 * 512 Mo)…"), and every commune code met is remembered, to find the codes absent from the current
 * COG. Not thread-safe: one import at a time.
 */
final class JournalLectures {

    private static final Logger log = LoggerFactory.getLogger(JournalLectures.class);

    private final Consumer<String> suivi;
    private final List<BilanImport.FichierLu> lus = new ArrayList<>();
    private final Map<Path, Set<String>> codes = new LinkedHashMap<>();
    private final List<Signalement> signalements = new ArrayList<>();

    /** @param suivi where the lines for the person go, as the reading goes */
    JournalLectures(Consumer<String> suivi) {
        this.suivi = suivi;
    }

    /** What a file's rows go through: counts them, remembers their commune, keeps those asked for. */
    static final class Filtre implements Predicate<String> {
        private final Predicate<String> garder;
        private final Set<String> vus = new TreeSet<>();
        private long lus;
        private long gardes;

        private Filtre(Predicate<String> garder) {
            this.garder = garder;
        }

        /** Whether to keep a row (or contour) of this commune. */
        @Override
        public boolean test(String commune) {
            lus++;
            vus.add(commune);
            boolean garde = garder.test(commune);
            if (garde) {
                gardes++;
            }
            return garde;
        }
    }

    /**
     * Reads one file through {@code lecture}, which passes the commune of each row to the filter it
     * is given and keeps the rows it accepts.
     */
    <T> T lire(FichiersOfficiels.Reconnu fichier, Predicate<String> garder, Function<Filtre, T> lecture) {
        Path chemin = fichier.chemin();
        suivi.accept("Lecture de " + chemin.getFileName() + " (" + fichier.nature().libelle() + ", " + taille(chemin)
                + ")…");
        long debut = System.nanoTime();
        var filtre = new Filtre(garder);
        T resultat = lecture.apply(filtre);
        Duration duree = Duration.ofNanos(System.nanoTime() - debut);
        lus.add(new BilanImport.FichierLu(chemin, fichier.nature(), filtre.lus, filtre.gardes, duree));
        codes.put(chemin, Collections.unmodifiableSet(filtre.vus));
        log.info("Read {} ({}): {} rows, {} kept, in {} ms", chemin, fichier.nature().mot(), filtre.lus, filtre.gardes,
                duree.toMillis());
        boolean contours = fichier.nature() == NatureFichier.CONTOURS || fichier.nature() == NatureFichier.CONTOURS_IRIS;
        suivi.accept("  " + chemin.getFileName() + " : " + accorde(filtre.lus, contours ? "contour lu" : "ligne lue")
                + ", " + accorde(filtre.gardes, contours ? "gardé" : "gardée") + " pour le territoire, en "
                + BilanImport.duree(duree) + ".");
        return resultat;
    }

    /** Rows skipped or repaired in a file read; each is logged as a warning too. */
    void signaler(List<Signalement> problemes) {
        problemes.forEach(s -> log.warn("{}", s));
        signalements.addAll(problemes);
    }

    List<BilanImport.FichierLu> lus() {
        return List.copyOf(lus);
    }

    /** Every commune code met in each file read, in reading order. */
    Map<Path, Set<String>> codes() {
        return Collections.unmodifiableMap(codes);
    }

    List<Signalement> signalements() {
        return List.copyOf(signalements);
    }

    /** "0 ligne lue", "1 ligne lue", "2 lignes lues": every word takes an s above 1, as in French. */
    static String accorde(long nombre, String mots) {
        return nombre + " " + (nombre > 1 ? mots.replace(" ", "s ") + "s" : mots);
    }

    /** "512 Mo", "31 ko": a file's size, in French units. */
    static String taille(Path chemin) {
        long octets;
        try {
            octets = Files.size(chemin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + chemin, e);
        }
        if (octets >= 1 << 20) {
            return String.format(Locale.FRANCE, "%.0f Mo", octets / (double) (1 << 20));
        }
        return String.format(Locale.FRANCE, "%.0f ko", Math.max(1, octets / 1024.0));
    }
}
