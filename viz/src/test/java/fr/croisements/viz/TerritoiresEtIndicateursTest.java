package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Which indicators each territory offers, the words of the definitions, and a composite indicator's map. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoiresEtIndicateursTest {

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
    void remplir() {
        serveur.queries.vider();
        serveur.queries.ajouter(Fixtures.cellule("54430", SEMAINE_2, 1000, 1600),
                CellulesFragilite.cellule("2A004", "Ajaccio", 11.2, 42.0, 18.6));
    }

    @Test
    void eachTerritoryListsTheIndicatorsThatHaveCellsInItsCommunes() {
        JsonNode territoires = json(serveur.get("/api/territoires"));

        assertThat(territoires.get(0).get("id").asText()).isEqualTo("val-de-test");
        assertThat(textes(territoires.get(0).get("indicateurs"))).containsExactly("taux-presentation-bacs");
        assertThat(textes(territoires.get(1).get("indicateurs"))).containsExactly("fragilite-isolement");

        serveur.queries.ajouter(CellulesFragilite.secrete("54318", "Liverdun", 9.0, 30.0));
        assertThat(textes(json(serveur.get("/api/territoires")).get(0).get("indicateurs")))
                .as("a secret cell counts: the map shows it as secret").containsExactly("taux-presentation-bacs",
                        "fragilite-isolement");
    }

    @Test
    void eachTerritorySaysWhatItLacksForTheIndicatorsItDoesNotHaveAndTheCommandThatBringsIt() {
        JsonNode corse = json(serveur.get("/api/territoires/corse-de-test"));
        Map<String, JsonNode> manquants = new java.util.TreeMap<>();
        corse.get("manquants").forEach(m -> manquants.put(m.get("indicateur").asText(), m));

        assertThat(manquants).doesNotContainKey("fragilite-isolement").containsKeys("taux-presentation-bacs",
                "occupation-parkings-pointe")
                // a car park's own hourly cells are the car-park layer's, not a question of the territory
                .doesNotContainKey("occupation-parkings");
        assertThat(manquants.get("taux-presentation-bacs").get("manque").asText())
                .isEqualTo("les levées des bacs pucés (collecte des déchets)");
        assertThat(manquants.get("taux-presentation-bacs").get("commande").asText())
                .startsWith("croisements ingest dechets FICHIER");
        assertThat(manquants.get("occupation-parkings-pointe").get("manque").asText()).contains("un flux d'occupation des parkings")
                .contains("la liste des parkings");
        assertThat(manquants.get("occupation-parkings-pointe").get("commande").asText())
                .contains("croisements ingest occupation FICHIER").contains("croisements ingest stationnement FICHIER");
        // a figure the pack does not have is named, with the import that brings it
        Set<String> variablesCorse = new java.util.HashSet<>(Fixtures.CORSE.communes().get(0).chiffres().keySet());
        Fixtures.CORSE.communes().get(0).secrets().forEach(variablesCorse::add);
        // ... a figure of the communes: one of the IRIS (the declared median income) is no question for a
        // territory whose map has no IRIS
        assertThat(manquants).doesNotContainKey(fr.croisements.events.Indicateurs.REVENU_DECLARE_MEDIAN.id());
        fr.croisements.events.Indicateurs.REFERENCES.stream()
                .filter(d -> fr.croisements.events.Zone.COMMUNE.equals(d.niveau()))
                .filter(d -> !variablesCorse.contains(d.variablesInsee().get(0)))
                .forEach(d -> {
                    assertThat(manquants).containsKey(d.id());
                    assertThat(manquants.get(d.id()).get("manque").asText()).contains(d.variablesInsee().get(0));
                    assertThat(manquants.get(d.id()).get("commande").asText()).startsWith("croisements import --depuis");
                });
        JsonNode definitions = json(serveur.get("/api/indicateurs"));
        assertThat(definitions).anySatisfy(d -> {
            assertThat(d.get("id").asText()).isEqualTo("taux-pauvrete");
            assertThat(d.get("reference").asBoolean()).isTrue();
            assertThat(textes(d.get("variablesInsee"))).containsExactly("taux_pauvrete");
        });
    }

    @Test
    void oneTerritoryByItsIdAnd404ForAnUnknownOne() {
        var reponse = serveur.get("/api/territoires/corse-de-test");

        assertThat(reponse.statusCode()).isEqualTo(200);
        JsonNode corse = json(reponse);
        assertThat(corse.get("nom").asText()).isEqualTo("Ajaccio");
        assertThat(corse.get("nombreCommunes").asInt()).isEqualTo(1);
        assertThat(textes(corse.get("indicateurs"))).containsExactly("fragilite-isolement");

        var inconnu = serveur.get("/api/territoires/atlantide");
        assertThat(inconnu.statusCode()).isEqualTo(404);
        assertThat(json(inconnu).get("erreur").asText()).startsWith("Territoire inconnu : « atlantide »");
    }

    @Test
    void aStoreThatCannotBeReadHidesItsIndicatorOnlyAndNoStoreAtAllIs503() {
        serveur.queries.rendreIndisponible("fragilite-isolement");

        JsonNode territoires = json(serveur.get("/api/territoires"));
        assertThat(textes(territoires.get(0).get("indicateurs"))).containsExactly("taux-presentation-bacs");
        assertThat(textes(territoires.get(1).get("indicateurs"))).isEmpty();

        serveur.queries.rendreIndisponible();
        assertThat(serveur.get("/api/territoires").statusCode()).isEqualTo(503);
        assertThat(serveur.get("/api/territoires/corse-de-test").statusCode()).isEqualTo(503);
    }

    @Test
    void definitionsCarryTheirWordsComponentsAndClassBreaks() {
        JsonNode definitions = json(serveur.get("/api/indicateurs"));
        JsonNode taux = definitions.get(0);
        JsonNode fragilite = definitions.get(1);

        assertThat(taux.get("sujet").asText()).isEqualTo("présentation des bacs d'ordures ménagères");
        assertThat(taux.get("etatSansDonnee").asText()).isEqualTo("pas encore de levée");
        assertThat(taux.get("mentionSecret").asText())
                .isEqualTo("Secret statistique : moins de 11 bacs présentés, la valeur n'est pas publiée.");
        assertThat(taux.get("bornes")).extracting(JsonNode::asDouble).containsExactly(20.0, 40.0, 60.0, 80.0);
        assertThat(taux.get("composantes")).isEmpty();

        assertThat(fragilite.get("id").asText()).isEqualTo("fragilite-isolement");
        assertThat(fragilite.get("sujet").asText()).isEqualTo("fragilité face à l'isolement des personnes âgées");
        assertThat(fragilite.get("libelleNumerateur").isNull()).isTrue();
        assertThat(fragilite.get("libelleDenominateur").isNull()).isTrue();
        assertThat(fragilite.get("bornes")).isEmpty();
        assertThat(fragilite.get("composantes").findValuesAsText("code"))
                .containsExactly("part_75_plus", "part_menages_une_personne", "taux_pauvrete");
        assertThat(fragilite.get("composantes").findValuesAsText("libelle")).containsExactly(
                "part des 75 ans et plus", "part des ménages d'une seule personne", "taux de pauvreté");
        assertThat(fragilite.get("fenetre").asText()).isEqualTo("P365D");
    }

    @Test
    void theCompositeMapGivesEachComponentWithItsLabelValueAndSourceAndTheSecretOneAsSecret() {
        serveur.queries.ajouter(CellulesFragilite.secrete("2A004", "Ajaccio", 11.2, 42.0));
        // the secret cell is the latest of the same window: it replaces the published one
        JsonNode ajaccio = json(serveur.get("/api/territoires/corse-de-test/communes.geojson?indicateur=fragilite-isolement"))
                .get("features").get(0).get("properties");

        assertThat(ajaccio.get("indicateur").asText()).isEqualTo("fragilite-isolement");
        assertThat(ajaccio.get("secret").asBoolean()).isTrue();
        assertThat(ajaccio.get("valeur").isNull()).isTrue();
        assertThat(ajaccio.get("etat").asText()).isEqualTo("secret statistique");
        JsonNode composantes = ajaccio.get("composantes");
        assertThat(composantes).hasSize(3);
        assertThat(composantes.get(0).get("libelle").asText()).isEqualTo("part des 75 ans et plus");
        assertThat(composantes.get(0).get("valeur").asDouble()).isEqualTo(11.2);
        assertThat(composantes.get(0).get("unite").asText()).isEqualTo("%");
        assertThat(composantes.get(0).get("source").asText())
                .isEqualTo("Insee, Dossier complet (recensement de la population) (2022)");
        assertThat(composantes.get(0).get("secret").asBoolean()).isFalse();
        assertThat(composantes.get(2).get("code").asText()).isEqualTo("taux_pauvrete");
        assertThat(composantes.get(2).get("valeur").isNull()).isTrue();
        assertThat(composantes.get(2).get("secret").asBoolean()).isTrue();
        assertThat(composantes.get(2).get("source").asText()).isEqualTo("Insee, Filosofi (revenus et pauvreté) (2021)");
        assertThat(textes(ajaccio.get("sources"))).containsExactlyInAnyOrder(
                "Insee, Dossier complet (recensement de la population) (2022)", "Insee, Filosofi (revenus et pauvreté) (2021)");
        assertThat(ajaccio.get("semaine").asText()).isEqualTo("années 2021 et 2022");
        assertThat(ajaccio.get("sourcesDetaillees").findValuesAsText("licence")).isNotEmpty().doesNotContainNull()
                .allSatisfy(l -> assertThat(l).isNotBlank());
        assertThat(ajaccio.get("sourcesDetaillees").findValuesAsText("libelle"))
                .containsExactlyInAnyOrderElementsOf(textes(ajaccio.get("sources")));
    }

    @Test
    void aCommuneWithoutCompositeCellSaysNoInseeDataAndTheBinMapHasNoComponents() {
        JsonNode frouard = json(serveur.get("/api/territoires/val-de-test/communes.geojson?indicateur=fragilite-isolement"))
                .get("features").get(0).get("properties");
        assertThat(frouard.get("etat").asText()).isEqualTo("pas de donnée Insee");
        assertThat(frouard.get("composantes").findValuesAsText("secret")).containsOnly("false");
        assertThat(frouard.get("sources")).isEmpty();

        JsonNode pompey = json(serveur.get("/api/territoires/val-de-test/communes.geojson")).get("features").get(2)
                .get("properties");
        assertThat(pompey.get("composantes")).isEmpty();
        assertThat(textes(pompey.get("sources"))).containsExactly("Croisements, Levées de bacs (2025), données simulées",
                "Insee, Recensement de la population, ménages (2021)");
    }

    @Test
    void aRatioDetailedByMeasuresGivesThemWithTheirOwnUnitsAndIsNotComposite() {
        serveur.queries.ajouter(CellulesChaleur.cellule("54430", "Pompey", 410, 31.24, 27.5, 3, 1));

        JsonNode definitions = json(serveur.get("/api/indicateurs"));
        JsonNode chaleur = definitions.get(2);
        assertThat(chaleur.get("id").asText()).isEqualTo("exposition-chaleur-75-plus");
        assertThat(chaleur.get("composite").asBoolean()).as("a ratio: its measures only detail it").isFalse();
        assertThat(chaleur.get("libelleNumerateur").asText()).isEqualTo("personnes de 75 ans et plus exposées");
        assertThat(definitions.get(1).get("composite").asBoolean()).as("the fragility index").isTrue();
        assertThat(definitions.get(0).get("composite").asBoolean()).isFalse();

        JsonNode pompey = json(serveur.get("/api/territoires/val-de-test/communes.geojson?indicateur=exposition-chaleur-75-plus"))
                .get("features").get(2).get("properties");
        assertThat(pompey.get("valeur").asDouble()).isEqualTo(410);
        assertThat(pompey.get("unite").asText()).isEqualTo("personnes");
        assertThat(pompey.get("numerateur").asDouble()).isEqualTo(410);
        JsonNode mesures = pompey.get("composantes");
        assertThat(mesures.findValuesAsText("code"))
                .containsExactly("temperature_max", "temperature_moyenne", "capteurs", "capteurs_au_dessus_du_seuil");
        assertThat(mesures.get(0).get("libelle").asText()).isEqualTo("température la plus haute (°C)");
        assertThat(mesures.get(0).get("valeur").asDouble()).isEqualTo(31.24);
        assertThat(mesures.findValues("unite")).as("not \"personnes\": the label gives the unit").allMatch(JsonNode::isNull);
    }

    private static List<String> textes(JsonNode tableau) {
        var result = new ArrayList<String>();
        tableau.forEach(n -> result.add(n.asText()));
        return result;
    }
}
