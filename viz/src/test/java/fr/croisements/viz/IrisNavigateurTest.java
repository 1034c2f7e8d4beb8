package fr.croisements.viz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Antony's map at IRIS level in a real headless Chromium, on the shipped pack (its 27 IRIS contours) and the
 * density of each IRIS from the pack's census figures: the map opens on the IRIS (one commune divided into
 * IRIS), colours them, outlines the commune, names the IRIS and its commune on hover, and its fiche quotes
 * IRIS names. Skipped without chromium; screenshots under {@code target/captures/}.
 */
class IrisNavigateurTest {

    private static final Path CAPTURES = Path.of("target", "captures");
    private static final Duration ATTENTE = Duration.ofSeconds(15);
    /** As in choropleth.js: COLORS. */
    private static final List<String> PALETTE = List.of("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154");
    private static final String DENSITE = Indicateurs.DENSITE.id();
    private static final Instant AN_2016 = Instant.parse("2016-01-01T00:00:00Z");
    private static final String REVENU_DECLARE = Indicateurs.REVENU_DECLARE_MEDIAN.id();
    private static final Instant AN_2021 = Instant.parse("2021-01-01T00:00:00Z");

    private static final Territoire ANTONY = Territoires.charger("antony");
    private static ServeurDeTest serveur;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;

    @BeforeAll
    static void demarrer() {
        chromium = Navigateur.demarrer(1600, 1000); // skips the class without chromium
        navigateur = chromium.pilote();
        serveur = new ServeurDeTest(List.of(ANTONY));
        Source rp = ANTONY.sources().get(Iris.DENSITE);
        for (Iris i : ANTONY.iris()) {
            serveur.queries.ajouter(cellule(i.codeIris(), Zone.IRIS, i.nom(), i.chiffre(Iris.DENSITE), rp));
        }
        // the declared median income of each IRIS, as the pack publishes it on the reference topic (its own variable)
        String declare = Indicateurs.REVENU_DECLARE_MEDIAN.variablesInsee().get(0);
        ANTONY.indicateursInsee().stream().filter(r -> Zone.IRIS.equals(r.niveau()) && r.valeur(declare) != null)
                .forEach(r -> serveur.queries.ajouter(new Indicateur(REVENU_DECLARE, r.codeZone(), Zone.IRIS, r.nom(),
                        AN_2021, Instant.parse("2022-01-01T00:00:00Z"), r.valeur(declare),
                        Indicateurs.REVENU_DECLARE_MEDIAN.unite(), null, null, r.source(declare), null, Map.of(), null,
                        false, false)));
        Commune antony = ANTONY.communes().get(0);
        serveur.queries.ajouter(cellule(antony.codeInsee(), Zone.COMMUNE, antony.nom(), antony.chiffre(Commune.DENSITE),
                ANTONY.sources().get(Commune.DENSITE)));
    }

    @AfterAll
    static void arreter() throws Exception {
        Navigateur.fermer(chromium, serveur);
    }

    private static Indicateur cellule(String code, String niveau, String nom, double valeur, Source source) {
        return new Indicateur(DENSITE, code, niveau, nom, AN_2016, Instant.parse("2017-01-01T00:00:00Z"), valeur,
                Indicateurs.DENSITE.unite(), null, null, source, null, Map.of(), null, false, false);
    }

    @Test
    void antonyOpensOnItsTwentySevenIrisColouredWithTheCommuneOutlineATooltipAndAFiche() {
        var attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class);
        navigateur.get(serveur.uri("/carte.html?territoire=antony&indicateur=" + DENSITE).toString());
        try {
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == 27);
        } catch (TimeoutException e) {
            chromium.capturer(CAPTURES, "iris-echec-du-chargement");
            throw new AssertionError("Les IRIS ne se sont pas affichés. État : « " + navigateur.findElement(By.id("etat"))
                    .getText() + " ». Console du navigateur :\n" + chromium.console(), e);
        }

        List<WebElement> iris = navigateur.findElements(By.cssSelector("path.leaflet-interactive[data-code]"));
        assertThat(iris).extracting(p -> p.getDomAttribute("data-code"))
                .containsExactlyInAnyOrderElementsOf(ANTONY.iris().stream().map(Iris::codeIris).toList());
        assertThat(iris).extracting(p -> p.getDomAttribute("fill")).allSatisfy(f -> assertThat(PALETTE).contains(f));
        assertThat(iris.stream().map(p -> p.getDomAttribute("fill")).distinct().count()).as("several classes").isGreaterThan(2);
        assertThat(navigateur.findElements(By.cssSelector("path:not(.leaflet-interactive)"))).as("the commune outline")
                .isNotEmpty();
        assertThat(navigateur.getCurrentUrl()).contains("niveau=iris");
        assertThat(navigateur.findElement(By.id("bloc-niveau")).isDisplayed()).isTrue();
        assertThat(navigateur.findElements(By.cssSelector("#communes tr"))).hasSize(27);
        assertThat(texte(navigateur.findElement(By.cssSelector("table.communes caption")))).isEqualTo("Dernière valeur par IRIS");
        assertThat(texte(navigateur.findElement(By.cssSelector(".leaflet-control-attribution")))).contains("Contours…IRIS", "2016");
        assertThat(texte(navigateur.findElement(By.cssSelector(".legend .methode")))).contains("les 27 IRIS chiffrés répartis");
        String resultat = texte(navigateur.findElement(By.id("fiche-resultat")));
        assertThat(resultat).contains("les 27 IRIS d'Antony", "Parc de Sceaux", "Parvis du Breuil et de la Bievre", "35 518");
        assertThat(texte(navigateur.findElement(By.id("fiche-sources")))).contains("Contours…IRIS");

        WebElement parc = navigateur.findElement(By.cssSelector("path.leaflet-interactive[data-code='920020101']"));
        int[] point = pointDans(parc);
        new Actions(navigateur).moveToLocation(point[0], point[1]).perform();
        WebElement bulle = attente.until(d -> d.findElements(By.cssSelector(".leaflet-tooltip")).stream()
                .filter(e -> e.isDisplayed() && !e.getText().isBlank()).findFirst().orElse(null));
        assertThat(texte(bulle)).isEqualTo("Parc de Sceaux (IRIS, Antony) : 1 633 habitants par km²");
        chromium.capturer(CAPTURES, "antony-iris");
        assertThat(texte(navigateur.findElement(By.tagName("body")))).doesNotContainIgnoringCase("undefined")
                .doesNotContain("null", "NaN");
    }

    @Test
    void antonyOffersTheDeclaredMedianIncomeOfItsIrisWithItsOwnWords() {
        var attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class);
        navigateur.get(serveur.uri("/carte.html?territoire=antony&indicateur=" + REVENU_DECLARE).toString());
        try {
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == 27
                    && texte(d.findElement(By.id("fiche-resultat"))).contains("Parc de Sceaux"));
        } catch (TimeoutException e) {
            chromium.capturer(CAPTURES, "iris-revenu-declare-echec");
            throw new AssertionError("Le revenu déclaré des IRIS ne s'est pas affiché. État : « "
                    + navigateur.findElement(By.id("etat")).getText() + " ». Console du navigateur :\n" + chromium.console(), e);
        }

        assertThat(navigateur.findElements(By.cssSelector("#choix-indicateur option")))
                .extracting(o -> o.getDomAttribute("value")).contains(REVENU_DECLARE, DENSITE);
        assertThat(navigateur.getCurrentUrl()).contains("niveau=iris");
        assertThat(navigateur.findElement(By.id("bloc-niveau")).isDisplayed()).as("IRIS only: no level to choose").isFalse();
        assertThat(texte(navigateur.findElement(By.id("fiche-libelle")))).contains("Revenu déclaré médian");
        assertThat(texte(navigateur.findElement(By.id("fiche-question")))).contains("quartier (IRIS)");
        assertThat(texte(navigateur.findElement(By.id("fiche-methode")))).contains("avant impôts", "prestations sociales",
                "plus élevé que le revenu disponible médian");
        assertThat(texte(navigateur.findElement(By.id("fiche-limites")))).contains("ne se compare pas");
        String resultat = texte(navigateur.findElement(By.id("fiche-resultat")));
        assertThat(resultat).contains("les 27 IRIS d'Antony", "revenu déclaré médian", "15 260", "Lionel Terray", "48 930",
                "Parc de Sceaux").doesNotContain("niveau de vie");
        assertThat(texte(navigateur.findElement(By.id("fiche-sources")))).contains("revenus déclarés");
        chromium.capturer(CAPTURES, "antony-iris-revenu-declare");
        assertThat(texte(navigateur.findElement(By.tagName("body")))).doesNotContainIgnoringCase("undefined")
                .doesNotContain("null", "NaN");
    }

    @Test
    void theHomePageListsTheDeclaredMedianAsAFigureByIrisNotAMissingOne() {
        var attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class);
        navigateur.get(serveur.uri("/").toString());
        String section = "section.territoire[data-territoire='antony']";
        attente.until(d -> !d.findElements(By.cssSelector(section + " a.lien-chiffre")).isEmpty());

        List<WebElement> liens = navigateur.findElements(By.cssSelector(section + " a.lien-chiffre"));
        assertThat(liens).extracting(IrisNavigateurTest::texte)
                .contains("Revenu déclaré médian (par IRIS)").doesNotContain("Revenu médian");
        assertThat(liens).extracting(a -> a.getDomAttribute("href"))
                .contains("/carte.html?territoire=antony&indicateur=" + REVENU_DECLARE);
        assertThat(texte(navigateur.findElement(By.cssSelector(section + " h3.titre-chiffres")))).contains("par IRIS");
        assertThat(navigateur.findElements(By.cssSelector(section + " details"))).extracting(e -> e.getDomProperty("textContent"))
                .allSatisfy(t -> assertThat(t).doesNotContain("Revenu déclaré médian"));
    }

    private static int[] pointDans(WebElement chemin) {
        Object point = navigateur.executeScript("""
                const chemin = arguments[0];
                const boite = chemin.getBoundingClientRect();
                for (let i = 5; i >= 1; i--) {
                  for (const [fx, fy] of [[0.5, 0.5], [i / 10, 0.5], [1 - i / 10, 0.5], [0.5, i / 10], [0.5, 1 - i / 10]]) {
                    const x = Math.round(boite.left + boite.width * fx);
                    const y = Math.round(boite.top + boite.height * fy);
                    if (document.elementFromPoint(x, y) === chemin) {
                      return [x, y];
                    }
                  }
                }
                return null;""", chemin);
        assertThat(point).as("a point inside IRIS %s", chemin.getDomAttribute("data-code")).isNotNull();
        List<?> xy = (List<?>) point;
        return new int[] {((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue()};
    }

    /** The visible text, with non-breaking spaces read as plain spaces. */
    private static String texte(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
