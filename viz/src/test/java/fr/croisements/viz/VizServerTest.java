package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.INDICATEUR;
import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.SEMAINE_3;
import static fr.croisements.viz.Fixtures.cellule;
import static fr.croisements.viz.Fixtures.secrete;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Indicateur;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VizServerTest {

    private static final String CARTE = "/api/territoires/val-de-test/communes.geojson";
    private ServeurDeTest serveur;

    @BeforeAll
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST, Fixtures.CORSE));
    }

    @AfterAll
    void arreter() {
        serveur.close();
    }

    @BeforeEach
    void viderLesStores() {
        serveur.queries.vider();
    }

    @Test
    void listsTerritoriesWithIdNameShortNameAndCommuneCount() {
        var reponse = serveur.get("/api/territoires");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode premier = json(reponse).get(0);
        assertThat(premier.get("id").asText()).isEqualTo("val-de-test");
        assertThat(premier.get("nom").asText()).isEqualTo("Communauté de communes du Val de Test");
        assertThat(premier.get("nomCourt").asText()).isEqualTo("Val de Test");
        assertThat(premier.get("nombreCommunes").asInt()).isEqualTo(3);
        assertThat(premier.get("sources").findValuesAsText("libelle"))
                .containsExactly("Insee, Recensement de la population, ménages (2021)", "IGN, Admin Express (2024)");
        assertThat(json(reponse).get(1).get("nombreCommunes").asInt()).isEqualTo(1);
    }

    @Test
    void listsIndicatorDefinitionsWithTheirExplanationsInFrench() {
        JsonNode definition = json(serveur.get("/api/indicateurs")).get(0);

        assertThat(definition.get("id").asText()).isEqualTo(INDICATEUR);
        assertThat(definition.get("libelle").asText()).isEqualTo("Taux de présentation des bacs");
        assertThat(definition.get("unite").asText()).isEqualTo("%");
        assertThat(definition.get("question").asText()).contains("ménages");
        assertThat(definition.get("methode").asText()).isNotBlank();
        assertThat(definition.get("limites").asText()).contains("secret statistique");
        assertThat(definition.get("fenetre").asText()).isEqualTo("P7D");
        assertThat(definition.get("fenetreJours").asInt()).isEqualTo(7);
        assertThat(definition.get("conservation").asText()).as("its cells' retention").isEqualTo("P400D");
        assertThat(definition.get("conservationJours").asInt()).isEqualTo(400);
        assertThat(definition.get("seuilSecret").asInt()).isEqualTo(11);
        assertThat(definition.get("libelleNumerateur").asText()).isEqualTo("bacs présentés");
        assertThat(definition.get("libelleDenominateur").asText()).isEqualTo("ménages (Insee)");
    }

    @Test
    void geoJsonHasOneFeaturePerCommuneWithGeometryAndTheGeoJsonMediaType() {
        var reponse = serveur.get(CARTE);

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode carte = json(reponse);
        assertThat(carte.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(carte.get("features")).hasSize(3);
        JsonNode geometrie = carte.get("features").get(0).get("geometry");
        assertThat(geometrie.get("type").asText()).isEqualTo("Polygon");
        assertThat(geometrie.has("crs")).isFalse();
        assertThat(geometrie.get("coordinates").get(0).get(0).get(0).asDouble()).isBetween(6.0, 6.2);
    }

    @Test
    void geoJsonGivesTheLatestCellOfEachCommuneInFrenchProperties() {
        serveur.queries.ajouter(cellule("54430", SEMAINE_1, 800, 1600), cellule("54430", SEMAINE_2, 1000, 1600));

        JsonNode pompey = commune(json(serveur.get(CARTE)), "54430");

        assertThat(pompey.get("nom").asText()).isEqualTo("Pompey");
        assertThat(pompey.get("menages").asDouble()).isEqualTo(2100);
        assertThat(pompey.get("population").asDouble()).isEqualTo(4900);
        assertThat(pompey.get("valeur").asDouble()).isEqualTo(62.5);
        assertThat(pompey.get("unite").asText()).isEqualTo("%");
        assertThat(pompey.get("numerateur").asDouble()).isEqualTo(1000);
        assertThat(pompey.get("denominateur").asDouble()).isEqualTo(1600);
        assertThat(pompey.get("levees").asDouble()).isEqualTo(1150);
        assertThat(pompey.get("debut").asText()).isEqualTo("2025-01-06T00:00:00Z");
        assertThat(pompey.get("fin").asText()).isEqualTo("2025-01-13T00:00:00Z");
        assertThat(pompey.get("semaine").asText()).isEqualTo("semaine du 6 au 12 janvier 2025");
        assertThat(pompey.get("sourceNumerateur").asText()).isEqualTo("Croisements, Levées de bacs (2025), données simulées");
        assertThat(pompey.get("sourceDenominateur").asText()).isEqualTo("Insee, Recensement de la population, ménages (2021)");
        assertThat(pompey.get("secret").asBoolean()).isFalse();
        assertThat(pompey.get("simule").asBoolean()).isTrue();
        assertThat(pompey.get("mention").asText()).isEqualTo("données simulées");
        assertThat(pompey.get("etat").asText()).isEqualTo("valeur disponible");
    }

    @Test
    void secretCellHasNoValueNorNumeratorAndSaysSecretStatistique() {
        serveur.queries.ajouter(secrete("54318", SEMAINE_2, 8));
        // even if an upstream bug left figures in a secret cell, the map must not show them
        Indicateur fuyante = cellule("54318", SEMAINE_2, 7, 8);
        serveur.queries.ajouter(new Indicateur(fuyante.indicateur(), fuyante.codeZone(), fuyante.niveau(),
                fuyante.nomZone(), fuyante.debut(), fuyante.fin(), fuyante.valeur(), fuyante.unite(),
                fuyante.numerateur(), fuyante.denominateur(), fuyante.sourceNumerateur(),
                fuyante.sourceDenominateur(), fuyante.mesures(), fuyante.contributeurs(), true, true));

        JsonNode liverdun = commune(json(serveur.get(CARTE)), "54318");

        assertThat(liverdun.get("secret").asBoolean()).isTrue();
        assertThat(liverdun.get("etat").asText()).isEqualTo("secret statistique");
        assertThat(liverdun.get("valeur").isNull()).isTrue();
        assertThat(liverdun.get("numerateur").isNull()).isTrue();
        assertThat(liverdun.get("levees").isNull()).isTrue();
        assertThat(liverdun.get("denominateur").asDouble()).isEqualTo(8);
        assertThat(liverdun.get("semaine").asText()).isEqualTo("semaine du 6 au 12 janvier 2025");
    }

    @Test
    void communeWithoutAnyCellHasANullValueAndSaysNoLeveeYet() {
        serveur.queries.ajouter(cellule("54430", SEMAINE_2, 1000, 1600));

        JsonNode frouard = commune(json(serveur.get(CARTE)), "54215");

        assertThat(frouard.get("nom").asText()).isEqualTo("Frouard");
        assertThat(frouard.get("valeur").isNull()).isTrue();
        assertThat(frouard.get("semaine").isNull()).isTrue();
        assertThat(frouard.get("secret").asBoolean()).isFalse();
        assertThat(frouard.get("etat").asText()).isEqualTo("pas encore de levée");
        assertThat(frouard.get("menages").asDouble()).isEqualTo(2900);
    }

    @Test
    void geoJsonAcceptsTheIndicatorByIdAndRejectsAnUnknownOneInFrench() {
        assertThat(serveur.get(CARTE + "?indicateur=" + INDICATEUR).statusCode()).isEqualTo(200);

        var reponse = serveur.get(CARTE + "?indicateur=bruit-nocturne");

        assertThat(reponse.statusCode()).isEqualTo(400);
        assertThat(json(reponse).get("erreur").asText()).startsWith("Indicateur inconnu : « bruit-nocturne »")
                .contains(INDICATEUR);
    }

    @Test
    void unknownTerritoryIs404WithAFrenchMessageListingTheKnownOnes() {
        var reponse = serveur.get("/api/territoires/atlantide/communes.geojson");

        assertThat(reponse.statusCode()).isEqualTo(404);
        assertThat(json(reponse).get("erreur").asText())
                .isEqualTo("Territoire inconnu : « atlantide ». Territoires disponibles : val-de-test, corse-de-test.");
    }

    @Test
    void historyListsTheCellsOfOneCommuneOldestFirst() {
        serveur.queries.ajouter(cellule("54430", SEMAINE_3, 1100, 1600), cellule("54430", SEMAINE_1, 800, 1600),
                cellule("54318", SEMAINE_2, 900, 1600), cellule("54430", SEMAINE_2, 1000, 1600));

        var reponse = serveur.get("/api/indicateurs/" + INDICATEUR + "/communes/54430/historique");

        assertThat(reponse.statusCode()).isEqualTo(200);
        List<String> debuts = new ArrayList<>();
        json(reponse).forEach(c -> debuts.add(c.get("debut").asText()));
        assertThat(debuts).containsExactly("2024-12-30T00:00:00Z", "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z");
        assertThat(json(reponse).get(0).get("numerateur").asDouble()).isEqualTo(800);
    }

    @Test
    void historyAcceptsCorsicanCodesAndAnswersAnEmptyListForACommuneWithoutCells() {
        var reponse = serveur.get("/api/indicateurs/" + INDICATEUR + "/communes/2A004/historique");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(json(reponse)).isEmpty();
    }

    @Test
    void historyRejectsAMalformedCommuneCodeWithA400InFrench() {
        for (String code : List.of("5443", "544300", "20004", "2C004", "ABCDE")) {
            var reponse = serveur.get("/api/indicateurs/" + INDICATEUR + "/communes/" + code + "/historique");

            assertThat(reponse.statusCode()).as(code).isEqualTo(400);
            assertThat(json(reponse).get("erreur").asText()).startsWith("Code commune invalide : « " + code + " »");
        }
    }

    @Test
    void historyOfAnUnknownIndicatorIs404() {
        var reponse = serveur.get("/api/indicateurs/bruit-nocturne/communes/54430/historique");

        assertThat(reponse.statusCode()).isEqualTo(404);
        assertThat(json(reponse).get("erreur").asText()).startsWith("Indicateur inconnu");
    }

    @Test
    void unreadableStoreIs503WithAFrenchInvitationToRetry() {
        serveur.queries.rendreIndisponible();

        for (String chemin : List.of(CARTE, "/api/indicateurs/" + INDICATEUR + "/communes/54430/historique")) {
            var reponse = serveur.get(chemin);

            assertThat(reponse.statusCode()).as(chemin).isEqualTo(503);
            assertThat(json(reponse).get("erreur").asText())
                    .isEqualTo("Les données sont en cours de chargement, réessayez dans quelques secondes.");
        }
    }

    @Test
    void servesThePageItsModulesAndLeafletFromItsWebjar() {
        var accueil = serveur.get("/");
        assertThat(accueil.statusCode()).isEqualTo(200);
        assertThat(accueil.body()).contains("<html lang=\"fr\">", "<script type=\"module\" src=\"/js/accueil.js\"></script>",
                "/carte.html");
        // the number of territories comes from /api/territoires (issue #9, item 5), never from the page
        assertThat(accueil.body()).doesNotContain("quatre", "4 territoires");
        var page = serveur.get("/carte.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">", "/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js",
                "<script type=\"module\" src=\"/js/app.js\"></script>", "href=\"/css/impression.css\" media=\"print\"");
        var impression = serveur.get("/css/impression.css");
        assertThat(impression.statusCode()).isEqualTo(200);
        assertThat(impression.body()).contains("@page", "size: A4 landscape");

        for (String chemin : List.of("/index.html", "/js/accueil.js", "/js/fiche.js", "/js/app.js", "/js/api.js", "/js/choropleth.js", "/js/live.js",
                "/css/app.css", "/webjars/leaflet/1.9.4/dist/leaflet.css")) {
            assertThat(serveur.get(chemin).statusCode()).as(chemin).isEqualTo(200);
        }
        var leaflet = serveur.get("/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js");
        assertThat(leaflet.statusCode()).isEqualTo(200);
        assertThat(leaflet.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(leaflet.body()).contains("export");
    }

    @Test
    void unknownApiPathIs404InFrench() {
        var reponse = serveur.get("/api/rien");

        assertThat(reponse.statusCode()).isEqualTo(404);
        assertThat(json(reponse).get("erreur").asText()).isEqualTo("Adresse inconnue : GET /api/rien.");
    }

    private static JsonNode commune(JsonNode carte, String code) {
        for (JsonNode feature : carte.get("features")) {
            if (feature.get("properties").get("code").asText().equals(code)) {
                assertThat(feature.get("id").asText()).isEqualTo(code);
                return feature.get("properties");
            }
        }
        throw new AssertionError("no feature for " + code);
    }
}
