package fr.croisements.viz;

import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Territoires;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The data catalogue served by a real VizServer on the four shipped territory packs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueRoutesTest {

    private ServeurDeTest serveur;
    private String base;

    @BeforeAll
    void demarrer() {
        serveur = new ServeurDeTest(Territoires.ids().stream().map(Territoires::charger).toList());
        serveur.horloge.set(Instant.parse("2025-03-03T10:00:00Z"));
        base = serveur.uri("").toString();
    }

    @AfterAll
    void arreter() {
        serveur.close();
    }

    @Test
    void theCataloguePageShowsOneCardPerDatasetInFrenchWithItsNatureProducerMillesimeLicenceAndLinks() {
        var reponse = serveur.get("/catalogue");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String page = reponse.body();
        assertThat(page).contains("<html lang=\"fr\">", "<h1>Catalogue des données de Croisements</h1>",
                "<article class=\"carte-jeu\" id=\"indicateur-fragilite-isolement\" data-simule=\"false\">",
                "<article class=\"carte-jeu\" id=\"flux-dechets-levees\" data-simule=\"true\">",
                "<h3>Levées de bacs pucés (données simulées)</h3>",
                "<span class=\"badge simule\">données simulées</span>", "<span class=\"badge reel\">données réelles</span>",
                "<dt>Producteur</dt><dd>Insee</dd>", "<dt>Millésime</dt><dd>2021</dd>",
                ">Licence Ouverte 2.0</a>", "<dt>Mise à jour</dt><dd>chaque semaine</dd>",
                "href=\"" + base + "/api/indicateurs/fragilite-isolement/territoires/la-rochelle.csv\" download>",
                "href=\"" + base + "/api/territoires/la-rochelle/communes.geojson?indicateur=fragilite-isolement\"",
                "<code>kafka://localhost:9092/dechets-levees</code>", "href=\"/catalogue.jsonld\"", "href=\"/\"")
                .contains("du 6 janvier 2025 au 3 mars 2025")
                .doesNotContain("null", "undefined");
        assertThat(page.split("<article class=\"carte-jeu\"", -1)).as("cards").hasSizeGreaterThan(1 + 4);
    }

    @Test
    void theJsonLdIsServedAsLdJsonWithAnInlineContextAndOneCatalog() {
        var reponse = serveur.get("/catalogue.jsonld");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        JsonNode document = json(reponse);
        assertThat(document.get("@context").get("dcat").asText()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(document.get("@type").asText()).isEqualTo("dcat:Catalog");
        assertThat(document.get("@id").asText()).isEqualTo(base + "/catalogue");
        assertThat(document.get("dcat:dataset")).isNotEmpty();
        assertThat(document.get("dcat:service")).isNotEmpty();
        for (JsonNode jeu : document.get("dcat:dataset")) {
            for (String propriete : List.of("dct:title", "dct:description", "dct:publisher", "dct:license", "dct:spatial",
                    "dct:accrualPeriodicity", "dct:conformsTo", "dcat:distribution", "dct:provenance")) {
                assertThat(jeu.has(propriete)).as("%s of %s", propriete, jeu.get("@id")).isTrue();
            }
        }
    }

    @Test
    void everyHttpDistributionOfTheCataloguePointsToARealFile() {
        JsonNode document = json(serveur.get("/catalogue.jsonld"));
        var adresses = new ArrayList<String>();
        for (JsonNode jeu : document.get("dcat:dataset")) {
            for (JsonNode distribution : jeu.get("dcat:distribution")) {
                if (distribution.has("dcat:downloadURL")) {
                    adresses.add(distribution.get("dcat:downloadURL").get("@id").asText());
                }
            }
        }

        assertThat(adresses).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith(base + "/api/"));
        assertThat(adresses).anySatisfy(a -> assertThat(a).endsWith(".csv")).anySatisfy(a -> assertThat(a).contains(".geojson"));
        for (String adresse : adresses) {
            var reponse = serveur.get(adresse.substring(base.length()));
            assertThat(reponse.statusCode()).as(adresse).isEqualTo(200);
            String type = reponse.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as(adresse).startsWith(adresse.contains(".geojson") ? "application/geo+json" : "text/csv");
        }
    }

    @Test
    void theDataGouvFieldsGiveGranularityZonesFrequencyAndLicence() {
        var reponse = serveur.get("/catalogue/data-gouv.json");

        assertThat(reponse.statusCode()).isEqualTo(200);
        JsonNode jeux = json(reponse).get("datasets");
        assertThat(jeux).isNotEmpty().allSatisfy(j -> {
            assertThat(j.get("spatial").get("granularity").asText()).isIn("fr:commune", "fr:iris");
            assertThat(j.get("license").asText()).isNotBlank();
            assertThat(j.get("frequency").asText()).isNotBlank();
        });
        JsonNode levees = null;
        for (JsonNode j : jeux) {
            if (j.get("id").asText().endsWith("#flux-dechets-levees")) {
                levees = j;
            }
        }
        assertThat(levees).isNotNull();
        assertThat(levees.get("spatial").get("zones").get(0).asText()).isEqualTo("fr:epci:245400601");
        assertThat(levees.get("extras").get("croisements:simule").asBoolean()).isTrue();
        assertThat(levees.get("temporal_coverage").get("end").asText()).as("the simulated clock's day").isEqualTo("2025-03-03");
    }
}
