package fr.croisements.viz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the map page owes to the elected officials it is shown to, in a real headless Chromium: text
 * contrast at WCAG AA on the home page and on the map with a popup open, everything reachable from
 * the keyboard (skip links, selectors, layer switches, the commune table, Escape), a layout that fits
 * a 1920×1080 projector and a 1366×768 laptop, and how recent each layer is. Grand Poitiers with two
 * indicators (heat exposure and LoRaWAN coverage), three devices and two antennas.
 *
 * <p>Skipped where chromium or chromedriver is missing ({@link Navigateur}). Screenshots under
 * {@code target/captures/}.
 */
class AccessibiliteNavigateurTest {

    private static final Path CAPTURES = Path.of("target", "captures");
    private static final Duration ATTENTE = Duration.ofSeconds(15);
    private static final Territoire GRAND_POITIERS = Territoires.charger("grand-poitiers");
    private static final String CARTE = "/carte.html?territoire=grand-poitiers";
    private static final Instant ETE = Instant.parse("2025-07-15T14:00:00Z");
    /** Poitiers, Chasseneuil-du-Poitou, Saint-Benoît, Buxerolles, Migné-Auxances. */
    private static final List<String> COMMUNES_MESUREES = List.of("86194", "86062", "86214", "86041", "86158");

    /**
     * WCAG 2.1 contrast of every visible text element against its effective background: the first
     * non-transparent backgrounds met walking up its ancestors, composited, over white (the canvas).
     * Returns { verifies: count, fautes: [description] }.
     */
    private static final String CONTRASTES = """
            const rgba = (texte) => {
              const m = /rgba?\\(([^)]+)\\)/.exec(texte);
              if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            };
            const sur = (haut, bas) => [0, 1, 2].map((i) => haut[i] * haut[3] + bas[i] * (1 - haut[3])).concat(1);
            const luminance = (c) => {
              const [r, g, b] = c.slice(0, 3).map((v) => {
                const s = v / 255;
                return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const rapport = (a, b) => {
              const [clair, sombre] = [luminance(a), luminance(b)].sort((x, y) => y - x);
              return (clair + 0.05) / (sombre + 0.05);
            };
            const NOIR = [0, 0, 0, 1];
            const BLANC = [255, 255, 255, 1];
            function fond(element) {
              const couches = []; // nearest first
              for (let e = element; e; e = e.parentElement) {
                if (e.classList.contains('leaflet-container')) {
                  if (couches.length) {
                    // a control or popup with a see-through background: beneath it lies any commune
                    // colour, so take the worst case for dark text on a light box, black
                    return couches.reduceRight((bas, haut) => sur(haut, bas), NOIR);
                  }
                  // the close button of a popup sits on the popup's box, not inside it
                  const boite = element.closest('.leaflet-popup')?.querySelector('.leaflet-popup-content-wrapper');
                  // otherwise the text is drawn right over the map (its SVG contours, no tiles here):
                  // there is no background colour to measure, and none of our texts is drawn so
                  return boite ? fond(boite) : null;
                }
                const c = rgba(getComputedStyle(e).backgroundColor);
                if (c && c[3] > 0) {
                  couches.push(c);
                  if (c[3] >= 1) break;
                }
              }
              return couches.reduceRight((bas, haut) => sur(haut, bas), BLANC);
            }
            const visible = (e) => {
              if (!e.getClientRects().length || getComputedStyle(e).visibility !== 'visible') return false;
              for (let a = e; a; a = a.parentElement) {
                if (Number(getComputedStyle(a).opacity) === 0) return false;
              }
              return true;
            };
            const nom = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
              + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            let verifies = 0;
            const fautes = [];
            for (const e of document.body.querySelectorAll('*')) {
              // SVG text is painted with fill, not color; our SVGs carry no text on the pages tested
              if (e instanceof SVGElement || ['SCRIPT', 'STYLE', 'OPTION'].includes(e.tagName)) continue;
              const texte = e.tagName === 'SELECT' ? (e.selectedOptions[0]?.text ?? '')
                : [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
              if (!texte.trim() || !visible(e)) continue;
              const style = getComputedStyle(e);
              const arriere = fond(e);
              if (!arriere) continue;
              const couleur = rgba(style.color);
              const devant = couleur[3] < 1 ? sur(couleur, arriere) : couleur;
              const taille = parseFloat(style.fontSize);
              const grand = taille >= 24 || (taille >= 18.66 && Number(style.fontWeight) >= 700);
              const seuil = grand ? 3 : 4.5;
              const r = rapport(devant, arriere);
              verifies += 1;
              if (r < seuil) {
                fautes.push(`${nom(e)} « ${texte.trim().slice(0, 40)} » : ${r.toFixed(2)} < ${seuil} (`
                  + `${style.color} sur rgb(${arriere.slice(0, 3).map(Math.round).join(', ')}), ${taille}px)`);
              }
            }
            return { verifies, fautes };""";

    private static ServeurDeTest serveur;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;

    private WebDriverWait attente;

    @BeforeAll
    static void demarrer() {
        chromium = Navigateur.demarrer(1600, 1000); // skips the class without chromium
        navigateur = chromium.pilote();
        serveur = new ServeurDeTest(List.of(GRAND_POITIERS));
        serveur.horloge.set(ETE);
        Instant jour = ETE.truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < COMMUNES_MESUREES.size(); i++) {
            Commune c = commune(COMMUNES_MESUREES.get(i));
            serveur.queries.ajouter(CellulesChaleur.cellule(c.codeInsee(), c.nom(), jour, c.chiffre("population_75_plus"),
                    28.5 + i, 24.0 + i / 2.0, 1 + i % 2, i % 2));
            serveur.queries.ajouter(couverture(c, jour, 0.4 + i * 0.3));
        }
        ajouterCapteurs();
    }

    @AfterAll
    static void arreter() throws Exception {
        Navigateur.fermer(chromium, serveur);
    }

    @BeforeEach
    void preparer() {
        attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        attente.ignoring(StaleElementReferenceException.class);
        chromium.fenetre(1600, 1000);
    }

    @Test
    void everyTextOfTheHomePageAndOfTheMapWithAPopupOpenReachesContrastAA() {
        navigateur.get(serveur.uri("/").toString());
        attente.until(d -> !d.findElements(By.cssSelector(".territoire a.lien-preuve")).isEmpty());
        assertContrastes("page d'accueil", 10);
        capturer("contraste-accueil");

        ouvrirLaCarte(CARTE);
        attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).size() == 3);
        attente.until(d -> !d.findElement(By.cssSelector(".section-capteurs .fraicheur")).getText().isBlank());
        bouton("Poitiers").sendKeys(Keys.ENTER);
        WebElement fenetre = fenetreOuverte();
        assertThat(fenetre.getText()).startsWith("Poitiers");
        assertContrastes("carte, fenêtre de Poitiers ouverte", 60);
        capturer("contraste-carte");
    }

    @Test
    void theKeyboardReachesSkipLinksSelectorsLayerSwitchesAndTableAndEscapeClosesThePopup() {
        ouvrirLaCarte(CARTE);
        attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).size() == 3);
        attente.until(d -> d.findElement(By.id("bloc-indicateur")).isDisplayed());

        List<String> parcours = new ArrayList<>();
        for (int i = 0; i < 80 && !parcours.contains("bouton-commune"); i++) {
            new Actions(navigateur).sendKeys(Keys.TAB).perform();
            parcours.add(focus());
        }
        assertThat(parcours).as("Tab order").startsWith("Aller à la fiche", "Aller au tableau des communes")
                .contains("#choix-territoire", "#choix-indicateur", "#afficher-capteurs", "#afficher-antennes",
                        "#imprimer", "bouton-commune");
        assertThat(parcours.indexOf("#choix-territoire")).isLessThan(parcours.indexOf("#choix-indicateur"));
        assertThat(parcours.indexOf("#choix-indicateur")).isLessThan(parcours.indexOf("#afficher-capteurs"));
        assertThat(parcours.indexOf("#afficher-capteurs")).isLessThan(parcours.indexOf("bouton-commune"));
        // every focused element shows it: a ring of at least 2px
        assertThat(navigateur.switchTo().activeElement().getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(navigateur.switchTo().activeElement().getCssValue("outline-width").replace("px", "")))
                .isGreaterThanOrEqualTo(2);

        // the layer switches of the point layers, from the keyboard
        WebElement caseCapteurs = navigateur.findElement(By.id("afficher-capteurs"));
        caseCapteurs.sendKeys(Keys.SPACE);
        attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).isEmpty());
        caseCapteurs.sendKeys(Keys.SPACE);
        attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).size() == 3);

        // the skip link to the table, then the first commune of the table
        ouvrirLaCarte(CARTE);
        new Actions(navigateur).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(focus()).isEqualTo("Aller au tableau des communes");
        WebElement lien = navigateur.switchTo().activeElement();
        assertThat(lien.isDisplayed()).as("the skip link shows once focused").isTrue();
        capturer("clavier-lien-d-evitement");
        new Actions(navigateur).sendKeys(Keys.ENTER).perform();
        assertThat(focus()).isEqualTo("#tableau-communes");
        assertThat(navigateur.getCurrentUrl()).as("the address keeps its territory, without #").doesNotContain("#");
        new Actions(navigateur).sendKeys(Keys.TAB).perform();
        assertThat(focus()).isEqualTo("bouton-commune");

        // Enter on a commune's button opens its popup; Escape closes it and leaves the focus on the button
        WebElement poitiers = bouton("Poitiers");
        poitiers.sendKeys(Keys.ENTER);
        assertThat(fenetreOuverte().findElement(By.tagName("h3")).getText()).isEqualTo("Poitiers");
        capturer("clavier-fenetre-ouverte");
        new Actions(navigateur).sendKeys(Keys.ESCAPE).perform();
        attente.until(d -> d.findElements(By.cssSelector(".leaflet-popup")).isEmpty());
        assertThat(navigateur.switchTo().activeElement()).isEqualTo(poitiers);

        // from the popup's close button too, the focus comes back to the button
        poitiers.sendKeys(Keys.ENTER);
        fenetreOuverte();
        navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).sendKeys(Keys.ESCAPE);
        attente.until(d -> d.findElements(By.cssSelector(".leaflet-popup")).isEmpty());
        assertThat(navigateur.switchTo().activeElement()).isEqualTo(poitiers);
    }

    @Test
    void theMapAndTheFicheFitAProjectorAndALaptopSideBySideWithoutScrollingThePage() {
        try {
            for (int[] taille : new int[][] {{1920, 1080}, {1366, 768}}) {
                int largeur = taille[0];
                int hauteur = taille[1];
                chromium.fenetre(largeur, hauteur);
                ouvrirLaCarte(CARTE);
                attente.until(d -> !d.findElement(By.id("fiche-resultat")).getText().isBlank());
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) navigateur.executeScript("""
                        const boite = (s) => document.querySelector(s).getBoundingClientRect();
                        const [carte, fiche, question, resultat, entete] =
                          ['#carte', 'aside.fiche', '#fiche-question', '#fiche-resultat', 'header.entete'].map(boite);
                        return {
                          largeur: innerWidth, hauteur: innerHeight,
                          scrollWidth: document.documentElement.scrollWidth,
                          scrollHeight: document.documentElement.scrollHeight,
                          debordementFiche: document.querySelector('aside.fiche').scrollWidth
                            - document.querySelector('aside.fiche').clientWidth,
                          police: parseFloat(getComputedStyle(document.body).fontSize),
                          carte: [carte.left, carte.top, carte.right, carte.bottom],
                          fiche: [fiche.left, fiche.top, fiche.right, fiche.bottom],
                          question: [question.left, question.top, question.right, question.bottom],
                          resultat: [resultat.left, resultat.top, resultat.right, resultat.bottom],
                          entete: entete.bottom,
                        };""");
                String ecran = largeur + "×" + hauteur + " " + m;
                assertThat(n(m.get("largeur"))).as(ecran).isEqualTo(largeur);
                assertThat(n(m.get("scrollWidth"))).as("no horizontal scrolling, " + ecran).isLessThanOrEqualTo(largeur);
                assertThat(n(m.get("scrollHeight"))).as("no page scrolling, " + ecran).isLessThanOrEqualTo(hauteur);
                assertThat(n(m.get("debordementFiche"))).as("the fiche scrolls down only, " + ecran).isLessThanOrEqualTo(0);
                double[] carte = boite(m.get("carte"));
                double[] fiche = boite(m.get("fiche"));
                assertThat(fiche[0]).as("the fiche beside the map, " + ecran).isGreaterThanOrEqualTo(carte[2] - 1);
                assertThat(carte[0]).as(ecran).isGreaterThanOrEqualTo(0);
                assertThat(fiche[2]).as(ecran).isLessThanOrEqualTo(largeur + 0.5);
                assertThat(fiche[2] - fiche[0]).as("the fiche's width, " + ecran).isGreaterThan(250);
                assertThat(carte[2] - carte[0]).as("the map's width, " + ecran).isGreaterThanOrEqualTo(0.5 * largeur);
                assertThat(carte[3] - carte[1]).as("the map's height, " + ecran).isGreaterThanOrEqualTo(0.6 * hauteur);
                assertThat(carte[1]).as("the map right under the header, " + ecran).isCloseTo(n(m.get("entete")),
                        org.assertj.core.data.Offset.offset(2.0));
                assertThat(carte[3]).as("the map down to the bottom, " + ecran).isCloseTo(hauteur,
                        org.assertj.core.data.Offset.offset(2.0));
                for (String partie : List.of("question", "resultat")) {
                    double[] b = boite(m.get(partie));
                    assertThat(b[3] - b[1]).as(partie + " shown, " + ecran).isGreaterThan(0);
                    assertThat(b[1]).as(partie + " in view, " + ecran).isGreaterThanOrEqualTo(0);
                    assertThat(b[3]).as(partie + " in view, " + ecran).isLessThanOrEqualTo(hauteur);
                    assertThat(b[2]).as(partie + " in view, " + ecran).isLessThanOrEqualTo(largeur);
                }
                if (largeur >= 1800) {
                    assertThat(n(m.get("police"))).as("a larger font on the projector").isGreaterThanOrEqualTo(20);
                }
                capturer("ecran-" + largeur + "x" + hauteur);
            }
        } finally {
            chromium.fenetre(1600, 1000);
        }
    }

    @Test
    void eachLayerSaysHowRecentItIsAndWarnsWhenTheDevicesAreNoLongerRead() {
        ouvrirLaCarte(CARTE);
        attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).size() == 3);
        for (String selecteur : List.of(".section-capteurs label", ".section-antennes label")) {
            attente.until(d -> texte(d.findElement(By.cssSelector(selecteur))).contains("mis à jour il y a "));
        }
        assertThat(texte(navigateur.findElement(By.cssSelector(".section-capteurs label"))))
                .matches("(?s)Capteurs : 3\\s*mis à jour il y a \\d+ s");
        attente.until(d -> texte(d.findElement(By.cssSelector(".legend .fraicheur"))).startsWith("Communes — mis à jour il y a "));
        capturer("fraicheur-des-couches");

        // read every second; the devices' store unreadable: after 3 s the layers say their data are old
        ouvrirLaCarte(CARTE + "&rafraichissement=1");
        attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).size() == 3);
        try {
            serveur.capteurs.rendreIndisponible();
            for (String id : List.of("capteurs", "antennes")) {
                attente.until(d -> texte(d.findElement(By.cssSelector(".section-" + id + " .fraicheur")))
                        .startsWith("pas de nouvelle donnée depuis "));
                assertThat(navigateur.findElement(By.cssSelector(".section-" + id + " .fraicheur")).getDomAttribute("class"))
                        .contains("en-retard");
            }
            assertThat(navigateur.findElements(By.cssSelector("path[data-deveui]"))).as("the markers kept").hasSize(3);
            assertThat(texte(navigateur.findElement(By.cssSelector(".legend .fraicheur"))))
                    .as("the communes come live, not from the devices' store").startsWith("Communes — mis à jour");
            assertContrastes("couches en retard", 20);
            capturer("fraicheur-en-retard");
        } finally {
            serveur.capteurs.vider(); // readable again
            ajouterCapteurs();
        }
        attente.until(d -> texte(d.findElement(By.cssSelector(".section-capteurs .fraicheur"))).startsWith("mis à jour"));
    }

    private void assertContrastes(String page, int auMoins) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resultat = (Map<String, Object>) navigateur.executeScript(CONTRASTES);
        assertThat(n(resultat.get("verifies"))).as("texts checked on the %s", page).isGreaterThanOrEqualTo(auMoins);
        assertThat((List<?>) resultat.get("fautes")).as("texts under the AA contrast on the %s", page).isEmpty();
    }

    private void ouvrirLaCarte(String adresse) {
        navigateur.get(serveur.uri(adresse).toString());
        try {
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size()
                    == GRAND_POITIERS.communes().size());
            attente.until(d -> d.findElement(By.id("etat")).getText().startsWith("Mis à jour"));
        } catch (TimeoutException e) {
            capturer("echec-accessibilite");
            throw new AssertionError("La carte ne s'est pas affichée : « " + navigateur.findElement(By.id("etat")).getText()
                    + " ». Console :\n" + chromium.console(), e);
        }
    }

    /** The focused element: its text for a link, #id, or "bouton-commune" for a button of the commune table. */
    private static String focus() {
        return (String) navigateur.executeScript("""
                const e = document.activeElement;
                if (!e || e === document.body) return 'body';
                if (e.closest('#communes') && e.tagName === 'BUTTON') return 'bouton-commune';
                if (e.id) return '#' + e.id;
                return (e.textContent || '').trim() || e.getAttribute('class') || e.tagName;""");
    }

    private static WebElement bouton(String nom) {
        return navigateur.findElements(By.cssSelector("#communes button")).stream()
                .filter(b -> b.getText().equals(nom)).findFirst().orElseThrow();
    }

    /** The content of the open popup, once faded in. */
    private WebElement fenetreOuverte() {
        return attente.until(d -> {
            List<WebElement> fenetres = d.findElements(By.cssSelector(".leaflet-popup"));
            if (fenetres.size() != 1 || !"1".equals(fenetres.get(0).getCssValue("opacity"))) {
                return null;
            }
            WebElement contenu = fenetres.get(0).findElement(By.cssSelector(".leaflet-popup-content"));
            return contenu.findElement(By.tagName("h3")).isDisplayed() ? contenu : null;
        });
    }

    /** Three devices, Saint-Benoît's silent for 3 h, and the two antennas that hear them. */
    private static void ajouterCapteurs() {
        serveur.capteurs.ajouter(
                capteur("24E124136B310001", "86194", ETE.minus(Duration.ofMinutes(12)), "gp-hotel-de-ville"),
                capteur("24E124136B310002", "86062", ETE.minus(Duration.ofMinutes(40)), "gp-hotel-de-ville"),
                capteur("24E124136B310003", "86214", ETE.minus(Duration.ofHours(3)), "gp-saint-benoit"));
        serveur.capteurs.ajouter(
                FaussesCapteurs.passerelle("gp-hotel-de-ville", 0.3404, 46.5802, ETE.minus(Duration.ofMinutes(12)), 1520,
                        true, "24E124136B310001", "24E124136B310002"),
                FaussesCapteurs.passerelle("gp-saint-benoit", 0.3450, 46.5480, ETE.minus(Duration.ofHours(3)), 240, true,
                        "24E124136B310003"));
    }

    private static fr.croisements.events.SanteCapteur capteur(String devEui, String code, Instant vu, String passerelle) {
        org.locationtech.jts.geom.Point point = commune(code).contour().getInteriorPoint();
        return FaussesCapteurs.capteur(devEui, point.getX(), point.getY(), vu, true, passerelle);
    }

    /** A cell of the LoRaWAN coverage indicator, as its topology writes it. */
    private static Indicateur couverture(Commune c, Instant jour, double valeur) {
        return new Indicateur("couverture-lora", c.codeInsee(), Zone.COMMUNE, c.nom(), jour, jour.plus(Duration.ofDays(1)),
                valeur, "capteurs pour 10 000 habitants", 1.0, 7000.0, CellulesChaleur.CAPTEURS, CellulesChaleur.POPULATION,
                Map.of("passerelles", 1.0, "rssi_median", -97.0, "snr_median", 4.5), 1L, false, true, Map.of());
    }

    private static Commune commune(String code) {
        return GRAND_POITIERS.communes().stream().filter(c -> c.codeInsee().equals(code)).findFirst().orElseThrow();
    }

    private static double n(Object nombre) {
        return ((Number) nombre).doubleValue();
    }

    private static double[] boite(Object liste) {
        return ((List<?>) liste).stream().mapToDouble(AccessibiliteNavigateurTest::n).toArray();
    }

    /** The visible text, non-breaking spaces read as plain spaces. */
    private static String texte(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static void capturer(String nom) {
        chromium.capturer(CAPTURES, nom);
    }
}
