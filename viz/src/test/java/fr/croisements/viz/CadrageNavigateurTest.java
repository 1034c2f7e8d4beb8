package fr.croisements.viz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map page fits the territory in the part of the map its panels leave free (cadrage.js): on the
 * real Grand Poitiers pack (40 communes) with heat cells, devices, antennas and car parks, so that the
 * point layers' control stands at the top right and the legend at the bottom right, at projector
 * (1920×1080) and laptop (1366×768) sizes, no commune's centroid is under a panel or off the map.
 * In a real headless Chromium; skipped without it. One screenshot per size under {@code target/captures/}.
 */
class CadrageNavigateurTest {

    private static final Path CAPTURES = Path.of("target", "captures");
    private static final Duration ATTENTE = Duration.ofSeconds(15);
    private static final Territoire GRAND_POITIERS = Territoires.charger("grand-poitiers");
    private static final Instant ETE = Instant.parse("2025-07-15T14:00:00Z");

    private static ServeurDeTest serveur;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;

    @BeforeAll
    static void demarrer() {
        chromium = Navigateur.demarrer(1920, 1080); // skips the class without chromium
        navigateur = chromium.pilote();
        serveur = new ServeurDeTest(List.of(GRAND_POITIERS));
        serveur.horloge.set(ETE);
        Instant jour = ETE.truncatedTo(ChronoUnit.DAYS);
        int i = 0;
        for (Commune c : GRAND_POITIERS.communes()) {
            double maximum = 26 + (i++ % 9);
            serveur.queries.ajouter(CellulesChaleur.cellule(c.codeInsee(), c.nom(), jour, c.chiffre("population_75_plus"),
                    maximum, maximum - 4, 1, maximum >= 30 ? 1 : 0));
        }
        // devices, antennas and car parks: the point layers' control, with its three sections
        serveur.capteurs.ajouter(
                FaussesCapteurs.capteur("24E124136B310001", 0.3404, 46.5802, ETE.minus(Duration.ofMinutes(12)), true, "gp-hotel-de-ville"),
                FaussesCapteurs.capteur("24E124136B310002", 0.3700, 46.6600, ETE.minus(Duration.ofHours(3)), true, "gp-technopole"));
        serveur.capteurs.ajouter(
                FaussesCapteurs.passerelle("gp-hotel-de-ville", 0.3404, 46.5802, ETE.minus(Duration.ofMinutes(12)), 1520, true,
                        "24E124136B310001"),
                FaussesCapteurs.passerelle("gp-technopole", 0.3700, 46.6600, ETE.minus(Duration.ofHours(3)), 812, true,
                        "24E124136B310002"));
        var source = new Source("Parkings (schéma stationnement)", "Grand Poitiers", "2024", "Licence Ouverte 2.0", false);
        serveur.parkings.addAll(List.of(
                new ParcStationnement("86194-P-NOTRE-DAME", "Parking Notre-Dame", "86194", 650, new Position(0.3470, 46.5840, null),
                        "ouvrage", false, source),
                new ParcStationnement("86194-P-GARE", "Parking de la Gare", "86194", 400, new Position(0.3340, 46.5820, null),
                        "ouvrage", false, source)));
    }

    @AfterAll
    static void arreter() throws Exception {
        Navigateur.fermer(chromium, serveur);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1920, 1080", "1366, 768"})
    void noCommuneOfGrandPoitiersIsHiddenUnderALegendOrTheLayersControl(int largeur, int hauteur) {
        chromium.fenetre(largeur, hauteur);
        var attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class);
        navigateur.get(serveur.uri("/carte.html?territoire=grand-poitiers&indicateur=" + CellulesChaleur.INDICATEUR).toString());
        attente.until(d -> d.findElements(By.cssSelector("#carte path.leaflet-interactive[data-code]")).size()
                == GRAND_POITIERS.communes().size());
        // the panels this is about, all over the map: the legend, and the layers' control once the points are read
        attente.until(d -> d.findElement(By.cssSelector(".legend")).isDisplayed()
                && d.findElement(By.cssSelector(".capteurs")).isDisplayed()
                && d.findElements(By.cssSelector("[data-parking]")).size() == 2
                && d.findElements(By.cssSelector("[data-antenne]")).size() == 2);
        WebElement carte = navigateur.findElement(By.id("carte"));
        AtomicReference<List<String>> derniers = new AtomicReference<>();
        try {
            // the map is fitted again once the layers' control has its size: wait for that fitting
            attente.until(d -> {
                derniers.set(Cadres.centroidesCaches(navigateur, GRAND_POITIERS, carte));
                return derniers.get().isEmpty();
            });
        } catch (TimeoutException e) {
            chromium.capturer(CAPTURES, "cadrage-echec-" + largeur + "x" + hauteur);
            throw new AssertionError("Communes cachées à " + largeur + "×" + hauteur + " : " + derniers.get(), e);
        }
        // and the territory is not fitted tiny to get there (the panels take about half the map's width here)
        Number[] etendue = ((List<?>) navigateur.executeScript("""
                const boites = [...document.querySelectorAll('#carte path[data-code]')].map((p) => p.getBoundingClientRect());
                const carte = document.getElementById('carte').getBoundingClientRect();
                return [(Math.max(...boites.map((b) => b.right)) - Math.min(...boites.map((b) => b.left))) / carte.width,
                        (Math.max(...boites.map((b) => b.bottom)) - Math.min(...boites.map((b) => b.top))) / carte.height];"""))
                .stream().map(Number.class::cast).toArray(Number[]::new);
        assertThat(Math.max(etendue[0].doubleValue(), etendue[1].doubleValue())).isGreaterThan(0.4);
        chromium.capturer(CAPTURES, "cadrage-" + largeur + "x" + hauteur);
    }
}
