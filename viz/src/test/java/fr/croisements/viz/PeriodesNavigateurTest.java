package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.INDICATEUR;
import static fr.croisements.viz.Fixtures.INSEE;
import static fr.croisements.viz.Fixtures.LEVEES;
import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.SEMAINE_3;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Période" control of the map in a real headless Chromium: three weeks of bin cells for the
 * Bassin de Pompey (Pompey and Frouard change class from week to week), the page opening on the
 * latest, going back a week, live cells that wait while a past week is shown, the way back to the
 * latest, and the period kept in the address. Skipped without chromium; one screenshot per test
 * under {@code target/captures/}.
 */
class PeriodesNavigateurTest {

    private static final Path CAPTURES = Path.of("target", "captures");
    private static final Duration ATTENTE = Duration.ofSeconds(15);
    /** As in choropleth.js: COLORS (Viridis, classes of 20 points). */
    private static final List<String> PALETTE = List.of("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154");
    private static final Instant SEMAINE_4 = Instant.parse("2025-01-20T00:00:00Z");

    private static final String POMPEY = "54430";
    private static final String FROUARD = "54215";
    /** Weeks 1, 2 and 3 of Pompey and Frouard; every other commune keeps 35 %. */
    private static final Map<String, List<Double>> VALEURS = Map.of(POMPEY, List.of(15.0, 45.0, 85.0),
            FROUARD, List.of(30.0, 50.0, 70.0));
    private static final double AUTRES = 35.0;

    private static final String SEMAINE_1_LIBELLE = "Semaine du 30 décembre 2024 au 5 janvier 2025";
    private static final String SEMAINE_2_LIBELLE = "Semaine du 6 au 12 janvier 2025";
    private static final String SEMAINE_3_LIBELLE = "Semaine du 13 au 19 janvier 2025";

    private static final Territoire POMPEY_PACK = Territoires.charger("bassin-de-pompey");
    private static ServeurDeTest serveur;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;

    private WebDriverWait attente;

    @BeforeAll
    static void demarrer() {
        chromium = Navigateur.demarrer(1600, 1000); // skips the class without chromium
        navigateur = chromium.pilote();
        serveur = new ServeurDeTest(List.of(POMPEY_PACK));
    }

    @AfterAll
    static void arreter() throws Exception {
        Navigateur.fermer(chromium, serveur);
    }

    /** Every test starts with the three weeks only, on a freshly loaded page showing the latest. */
    @BeforeEach
    void ouvrirLaCarte() {
        serveur.queries.vider();
        List<Instant> semaines = List.of(SEMAINE_1, SEMAINE_2, SEMAINE_3);
        for (Commune c : POMPEY_PACK.communes()) {
            for (int i = 0; i < semaines.size(); i++) {
                List<Double> valeurs = VALEURS.get(c.codeInsee());
                serveur.queries.ajouter(cellule(c.codeInsee(), semaines.get(i), valeurs == null ? AUTRES : valeurs.get(i)));
            }
        }
        attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class); // the layer is redrawn for each period
        ouvrir("/carte.html?territoire=bassin-de-pompey");
    }

    @Test
    void opensOnTheLatestWeekAndGoesBackWeekByWeekWithMapFicheTableAndDownloads() {
        assertThat(libelle()).isEqualTo(SEMAINE_3_LIBELLE);
        assertThat(bouton("precedente").isEnabled()).isTrue();
        assertThat(bouton("suivante").isEnabled()).as("the latest period is shown").isFalse();
        assertThat(bouton("derniere").isDisplayed()).isFalse();
        assertThat(couleur(POMPEY)).isEqualTo(PALETTE.get(4));
        assertThat(bouton("precedente").getDomAttribute("aria-label"))
                .isEqualTo("Période précédente : semaine du 6 au 12 janvier 2025");

        bouton("precedente").sendKeys(Keys.ENTER); // a real button: the keyboard works

        attente.until(d -> libelle().equals(SEMAINE_2_LIBELLE) && PALETTE.get(2).equals(couleur(POMPEY)));
        assertThat(couleur(FROUARD)).isEqualTo(PALETTE.get(2));
        assertThat(texte(navigateur.findElement(By.id("fiche-resultat"))))
                .isEqualTo(SEMAINE_2_LIBELLE + " : le taux de présentation va de 35 % à Bouxières-aux-Dames à 50 % à Frouard.");
        assertThat(texte(ligne("Pompey"))).contains("45 %", SEMAINE_2_LIBELLE);
        assertThat(texte(navigateur.findElement(By.cssSelector("table.communes caption"))))
                .isEqualTo("Valeur par commune, semaine du 6 au 12 janvier 2025");
        assertThat(navigateur.findElement(By.id("lien-csv")).getDomAttribute("href"))
                .endsWith("/territoires/bassin-de-pompey.csv?debut=2025-01-06T00%3A00%3A00Z");
        assertThat(navigateur.findElement(By.id("lien-geojson")).getDomAttribute("href"))
                .endsWith("&debut=2025-01-06T00%3A00%3A00Z");
        assertThat(navigateur.getCurrentUrl()).contains("periode=2025-01-06T00%3A00%3A00Z");
        attente.until(d -> texte(d.findElement(By.id("etat"))).startsWith(
                "Période passée affichée (semaine du 6 au 12 janvier 2025) : le direct continue, "
                        + "« Revenir à la dernière période » pour le suivre"));
        assertThat(bouton("suivante").isEnabled()).isTrue();
        assertThat(bouton("derniere").isDisplayed()).isTrue();
        // a past window does not change: the legend says which one it is, not how recent the read was
        assertThat(texte(navigateur.findElement(By.cssSelector(".legend .fraicheur"))))
                .isEqualTo("Communes — semaine du 6 au 12 janvier 2025, période passée");
        capturer("periode-precedente");

        bouton("precedente").click();

        attente.until(d -> libelle().equals(SEMAINE_1_LIBELLE) && PALETTE.get(0).equals(couleur(POMPEY)));
        assertThat(bouton("precedente").isEnabled()).as("the oldest period is shown").isFalse();
        assertThat(navigateur.switchTo().activeElement().getDomAttribute("class"))
                .as("the focus goes to the other way").isEqualTo("periode-suivante");
        assertThat(texte(navigateur.findElement(By.tagName("body")))).doesNotContainIgnoringCase("undefined")
                .doesNotContain("null", "NaN");
        capturer("periode-la-plus-ancienne");
    }

    @Test
    void aLiveCellWaitsWhileAPastWeekIsShownThenRevenirFollowsTheLiveMapAgain() {
        bouton("precedente").click();
        attente.until(d -> libelle().equals(SEMAINE_2_LIBELLE) && PALETTE.get(2).equals(couleur(FROUARD)));

        // a new week for Frouard, in the stores and live: published again until the list of periods grows
        Indicateur nouvelle = cellule(FROUARD, SEMAINE_4, 95);
        serveur.queries.ajouter(nouvelle);
        attente.until(d -> {
            serveur.liveFeed.publier(nouvelle);
            return "4".equals(d.findElement(By.id("periode")).getDomAttribute("data-periodes"));
        });

        assertThat(couleur(FROUARD)).as("not recoloured while in the past").isEqualTo(PALETTE.get(2));
        assertThat(texte(ligne("Frouard"))).contains("50 %");
        assertThat(libelle()).isEqualTo(SEMAINE_2_LIBELLE);
        assertThat(texte(navigateur.findElement(By.id("etat")))).startsWith("Période passée affichée");
        capturer("periode-passee-et-direct");

        bouton("derniere").click();

        attente.until(d -> libelle().equals("Semaine du 20 au 26 janvier 2025") && PALETTE.get(4).equals(couleur(FROUARD)));
        assertThat(couleur(POMPEY)).as("its latest week").isEqualTo(PALETTE.get(4));
        assertThat(bouton("derniere").isDisplayed()).isFalse();
        assertThat(bouton("suivante").isEnabled()).isFalse();
        assertThat(navigateur.getCurrentUrl()).doesNotContain("periode=");
        attente.until(d -> texte(d.findElement(By.id("etat"))).startsWith("Mis à jour"));

        Indicateur corrigee = cellule(FROUARD, SEMAINE_4, 25);
        attente.until(d -> {
            serveur.liveFeed.publier(corrigee);
            return PALETTE.get(1).equals(couleur(FROUARD));
        });
        assertThat(texte(ligne("Frouard"))).contains("25 %");
        capturer("retour-a-la-derniere-periode");
    }

    @Test
    void aCommuneGettingItsFirstCellLiveShowsTheSourcesOfItsCellOnceTheMapIsReadAgain() {
        serveur.queries.vider();
        POMPEY_PACK.communes().stream().filter(c -> !c.codeInsee().equals(FROUARD))
                .forEach(c -> serveur.queries.ajouter(cellule(c.codeInsee(), SEMAINE_3, AUTRES)));
        ouvrir("/carte.html?territoire=bassin-de-pompey");
        Indicateur premiere = cellule(FROUARD, SEMAINE_3, 95);
        serveur.queries.ajouter(premiere);

        // a live cell is compact, without sources: the page reads the map again for them
        attente.until(d -> {
            serveur.liveFeed.publier(premiere);
            return PALETTE.get(4).equals(couleur(FROUARD));
        });
        ligne("Frouard").findElement(By.tagName("button")).sendKeys(Keys.ENTER);

        attente.until(d -> texte(d.findElement(By.cssSelector(".leaflet-popup-content")))
                .contains("Levées de bacs (2025), données simulées"));
    }

    @Test
    void theLatestWeekIsSaidInProgressUntilTheSimulatedClockPassesItsEnd() {
        serveur.horloge.set(SEMAINE_3.plus(Duration.ofDays(3)));
        try {
            ouvrir("/carte.html?territoire=bassin-de-pompey");
            attente.until(d -> libelle().equals(SEMAINE_3_LIBELLE + " (en cours)"));
            bouton("precedente").click();
            attente.until(d -> libelle().equals(SEMAINE_2_LIBELLE));
            bouton("derniere").click();
            attente.until(d -> libelle().equals(SEMAINE_3_LIBELLE + " (en cours)"));
            // the clock goes on (the server pushes it every second): the week is over
            serveur.horloge.set(SEMAINE_3.plus(Duration.ofDays(7)));
            attente.until(d -> libelle().equals(SEMAINE_3_LIBELLE));
        } finally {
            serveur.horloge.set(null);
        }
    }

    @Test
    void theAddressOpensThePeriodItNamesAndBackReturnsToIt() {
        ouvrir("/carte.html?territoire=bassin-de-pompey&periode=2024-12-30T00:00:00Z");

        attente.until(d -> libelle().equals(SEMAINE_1_LIBELLE) && PALETTE.get(0).equals(couleur(POMPEY)));
        assertThat(bouton("precedente").isEnabled()).isFalse();
        assertThat(bouton("derniere").isDisplayed()).isTrue();
        assertThat(texte(ligne("Pompey"))).contains("15 %");
        capturer("periode-de-l-adresse");

        bouton("suivante").click();
        attente.until(d -> libelle().equals(SEMAINE_2_LIBELLE) && PALETTE.get(2).equals(couleur(POMPEY)));
        navigateur.navigate().back();
        attente.until(d -> libelle().equals(SEMAINE_1_LIBELLE) && PALETTE.get(0).equals(couleur(POMPEY)));

        ouvrir("/carte.html?territoire=bassin-de-pompey&periode=2020-01-06T00:00:00Z");
        assertThat(libelle()).as("an unknown period: the latest").isEqualTo(SEMAINE_3_LIBELLE);
        attente.until(d -> texte(d.findElement(By.id("etat"))).startsWith(
                "Période inconnue : « 2020-01-06T00:00:00Z », affichage de la dernière période."));
    }

    private void ouvrir(String chemin) {
        navigateur.get(serveur.uri(chemin).toString());
        try {
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == 13
                    && !libelle().isBlank());
        } catch (TimeoutException e) {
            capturer("periodes-echec-du-chargement");
            throw new AssertionError("La carte ne s'est pas affichée. État : « "
                    + navigateur.findElement(By.id("etat")).getText() + " ». Console du navigateur :\n"
                    + chromium.console(), e);
        }
    }

    private static String libelle() {
        return texte(navigateur.findElement(By.id("periode-libelle")));
    }

    private static WebElement bouton(String quoi) {
        return navigateur.findElement(By.cssSelector("#periode button.periode-" + quoi));
    }

    private static String couleur(String code) {
        return navigateur.findElement(By.cssSelector("path.leaflet-interactive[data-code='" + code + "']"))
                .getDomAttribute("fill");
    }

    private static WebElement ligne(String nom) {
        return navigateur.findElements(By.cssSelector("#communes tr")).stream()
                .filter(tr -> tr.getText().startsWith(nom + "\n") || tr.getText().startsWith(nom + " "))
                .findFirst().orElseThrow();
    }

    private static Indicateur cellule(String code, Instant debut, double valeur) {
        Commune c = POMPEY_PACK.communes().stream().filter(x -> x.codeInsee().equals(code)).findFirst().orElseThrow();
        double menages = c.chiffre(Commune.MENAGES);
        double bacs = Math.round(menages * valeur / 100);
        return new Indicateur(INDICATEUR, code, Zone.COMMUNE, c.nom(), debut, debut.plus(Duration.ofDays(7)), valeur, "%",
                bacs, menages, LEVEES, INSEE, Map.of("levees", (double) Math.round(bacs * 1.1)), (long) bacs, false, true);
    }

    /** The visible text, with non-breaking spaces (before "%") read as plain spaces. */
    private static String texte(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static void capturer(String nom) {
        chromium.capturer(CAPTURES, nom);
    }
}
