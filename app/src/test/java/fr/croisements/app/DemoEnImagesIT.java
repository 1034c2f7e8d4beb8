package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.viz.Navigateur;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The demo exactly as {@code croisements demo} composes it, with its own option defaults (the four
 * territory packs and their INSEE references, the bins of the Bassin de Pompey, the LoRaWAN sensors
 * of Grand Poitiers with the heat wave from the 8th day, the car parks of Poitiers and La Rochelle)
 * but four simulated days every 10 s, so that the heat wave comes within 20 s, on the
 * embedded broker, seen in a real headless Chromium at projector size (1920×1080): the home page,
 * every territory × indicator page and one print view. Each page is checked for what it shows
 * (communes drawn, legend, a result with a number, « simulé » exactly where the data are), then
 * saved as a PNG in {@code captures.dossier}: {@code app/target/captures-demo} by default,
 * {@code docs/captures} when the pictures of the README are regenerated (docs/captures/README.md).
 *
 * <p>The heat page shows the day of the heat wave with the most people exposed, through the time
 * navigation ({@code &periode=}). Sensors and antennas are judged silent against the latest reception
 * the pipeline has processed, so at this speed they must still be drawn heard (blue, orange).
 *
 * <p>One dynamic test per page, in the order of the pictures; a page that fails is saved as
 * {@code echec-<page>.png} in {@code target/captures-demo}, never in the documentation. Skipped,
 * before the broker starts, where chromium or chromedriver is absent.
 */
class DemoEnImagesIT {

    private static final Logger log = LoggerFactory.getLogger(DemoEnImagesIT.class);

    private static final int LARGEUR = 1920;
    private static final int HAUTEUR = 1080;
    /** The default folder of the pictures, and always that of the pages that failed. */
    private static final Path DANS_TARGET = Path.of("target", "captures-demo");
    private static final Duration ATTENTE_PAGE = Duration.ofSeconds(20);
    /** What the demo shows on each territory once its simulators have run a weekday (the README's table). */
    private static final Map<String, List<String>> INDICATEURS_ATTENDUS = Map.of(
            // on-street parking by IRIS: the simulated per-space sensors of its shopping streets
            "antony", List.of("fragilite-isolement", "rotation-stationnement", "occupation-voirie"),
            // the last one is written as a file (indicateurs/), as the demo loads it from the folder beside it
            "bassin-de-pompey", List.of("taux-presentation-bacs", "fragilite-isolement", "ordures-menageres-par-habitant"),
            "grand-poitiers", List.of("fragilite-isolement", "exposition-chaleur-75-plus", "couverture-lora",
                    "places-parking-par-habitant", "occupation-parkings-pointe"),
            "la-rochelle", List.of("fragilite-isolement", "places-parking-par-habitant", "occupation-parkings-pointe"));
    /** The territory whose INSEE reference figures are each checked and pictured. */
    private static final String TERRITOIRE_CHIFFRES = "la-rochelle";
    /** The print view pictured: the demo's first proof, the bins of the Bassin de Pompey. */
    private static final String TERRITOIRE_IMPRIME = "bassin-de-pompey";
    private static final String INDICATEUR_IMPRIME = "taux-presentation-bacs";
    /** Four simulated days every 10 s: the demo's speed (one day) times four. */
    private static final String VITESSE = "34560";
    private static final String CHALEUR = "exposition-chaleur-75-plus";
    private static final String TERRITOIRE_CAPTEURS = "grand-poitiers";
    /**
     * How long the stream may take to show what the simulators published: a ceiling for a failing run only,
     * every wait returns as soon as its condition holds (a busy machine only makes it later).
     */
    private static final Duration RATTRAPAGE = Duration.ofMinutes(3);
    private static final Pattern NOMBRE = Pattern.compile("\\d");

    private static Path dossier;
    private static EmbeddedKafka broker;
    private static Application application;
    private static Navigateur chromium;
    private static ChromeDriver navigateur;
    private static Path captures;
    /** The simulated day after which the heat wave and two more days are over: its hottest day is then a past period. */
    private static Instant apresLaCanicule;

    @BeforeAll
    static void demarrer() throws Exception {
        chromium = Navigateur.demarrer(LARGEUR, HAUTEUR); // skips the class without chromium, before Kafka starts
        chromium.fenetre(LARGEUR, HAUTEUR);
        navigateur = chromium.pilote();
        String demande = System.getProperty("captures.dossier", "");
        captures = demande.isBlank() ? DANS_TARGET : Path.of(demande);

        var demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--vitesse", VITESSE); // else the defaults of `croisements demo`
        var simulation = demo.simulation.simulation(
                Pseudonymiseur.avecCle("cle-de-la-demo-en-images".getBytes(StandardCharsets.UTF_8)), demo.spec);
        var canicule = simulation.scenario();
        apresLaCanicule = canicule.debutCanicule().plusDays(canicule.joursCanicule() + 2L)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        dossier = Files.createTempDirectory("croisements-it-demo");
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        application = Application.demarrer(demo.packs.territoires(), new Application.Options(broker.bootstrapServers(), 0,
                dossier.resolve("streams"), 4, (short) 1, simulation, Path.of("../indicateurs")));
    }

    @AfterAll
    static void arreter() {
        if (chromium != null) {
            chromium.close();
        }
        if (application != null) {
            application.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (dossier != null) {
            Dossiers.effacerSansErreur(dossier);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfTheDemoShowsItsFiguresAndIsSaved() {
        Map<String, JsonNode> territoires = attendreLesIndicateurs();
        String jourDeCanicule = attendreLaCanicule();
        Map<String, String> libelles = new LinkedHashMap<>();
        Set<String> references = new TreeSet<>();
        elements(getJson("/api/indicateurs")).forEach(d -> {
            libelles.put(d.get("id").asText(), d.get("libelle").asText());
            if (d.get("reference").asBoolean()) {
                references.add(d.get("id").asText());
            }
        });

        List<DynamicTest> pages = new ArrayList<>();
        pages.add(dynamicTest("accueil", () -> accueil(territoires)));
        // every crossing of every territory; the INSEE figures, the same page for every territory, of one
        territoires.values().forEach(t -> elements(t.get("indicateurs")).stream().map(JsonNode::asText)
                .filter(i -> !references.contains(i) || TERRITOIRE_CHIFFRES.equals(t.get("id").asText()))
                .forEach(i -> pages.add(dynamicTest(t.get("id").asText() + " × " + i,
                        () -> carte(t, i, libelles.get(i), CHALEUR.equals(i) ? jourDeCanicule : null, false)))));
        pages.add(dynamicTest(TERRITOIRE_IMPRIME + " × " + INDICATEUR_IMPRIME + " (impression)",
                () -> carte(territoires.get(TERRITOIRE_IMPRIME), INDICATEUR_IMPRIME, libelles.get(INDICATEUR_IMPRIME), null, true)));
        pages.add(dynamicTest(TERRITOIRE_CAPTEURS + " (présentation aux élus)",
                () -> presentation(territoires.get(TERRITOIRE_CAPTEURS), jourDeCanicule)));
        pages.add(dynamicTest("aucune observation de parking rejetée au démarrage", DemoEnImagesIT::aucunParkingInconnu));
        return pages.stream();
    }

    /**
     * The demo publishes its car parks before Kafka Streams starts and starts their simulation without waiting
     * (issue #12): no observation may reach the car-park table before its car park, which would reject it
     * (« parking inconnu »). Reads every reject published so far (the simulation has run through every page).
     */
    private static void aucunParkingInconnu() {
        var props = new java.util.Properties();
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var raisons = new ArrayList<String>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                fr.croisements.events.Topics.REJETS.keySerde().deserializer(),
                fr.croisements.events.Topics.REJETS.valueSerde().deserializer())) {
            var partitions = consumer.partitionsFor(fr.croisements.events.Topics.REJETS.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var fins = consumer.endOffsets(partitions);
            long limite = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < fins.get(p)) && System.nanoTime() < limite) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> raisons.add(r.value().raison()));
            }
            assertThat(partitions).allSatisfy(p -> assertThat(consumer.position(p)).isGreaterThanOrEqualTo(fins.get(p)));
        }
        assertThat(raisons).noneMatch(r -> r.startsWith("parking inconnu"));
        assertThat(parkingsDeLaCarte()).isPositive();
    }

    private static int parkingsDeLaCarte() {
        return getJson("/api/parkings.geojson?territoire=grand-poitiers").get("features").size();
    }

    /**
     * The presentation of a territory to its elected officials (presentation.html): every map of its
     * slides with all the communes of the territory, the heat wave's hottest day compared with the
     * demo's first day (asked in the address: no need to read every day to find them); its cover, its
     * heat slide and the comparison pictured.
     */
    private static void presentation(JsonNode territoire, String jourDeCanicule) {
        String id = territoire.get("id").asText();
        int communes = territoire.get("nombreCommunes").asInt();
        String premierJour = getJson("/api/territoires/" + id + "/periodes?indicateur=" + CHALEUR).get(0).get("debut").asText();
        navigateur.get(adresse("/presentation.html?territoire=" + id + "&comparer=" + CHALEUR + "&periodes="
                + URLEncoder.encode(premierJour + "," + jourDeCanicule, StandardCharsets.UTF_8)));
        List<String> diapos = new ArrayList<>();
        verifier(id + "-presentation", () -> {
            attente().until(d -> "oui".equals(d.findElement(By.tagName("html")).getDomAttribute("data-pret")));
            for (WebElement carte : navigateur.findElements(By.cssSelector(".diapo .carte-diapo"))) {
                assertThat(carte.findElements(By.cssSelector("path[data-code]"))).hasSize(communes);
            }
            navigateur.findElements(By.cssSelector("section.diapo")).forEach(d -> diapos.add(
                    d.getDomAttribute("class").contains("diapo-preuve") ? d.getDomAttribute("data-indicateur")
                            : d.getDomAttribute("class").replaceAll(".*(diapo-[a-z]+).*", "$1")));
            assertThat(diapos).startsWith("diapo-couverture").endsWith("diapo-comparaison", "diapo-donnees")
                    .containsAll(INDICATEURS_ATTENDUS.get(id));
            assertThat(navigateur.findElements(By.cssSelector("section.diapo-comparaison figure.volet")).stream()
                    .map(v -> v.getDomAttribute("data-debut")).toList()).containsExactly(premierJour, jourDeCanicule);
            assertThat(texte("section.diapo-couverture")).contains("Ce qui est simulé", "simulé", "Ce qui est réel", "réel");
        });
        for (String diapo : List.of("diapo-couverture", CHALEUR, "diapo-comparaison")) {
            int numero = diapos.indexOf(diapo) + 1;
            navigateur.executeScript("window.location.hash = arguments[0];", "#" + numero);
            attente().until(d -> texte("#numero").startsWith(numero + " /"));
            chromium.capturer(captures, id + "-presentation-" + (diapo.equals(CHALEUR) ? "chaleur" : diapo.substring("diapo-".length())));
        }
    }

    /**
     * Waits until every territory lists the indicators the demo promises, each with a value in at
     * least one commune; returns the territories of {@code /api/territoires} by id, in its order.
     */
    private static Map<String, JsonNode> attendreLesIndicateurs() {
        Map<String, JsonNode> territoires = new LinkedHashMap<>();
        await().atMost(RATTRAPAGE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            territoires.clear();
            elements(getJson("/api/territoires")).forEach(t -> territoires.put(t.get("id").asText(), t));
            assertThat(territoires).containsOnlyKeys(INDICATEURS_ATTENDUS.keySet());
            INDICATEURS_ATTENDUS.forEach((id, attendus) -> {
                List<String> obtenus = elements(territoires.get(id).get("indicateurs")).stream().map(JsonNode::asText).toList();
                assertThat(obtenus).as("indicators of %s", id).containsAll(attendus);
                for (String indicateur : obtenus) {
                    // an indicator the territory has by IRIS only (the declared median income) has its values there
                    boolean parCommune = elements(territoires.get(id).get("niveaux").get(indicateur)).stream()
                            .anyMatch(n -> n.asText().equals("commune"));
                    JsonNode carte = parCommune ? communes(id, indicateur) : getJson("/api/territoires/" + id
                            + "/iris.geojson?indicateur=" + URLEncoder.encode(indicateur, StandardCharsets.UTF_8));
                    assertThat(elements(carte.get("features")))
                            .as("a value of %s in a %s of %s", indicateur, parCommune ? "commune" : "IRIS", id)
                            .anySatisfy(f -> assertThat(f.get("properties").get("valeur").isNumber()).isTrue());
                }
            });
        });
        return territoires;
    }

    /**
     * Waits until the simulated clock has gone past the heat wave and two more days, then until the
     * stream shows those days: returns the start of the day with the most people of 75 and over
     * exposed in Grand Poitiers, now a past period. Conditions, not the wall clock: a slow machine makes
     * both later, never wrong.
     */
    private static String attendreLaCanicule() {
        await().atMost(RATTRAPAGE).pollInterval(Duration.ofMillis(200))
                .until(() -> application.horloge() != null && application.horloge().isAfter(apresLaCanicule));
        Map<String, Double> exposes = new LinkedHashMap<>();
        await().atMost(RATTRAPAGE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            exposes.clear();
            for (JsonNode periode : elements(getJson("/api/territoires/" + TERRITOIRE_CAPTEURS + "/periodes?indicateur=" + CHALEUR))) {
                String debut = periode.get("debut").asText();
                double total = elements(getJson("/api/territoires/" + TERRITOIRE_CAPTEURS + "/communes.geojson?indicateur="
                        + CHALEUR + "&debut=" + URLEncoder.encode(debut, StandardCharsets.UTF_8)).get("features")).stream()
                        .mapToDouble(f -> f.get("properties").get("valeur").asDouble(0)).sum();
                exposes.put(debut, total);
            }
            assertThat(exposes.values().stream().filter(total -> total > 0).count()).as("days of heat wave").isGreaterThanOrEqualTo(3);
            // the hottest day is behind, at least two days before the latest: the page will show it as a past period
            List<String> jours = new ArrayList<>(exposes.keySet());
            String plusChaud = exposes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(jours.indexOf(plusChaud)).as("the hottest day, among %s", exposes).isLessThan(jours.size() - 2);
        });
        return exposes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The home page lists every territory, the number of its communes and a link to each of its indicators. */
    private static void accueil(Map<String, JsonNode> territoires) {
        navigateur.get(adresse("/"));
        verifier("accueil", () -> {
            attente().until(d -> (territoires.size() + " territoires").equals(texte("#etat")));
            List<String> affiches = navigateur.findElements(By.cssSelector("#territoires section.territoire")).stream()
                    .map(s -> s.getDomAttribute("data-territoire")).toList();
            assertThat(affiches).containsExactlyElementsOf(territoires.keySet());
            for (JsonNode t : territoires.values()) {
                String id = t.get("id").asText();
                String section = "#territoires section[data-territoire='" + id + "']";
                assertThat(texte(section + " h2")).isEqualTo(t.get("nom").asText());
                int nombre = t.get("nombreCommunes").asInt();
                assertThat(texte(section + " .communes-territoire")).isEqualTo(nombre + (nombre > 1 ? " communes" : " commune"));
                List<String> liens = navigateur.findElements(By.cssSelector(section + " a.lien-preuve, " + section
                                + " a.lien-chiffre")).stream()
                        .map(a -> a.getDomAttribute("href")).toList();
                for (JsonNode indicateur : elements(t.get("indicateurs"))) {
                    assertThat(liens).as("links of %s", id)
                            .contains("/carte.html?territoire=" + id + "&indicateur=" + indicateur.asText());
                }
            }
        });
        // the whole page, as tall as it is: the fourth territory comes below the first screen
        long hauteur = (Long) navigateur.executeScript("return document.documentElement.scrollHeight;");
        chromium.fenetre(LARGEUR, (int) Math.max(HAUTEUR, hauteur));
        chromium.capturer(captures, "accueil");
        chromium.fenetre(LARGEUR, HAUTEUR);
    }

    /**
     * A map page: every commune of the territory drawn with its code, the title, the legend of the
     * indicator, a result sentence with a number, the data crossed marked « simulé » exactly where
     * the cells are simulated (and the map's attribution saying so), the devices, antennas and car
     * parks of the territory drawn; then its picture.
     */
    private static void carte(JsonNode territoire, String indicateur, String libelle, String periode, boolean impression) {
        String id = territoire.get("id").asText();
        String nom = id + "-" + indicateur + (impression ? "-impression" : "");
        String debut = periode == null ? "" : "&debut=" + URLEncoder.encode(periode, StandardCharsets.UTF_8);
        // an indicator with cells only by IRIS (on-street parking) is read and drawn at that level
        List<String> niveaux = elements(territoire.path("niveaux").path(indicateur)).stream().map(JsonNode::asText).toList();
        boolean iris = niveaux.equals(List.of("iris"));
        List<JsonNode> proprietes = elements(getJson("/api/territoires/" + id + (iris ? "/iris.geojson" : "/communes.geojson")
                + "?indicateur=" + URLEncoder.encode(indicateur, StandardCharsets.UTF_8) + debut).get("features")).stream()
                .map(f -> f.get("properties")).toList();
        Set<String> codes = new TreeSet<>(proprietes.stream().map(p -> p.get("code").asText()).toList());
        if (iris) {
            assertThat(codes).hasSize(territoire.get("nombreIris").asInt());
            // the README's promise: at least 20 of Antony's 27 IRIS show a figure (their spaces, simulated)
            assertThat(proprietes.stream().filter(p -> p.get("valeur").isNumber() || p.get("secret").asBoolean()).count())
                    .as("IRIS with a cell").isGreaterThanOrEqualTo(20);
        } else {
            assertThat(codes).hasSize(territoire.get("nombreCommunes").asInt());
        }
        boolean simulees = proprietes.stream().anyMatch(p -> p.get("simule").asBoolean());
        Map<String, String> points = new LinkedHashMap<>();
        points.put("capteurs", "[data-deveui]");
        points.put("passerelles", "[data-antenne]");
        points.put("parkings", "[data-parking]");
        points.keySet().removeIf(couche -> getJson("/api/" + couche + ".geojson?territoire=" + id).get("features").isEmpty());

        navigateur.get(adresse("/carte.html?territoire=" + id + "&indicateur=" + indicateur
                + (periode == null ? "" : "&periode=" + URLEncoder.encode(periode, StandardCharsets.UTF_8))
                + (iris ? "&niveau=iris" : "") + (impression ? "&impression=1" : "")));
        verifier(nom, () -> {
            var attente = attente();
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == codes.size());
            attente.until(d -> texte("#etat").startsWith(periode == null ? "Mis à jour" : "Période passée affichée"));
            attente.until(d -> NOMBRE.matcher(texte("#fiche-resultat")).find());
            points.values().forEach(css -> attente.until(d -> !d.findElements(By.cssSelector(css)).isEmpty()));

            assertThat(new TreeSet<>(navigateur.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).stream()
                    .map(p -> p.getDomAttribute("data-code")).toList())).isEqualTo(codes);
            assertThat(texte("#titre")).contains(territoire.get("nomCourt").asText());
            assertThat(navigateur.findElement(By.cssSelector(".legend")).isDisplayed()).isTrue();
            assertThat(texte(".legend h4")).startsWith(libelle);
            assertThat(texte("#fiche-libelle")).isEqualTo(libelle);
            assertThat(texte("#fiche-territoire")).isEqualTo(territoire.get("nom").asText()
                    + (periode == null ? "" : " — " + proprietes.stream().map(p -> p.get("semaine")).filter(JsonNode::isTextual)
                            .findFirst().orElseThrow().asText().replaceFirst("^j", "J")
                            + " (période passée)"));
            if (simulees) {
                assertThat(textes("#fiche-sources .badge.simule")).isNotEmpty().containsOnly("simulé");
                assertThat(texte(".leaflet-control-attribution")).contains("données simulées");
            } else {
                assertThat(textes("#fiche-sources .badge.simule")).as("real data only").isEmpty();
                assertThat(textes("#fiche-sources .badge.reel")).isNotEmpty().containsOnly("réel");
            }
            assertThat(texte("body")).doesNotContain("undefined", "NaN");
            JsonNode definition = elements(getJson("/api/indicateurs")).stream()
                    .filter(d -> d.get("id").asText().equals(indicateur)).findFirst().orElseThrow();
            if (definition.get("fichier").isTextual()) {
                assertThat(texte("#fiche-origine")).as("a file indicator says so")
                        .contains("dans le fichier « " + definition.get("fichier").asText() + " »");
            } else {
                assertThat(navigateur.findElement(By.id("fiche-origine")).isDisplayed()).isFalse();
            }
            if (points.containsKey("capteurs") && TERRITOIRE_CAPTEURS.equals(id)) {
                // judged against the latest reception processed, not the clock running ahead: heard, even at this speed
                // (Grand Poitiers' sensors report every few minutes; Antony's parking sensors only when a car comes
                // or goes, so at night none of them is « à jour », rightly)
                attente.until(d -> !d.findElements(By.cssSelector("[data-deveui][data-etat='à jour']")).isEmpty()
                        && !d.findElements(By.cssSelector("[data-antenne][data-etat='à jour']")).isEmpty());
            }
            if (periode != null) {
                assertThat(texte("#fiche-resultat")).as("the heat wave's day").doesNotContain("aucun capteur");
            }
            if (impression) {
                assertThat(navigateur.findElement(By.id("fiche")).isDisplayed()).isTrue();
                assertThat(navigateur.findElement(By.id("imprimer")).isDisplayed()).as("no print button on paper").isFalse();
                assertThat(navigateur.findElement(By.cssSelector(".choix")).isDisplayed()).as("no selectors on paper").isFalse();
            }
        });
        if (impression) {
            feuille(nom);
        } else {
            chromium.capturer(captures, nom);
        }
        log.info("{}: {}", nom, texte("#fiche-resultat"));
    }

    /** The print view pictured as the sheet itself (A4 landscape, as printed), without the empty screen around it. */
    private static void feuille(String nom) {
        try {
            Files.createDirectories(captures);
            Files.write(captures.resolve(nom + ".png"), navigateur.findElement(By.tagName("body")).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the checks of a page; on failure, saves its picture apart and adds the browser console to the error. */
    private static void verifier(String page, Executable verifications) {
        try {
            verifications.execute();
        } catch (Throwable e) {
            chromium.capturer(DANS_TARGET, "echec-" + page);
            throw new AssertionError("Page « " + page + " » : " + e.getMessage() + "\nÉtat de la page : « " + texte("#etat")
                    + " ». Console du navigateur :\n" + chromium.console(), e);
        }
    }

    private static WebDriverWait attente() {
        var attente = new WebDriverWait(navigateur, ATTENTE_PAGE, Duration.ofMillis(100));
        // the page redraws its layers and legend as cells come in live: an element read mid-redraw is read again
        attente.ignoring(StaleElementReferenceException.class);
        return attente;
    }

    /** The text of the first element matching a CSS selector, hidden or not (empty when there is none). */
    private static String texte(String css) {
        Object texte = navigateur.executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css);
        return String.valueOf(texte);
    }

    private static List<String> textes(String css) {
        return navigateur.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent").trim()).toList();
    }

    private static String adresse(String chemin) {
        return "http://localhost:" + application.port() + chemin;
    }

    private static JsonNode communes(String territoire, String indicateur) {
        return getJson("/api/territoires/" + territoire + "/communes.geojson?indicateur="
                + URLEncoder.encode(indicateur, StandardCharsets.UTF_8));
    }

    private static JsonNode getJson(String chemin) {
        try {
            return PipelineContract.getJson(application.port(), chemin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> elements(JsonNode tableau) {
        return StreamSupport.stream(tableau.spliterator(), false).toList();
    }
}
