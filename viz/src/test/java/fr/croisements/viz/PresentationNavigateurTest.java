package fr.croisements.viz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.viz.presentation.CodesQr;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The presentation to elected officials (presentation.html) and its printed dossier, in a real
 * headless Chromium at projector size (1920×1080), on the real Grand Poitiers pack (40 communes) with
 * two crossings: the heat exposure of four July days (the third one hot, the fourth partly) and the
 * « fragilité face à l'isolement ». Slides: the cover, one per crossing, the hot day compared with
 * the day before, « Les données ». Skipped without chromium. Screenshots under {@code target/captures/}.
 */
class PresentationNavigateurTest {

    private static final Path CAPTURES = Path.of("target", "captures");
    private static final Duration ATTENTE = Duration.ofSeconds(15);
    private static final Territoire GRAND_POITIERS = Territoires.charger("grand-poitiers");
    private static final String CHALEUR = CellulesChaleur.INDICATEUR;
    private static final String FRAGILITE = CellulesFragilite.INDICATEUR;
    private static final Instant PREMIER_JOUR = Instant.parse("2025-07-01T00:00:00Z");
    private static final Instant DERNIER_JOUR = PREMIER_JOUR.plus(Duration.ofDays(3));
    /** The commune given a hot reading live on the last day: the most populous one not hot that day. */
    private static Commune communeEnDirect;

    private static ServeurDeTest serveur;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;

    @BeforeAll
    static void demarrer() {
        chromium = Navigateur.demarrer(1920, 1080); // skips the class without chromium
        chromium.fenetre(1920, 1080);
        navigateur = chromium.pilote();
        serveur = new ServeurDeTest(List.of(GRAND_POITIERS));
        serveur.horloge.set(DERNIER_JOUR.plus(Duration.ofHours(15)));
        List<Commune> communes = GRAND_POITIERS.communes();
        for (int i = 0; i < communes.size(); i++) {
            Commune c = communes.get(i);
            for (int jour = 0; jour < 4; jour++) {
                double maximum = switch (jour) {
                    case 2 -> i % 2 == 0 ? 31 + i % 3 : 27; // the hot day
                    case 3 -> i % 5 == 0 ? 30.5 : 26;
                    default -> 25;
                };
                serveur.queries.ajouter(CellulesChaleur.cellule(c.codeInsee(), c.nom(), PREMIER_JOUR.plus(Duration.ofDays(jour)),
                        c.chiffre(Commune.POPULATION_75_PLUS), maximum, maximum - 5, 1, maximum >= 30 ? 1 : 0));
            }
            serveur.queries.ajouter(CellulesFragilite.cellule(c.codeInsee(), c.nom(), 6 + i % 7 * 1.7, 22 + i % 9 * 3.1,
                    6 + i % 5 * 2.4));
        }
        List<Commune> pasChaudes = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            if (i % 5 != 0) {
                pasChaudes.add(communes.get(i));
            }
        }
        communeEnDirect = pasChaudes.stream().max(Comparator.comparing(c -> c.chiffre(Commune.POPULATION_75_PLUS))).orElseThrow();
    }

    @AfterAll
    static void arreter() throws Exception {
        Navigateur.fermer(chromium, serveur);
    }

    @Test
    void theSlidesTurnWithArrowsAndPageKeysAndBBlanksTheScreen() {
        ouvrir("");
        assertThat(navigateur.findElements(By.cssSelector("section.diapo"))).hasSize(5);
        assertThat(diapos("diapo-preuve")).hasSize(2);
        String couverture = texte(diapoActive());
        assertThat(couverture).contains("Communauté urbaine du Grand Poitiers", "Présenté le", "Ce qui est réel", "Insee",
                "Ce qui est simulé", "Capteurs LoRaWAN de température", "simulé");
        assertThat(texte(navigateur.findElement(By.id("numero")))).isEqualTo("1 / 5");
        chromium.capturer(CAPTURES, "presentation-couverture");

        touche(Keys.ARROW_RIGHT);
        assertThat(indexActif()).isEqualTo(1);
        assertThat(diapoActive().getDomAttribute("class")).contains("diapo-preuve");
        touche(Keys.PAGE_DOWN); // a presenter's remote sends Page Down and Page Up
        assertThat(indexActif()).isEqualTo(2);
        touche(Keys.PAGE_UP);
        assertThat(indexActif()).isEqualTo(1);
        assertThat(texte(navigateur.findElement(By.id("numero")))).isEqualTo("2 / 5");
        assertThat(navigateur.getCurrentUrl()).endsWith("#2");

        touche("b");
        assertThat(navigateur.findElement(By.id("ecran-noir")).isDisplayed()).isTrue();
        touche("b");
        assertThat(navigateur.findElement(By.id("ecran-noir")).isDisplayed()).isFalse();
        assertThat(indexActif()).as("the black screen keeps the slide").isEqualTo(1);

        touche(Keys.END);
        assertThat(diapoActive().getDomAttribute("class")).contains("diapo-donnees");
        touche(Keys.ARROW_RIGHT);
        assertThat(indexActif()).as("the last slide stays").isEqualTo(4);
        touche(Keys.HOME);
        assertThat(indexActif()).isZero();
    }

    @Test
    void everyMapSlideDrawsEveryCommuneWithItsLegendAndFicheBesideTheMapNotOverIt() {
        ouvrir("");
        for (WebElement diapo : navigateur.findElements(By.cssSelector("section.diapo-preuve, section.diapo-comparaison"))) {
            List<WebElement> cartes = diapo.findElements(By.cssSelector(".carte-diapo"));
            assertThat(cartes).isNotEmpty();
            WebElement legende = diapo.findElement(By.cssSelector(".legend"));
            for (WebElement carte : cartes) {
                assertThat(Cadres.centroidesCaches(navigateur, GRAND_POITIERS, carte)).as("slide %s", diapo.getDomAttribute("class"))
                        .isEmpty();
                assertThat(seChevauchent(legende, carte)).as("the legend is beside the map").isFalse();
                assertThat(carte.findElements(By.cssSelector(".legend, .leaflet-control-zoom"))).isEmpty();
            }
        }
        WebElement chaleur = navigateur.findElement(By.cssSelector("section.diapo-preuve[data-indicateur='" + CHALEUR + "']"));
        assertThat(texte(chaleur.findElement(By.cssSelector(".fiche-diapo")))).contains("La question", "Le résultat",
                "Les données croisées", "Le calcul", "Les limites", "simulé");
        montrer(navigateur.findElements(By.cssSelector("section.diapo")).indexOf(chaleur));
        chromium.capturer(CAPTURES, "presentation-grand-poitiers");
    }

    @Test
    void theComparisonSlideShowsTheHotDayBesideTheDayBeforeWithTheSameClassesAndTwoResults() {
        ouvrir("");
        WebElement diapo = navigateur.findElement(By.cssSelector("section.diapo-comparaison"));
        assertThat(diapo.getDomAttribute("data-indicateur")).isEqualTo(CHALEUR);
        List<WebElement> volets = diapo.findElements(By.cssSelector("figure.volet"));
        assertThat(volets).hasSize(2);
        assertThat(texte(volets.get(0).findElement(By.tagName("h3")))).isEqualTo("Journée du 2 juillet 2025");
        assertThat(texte(volets.get(1).findElement(By.tagName("h3")))).isEqualTo("Journée du 3 juillet 2025");
        assertThat(texte(volets.get(0).findElement(By.cssSelector(".resultat"))))
                .startsWith("Le 2 juillet 2025, aucun capteur n'a atteint 30 °C");
        assertThat(texte(volets.get(1).findElement(By.cssSelector(".resultat"))))
                .matches("Le 3 juillet 2025, [0-9 ]+ personnes de 75 ans et plus vivaient dans une commune où un capteur a dépassé 30 °C\\.");
        // one legend for both maps; a commune not exposed either day has the same colour on both
        assertThat(diapo.findElements(By.cssSelector(".legend"))).hasSize(1);
        String pasExposee = GRAND_POITIERS.communes().get(1).codeInsee();
        String exposee = GRAND_POITIERS.communes().stream()
                .max(Comparator.comparing(c -> c.chiffre(Commune.POPULATION_75_PLUS) * (GRAND_POITIERS.communes().indexOf(c) % 2 == 0 ? 1 : 0)))
                .orElseThrow().codeInsee();
        assertThat(remplissage(volets.get(0), pasExposee)).isEqualTo(remplissage(volets.get(1), pasExposee));
        assertThat(remplissage(volets.get(1), exposee)).isNotEqualTo(remplissage(volets.get(0), exposee));
        montrer(navigateur.findElements(By.cssSelector("section.diapo")).indexOf(diapo));
        chromium.capturer(CAPTURES, "presentation-comparaison");
    }

    @Test
    void aLiveCellRecoloursItsCommuneAndRewritesTheResultOnItsSlide() {
        ouvrir("");
        WebElement diapo = navigateur.findElement(By.cssSelector("section.diapo-preuve[data-indicateur='" + CHALEUR + "']"));
        try {
            attente().until(d -> "ouvert".equals(d.findElement(By.tagName("html")).getDomAttribute("data-direct")));
        } catch (TimeoutException e) {
            throw new AssertionError("Pas de direct. Console du navigateur :\n" + chromium.console(), e);
        }
        String avant = remplissage(diapo, communeEnDirect.codeInsee());
        String resultatAvant = texte(diapo.findElement(By.cssSelector(".resultat")));
        Indicateur chaude = CellulesChaleur.cellule(communeEnDirect.codeInsee(), communeEnDirect.nom(), DERNIER_JOUR,
                communeEnDirect.chiffre(Commune.POPULATION_75_PLUS), 34, 29, 1, 1);

        // published again until seen: the page may not follow the live events yet
        attente().until(d -> {
            serveur.liveFeed.publier(chaude);
            return !avant.equals(remplissage(diapo, communeEnDirect.codeInsee()));
        });
        attente().until(d -> !texte(diapo.findElement(By.cssSelector(".resultat"))).equals(resultatAvant));
        assertThat(texte(diapo.findElement(By.cssSelector(".resultat")))).startsWith("Le 4 juillet 2025, ");
    }

    @Test
    void theLastSlideListsTheSourcesAndTheCatalogueWithAQrCodeOfTheLiveMapDrawnByTheServer() throws Exception {
        ouvrir("#5");
        WebElement diapo = diapoActive();
        assertThat(diapo.getDomAttribute("class")).contains("diapo-donnees");
        String adresse = serveur.uri("/carte.html?territoire=grand-poitiers").toString();
        assertThat(texte(diapo)).contains("Les données", "Insee", "Capteurs LoRaWAN de température", "simulé", "réel",
                serveur.uri("/catalogue").toString(), adresse);
        WebElement qr = diapo.findElement(By.cssSelector("img.qr"));
        attente().until(d -> Boolean.TRUE.equals(navigateur.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", qr)));
        String src = qr.getDomAttribute("src");
        assertThat(src).startsWith("/api/qr.svg?texte=");
        var reponse = serveur.get(src);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(CodesQr.lire(reponse.body())).isEqualTo(adresse);
        chromium.capturer(CAPTURES, "presentation-donnees");
    }

    @Test
    void theDossierPrintsTheCoverThenOneA4LandscapePagePerFicheEachWithItsMapDrawn() throws IOException {
        ouvrir("&dossier=1");
        List<WebElement> preuves = diapos("diapo-preuve");
        List<String> libelles = new ArrayList<>();
        for (WebElement diapo : preuves) {
            WebElement carte = diapo.findElement(By.cssSelector(".carte-diapo"));
            assertThat(carte.findElements(By.cssSelector("path[data-code][fill^='#']"))).hasSize(GRAND_POITIERS.communes().size());
            assertThat(Cadres.centroidesCaches(navigateur, GRAND_POITIERS, carte)).as("the map fitted to the paper").isEmpty();
            libelles.add(texte(diapo.findElement(By.cssSelector(".legend h4"))).replaceFirst(" \\(.*$", ""));
        }
        chromium.capturer(CAPTURES, "dossier-ecran");

        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = navigateur.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] octets = Base64.getDecoder().decode((String) pdf.get("data"));
        java.nio.file.Files.createDirectories(CAPTURES);
        java.nio.file.Files.write(CAPTURES.resolve("dossier.pdf"), octets); // to look at, beside the screenshots
        try (PDDocument document = Loader.loadPDF(octets)) {
            assertThat(document.getNumberOfPages()).as("the cover and one page per fiche").isEqualTo(1 + preuves.size());
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDRectangle feuille = document.getPage(i).getMediaBox();
                assertThat(feuille.getWidth()).as("A4 landscape").isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(2f));
                assertThat(feuille.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(2f));
            }
            assertThat(page(document, 1)).contains("Communauté urbaine du Grand Poitiers", "Ce qui est réel", "Ce qui est simulé");
            var rendu = new PDFRenderer(document);
            assertThat(pointsDeCouleurDesClasses(rendu.renderImageWithDPI(0, 30))).as("no map on the cover").isZero();
            for (int i = 0; i < preuves.size(); i++) {
                assertThat(page(document, i + 2)).contains(libelles.get(i), "La question", "Le résultat", "Les limites")
                        .doesNotContain("valeurs en direct");
                // the map on paper: communes in the colours of the classes (thousands of the page's 87 000 pixels)
                assertThat(pointsDeCouleurDesClasses(rendu.renderImageWithDPI(i + 1, 30))).as("map of page %s", i + 2)
                        .isGreaterThan(2000);
            }
        }
    }

    /**
     * The pixels of a rendered page in one of the five colours of the classes as Leaflet paints a commune
     * (opacity 0.85 over the map's background, #e8edf1), give or take a little for anti-aliasing.
     */
    private static int pointsDeCouleurDesClasses(java.awt.image.BufferedImage image) {
        int[][] couleurs = java.util.stream.Stream.of(0xfde725, 0x5ec962, 0x21918c, 0x3b528b, 0x440154).map(c -> new int[] {
            (int) Math.round(0.85 * (c >> 16 & 0xff) + 0.15 * 0xe8), (int) Math.round(0.85 * (c >> 8 & 0xff) + 0.15 * 0xed),
            (int) Math.round(0.85 * (c & 0xff) + 0.15 * 0xf1)}).toArray(int[][]::new);
        int points = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                for (int[] c : couleurs) {
                    if (Math.abs((rgb >> 16 & 0xff) - c[0]) + Math.abs((rgb >> 8 & 0xff) - c[1]) + Math.abs((rgb & 0xff) - c[2]) < 24) {
                        points++;
                        break;
                    }
                }
            }
        }
        return points;
    }

    private static String page(PDDocument document, int numero) throws IOException {
        var lecteur = new PDFTextStripper();
        lecteur.setStartPage(numero);
        lecteur.setEndPage(numero);
        return lecteur.getText(document).replaceAll("\\s+", " ");
    }

    /**
     * Opens the presentation with this end of address ("", "#5", "&dossier=1"); the page already open
     * at the same address is kept, only its slide set (#1 without one): loading four maps of 40
     * communes again for each test would cost more than the tests themselves.
     */
    private void ouvrir(String suite) {
        String adresse = serveur.uri("/presentation.html?territoire=grand-poitiers" + suite).toString();
        String sansDiapo = adresse.replaceFirst("#.*$", "");
        String ouverte = navigateur.getCurrentUrl().replaceFirst("#.*$", "");
        if (ouverte.equals(sansDiapo) && "oui".equals(navigateur.findElement(By.tagName("html")).getDomAttribute("data-pret"))) {
            montrer(suite.contains("#") ? Integer.parseInt(suite.substring(suite.indexOf('#') + 1)) - 1 : 0);
            return;
        }
        navigateur.get(adresse);
        attendreLaPresentation();
    }

    /** Shows the slide of this index through the address (#1 is the first), as a bookmark would. */
    private static void montrer(int index) {
        navigateur.executeScript("window.location.hash = arguments[0];", "#" + (index + 1));
        attente().until(d -> indexActif() == index);
    }

    private static void attendreLaPresentation() {
        try {
            attente().until(d -> "oui".equals(d.findElement(By.tagName("html")).getDomAttribute("data-pret")));
        } catch (TimeoutException e) {
            chromium.capturer(CAPTURES, "presentation-echec");
            throw new AssertionError("La présentation ne s'est pas affichée. Console du navigateur :\n" + chromium.console(), e);
        }
    }

    private static WebDriverWait attente() {
        var attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class);
        return attente;
    }

    private static void touche(CharSequence touche) {
        new Actions(navigateur).sendKeys(touche).perform();
    }

    private static List<WebElement> diapos(String classe) {
        return navigateur.findElements(By.cssSelector("section." + classe));
    }

    private static WebElement diapoActive() {
        return navigateur.findElement(By.cssSelector("section.diapo.active"));
    }

    private static int indexActif() {
        return navigateur.findElements(By.cssSelector("section.diapo")).indexOf(diapoActive());
    }

    private static String remplissage(WebElement dans, String code) {
        return dans.findElement(By.cssSelector("path[data-code='" + code + "']")).getDomAttribute("fill");
    }

    private static boolean seChevauchent(WebElement a, WebElement b) {
        return Boolean.TRUE.equals(navigateur.executeScript("""
                const a = arguments[0].getBoundingClientRect(); const b = arguments[1].getBoundingClientRect();
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;""", a, b));
    }

    /** The text, shown or not (slides other than the current one are hidden), non-breaking spaces read as plain spaces. */
    private static String texte(WebElement element) {
        return element.getDomProperty("textContent").trim().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
