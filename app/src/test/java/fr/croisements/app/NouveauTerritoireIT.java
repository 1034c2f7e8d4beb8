package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.TerritoireImporter;
import fr.croisements.datasets.Territoires;
import fr.croisements.viz.Navigateur;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * A territory outside the four, as a new user brings it: `croisements import --epci` from the official
 * files under the names they are published with, without a dossier complet, then the map. The CC de
 * l'Île de Ré (10 communes of Charente-Maritime) must appear on the home page with its INSEE figures
 * mapped for all its communes (median income, poverty rate, unemployment, density), and list each
 * crossing it lacks with the missing input and its command (the fragility index, which needs the
 * dossier complet, among them); its map page, in a real browser, draws its communes with one of its
 * own indicators, never another territory's. Skips without the official files (../shared/datasets).
 */
class NouveauTerritoireIT {

    private static final String SIREN = "241700459";
    private static final List<String> CHIFFRES = List.of("revenu-median", "taux-pauvrete", "taux-chomage", "densite-population");
    private static Path dossier;
    private static EmbeddedKafka broker;
    private static Application application;
    private static Territoire ileDeRe;

    @BeforeAll
    static void importerPuisDemarrer() throws Exception {
        Path officiels = TerritoireImporter.dossierOfficielParDefaut();
        assumeTrue(Files.isDirectory(officiels.resolve("insee")),
                "Fichiers officiels absents (" + officiels.toAbsolutePath() + ") : import d'un nouveau territoire non vérifié");
        dossier = Files.createTempDirectory("croisements-it-nouveau");
        Path packs = Files.createDirectories(dossier.resolve("packs"));
        var sortie = new StringWriter();
        var ligne = new CommandLine(new Croisements());
        ligne.setOut(new PrintWriter(sortie, true));
        ligne.setErr(new PrintWriter(sortie, true));
        // the files as a user downloads them: published names, other folders, no dossier complet
        Path telecharges = dossier.resolve("telechargements");
        copier(officiels, "insee/communes_dep_17_54_86_92.csv", telecharges.resolve("cog/liste_des_communes_2026.csv"));
        copier(officiels, "insee/comparateur_communes_dep_17_54_86_92.csv", telecharges.resolve("insee/base_cc_comparateur.csv"));
        copier(officiels, "insee/filosofi2021_communes_dep_17_54_86_92.csv",
                telecharges.resolve("insee/filosofi/cc_filosofi_2021_COM.csv"));
        copier(officiels, "geo/communes-17-charente-maritime.geojson", telecharges.resolve("ign/17/COMMUNE.json"));
        int code = ligne.execute("import", "--epci", SIREN, "--depuis", telecharges.toString(), "--vers", packs.toString());
        assertThat(code).as(sortie.toString()).isZero();
        try (Stream<Path> fichiers = Files.list(packs)) {
            Path pack = fichiers.filter(f -> f.toString().endsWith(".geojson")).findFirst().orElseThrow();
            ileDeRe = Territoires.lire(pack);
        }
        assertThat(ileDeRe.communes()).hasSize(10);
        var territoires = new ArrayList<Territoire>(Territoires.ids().stream().map(Territoires::charger).toList());
        territoires.add(ileDeRe);
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0);
        application = Application.demarrer(territoires, new Application.Options(broker.bootstrapServers(), 0,
                dossier.resolve("etat"), 2, (short) 1, null));
    }

    private static void copier(Path officiels, String officiel, Path cible) throws java.io.IOException {
        Files.createDirectories(cible.getParent());
        Files.copy(officiels.resolve(officiel), cible);
    }

    @AfterAll
    static void arreter() {
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

    @Test
    void theImportedTerritoryShowsItsInseeFiguresAndWhatItLacks() throws Exception {
        int port = application.port();
        String id = ileDeRe.id();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode territoire = PipelineContract.getJson(port, "/api/territoires/" + id);
            List<String> indicateurs = new ArrayList<>();
            territoire.get("indicateurs").forEach(i -> indicateurs.add(i.asText()));
            assertThat(indicateurs).containsAll(CHIFFRES).doesNotContain("taux-presentation-bacs", "couverture-lora");
            for (String chiffre : CHIFFRES) {
                JsonNode carte = PipelineContract.getJson(port, "/api/territoires/" + id + "/communes.geojson?indicateur=" + chiffre);
                assertThat(carte.get("features")).as(chiffre).hasSize(10).allSatisfy(f -> {
                    JsonNode p = f.get("properties");
                    assertThat(p.get("valeur").isNumber() || p.get("secret").asBoolean()).as(chiffre + " " + p.get("code")).isTrue();
                });
            }
        });
        JsonNode territoire = PipelineContract.getJson(port, "/api/territoires/" + id);
        Map<String, JsonNode> manquants = new TreeMap<>();
        territoire.get("manquants").forEach(m -> manquants.put(m.get("indicateur").asText(), m));
        assertThat(manquants).containsKeys("taux-presentation-bacs", "couverture-lora", "occupation-parkings-pointe",
                        "fragilite-isolement")
                .doesNotContainKeys(CHIFFRES.toArray(String[]::new));
        assertThat(manquants.get("fragilite-isolement").get("manque").asText()).contains("part_75_plus")
                .contains("dans les données du territoire");
        assertThat(manquants.get("fragilite-isolement").get("commande").asText()).startsWith("croisements import --depuis");
        assertThat(manquants.get("taux-presentation-bacs").get("commande").asText()).startsWith("croisements ingest dechets");
        // the home page lists it like the bundled territories
        assertThat(PipelineContract.getJson(port, "/api/territoires").toString()).contains("\"" + id + "\"");

        try (Navigateur chromium = Navigateur.demarrer(1366, 768)) {
            var navigateur = chromium.pilote();
            var attente = new WebDriverWait(navigateur, Duration.ofSeconds(30));
            navigateur.get("http://localhost:" + port + "/");
            attente.until(d -> !d.findElements(By.cssSelector("section.territoire[data-territoire='" + id + "'] a.lien-chiffre")).isEmpty());
            navigateur.get("http://localhost:" + port + "/carte.html?territoire=" + id);
            attente.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive[data-code]")).size() == 10);
            String choisi = navigateur.findElement(By.id("choix-indicateur")).getDomProperty("value");
            assertThat(textes(territoire.get("indicateurs"))).as("one of its own indicators").contains(choisi);
            assertThat(navigateur.findElements(By.cssSelector("#choix-indicateur option[value='taux-presentation-bacs']"))).isEmpty();
            navigateur.findElement(By.cssSelector("#manque details.manque summary")).click();
            assertThat(navigateur.findElement(By.id("manque")).getText()).contains("Taux de présentation des bacs",
                    "croisements ingest dechets FICHIER");
            chromium.capturer(Path.of("target", "captures-nouveau-territoire"), "ile-de-re");
        }
    }

    private static List<String> textes(JsonNode tableau) {
        var textes = new ArrayList<String>();
        tableau.forEach(t -> textes.add(t.asText()));
        return textes;
    }
}
