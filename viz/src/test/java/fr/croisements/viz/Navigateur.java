package fr.croisements.viz;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for the browser tests (here and in the app module, through the test
 * jar): the system browser and driver (Debian's {@code chromium} and {@code chromium-driver}), the
 * driver path given to Selenium so that Selenium Manager never looks for one on the network, a
 * French browser, a throw-away profile, the browser console kept. One per test class.
 *
 * <pre>
 * static Navigateur navigateur;
 * &#64;BeforeAll static void demarrer() { navigateur = Navigateur.demarrer(1600, 1000); } // skips without chromium
 * &#64;AfterAll static void arreter() throws Exception { Navigateur.fermer(navigateur, serveur); }
 * </pre>
 */
public final class Navigateur implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Held here: java.util.logging keeps loggers only weakly. */
    private static final Logger CDP = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver pilote;
    private final Path profil;

    private Navigateur(ChromeDriver pilote, Path profil) {
        this.pilote = pilote;
        this.profil = profil;
    }

    /**
     * Starts Chromium with a window of this size (CSS pixels), or skips the calling test class
     * (JUnit assumption) with a French message where chromium or chromedriver is absent.
     */
    public static Navigateur demarrer(int largeur, int hauteur) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Test de la carte dans le navigateur ignoré : " + CHROMIUM + " ou " + CHROMEDRIVER
                        + " est absent (paquets Debian chromium et chromium-driver).");
        // no CDP module of Selenium matches this Chromium; the tests do not use CDP
        CDP.setLevel(Level.SEVERE);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        try {
            Path profil = Files.createTempDirectory("croisements-chromium-");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=" + largeur + "," + hauteur, "--lang=fr-FR",
                    "--user-data-dir=" + profil);
            var journaux = new LoggingPreferences();
            journaux.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, journaux);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            return new Navigateur(new ChromeDriver(service, options), profil);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver pilote() {
        return pilote;
    }

    /**
     * Sets the size of the page's viewport (CSS pixels), whatever the browser's frame: a projector
     * shows 1920×1080, a laptop 1366×768.
     */
    public void fenetre(int largeur, int hauteur) {
        pilote.manage().window().setSize(new org.openqa.selenium.Dimension(largeur, hauteur));
        Object[] ecart = ((java.util.List<?>) pilote.executeScript(
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];"))
                .stream().map(Object::toString).toArray();
        int dx = Integer.parseInt(ecart[0].toString());
        int dy = Integer.parseInt(ecart[1].toString());
        if (dx != 0 || dy != 0) {
            pilote.manage().window().setSize(new org.openqa.selenium.Dimension(largeur + dx, hauteur + dy));
        }
    }

    /** Saves a screenshot of the viewport as {@code <dossier>/<nom>.png}. */
    public void capturer(Path dossier, String nom) {
        try {
            Files.createDirectories(dossier);
            Files.write(dossier.resolve(nom + ".png"), pilote.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of the browser console since the last call. */
    public String console() {
        return String.join("\n", pilote.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList());
    }

    /** Closes what a browser test class started, in this order, skipping what is null (a skipped class). */
    public static void fermer(AutoCloseable... ressources) throws Exception {
        for (AutoCloseable r : ressources) {
            if (r != null) {
                r.close();
            }
        }
    }

    @Override
    public void close() {
        pilote.quit(); // stops chromedriver too
        try (Stream<Path> fichiers = Files.walk(profil)) {
            fichiers.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
