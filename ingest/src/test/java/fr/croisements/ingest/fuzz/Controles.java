package fr.croisements.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import fr.croisements.events.Rejet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * What every fuzz suite checks of a reject, and the counts it prints: a reason in French (not a
 * parser's English message, not an internal error) and a position that names the source and a line
 * or an element.
 */
public final class Controles {

    /** Words of a parser's or the JVM's English messages; the quoted values (« … ») are not looked at. */
    private static final Pattern ANGLAIS = Pattern.compile("(?i)\\b(unexpected|exception|expected|cannot|illegal|"
            + "unrecognized|unrecognised|malformed|token|source:|at \\[|line:|column:|not|the|of|is|was|input|"
            + "character|numeric|value|for|invalid|overflow|nesting|depth|exceeds)\\b");
    private static final Pattern CITATION = Pattern.compile("«[^»]*»?");

    private Controles() {}

    /** The reason of a reject, in French, without the quoted values. */
    public static void raisonFrancaise(String raison) {
        assertThat(raison).as("raison").isNotBlank().doesNotContain("erreur interne");
        // the names of products are not English sentences
        String horsCitations = CITATION.matcher(raison).replaceAll("«»").replace("The Things Stack", "TTS");
        // the file's own column names, listed to help: not our words either
        horsCitations = horsCitations.replaceAll("colonnes (du fichier|lues) : .*?(?= ; si votre fichier|$)", "");
        // what follows a last « without its » is an extract, cut: not our words either
        int guillemet = horsCitations.lastIndexOf('«');
        if (guillemet >= 0 && horsCitations.indexOf('»', guillemet) < 0) {
            horsCitations = horsCitations.substring(0, guillemet);
        }
        assertThat(ANGLAIS.matcher(horsCitations).find()).as("raison en anglais ? « %s »", raison).isFalse();
        assertThat(horsCitations).as("raison").doesNotContain("java.", "Exception", "com.fasterxml");
    }

    /** A reject: its source, a position {@code source:N} or {@code source:objet N} (N ≥ 1), a French reason. */
    public static void rejet(Rejet rejet, String source) {
        assertThat(rejet.source()).isEqualTo(source);
        assertThat(rejet.position()).as("position").matches(Pattern.quote(source) + ":(objet )?[1-9]\\d*(:objet [1-9]\\d*)?");
        raisonFrancaise(rejet.raison());
    }

    public static void rejets(List<Rejet> rejets, String source) {
        rejets.forEach(r -> rejet(r, source));
    }

    /** The project's loggers at ERROR while a suite runs (its rejects would fill the log); the previous level back after. */
    public static Level silence() {
        Logger logger = (Logger) LoggerFactory.getLogger("fr.croisements");
        Level avant = logger.getLevel();
        logger.setLevel(Level.ERROR);
        return avant;
    }

    public static void retablir(Level niveau) {
        ((Logger) LoggerFactory.getLogger("fr.croisements")).setLevel(niveau);
    }

    /** The counts of a suite, printed once at its end so that CI logs show them. */
    public static final class Comptes {
        private final String suite;
        public final AtomicLong entrees = new AtomicLong();
        public final AtomicLong unites = new AtomicLong();
        public final AtomicLong publies = new AtomicLong();
        public final AtomicLong rejetes = new AtomicLong();
        public final AtomicLong ignores = new AtomicLong();

        private final long debutCpu = cpu();
        private final long debut = System.nanoTime();

        public Comptes(String suite) {
            this.suite = suite;
        }

        /** The CPU time of the running thread: the suites' cost whatever the machine's load. */
        private static long cpu() {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
        }

        public void imprimer() {
            System.out.println(String.format(Locale.ROOT,
                    "[fuzz] %s : %d entrées générées, %d éléments lus, %d publiés, %d rejetés avec leur raison%s"
                            + " (%.1f s de calcul, %.1f s écoulées)",
                    suite, entrees.get(), unites.get(), publies.get(), rejetes.get(),
                    ignores.get() > 0 ? ", " + ignores.get() + " ignorés (messages reconnus, sans donnée à publier)" : "",
                    (cpu() - debutCpu) / 1e9, (System.nanoTime() - debut) / 1e9));
        }
    }
}
