package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.INDICATEUR;
import static fr.croisements.viz.Fixtures.INSEE;
import static fr.croisements.viz.Fixtures.LEVEES;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import fr.croisements.viz.territoires.Periodes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map page in a real headless Chromium, driven by Selenium, on the real Bassin de Pompey pack
 * with one cell per commune (Montenoy secret) and a fixed simulated clock, and the real La Rochelle
 * pack with one "fragilité face à l'isolement" cell per commune (the smallest commune's poverty
 * rate secret), reached through the territory selector; and the real Grand Poitiers pack with heat
 * exposure cells and three LoRaWAN devices (one silent), drawn as a layer of their own.
 *
 * <p>Uses the system browser and driver (Debian's {@code chromium} and {@code chromium-driver}):
 * the driver path is given to Selenium, so Selenium Manager never looks for one on the network.
 * Skipped where either is missing. Each test saves a screenshot under {@code target/captures/}.
 */
class CarteNavigateurTest {

    private static final Path CAPTURES = Path.of("target", "captures");
    private static final Duration ATTENTE = Duration.ofSeconds(15);
    private static final Instant HEURE_SIMULEE = Instant.parse("2025-01-08T07:00:00Z");

    /** As in choropleth.js: COLORS (Viridis, classes of 20 points) and COULEUR_SECRET. */
    private static final List<String> PALETTE = List.of("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154");
    private static final String COULEUR_SECRET = "#9e9e9e";

    private static final String POMPEY = "54430";
    private static final String FROUARD = "54215";
    private static final String MONTENOY = "54376";
    /** One value per commune, every class used; Montenoy (160 households) is secret. */
    private static final Map<String, Double> VALEURS = Map.ofEntries(
            Map.entry("54090", 18.4), Map.entry("54115", 27.9), Map.entry("54150", 44.0),
            Map.entry("54188", 63.5), Map.entry(FROUARD, 38.2), Map.entry("54305", 71.0),
            Map.entry("54318", 58.7), Map.entry("54338", 81.2), Map.entry("54351", 49.6),
            Map.entry("54369", 66.4), Map.entry(POMPEY, 52.1), Map.entry("54490", 35.5));

    private static final Territoire POMPEY_PACK = Territoires.charger("bassin-de-pompey");
    private static final Territoire LA_ROCHELLE_PACK = Territoires.charger("la-rochelle");
    private static final String LA_ROCHELLE = "17300";
    /** The commune of La Rochelle whose poverty rate is secret: the least populated. */
    private static final Commune ROCHELAISE_SECRETE = LA_ROCHELLE_PACK.communes().stream()
            .min(Comparator.comparing(c -> c.chiffre(Commune.POPULATION))).orElseThrow();
    /** Fragility cells by commune code, for the communes of La Rochelle. */
    private static final Map<String, Indicateur> FRAGILITE = fragilite(LA_ROCHELLE_PACK, ROCHELAISE_SECRETE.codeInsee());
    private static final Territoire GRAND_POITIERS_PACK = Territoires.charger("grand-poitiers");
    /** A summer day for the heat-exposure cells and the devices of Grand Poitiers. */
    private static final Instant ETE = Instant.parse("2025-07-15T14:00:00Z");
    private static final String CAPTEUR_POITIERS = "24E124136B310001";
    private static final String CAPTEUR_CHASSENEUIL = "24E124136B310002";
    /** Not heard for 3 hours: silent, grey. */
    private static final String CAPTEUR_SAINT_BENOIT = "24E124136B310003";
    /** As in capteurs.js. */
    private static final String BLEU_A_JOUR = "#1565c0";
    private static final String GRIS_SILENCIEUX = "#8a8a8a";
    /** As in antennes.js. */
    private static final String ORANGE_ANTENNE = "#e66100";
    /** Antennas of Grand Poitiers: the simulator's four, Saint-Benoît's silent for 3 h. */
    private static final List<String> ANTENNES_DANS_LES_COMMUNES =
            List.of("gp-couronneries", "gp-hotel-de-ville", "gp-saint-benoit", "gp-technopole");
    /** About 1.5 km east of the easternmost point of Grand Poitiers: shown with it. */
    private static final String ANTENNE_PROCHE = "gp-hors-les-murs";
    /** About 23 km east of it: not shown. */
    private static final String ANTENNE_LOINTAINE = "gp-lointaine";
    private static ServeurDeTest serveur;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;

    private WebDriverWait attente;

    @BeforeAll
    static void demarrer() {
        chromium = Navigateur.demarrer(1600, 1000); // skips the class without chromium
        navigateur = chromium.pilote();
        serveur = new ServeurDeTest(List.of(POMPEY_PACK, LA_ROCHELLE_PACK, GRAND_POITIERS_PACK, Territoires.charger("antony")));
        serveur.horloge.set(HEURE_SIMULEE);
        for (Commune c : POMPEY_PACK.communes()) {
            serveur.queries.ajouter(c.codeInsee().equals(MONTENOY)
                    ? secrete(c)
                    : cellule(c, VALEURS.get(c.codeInsee())));
        }
        FRAGILITE.values().forEach(serveur.queries::ajouter);
        // the Bassin de Pompey has both indicators: the map offers a second selector there
        fragilite(POMPEY_PACK, null).values().forEach(serveur.queries::ajouter);
        chaleurEtCapteurs();
        parkingsDeLaRochelle();
    }

    @AfterAll
    static void arreter() throws Exception {
        Navigateur.fermer(chromium, serveur);
    }

    /** Every test starts on a freshly loaded page, with the 13 communes drawn. */
    @BeforeEach
    void ouvrirLaCarte() {
        attente = new WebDriverWait(navigateur, ATTENTE, Duration.ofMillis(100));
        // the page redraws its legend and layers on every change: an element read mid-redraw is stale, read it again
        attente.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        navigateur.get(serveur.uri("/carte.html").toString());
        try {
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == 13);
            attente.until(d -> d.findElement(By.id("etat")).getText().startsWith("Mis à jour"));
        } catch (TimeoutException e) {
            capturer("echec-du-chargement");
            throw new AssertionError("La carte ne s'est pas affichée. État de la page : « "
                    + navigateur.findElement(By.id("etat")).getText() + " », "
                    + navigateur.findElements(By.cssSelector("path.leaflet-interactive")).size() + " contours, "
                    + navigateur.findElements(By.cssSelector("path[data-code]")).size() + " avec leur code. Console du navigateur :\n"
                    + chromium.console(), e);
        }
    }

    @Test
    void drawsThe13CommunesInTheColourOfTheirClassAndTheSecretOneInGrey() {
        List<WebElement> chemins = navigateur.findElements(By.cssSelector("path.leaflet-interactive"));
        assertThat(chemins).hasSize(13);
        for (WebElement chemin : chemins) {
            String code = chemin.getDomAttribute("data-code");
            String attendue = code.equals(MONTENOY) ? COULEUR_SECRET : couleur(VALEURS.get(code));
            assertThat(chemin.getDomAttribute("fill")).as("commune %s", code).isEqualTo(attendue);
        }
        assertThat(navigateur.findElement(By.id("titre")).getText()).contains("Bassin de Pompey");
        assertThat(navigateur.getTitle()).contains("Bassin de Pompey");

        String legende = texte(navigateur.findElement(By.cssSelector(".legend")));
        assertThat(legende).contains("%", "moins de 20 %", "de 20 à 40 %", "de 40 à 60 %", "de 60 à 80 %",
                "80 % ou plus", "secret statistique", "pas de donnée");
        List<String> pastilles = navigateur.findElements(By.cssSelector(".legend .pastille")).stream()
                .map(p -> Color.fromString(p.getCssValue("background-color")).asHex()).toList();
        assertThat(pastilles).hasSize(7);
        assertThat(pastilles.subList(0, 5)).containsExactlyElementsOf(PALETTE);
        assertThat(pastilles.get(5)).isEqualTo(COULEUR_SECRET);

        assertThat(navigateur.findElements(By.cssSelector("#communes tr"))).hasSize(13);
        assertThat(texte(navigateur.findElement(By.tagName("body")))).doesNotContainIgnoringCase("undefined")
                .doesNotContain("null", "NaN");
        assertThat(navigateur.findElements(By.cssSelector(".capteurs"))).as("no device in the Bassin de Pompey").isEmpty();
        capturer("carte");
    }

    @Test
    void aMapPartlyFromAStandbyReplicaSaysSoDiscreetly() {
        assertThat(navigateur.findElement(By.id("secours")).isDisplayed()).as("no note in the usual case").isFalse();
        serveur.queries.repondreDepuis(new fr.croisements.streams.query.Provenance(true, false, java.util.Set.of("localhost:7071")));
        try {
            navigateur.get(serveur.uri("/carte.html").toString());
            WebElement note = attente.until(d -> {
                WebElement n = d.findElement(By.id("secours"));
                return n.isDisplayed() ? n : null;
            });
            assertThat(note.getText()).isEqualTo("Réponse d'une réplique de secours : mise à jour en cours");
            assertThat(navigateur.findElements(By.cssSelector("path.leaflet-interactive[data-code]"))).hasSize(13);
            capturer("reponse-de-secours");
        } finally {
            serveur.queries.repondreDepuis(fr.croisements.streams.query.Provenance.ACTIVES);
        }
    }

    @Test
    void hoveringACommuneShowsItsValueInFrenchAndClickingItShowsItsDetail() {
        WebElement pompey = chemin(POMPEY);
        var souris = new Actions(navigateur);
        int[] point = pointDans(pompey);

        souris.moveToLocation(point[0], point[1]).perform();
        WebElement bulle = affiche(".leaflet-tooltip");
        assertThat(texte(bulle)).isEqualTo("Pompey : 52,1 %");
        capturer("survol");

        souris.click().perform();
        String detail = texte(fenetreOuverte());
        assertThat(navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).getDomAttribute("aria-label"))
                .isEqualTo("Fermer");
        assertThat(detail).startsWith("Pompey").contains("52,1 %", "Semaine du 6 au 12 janvier 2025",
                "Levées de bacs (2025), données simulées", "Insee", "Données simulées");
        assertThat(detail.toLowerCase()).contains("taux de présentation des bacs", "bacs présentés",
                "ménages (insee)", "population (insee)", "2 101");
        capturer("fenetre-commune");
    }

    @Test
    void theSecretCommuneOpenedFromTheKeyboardSaysSoInsteadOfAValue() {
        WebElement bouton = navigateur.findElements(By.cssSelector("#communes button")).stream()
                .filter(b -> b.getText().equals("Montenoy")).findFirst().orElseThrow();

        bouton.sendKeys(Keys.ENTER); // the names of the commune table are buttons: focus, then Enter

        String detail = texte(fenetreOuverte());
        assertThat(detail).startsWith("Montenoy").contains("secret statistique", "Secret statistique : moins de 11 bacs présentés, la valeur n'est pas publiée.")
                .doesNotContain("null", "NaN");
        capturer("commune-secrete");
    }

    @Test
    void aLiveCellRecoloursItsCommuneWithoutReloadingThePage() {
        JavascriptExecutor js = navigateur;
        js.executeScript("window.pasRechargee = true;");
        assertThat(chemin(FROUARD).getDomAttribute("fill")).isEqualTo(PALETTE.get(1));
        Indicateur nouvelle = cellule(commune(FROUARD), 85.3);

        // published again until seen: the page may not have subscribed to /api/direct yet
        attente.until(d -> {
            serveur.liveFeed.publier(nouvelle);
            return PALETTE.get(4).equals(chemin(FROUARD).getDomAttribute("fill"));
        });

        assertThat(js.executeScript("return window.pasRechargee === true;")).isEqualTo(true);
        WebElement ligne = navigateur.findElements(By.cssSelector("#communes tr")).stream()
                .filter(tr -> tr.getText().startsWith("Frouard")).findFirst().orElseThrow();
        assertThat(texte(ligne)).contains("85,3 %");
        capturer("mise-a-jour-en-direct");

        // the live cell is compact: the commune keeps the sources its GeoJSON gave
        ouvrirDepuisLeTableau("Frouard");
        assertThat(texte(fenetreOuverte())).contains("85,3 %", "Levées de bacs (2025), données simulées", "Insee")
                .doesNotContain("null", "undefined");
    }

    @Test
    void thePageFollowsOnlyItsTerritoryAndIndicatorLiveAndTheNextOnesWhenTheChoiceChanges() {
        // the page's EventSources, recorded before its own scripts run
        Map<String, Object> enregistrement = navigateur.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", """
                        window.sourcesDirect = [];
                        window.EventSource = class extends window.EventSource {
                          constructor(adresse, options) { super(adresse, options); window.sourcesDirect.push(this); }
                        };"""));
        try {
            navigateur.get(serveur.uri("/carte.html?territoire=bassin-de-pompey&indicateur=" + INDICATEUR).toString());
            attendreLesCommunes("54", 13);
            attente.until(d -> sourcesDirect().size() == 1);
            assertThat(sourcesDirect().get(0)).isEqualTo("/api/direct?territoire=bassin-de-pompey&indicateur=" + INDICATEUR
                    + "&indicateur=exposition-chaleur-75-plus&indicateur=couverture-lora|ouverte");

            new Select(navigateur.findElement(By.id("choix-territoire"))).selectByVisibleText("La Rochelle");

            attendreLesCommunes("17", 28);
            attente.until(d -> sourcesDirect().size() == 2 && sourcesDirect().get(1).endsWith("|ouverte"));
            assertThat(sourcesDirect()).containsExactly(
                    "/api/direct?territoire=bassin-de-pompey&indicateur=" + INDICATEUR
                            + "&indicateur=exposition-chaleur-75-plus&indicateur=couverture-lora|fermée",
                    "/api/direct?territoire=la-rochelle&indicateur=fragilite-isolement"
                            + "&indicateur=exposition-chaleur-75-plus&indicateur=couverture-lora|ouverte");
        } finally {
            navigateur.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", enregistrement.get("identifier")));
        }
    }

    /** The page's live connections, oldest first: "address|ouverte" or "address|fermée". */
    @SuppressWarnings("unchecked")
    private List<String> sourcesDirect() {
        return (List<String>) navigateur.executeScript("""
                return (window.sourcesDirect || []).map((s) => {
                  const adresse = new URL(s.url);
                  return `${adresse.pathname}${adresse.search}|${s.readyState === EventSource.CLOSED ? 'fermée' : 'ouverte'}`;
                });""");
    }

    @Test
    void labelsTheControlsOfTheMapInFrench() {
        assertThat(navigateur.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(navigateur.findElement(By.cssSelector(".leaflet-control-zoom-in")).getDomAttribute("title"))
                .isEqualTo("Agrandir");
        assertThat(navigateur.findElement(By.cssSelector(".leaflet-control-zoom-out")).getDomAttribute("title"))
                .isEqualTo("Réduire");

        @SuppressWarnings("unchecked")
        List<String> libelles = (List<String>) navigateur.executeScript("""
                return [...document.querySelectorAll('[title], [aria-label], [alt]')]
                  .flatMap((e) => ['title', 'aria-label', 'alt'].map((a) => e.getAttribute(a)))
                  .filter(Boolean);""");
        assertThat(libelles).isNotEmpty()
                .noneMatch(l -> l.matches("(?i).*\\b(zoom|close|popup|library|map|layers?)\\b.*"));
        assertThat(texte(navigateur.findElement(By.tagName("body"))))
                .doesNotContainPattern("(?i)\\b(loading|error|zoom in|zoom out|close)\\b");
    }

    @Test
    void showsTheSimulatedClockInFrench() {
        WebElement horloge = navigateur.findElement(By.id("horloge"));

        attente.until(d -> horloge.isDisplayed());

        assertThat(texte(horloge)).isEqualTo("Heure simulée : mercredi 8 janvier 2025, 08:00");
        capturer("horloge");
    }

    @Test
    void choosingLaRochelleInTheSelectorDrawsItsCommunesWithTheFragilityIndexAndItsLegend() {
        JavascriptExecutor js = navigateur;
        js.executeScript("window.pasRechargee = true;");
        assertThat(navigateur.findElement(By.cssSelector("label[for='choix-territoire']")).getText()).isEqualTo("Territoire");

        new Select(navigateur.findElement(By.id("choix-territoire"))).selectByVisibleText("La Rochelle");

        attendreLesCommunes("17", 28);
        assertThat(js.executeScript("return window.pasRechargee === true;")).as("no page reload").isEqualTo(true);
        assertThat(navigateur.findElements(By.cssSelector("path.leaflet-interactive[data-code]"))).as("besides the car parks").hasSize(28);
        assertThat(navigateur.getCurrentUrl()).contains("territoire=la-rochelle", "indicateur=fragilite-isolement");
        assertThat(navigateur.findElement(By.id("titre")).getText())
                .isEqualTo("Croisements — La Rochelle : fragilité face à l'isolement des personnes âgées");
        assertThat(navigateur.findElement(By.id("bloc-indicateur")).isDisplayed()).as("one indicator here").isFalse();
        assertThat(navigateur.findElement(By.id("etat")).getText()).as("no warning").startsWith("Mis à jour");
        assertThat(navigateur.findElement(By.id("fiche-libelle")).getText()).isEqualTo("Fragilité face à l'isolement");
        assertThat(navigateur.findElement(By.id("fiche-question")).getText()).contains("75 ans et plus");
        assertThat(navigateur.findElement(By.id("lien-csv")).getDomAttribute("href"))
                .isEqualTo("/api/indicateurs/fragilite-isolement/territoires/la-rochelle.csv");
        assertThat(navigateur.findElement(By.id("lien-catalogue")).getDomAttribute("href")).isEqualTo("/catalogue");
        assertThat(navigateur.findElements(By.cssSelector("#communes tr"))).hasSize(28);

        String legende = texte(navigateur.findElement(By.cssSelector(".legend")));
        assertThat(legende).startsWith("Fragilité face à l'isolement (%)")
                .contains("moins de", "ou plus", "secret statistique", "pas de donnée",
                        "Classes par quantiles : les 27 communes chiffrées réparties en 5 classes")
                .doesNotContain("de 20 à 40 %");
        List<String> pastilles = navigateur.findElements(By.cssSelector(".legend .pastille")).stream()
                .map(p -> Color.fromString(p.getCssValue("background-color")).asHex()).toList();
        assertThat(pastilles).hasSize(7);
        assertThat(pastilles.subList(0, 5)).containsExactlyElementsOf(PALETTE);

        var couleurs = new java.util.HashSet<String>();
        for (WebElement chemin : navigateur.findElements(By.cssSelector("path.leaflet-interactive[data-code]"))) {
            String code = chemin.getDomAttribute("data-code");
            String fill = chemin.getDomAttribute("fill");
            if (code.equals(ROCHELAISE_SECRETE.codeInsee())) {
                assertThat(fill).as("secret commune %s", code).isEqualTo(COULEUR_SECRET);
            } else {
                assertThat(fill).as("commune %s", code).isIn(PALETTE);
                couleurs.add(fill);
            }
        }
        assertThat(couleurs).as("quantile classes use the whole palette").hasSize(5);
        assertThat(chemin(extreme(false)).getDomAttribute("fill")).isEqualTo(PALETTE.get(0));
        assertThat(chemin(extreme(true)).getDomAttribute("fill")).isEqualTo(PALETTE.get(4));
        assertThat(texte(navigateur.findElement(By.tagName("body")))).doesNotContainIgnoringCase("undefined")
                .doesNotContain("null", "NaN");
        capturer("la-rochelle");

        navigateur.navigate().back();
        attendreLesCommunes("54", 13);
        assertThat(navigateur.findElement(By.id("titre")).getText()).contains("Bassin de Pompey");
        assertThat(texte(navigateur.findElement(By.cssSelector(".legend")))).contains("de 20 à 40 %", "Classes fixes");
    }

    @Test
    void whereSeveralIndicatorsExistASecondSelectorSwitchesTheLayerLegendPanelAndTitle() {
        WebElement bloc = navigateur.findElement(By.id("bloc-indicateur"));
        assertThat(bloc.isDisplayed()).isTrue();
        assertThat(navigateur.findElement(By.cssSelector("label[for='choix-indicateur']")).getText()).isEqualTo("Indicateur");
        var choix = new Select(navigateur.findElement(By.id("choix-indicateur")));
        assertThat(choix.getOptions()).extracting(WebElement::getText)
                .containsExactly("Taux de présentation des bacs", "Fragilité face à l'isolement");
        assertThat(choix.getFirstSelectedOption().getText()).isEqualTo("Taux de présentation des bacs");

        choix.selectByVisibleText("Fragilité face à l'isolement");

        attente.until(d -> texte(d.findElement(By.cssSelector(".legend"))).startsWith("Fragilité face à l'isolement"));
        assertThat(navigateur.findElements(By.cssSelector("path.leaflet-interactive[data-code^='54']"))).hasSize(13);
        assertThat(navigateur.getCurrentUrl()).contains("territoire=bassin-de-pompey", "indicateur=fragilite-isolement");
        assertThat(navigateur.getTitle()).isEqualTo("Croisements — Bassin de Pompey : fragilité face à l'isolement des personnes âgées");
        assertThat(navigateur.findElement(By.id("fiche-libelle")).getText()).isEqualTo("Fragilité face à l'isolement");
        assertThat(texte(navigateur.findElement(By.cssSelector(".legend")))).contains("quantiles", "13 communes");
        assertThat(chemin(MONTENOY).getDomAttribute("fill")).as("no secret here").isIn(PALETTE);
        assertThat(navigateur.findElement(By.id("lien-csv")).getDomAttribute("href"))
                .isEqualTo("/api/indicateurs/fragilite-isolement/territoires/bassin-de-pompey.csv");
        assertThat(texte(navigateur.findElement(By.cssSelector(".leaflet-control-attribution"))))
                .doesNotContain("simulées");
        capturer("pompey-fragilite");

        new Select(navigateur.findElement(By.id("choix-territoire"))).selectByVisibleText("La Rochelle");
        attendreLesCommunes("17", 28);
        assertThat(navigateur.getCurrentUrl()).contains("indicateur=fragilite-isolement");
    }

    @Test
    void theFragilityPopupListsItsThreeComponentsWithLabelsValuesAndSourcesAndTheSecretOne() {
        navigateur.get(serveur.uri("/?territoire=la-rochelle&indicateur=fragilite-isolement").toString());
        attendreLesCommunes("17", 28);
        Indicateur rochelle = FRAGILITE.get(LA_ROCHELLE);

        ouvrirDepuisLeTableau("La Rochelle");
        String detail = texte(fenetreOuverte());
        assertThat(detail).startsWith("La Rochelle").contains(
                "Fragilité face à l'isolement", virgule(rochelle.valeur()) + " %",
                "Ce que croise l'indice",
                "Part des 75 ans et plus : " + virgule(rochelle.mesures().get("part_75_plus")) + " %",
                "Part des ménages d'une seule personne : "
                        + virgule(rochelle.mesures().get("part_menages_une_personne")) + " %",
                "Taux de pauvreté : " + virgule(rochelle.mesures().get("taux_pauvrete")) + " %",
                "Insee, Dossier complet (recensement de la population) (2022)",
                "Insee, Filosofi (revenus et pauvreté) (2021)",
                "Années 2021 et 2022")
                .doesNotContain("bacs", "null", "NaN", "undefined", "Données simulées");
        capturer("la-rochelle-fenetre");

        navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
        ouvrirDepuisLeTableau(ROCHELAISE_SECRETE.nom());
        String secret = texte(fenetreOuverte());
        assertThat(secret).startsWith(ROCHELAISE_SECRETE.nom()).contains("secret statistique",
                "Taux de pauvreté : secret statistique",
                "Part des 75 ans et plus : " + virgule(FRAGILITE.get(ROCHELAISE_SECRETE.codeInsee()).mesures()
                        .get("part_75_plus")) + " %",
                "Secret statistique : l'Insee ne publie pas l'un des trois taux pour cette commune, "
                        + "l'indice n'est donc pas calculé.")
                .doesNotContain("null", "NaN", "undefined");
        capturer("la-rochelle-commune-secrete");
    }

    @Test
    void theCatalogueLinkOpensAPageWithOneCardPerDatasetSayingRealOrSimulated() {
        navigateur.findElement(By.id("lien-catalogue")).click();
        attente.until(d -> d.getTitle().equals("Catalogue des données de Croisements"));

        List<WebElement> cartes = navigateur.findElements(By.cssSelector("article.carte-jeu"));
        assertThat(cartes).hasSizeGreaterThan(4).allSatisfy(carte -> {
            String texte = texte(carte);
            boolean simule = "true".equals(carte.getDomAttribute("data-simule"));
            assertThat(texte).as(carte.getDomAttribute("id"))
                    .contains("Producteur", "Millésime", "Licence", "Formats et liens",
                            simule ? "données simulées" : "données réelles");
        });
        WebElement levees = navigateur.findElement(By.id("flux-dechets-levees"));
        assertThat(texte(levees)).startsWith("Levées de bacs pucés (données simulées)");
        WebElement fragilite = navigateur.findElement(By.id("indicateur-fragilite-isolement"));
        assertThat(texte(fragilite)).contains("Fragilité face à l'isolement", "données réelles", "CSV");
        assertThat(texte(navigateur.findElement(By.tagName("body")))).doesNotContain("null", "undefined");
        capturer("catalogue");
    }

    @Test
    void theExplanationsOfThePointColoursFoldAndUnfoldLeavingTheLayersCheckboxes() {
        navigateur.get(serveur.uri("/carte.html?territoire=grand-poitiers").toString());
        attendreLesCommunes("86", 40);
        WebElement replier = affiche(".capteurs button.replier");
        assertThat(replier.getText()).isEqualTo("Replier");
        assertThat(replier.getDomAttribute("aria-expanded")).isEqualTo("true");
        attente.until(d -> d.findElements(By.cssSelector(".capteurs .ligne")).stream().anyMatch(WebElement::isDisplayed));
        int hauteurDepliee = navigateur.findElement(By.cssSelector(".info.capteurs")).getSize().getHeight();

        replier.click();
        attente.until(d -> d.findElements(By.cssSelector(".capteurs .ligne")).stream().noneMatch(WebElement::isDisplayed));
        assertThat(replier.getText()).isEqualTo("Déplier");
        assertThat(replier.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(navigateur.findElement(By.id("afficher-capteurs")).isDisplayed()).as("the layer's checkbox stays").isTrue();
        assertThat(navigateur.findElement(By.cssSelector(".info.capteurs")).getSize().getHeight()).isLessThan(hauteurDepliee);
        capturer("points-replies");

        replier.sendKeys(Keys.ENTER);
        attente.until(d -> d.findElements(By.cssSelector(".capteurs .ligne")).stream().anyMatch(WebElement::isDisplayed));
        assertThat(replier.getText()).isEqualTo("Replier");
    }

    @Test
    void theDevicesOfGrandPoitiersAreDrawnAboveTheCommunesBlueWhenHeardGreyWhenSilentWithAFrenchPopup() {
        serveur.horloge.set(ETE);
        try {
            navigateur.get(serveur.uri("/?territoire=grand-poitiers").toString());
            attendreLesCommunes("86", 40);
            List<WebElement> marqueurs = attente.until(d -> {
                List<WebElement> trouves = d.findElements(By.cssSelector("path.leaflet-interactive[data-deveui]"));
                return trouves.size() == 3 ? trouves : null;
            });
            for (WebElement marqueur : marqueurs) {
                boolean silencieux = marqueur.getDomAttribute("data-deveui").equals(CAPTEUR_SAINT_BENOIT);
                assertThat(marqueur.getDomAttribute("fill")).as(marqueur.getDomAttribute("data-deveui"))
                        .isEqualTo(silencieux ? GRIS_SILENCIEUX : BLEU_A_JOUR);
                assertThat(marqueur.getDomAttribute("data-etat")).isEqualTo(silencieux ? "silencieux" : "à jour");
            }
            assertThat(navigateur.findElement(By.id("titre")).getText())
                    .isEqualTo("Croisements — Grand Poitiers : exposition des 75 ans et plus à la chaleur");
            String controle = texte(navigateur.findElement(By.cssSelector(".capteurs")));
            assertThat(controle).contains("Capteurs : 3", "à jour : entendu dans l'heure : 2",
                    "silencieux depuis plus d'une heure : 1");
            List<String> pastilles = navigateur.findElements(By.cssSelector(".capteurs .section-capteurs .pastille")).stream()
                    .map(p -> Color.fromString(p.getCssValue("background-color")).asHex()).toList();
            assertThat(pastilles).containsExactly(BLEU_A_JOUR, GRIS_SILENCIEUX);
            assertThat(texte(navigateur.findElement(By.cssSelector(".leaflet-control-attribution"))))
                    .contains("données simulées (capteurs)").doesNotContain("bacs");
            capturer("capteurs-grand-poitiers");

            WebElement silencieux = marqueur(CAPTEUR_SAINT_BENOIT);
            new Actions(navigateur).moveToElement(silencieux).perform();
            assertThat(texte(affiche(".leaflet-tooltip"))).isEqualTo("Capteur Milesight EM500-CO2 : vu il y a 3 h");
            new Actions(navigateur).click(silencieux).perform();
            String detail = texte(fenetreOuverte());
            assertThat(detail).startsWith("Capteur Milesight EM500-CO2").contains(
                    "Silencieux, vu il y a 3 h", "Dernières mesures", "Température\n21,4 °C", "Humidité\n45 %",
                    "CO₂\n612 ppm", "Commune\nSaint-Benoît", "Batterie\n87 %", "Messages perdus\n3 (2,4 %)",
                    "Entendu par\n1 antenne", "Dernier message\n15 juillet 2025 à 13:00",
                    "Antennes : gp-saint-benoit", "Identifiant (DevEUI) : " + CAPTEUR_SAINT_BENOIT, "Données simulées")
                    .doesNotContain("null", "NaN", "undefined");
            capturer("capteurs-grand-poitiers-fenetre");

            navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
            WebElement caseCapteurs = navigateur.findElement(By.id("afficher-capteurs"));
            caseCapteurs.click();
            attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).isEmpty());
            caseCapteurs.click();
            attente.until(d -> d.findElements(By.cssSelector("path[data-deveui]")).size() == 3);

            // heard again: a live cell of a sensor indicator makes the page read the devices again
            serveur.capteurs.remplacer(capteur(CAPTEUR_SAINT_BENOIT, "86214", ETE.minusSeconds(20), "gp-saint-benoit"));
            Indicateur couverture = couverture("86214", "Saint-Benoît");
            attente.until(d -> {
                serveur.liveFeed.publier(couverture);
                return BLEU_A_JOUR.equals(marqueur(CAPTEUR_SAINT_BENOIT).getDomAttribute("fill"));
            });
            assertThat(texte(navigateur.findElement(By.cssSelector(".capteurs")))).contains("à jour : entendu dans l'heure : 3");
        } finally {
            serveur.capteurs.remplacer(capteur(CAPTEUR_SAINT_BENOIT, "86214", ETE.minus(Duration.ofHours(3)), "gp-saint-benoit"));
            serveur.horloge.set(HEURE_SIMULEE);
        }
    }

    @Test
    void theAntennasOfGrandPoitiersAreOrangeTrianglesBelowTheDevicesWithTheirOwnCheckboxAndAFrenchPopup() {
        serveur.horloge.set(ETE);
        try {
            navigateur.get(serveur.uri("/?territoire=grand-poitiers").toString());
            attendreLesCommunes("86", 40);
            List<WebElement> antennes = attente.until(d -> {
                List<WebElement> trouvees = d.findElements(By.cssSelector(".marqueur-antenne[data-antenne]"));
                return trouvees.size() == 5 ? trouvees : null;
            });
            assertThat(antennes).extracting(a -> a.getDomAttribute("data-antenne"))
                    .containsExactlyInAnyOrder("gp-couronneries", "gp-hotel-de-ville", "gp-saint-benoit", "gp-technopole",
                            ANTENNE_PROCHE)
                    .doesNotContain(ANTENNE_LOINTAINE);
            for (WebElement a : antennes) {
                boolean silencieuse = a.getDomAttribute("data-antenne").equals("gp-saint-benoit");
                assertThat(a.findElement(By.cssSelector("polygon.forme")).getDomAttribute("fill"))
                        .as(a.getDomAttribute("data-antenne")).isEqualTo(silencieuse ? GRIS_SILENCIEUX : ORANGE_ANTENNE);
                assertThat(a.getDomAttribute("data-etat")).isEqualTo(silencieuse ? "silencieuse" : "à jour");
                assertThat(a.isDisplayed()).as("the view takes in the antenna outside the territory too").isTrue();
            }
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-deveui]")).size() == 3);
            String controle = texte(navigateur.findElement(By.cssSelector(".capteurs")));
            assertThat(controle).contains("Capteurs : 3", "Antennes : 5", "à jour : message reçu dans l'heure : 4",
                    "silencieuses depuis plus d'une heure : 1");
            assertThat(controle.indexOf("Capteurs : 3")).as("devices first").isLessThan(controle.indexOf("Antennes : 5"));
            List<String> symboles = navigateur.findElements(By.cssSelector(".section-antennes .symbole-antenne .forme"))
                    .stream().map(f -> f.getDomAttribute("fill")).toList();
            assertThat(symboles).containsExactly(ORANGE_ANTENNE, GRIS_SILENCIEUX);
            // devices above antennas: a click on a device near an antenna reaches the device
            assertThat(Integer.parseInt(navigateur.findElement(By.cssSelector(".leaflet-capteurs-pane")).getCssValue("z-index")))
                    .isGreaterThan(Integer.parseInt(navigateur.findElement(By.cssSelector(".leaflet-antennes-pane"))
                            .getCssValue("z-index")));

            // Saint-Benoît's device stands on its antenna: the device, above, gets the mouse
            new Actions(navigateur).moveToElement(antenne("gp-saint-benoit")).perform();
            assertThat(texte(affiche(".leaflet-tooltip"))).startsWith("Capteur Milesight EM500-CO2");
            new Actions(navigateur).moveToElement(antenne(ANTENNE_PROCHE)).perform();
            assertThat(texte(affiche(".leaflet-tooltip"))).isEqualTo("Antenne LoRaWAN : vue il y a 5 min");
            antenne("gp-saint-benoit").sendKeys(Keys.ENTER); // the antenna is still reachable from the keyboard
            String detail = texte(fenetreOuverte());
            assertThat(detail).startsWith("Antenne LoRaWAN").contains("Silencieuse, vue il y a 3 h", "Commune\nSaint-Benoît",
                    "Capteurs entendus\n1 capteur", "Messages reçus\n240", "Dernier message\n15 juillet 2025 à 13:00",
                    "Capteurs : " + CAPTEUR_SAINT_BENOIT, "Identifiant : gp-saint-benoit", "Données simulées")
                    .doesNotContain("null", "NaN", "undefined");
            navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).click();

            new Actions(navigateur).click(antenne(ANTENNE_PROCHE)).perform();
            assertThat(texte(fenetreOuverte())).contains("À jour, vue il y a 5 min",
                    "Emplacement\nà proximité du territoire", "Capteurs entendus\n2 capteurs",
                    "Messages reçus\n75");
            capturer("antennes-grand-poitiers");
            navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).click();

            // a device's popup shows the antennas that heard it, joined to it by dotted lines
            new Actions(navigateur).click(marqueur(CAPTEUR_POITIERS)).perform();
            fenetreOuverte();
            attente.until(d -> d.findElements(By.cssSelector(".marqueur-antenne.entendue")).size() == 2);
            assertThat(navigateur.findElements(By.cssSelector(".marqueur-antenne.entendue")))
                    .extracting(a -> a.getDomAttribute("data-antenne"))
                    .containsExactlyInAnyOrder("gp-hotel-de-ville", "gp-couronneries");
            assertThat(navigateur.findElements(By.cssSelector(".leaflet-liens-antennes-pane path"))).hasSize(2);
            capturer("antennes-grand-poitiers-capteur");
            navigateur.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
            attente.until(d -> d.findElements(By.cssSelector(".marqueur-antenne.entendue")).isEmpty()
                    && d.findElements(By.cssSelector(".leaflet-liens-antennes-pane path")).isEmpty());

            WebElement caseAntennes = navigateur.findElement(By.id("afficher-antennes"));
            caseAntennes.click();
            attente.until(d -> d.findElements(By.cssSelector(".marqueur-antenne")).isEmpty());
            assertThat(navigateur.findElements(By.cssSelector("path[data-deveui]"))).as("devices stay").hasSize(3);
            caseAntennes.click();
            attente.until(d -> d.findElements(By.cssSelector(".marqueur-antenne[data-antenne]")).size() == 5);
        } finally {
            serveur.horloge.set(HEURE_SIMULEE);
        }
    }

    @Test
    void theHeatPopupOfACommuneListsItsFiguresUnderAHeadingThatSuitsARatio() {
        serveur.horloge.set(ETE);
        try {
            navigateur.get(serveur.uri("/?territoire=grand-poitiers").toString());
            attendreLesCommunes("86", 40);

            ouvrirDepuisLeTableau("Poitiers");
            String detail = texte(fenetreOuverte());
            assertThat(detail).startsWith("Poitiers").contains("Personnes de 75 ans et plus exposées à la chaleur",
                    "7 302 personnes", "Les chiffres de la commune", "Température la plus haute (°C) : 31,2",
                    "Température moyenne (°C) : 26,4", "Capteurs de la commune : 1", "Capteurs à 30 °C ou plus : 1",
                    "Journée du 15 juillet 2025", "Sources : Croisements, Capteurs LoRaWAN de température", "Données simulées")
                    .doesNotContain("Ce que croise l'indice", "°C) : 31,2 personnes", "null", "NaN", "undefined");
            capturer("chaleur-grand-poitiers");
        } finally {
            serveur.horloge.set(HEURE_SIMULEE);
        }
    }


    @Test
    void theCarParksOfLaRochelleAreCirclesColouredByOccupancyWithAPopupAndItsHourlyProfile() {
        navigateur.get(serveur.uri("/?territoire=la-rochelle").toString());
        attendreLesCommunes("17", LA_ROCHELLE_PACK.communes().size());
        List<WebElement> parkings = attente.until(d -> {
            List<WebElement> trouves = d.findElements(By.cssSelector("path.leaflet-interactive[data-parking]"));
            return trouves.size() == 3 ? trouves : null;
        });
        assertThat(parkings).extracting(p -> p.getDomAttribute("data-etat"))
                .containsExactlyInAnyOrder("valeur disponible", "valeur disponible", "pas d'observation");
        String controle = texte(navigateur.findElement(By.cssSelector(".capteurs .section-parkings")));
        assertThat(controle).contains("Parkings : 3", "taux d'occupation", "pas d'observation : 1",
                "taille du cercle : nombre de places");
        assertThat(navigateur.findElement(By.id("lien-parkings-fiware")).isDisplayed()).isTrue();
        WebElement verdun = navigateur.findElement(By.cssSelector("path[data-parking='17300-P-VERDUN']"));
        assertThat(verdun.getDomAttribute("fill")).as("72 %: 70 to 85 %").isEqualTo("#fc8d59");
        assertThat(navigateur.findElement(By.cssSelector("path[data-parking='17300-P-VIEUX-PORT']")).getDomAttribute("fill"))
                .isEqualTo("#8a8a8a");

        new Actions(navigateur).click(verdun).perform();
        try {
            attente.until(d -> d.findElements(By.cssSelector(".leaflet-popup svg.profil-parking rect")).size() == 24);
        } catch (TimeoutException e) {
            capturer("echec-parkings");
            throw new AssertionError("Pas de profil : " + navigateur.findElements(By.cssSelector(".leaflet-popup")).stream()
                    .map(WebElement::getText).toList() + " Console :\n" + navigateur.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
        String detail = texte(fenetreOuverte());
        assertThat(detail).startsWith("Parking Verdun").contains("Mardi 4 mars 2025, 10 h – 11 h",
                "Taux d'occupation\n72 %", "Places libres\n118 sur 420", "Arrivées estimées\n35",
                "Profil moyen sur 7 jours", "Données simulées").doesNotContain("null", "NaN", "undefined");
        capturer("parkings");
    }

    @Test
    void theHomePageListsTheFourTerritoriesWithTheirProofsOfConceptAndWhatAntonyLacks() {
        navigateur.get(serveur.uri("/").toString());
        List<WebElement> territoires = attente.until(d -> {
            List<WebElement> trouves = d.findElements(By.cssSelector(".territoire"));
            return trouves.size() == 4 ? trouves : null;
        });
        assertThat(navigateur.findElement(By.tagName("h1")).getText())
                .isEqualTo("Croisements : quatre territoires, des données croisées sur une carte");
        assertThat(territoires.stream().map(t -> t.findElement(By.tagName("h2")).getText()).toList())
                .hasSize(4).contains("Ville d'Antony").anySatisfy(n -> assertThat(n).contains("Pompey"))
                .anySatisfy(n -> assertThat(n).contains("Poitiers")).anySatisfy(n -> assertThat(n).contains("Rochelle"));
        WebElement carteAntony = navigateur.findElement(By.cssSelector(".territoire[data-territoire='antony']"));
        carteAntony.findElement(By.cssSelector("details.manque summary")).click();
        String antony = texte(carteAntony);
        assertThat(antony).contains("Données manquantes pour", "Occupation des parkings aux heures de pointe",
                "il manque la liste des parkings", "croisements ingest stationnement FICHIER", "croisements ingest occupation FICHIER");
        String body = texte(navigateur.findElement(By.tagName("body")));
        assertThat(body).contains("Taux de présentation des bacs", "Fragilité face à l'isolement",
                "quelle part des ménages a sorti son bac").doesNotContain("null", "undefined", "NaN");
        capturer("accueil");

        WebElement lien = navigateur.findElement(By.cssSelector(".territoire[data-territoire='bassin-de-pompey'] a.lien-preuve"));
        assertThat(lien.getDomAttribute("href"))
                .isEqualTo("/carte.html?territoire=bassin-de-pompey&indicateur=taux-presentation-bacs");
        lien.click();
        attendreLesCommunes("54", 13);
        assertThat(navigateur.findElement(By.id("fiche-libelle")).getText()).isEqualTo("Taux de présentation des bacs");
    }

    /** Issue #9, item 5: counts and labels follow the territories served, a pack of --packs listed like the bundled ones. */
    @Test
    void theHomePageTitleAndCountFollowTheTerritoriesServedAPackAddedWithPacksListedLikeTheOthers() throws Exception {
        try (var cinq = new ServeurDeTest(List.of(POMPEY_PACK, LA_ROCHELLE_PACK, GRAND_POITIERS_PACK,
                Territoires.charger("antony"), Fixtures.VAL_DE_TEST))) {
            navigateur.get(cinq.uri("/").toString());
            attente.until(d -> d.findElements(By.cssSelector(".territoire")).size() == 5);

            assertThat(navigateur.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Croisements : cinq territoires, des données croisées sur une carte");
            assertThat(navigateur.findElement(By.id("etat")).getText()).isEqualTo("5 territoires");
            WebElement ajoute = navigateur.findElement(By.cssSelector(".territoire[data-territoire='val-de-test']"));
            assertThat(texte(ajoute)).startsWith("Communauté de communes du Val de Test\n3 communes")
                    .contains("Les communes et leurs chiffres Insee");
            assertThat(ajoute.findElement(By.cssSelector("a.lien-preuve")).getDomAttribute("href"))
                    .isEqualTo("/carte.html?territoire=val-de-test");
            capturer("accueil-cinq-territoires");

            navigateur.get(cinq.uri("/carte.html?territoire=val-de-test").toString());
            attendreLesCommunes("54", 3);
            assertThat(new Select(navigateur.findElement(By.id("choix-territoire"))).getOptions()).hasSize(5)
                    .anySatisfy(o -> assertThat(o.getDomAttribute("value")).isEqualTo("val-de-test"));
        }
        try (var un = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST))) {
            navigateur.get(un.uri("/").toString());
            attente.until(d -> d.findElements(By.cssSelector(".territoire")).size() == 1);

            assertThat(navigateur.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Croisements : un territoire, des données croisées sur une carte");
            assertThat(navigateur.findElement(By.id("etat")).getText()).isEqualTo("1 territoire");
        }
    }

    @Test
    void earlyInAWindowTheResultSaysHowManyCommunesStillShowThePreviousOne() {
        Object phrases = navigateur.executeAsyncScript("""
                const fini = arguments[arguments.length - 1];
                const definition = { id: 'taux-presentation-bacs', libelle: 'Taux de présentation des bacs', unite: '%' };
                const commune = (nom, debut, valeur) => ({ nom, debut, valeur, unite: '%', secret: false,
                  semaine: debut === '2025-01-13T00:00:00Z' ? 'semaine du 13 au 19 janvier 2025' : 'semaine du 6 au 12 janvier 2025' });
                import('/js/fiche.js').then((f) => fini([
                  f.phraseResultat(definition, [commune('Pompey', '2025-01-13T00:00:00Z', 52.1),
                    commune('Frouard', '2025-01-13T00:00:00Z', 38.2), commune('Liverdun', '2025-01-06T00:00:00Z', 60.0)]),
                  f.phraseResultat(definition, [commune('Pompey', '2025-01-13T00:00:00Z', 52.1),
                    commune('Frouard', '2025-01-13T00:00:00Z', 38.2)]),
                ]));""");
        assertThat(phrases).isEqualTo(List.of(
                "Semaine du 13 au 19 janvier 2025 : le taux de présentation va de 38,2\u00a0% à Frouard à 52,1\u00a0% à Pompey."
                        + " Sur la carte, 1 autre commune garde la valeur d'une période précédente.",
                "Semaine du 13 au 19 janvier 2025 : le taux de présentation va de 38,2\u00a0% à Frouard à 52,1\u00a0% à Pompey."));
    }

    @Test
    void thePageNamesWindowsAsTheServerDoesInUtcOrInParisForTheCarParksDays() {
        Object libelles = navigateur.executeAsyncScript("""
                const fini = arguments[arguments.length - 1];
                import('/js/format.js').then((f) => fini([
                  f.libelleSemaine('2025-01-06T00:00:00Z', '2025-01-13T00:00:00Z'),
                  f.libelleSemaine('2025-07-02T22:00:00Z', '2025-07-03T22:00:00Z'),
                  f.libelleSemaine('2025-01-05T23:00:00Z', '2025-01-06T23:00:00Z'),
                  f.jourDeFenetre('2025-07-02T22:00:00Z'),
                  f.jourDeFenetre('2025-07-15T00:00:00Z'),
                ]));""");
        assertThat(libelles).isEqualTo(List.of(
                Periodes.libelle(Instant.parse("2025-01-06T00:00:00Z"), Instant.parse("2025-01-13T00:00:00Z")),
                Periodes.libelle(Instant.parse("2025-07-02T22:00:00Z"), Instant.parse("2025-07-03T22:00:00Z")),
                "journée du 6 janvier 2025", "3 juillet 2025", "15 juillet 2025"));
    }

    @Test
    void theHomePageWaitsForTheStoresAtStartUpSayingSoThenListsTheTerritories() {
        serveur.queries.rendreIndisponible();
        try {
            navigateur.get(serveur.uri("/").toString());
            attente.until(d -> d.findElement(By.id("etat")).getText().contains("en cours de chargement"));
            assertThat(navigateur.findElements(By.cssSelector(".territoire"))).isEmpty();
            capturer("accueil-au-demarrage");
        } finally {
            serveur.queries.rendreDisponible();
        }
        // the page tries again every 3 s
        attente.until(d -> d.findElements(By.cssSelector(".territoire")).size() == 4);
        assertThat(navigateur.findElement(By.id("etat")).getText()).isEqualTo("4 territoires");
    }

    @Test
    void theMapOfAntonySaysWhichDataAreMissingForItsParkingQuestionAndHowToBringThem() {
        navigateur.get(serveur.uri("/carte.html?territoire=antony").toString());
        attendreLesCommunes("92", 1);
        WebElement manque = affiche("#manque .manque");
        manque.findElement(By.tagName("summary")).click();
        assertThat(texte(manque)).contains("Occupation des parkings aux heures de pointe", "la liste des parkings",
                "croisements ingest stationnement FICHIER", "croisements ingest occupation FICHIER");
        assertThat(manque.findElements(By.cssSelector("li[data-indicateur='fragilite-isolement']")))
                .as("Antony has its fragility index: not listed as missing").isEmpty();
        capturer("antony-donnees-manquantes");

        new Select(navigateur.findElement(By.id("choix-territoire"))).selectByValue("bassin-de-pompey");
        attendreLesCommunes("54", 13);
        WebElement pompey = affiche("#manque .manque");
        assertThat(pompey.findElements(By.cssSelector("li[data-indicateur='taux-presentation-bacs']")))
                .as("the Bassin de Pompey has its bins: not listed as missing").isEmpty();
        assertThat(pompey.findElements(By.cssSelector("li[data-indicateur='occupation-parkings-pointe']"))).hasSize(1);
    }

    @Test
    void anOldLinkToTheMapStillOpensIt() {
        navigateur.get(serveur.uri("/?territoire=la-rochelle").toString());
        attendreLesCommunes("17", 28);
        assertThat(navigateur.getCurrentUrl()).contains("/carte.html?territoire=la-rochelle");
    }

    @Test
    void theFicheSaysItsResultInOneSentenceWithTheCommunesAndNumbersOfTheApi() {
        // the bins of the Bassin de Pompey: lowest and highest published rates of the week, from the API
        List<?> extremes = extremesDeLApi("bassin-de-pompey", "taux-presentation-bacs");
        String phrase = texte(navigateur.findElement(By.id("fiche-resultat")));
        assertThat(phrase).isEqualTo("Semaine du 6 au 12 janvier 2025 : le taux de présentation va de "
                + virgule(valeur(extremes, 1)) + " % à " + ((List<?>) extremes.get(0)).get(0) + " à "
                + virgule(valeur(extremes, 3)) + " % à " + ((List<?>) extremes.get(2)).get(0) + ".");
        assertThat(phrase).contains("18,4 %", "81,2 %"); // as the cells of the fixture
        assertFicheCourteEtComplete();
        assertThat(texte(navigateur.findElement(By.id("fiche-sources")))).contains("simulé", "réel", "Insee");
        assertThat(texte(navigateur.findElement(By.id("fiche-limites")))).contains("secret statistique");
        capturer("fiche");

        // the fragility index of La Rochelle: highest and lowest communes
        navigateur.get(serveur.uri("/carte.html?territoire=la-rochelle&indicateur=fragilite-isolement").toString());
        attendreLesCommunes("17", 28);
        extremes = extremesDeLApi("la-rochelle", "fragilite-isolement");
        assertThat(texte(navigateur.findElement(By.id("fiche-resultat")))).startsWith("L'indice est le plus élevé à "
                + ((List<?>) extremes.get(2)).get(0) + " (" + virgule(valeur(extremes, 3)) + " %) et le plus bas à "
                + ((List<?>) extremes.get(0)).get(0) + " (" + virgule(valeur(extremes, 1)) + " %)");
        assertFicheCourteEtComplete();
        capturer("fiche-fragilite");

        // the heat in Grand Poitiers: the people of 75 and more exposed, summed over the communes
        serveur.horloge.set(ETE);
        try {
            navigateur.get(serveur.uri("/carte.html?territoire=grand-poitiers&indicateur=exposition-chaleur-75-plus").toString());
            attendreLesCommunes("86", 40);
            double total = ((Number) ((JavascriptExecutor) navigateur).executeAsyncScript("""
                    const fini = arguments[arguments.length - 1];
                    fetch('/api/territoires/grand-poitiers/communes.geojson?indicateur=exposition-chaleur-75-plus')
                      .then((r) => r.json())
                      .then((g) => fini(g.features.map((f) => f.properties).filter((p) => !p.secret && p.valeur !== null)
                        .reduce((s, p) => s + p.valeur, 0)));""")).doubleValue();
            assertThat(total).isPositive();
            assertThat(texte(navigateur.findElement(By.id("fiche-resultat")))).isEqualTo("Le 15 juillet 2025, "
                    + new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRANCE))
                            .format(total).replace('\u202f', ' ').replace('\u00a0', ' ')
                    + " personnes de 75 ans et plus vivaient dans une commune où un capteur a dépassé 30 °C.");
            assertFicheCourteEtComplete();
            capturer("fiche-chaleur");
        } finally {
            serveur.horloge.set(HEURE_SIMULEE);
        }
    }

    @Test
    void thePrintViewShowsTheMapAndTheFicheSideBySideWithoutTheControls() {
        JavascriptExecutor js = navigateur;
        // the print sheet is linked for print, and says A4 landscape
        assertThat(js.executeScript("""
                const feuille = [...document.styleSheets].find((f) => f.href && f.href.endsWith('/css/impression.css'));
                return feuille ? feuille.media.mediaText : null;""")).isEqualTo("print");
        assertThat((String) js.executeScript("""
                const feuille = [...document.styleSheets].find((f) => f.href && f.href.endsWith('/css/impression.css'));
                return [...feuille.cssRules].filter((r) => r instanceof CSSPageRule).map((r) => r.style.size).join();"""))
                .isEqualToIgnoringCase("A4 landscape");
        assertThat(navigateur.findElement(By.id("imprimer")).getText()).isEqualTo("Imprimer la fiche");
        js.executeScript("window.print = () => { window.imprimee = true; };");
        navigateur.findElement(By.id("imprimer")).click();
        assertThat(js.executeScript("return window.imprimee === true;")).isEqualTo(true);

        // ?impression=1 applies the same sheet on screen
        navigateur.get(serveur.uri("/carte.html?territoire=bassin-de-pompey&impression=1").toString());
        attendreLesCommunes("54", 13);
        attente.until(d -> !texte(d.findElement(By.id("fiche-resultat"))).isBlank());
        for (String controle : List.of(".choix", "#etat", "#imprimer", "table.communes", ".telechargements",
                ".leaflet-control-zoom")) {
            assertThat(navigateur.findElement(By.cssSelector(controle)).isDisplayed()).as(controle).isFalse();
        }
        WebElement carte = navigateur.findElement(By.id("carte"));
        WebElement fiche = navigateur.findElement(By.id("fiche"));
        assertThat(fiche.isDisplayed()).isTrue();
        assertThat(navigateur.findElement(By.cssSelector(".legend")).isDisplayed()).isTrue();
        assertThat(fiche.getRect().getX()).as("the fiche beside the map").isGreaterThanOrEqualTo(
                carte.getRect().getX() + carte.getRect().getWidth() - 1);
        assertThat(carte.getRect().getHeight()).isGreaterThan(500);
        capturer("fiche-impression");
    }

    /** The fiche stays within 150 words and has each of its parts. */
    private void assertFicheCourteEtComplete() {
        WebElement fiche = navigateur.findElement(By.id("fiche"));
        assertThat(Integer.parseInt(fiche.getDomAttribute("data-mots"))).isBetween(30, 150);
        for (String partie : List.of("fiche-question", "fiche-resultat", "fiche-sources", "fiche-methode", "fiche-limites")) {
            assertThat(navigateur.findElement(By.id(partie)).getText()).as(partie).isNotBlank();
        }
        assertThat(texte(fiche)).doesNotContain("null", "undefined", "NaN");
    }

    /** [[nom, valeur] lowest, [nom, valeur] highest] as flattened list: nom, valeur, nom, valeur, from the API. */
    private static List<?> extremesDeLApi(String territoire, String indicateur) {
        Object resultat = ((JavascriptExecutor) navigateur).executeAsyncScript("""
                const fini = arguments[arguments.length - 1];
                fetch(`/api/territoires/${arguments[0]}/communes.geojson?indicateur=${arguments[1]}`)
                  .then((r) => r.json())
                  .then((g) => {
                    const p = g.features.map((f) => f.properties).filter((c) => !c.secret && c.valeur !== null)
                      .sort((a, b) => a.valeur - b.valeur);
                    const bas = p[0];
                    const haut = p[p.length - 1];
                    fini([[bas.nom], bas.valeur, [haut.nom], haut.valeur]);
                  });""", territoire, indicateur);
        return (List<?>) resultat;
    }

    private static double valeur(List<?> extremes, int i) {
        return ((Number) extremes.get(i)).doubleValue();
    }

    private void attendreLesCommunes(String departement, int nombre) {
        try {
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == nombre
                    && d.findElements(By.cssSelector("path.leaflet-interactive[data-code^='" + departement + "']")).size()
                            == nombre);
        } catch (TimeoutException e) {
            capturer("echec-changement-de-territoire");
            throw new AssertionError("Les " + nombre + " communes ne se sont pas affichées. État : « "
                    + navigateur.findElement(By.id("etat")).getText() + " ». Console :\n"
                    + chromium.console(), e);
        }
    }


    /** Three car parks in La Rochelle: Verdun 72 % the latest hour with 7 days of hours, Marché 95 % (saturated), Vieux-Port never observed. */
    private static void parkingsDeLaRochelle() {
        var source = new fr.croisements.events.Source("Parkings (schéma stationnement)", "Ville de La Rochelle", "2024",
                "Licence Ouverte 2.0", false);
        var occupation = new fr.croisements.events.Source("Occupation des parkings", "Croisements", "2025",
                "Licence Ouverte 2.0", true);
        serveur.parkings.addAll(List.of(
                new fr.croisements.events.ParcStationnement("17300-P-VERDUN", "Parking Verdun", LA_ROCHELLE, 420,
                        new fr.croisements.events.Position(-1.1535, 46.1620, null), "ouvrage", false, source),
                new fr.croisements.events.ParcStationnement("17300-P-MARCHE", "Parking du Marché", LA_ROCHELLE, 120,
                        new fr.croisements.events.Position(-1.2000, 46.1750, null), "enclos_en_surface", false, source),
                new fr.croisements.events.ParcStationnement("17300-P-VIEUX-PORT", "Parking du Vieux-Port", LA_ROCHELLE, 60,
                        new fr.croisements.events.Position(-1.1200, 46.1450, null), "enclos_en_surface", true, source)));
        Instant heure = Instant.parse("2025-03-04T09:00:00Z");
        for (int h = 7 * 24 - 1; h >= 0; h--) {
            Instant debut = heure.minus(Duration.ofHours(h));
            int locale = debut.atZone(java.time.ZoneId.of("Europe/Paris")).getHour();
            double taux = h == 0 ? 71.9 : Math.max(5, 90 * Math.exp(-Math.pow((locale - 14) / 4.0, 2)));
            serveur.queries.ajouter(parking("17300-P-VERDUN", "Parking Verdun", debut, taux, 420, 35, occupation, source));
        }
        serveur.queries.ajouter(parking("17300-P-MARCHE", "Parking du Marché", heure, 95, 120, 8, occupation, source));
    }

    private static Indicateur parking(String id, String nom, Instant debut, double taux, double places, int arrivees,
            fr.croisements.events.Source occupation, fr.croisements.events.Source source) {
        return new Indicateur("occupation-parkings", id, Zone.PARKING, nom, debut, debut.plus(Duration.ofHours(1)), taux, "%",
                taux * places / 100, places, occupation, source, Map.of("taux_max", Math.min(100, taux + 4),
                        "heures_saturees", taux >= 90 ? 1.0 : 0.0, "arrivees_estimees", (double) arrivees, "observations", 12.0),
                1L, false, true);
    }

    /** Heat exposure cells for five communes of Grand Poitiers, and three devices (Saint-Benoît's silent). */
    private static void chaleurEtCapteurs() {
        Instant jour = ETE.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Object[][] releves = {
            {"86194", 31.2, 26.4, 1, 1}, {"86062", 30.4, 25.8, 1, 1}, {"86214", 28.9, 24.1, 1, 0},
            {"86041", 31.8, 26.9, 0, 0}, {"86158", 29.5, 25.0, 0, 0},
        };
        for (Object[] r : releves) {
            Commune c = communeDe(GRAND_POITIERS_PACK, (String) r[0]);
            int capteurs = (int) r[3] == 0 ? 2 : (int) r[3]; // communes without a device of ours have others
            serveur.queries.ajouter(CellulesChaleur.cellule(c.codeInsee(), c.nom(), jour,
                    c.chiffre("population_75_plus"), (double) r[1], (double) r[2], capteurs, (int) r[4] == 1 ? 1 : 0));
        }
        serveur.capteurs.ajouter(
                capteur(CAPTEUR_POITIERS, "86194", ETE.minus(Duration.ofMinutes(12)), "gp-hotel-de-ville", "gp-couronneries"),
                capteur(CAPTEUR_CHASSENEUIL, "86062", ETE.minus(Duration.ofMinutes(40)), "gp-technopole"),
                capteur(CAPTEUR_SAINT_BENOIT, "86214", ETE.minus(Duration.ofHours(3)), "gp-saint-benoit"),
                // the freshest message of the simulated fleet, from a device without a position (not on the map):
                // simulated devices are judged against it, here the simulated clock itself
                new fr.croisements.events.SanteCapteur("24E124136B3100FF", null, null, ETE, Map.of(), null, List.of(),
                        1, 0, 0, 1L, true));
        // the antennas: where the simulator puts them, and two outside the territory, near and far
        org.locationtech.jts.geom.Coordinate est = java.util.Arrays.stream(GRAND_POITIERS_PACK.communes().stream()
                        .flatMap(c -> java.util.Arrays.stream(c.contour().getCoordinates()))
                        .toArray(org.locationtech.jts.geom.Coordinate[]::new))
                .max(Comparator.comparingDouble(c -> c.x)).orElseThrow();
        serveur.capteurs.ajouter(
                FaussesCapteurs.passerelle("gp-hotel-de-ville", 0.3404, 46.5802, ETE.minus(Duration.ofMinutes(12)), 1520, true,
                        CAPTEUR_POITIERS),
                FaussesCapteurs.passerelle("gp-couronneries", 0.3610, 46.5925, ETE.minus(Duration.ofMinutes(12)), 1498, true,
                        CAPTEUR_POITIERS),
                FaussesCapteurs.passerelle("gp-technopole", 0.3700, 46.6600, ETE.minus(Duration.ofMinutes(40)), 812, true,
                        CAPTEUR_CHASSENEUIL),
                FaussesCapteurs.passerelle("gp-saint-benoit", 0.3450, 46.5480, ETE.minus(Duration.ofHours(3)), 240, true,
                        CAPTEUR_SAINT_BENOIT),
                FaussesCapteurs.passerelle(ANTENNE_PROCHE, est.x + 0.02, est.y, ETE.minus(Duration.ofMinutes(5)), 75, true,
                        CAPTEUR_CHASSENEUIL, CAPTEUR_POITIERS),
                // the freshest reception of the simulated antennas (that the clock is judged against): at the clock
                FaussesCapteurs.passerelle(ANTENNE_LOINTAINE, est.x + 0.3, est.y, ETE, 9, true));
    }

    /** A simulated Milesight EM500-CO2 inside the commune, as the device health topology keeps it. */
    private static fr.croisements.events.SanteCapteur capteur(String devEui, String codeCommune, Instant vu,
            String... passerelles) {
        org.locationtech.jts.geom.Point point = communeDe(GRAND_POITIERS_PACK, codeCommune).contour().getInteriorPoint();
        return new fr.croisements.events.SanteCapteur(devEui, "milesight-em500-co2",
                new fr.croisements.events.Position(point.getX(), point.getY(), null), vu,
                Map.of("temperature", new fr.croisements.events.Mesure(21.43, "°C"),
                        "humidite", new fr.croisements.events.Mesure(45, "%"),
                        "co2", new fr.croisements.events.Mesure(612, "ppm")),
                87.0, List.of(passerelles), 120, 3, 0, 4242L, true);
    }

    /** A live cell of the coverage indicator, as its topology writes it. */
    private static Indicateur couverture(String code, String nom) {
        Instant jour = ETE.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return new Indicateur("couverture-lora", code, Zone.COMMUNE, nom, jour, jour.plus(Duration.ofDays(1)), 0.1,
                "capteurs pour 10 000 habitants", 1.0, 7000.0, CellulesChaleur.CAPTEURS, CellulesChaleur.POPULATION,
                Map.of("passerelles", 1.0, "rssi_median", -97.0, "snr_median", 4.5), 1L, false, true, Map.of());
    }

    private static Commune communeDe(Territoire pack, String code) {
        return pack.communes().stream().filter(c -> c.codeInsee().equals(code)).findFirst().orElseThrow();
    }

    private static WebElement antenne(String id) {
        return navigateur.findElement(By.cssSelector(".marqueur-antenne[data-antenne='" + id + "']"));
    }

    private static WebElement marqueur(String devEui) {
        return navigateur.findElement(By.cssSelector("path.leaflet-interactive[data-deveui='" + devEui + "']"));
    }

    private void ouvrirDepuisLeTableau(String nom) {
        navigateur.findElements(By.cssSelector("#communes button")).stream()
                .filter(b -> b.getText().equals(nom)).findFirst().orElseThrow()
                .sendKeys(Keys.ENTER);
    }

    /** The code of the commune of La Rochelle with the highest (or lowest) published index. */
    private static String extreme(boolean maximum) {
        Comparator<Indicateur> parValeur = Comparator.comparing(Indicateur::valeur);
        return FRAGILITE.values().stream().filter(c -> !c.secret())
                .max(maximum ? parValeur : parValeur.reversed()).orElseThrow().codeZone();
    }

    /** "12,3": as the page writes a figure (at most one decimal). */
    private static String virgule(double valeur) {
        return new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRANCE))
                .format(valeur);
    }

    /** One fragility cell per commune of the pack, rates varying with the commune's rank; one secret, or none. */
    private static Map<String, Indicateur> fragilite(Territoire pack, String codeSecret) {
        var cellules = new java.util.LinkedHashMap<String, Indicateur>();
        List<Commune> communes = pack.communes();
        for (int i = 0; i < communes.size(); i++) {
            Commune c = communes.get(i);
            double part75 = 6.0 + (i % 7) * 1.7;
            double seules = 22.0 + (i % 9) * 3.1;
            cellules.put(c.codeInsee(), c.codeInsee().equals(codeSecret)
                    ? CellulesFragilite.secrete(c.codeInsee(), c.nom(), part75, seules)
                    : CellulesFragilite.cellule(c.codeInsee(), c.nom(), part75, seules, 6.0 + (i % 5) * 2.4));
        }
        return cellules;
    }

    private static Indicateur cellule(Commune c, double valeur) {
        double menages = c.chiffre(Commune.MENAGES);
        double bacs = Math.round(menages * valeur / 100);
        return new Indicateur(INDICATEUR, c.codeInsee(), Zone.COMMUNE, c.nom(), SEMAINE_2, SEMAINE_2.plus(Duration.ofDays(7)),
                valeur, "%", bacs, menages, LEVEES, INSEE, Map.of("levees", (double) Math.round(bacs * 1.1)), (long) bacs, false, true);
    }

    private static Indicateur secrete(Commune c) {
        return new Indicateur(INDICATEUR, c.codeInsee(), Zone.COMMUNE, c.nom(), SEMAINE_2, SEMAINE_2.plus(Duration.ofDays(7)),
                null, "%", null, c.chiffre(Commune.MENAGES), LEVEES, INSEE, Map.of(), null, true, true);
    }

    private static Commune commune(String code) {
        return POMPEY_PACK.communes().stream().filter(c -> c.codeInsee().equals(code)).findFirst().orElseThrow();
    }

    private static String couleur(double valeur) {
        return PALETTE.get((int) Math.min(4, Math.floor(valeur / 20)));
    }

    /**
     * The content of the open popup once it is fully shown: faded in, and panned into the map
     * (Selenium gives no text for what the map clips or what is transparent).
     */
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

    /** The element once shown with its text (popups fade in: an element at opacity 0 has no visible text). */
    private WebElement affiche(String selecteur) {
        return attente.until(d -> d.findElements(By.cssSelector(selecteur)).stream()
                .filter(e -> e.isDisplayed() && !e.getText().isBlank()).findFirst().orElse(null));
    }

    private static WebElement chemin(String code) {
        return navigateur.findElement(By.cssSelector("path.leaflet-interactive[data-code='" + code + "']"));
    }

    /** The visible text, with non-breaking spaces (before "%", in "2 101") read as plain spaces. */
    private static String texte(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /**
     * A point of the viewport where this commune is the topmost element: the centre of its box may
     * fall in a neighbour when the commune is not convex.
     */
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
        assertThat(point).as("a point inside commune %s", chemin.getDomAttribute("data-code")).isNotNull();
        List<?> xy = (List<?>) point;
        return new int[] {((Number) xy.get(0)).intValue(), ((Number) xy.get(1)).intValue()};
    }

    private static void capturer(String nom) {
        chromium.capturer(CAPTURES, nom);
    }
}
