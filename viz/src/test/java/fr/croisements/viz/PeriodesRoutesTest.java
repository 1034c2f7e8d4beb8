package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.SEMAINE_3;
import static fr.croisements.viz.Fixtures.cellule;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Indicateur;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The windows kept for a territory, and the map and CSV of a past one (?debut=). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodesRoutesTest {

    private static final String PERIODES = "/api/territoires/val-de-test/periodes?indicateur=taux-presentation-bacs";
    private static final String CARTE = "/api/territoires/val-de-test/communes.geojson?indicateur=taux-presentation-bacs";
    private static final String CSV = "/api/indicateurs/taux-presentation-bacs/territoires/val-de-test.csv";
    private ServeurDeTest serveur;

    @BeforeAll
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST, Fixtures.CORSE));
    }

    @AfterAll
    void arreter() {
        serveur.close();
    }

    /**
     * Pompey: weeks 3, 1 and 2 (in that order, week 2 updated once); Liverdun: week 2 only, secret;
     * Frouard: nothing; Ajaccio, in another territory: week 1.
     */
    @BeforeEach
    void remplir() {
        serveur.queries.vider();
        serveur.queries.ajouter(cellule("54430", SEMAINE_3, 1200, 1600), cellule("54430", SEMAINE_1, 800, 1600),
                cellule("54430", SEMAINE_2, 900, 1600), cellule("54430", SEMAINE_2, 1000, 1600),
                Fixtures.secrete("54318", SEMAINE_2, 8), cellule("2A004", SEMAINE_1, 500, 1000));
    }

    @Test
    void listsTheWindowsOfTheTerritoryOldestFirstWithTheirFrenchLabelAndHowManyCommunesHaveACell() {
        JsonNode periodes = json(serveur.get(PERIODES));

        assertThat(periodes).hasSize(3);
        assertThat(periodes.findValuesAsText("debut"))
                .containsExactly("2024-12-30T00:00:00Z", "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z");
        assertThat(periodes.findValuesAsText("fin"))
                .containsExactly("2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z");
        assertThat(periodes.findValuesAsText("libelle")).containsExactly("semaine du 30 décembre 2024 au 5 janvier 2025",
                "semaine du 6 au 12 janvier 2025", "semaine du 13 au 19 janvier 2025");
        assertThat(periodes.findValues("communes")).extracting(JsonNode::asInt)
                .as("Ajaccio is not in the territory; an update of a window counts once; a secret cell counts")
                .containsExactly(1, 2, 1);
    }

    @Test
    void anIndicatorWithoutCellsHasNoPeriodAndAnUnknownTerritoryIs404() {
        assertThat(json(serveur.get("/api/territoires/val-de-test/periodes?indicateur=fragilite-isolement"))).isEmpty();

        var inconnu = serveur.get("/api/territoires/atlantide/periodes?indicateur=taux-presentation-bacs");
        assertThat(inconnu.statusCode()).isEqualTo(404);
        assertThat(json(inconnu).get("erreur").asText()).startsWith("Territoire inconnu");
    }

    @Test
    void theMapOfAPastWindowHasTheCellsOfThatWindow() {
        JsonNode semaine1 = json(serveur.get(CARTE + "&debut=2024-12-30T00:00:00Z")).get("features");
        JsonNode pompey = proprietes(semaine1, "54430");
        assertThat(pompey.get("valeur").asDouble()).isEqualTo(50.0);
        assertThat(pompey.get("debut").asText()).isEqualTo("2024-12-30T00:00:00Z");
        assertThat(pompey.get("semaine").asText()).isEqualTo("semaine du 30 décembre 2024 au 5 janvier 2025");
        JsonNode liverdun = proprietes(semaine1, "54318");
        assertThat(liverdun.get("etat").asText()).as("no cell in that window").isEqualTo("pas encore de levée");
        assertThat(liverdun.get("secret").asBoolean()).isFalse();
        assertThat(liverdun.get("debut").isNull()).isTrue();

        JsonNode semaine2 = json(serveur.get(CARTE + "&debut=2025-01-06T00:00:00Z")).get("features");
        assertThat(proprietes(semaine2, "54430").get("valeur").asDouble()).as("the update of the window")
                .isEqualTo(62.5);
        assertThat(proprietes(semaine2, "54318").get("etat").asText()).isEqualTo("secret statistique");

        JsonNode derniere = json(serveur.get(CARTE)).get("features");
        assertThat(proprietes(derniere, "54430").get("valeur").asDouble()).as("without debut: the latest")
                .isEqualTo(75.0);
        assertThat(proprietes(derniere, "54318").get("etat").asText()).isEqualTo("secret statistique");
    }

    @Test
    void aWindowThatIsNotKeptGivesCommunesWithoutCell() {
        JsonNode features = json(serveur.get(CARTE + "&debut=2020-01-06T00:00:00Z")).get("features");

        assertThat(features).hasSize(3);
        assertThat(features.findValuesAsText("etat")).containsOnly("pas encore de levée");
    }

    @Test
    void anUnreadableDebutIs400WithAFrenchMessageOnTheMapAndTheCsv() {
        for (String chemin : List.of(CARTE + "&debut=semaine-2", CSV + "?debut=2025-01-06")) {
            HttpResponse<String> reponse = serveur.get(chemin);
            assertThat(reponse.statusCode()).as(chemin).isEqualTo(400);
            assertThat(json(reponse).get("erreur").asText()).as(chemin)
                    .startsWith("Début de période illisible : « ")
                    .contains("2025-01-06T00:00:00Z");
        }
    }

    @Test
    void theCsvOfAPastWindowHasOneRowPerCommuneForThatWindowOnly() {
        HttpResponse<String> reponse = serveur.get(CSV + "?debut=2024-12-30T00:00:00Z");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"taux-presentation-bacs-val-de-test-2024-12-30.csv\"");
        List<CSVRecord> lignes = lire(reponse.body());
        assertThat(lignes).hasSize(1 + 3);
        assertThat(lignes.get(1).get(0)).isEqualTo("54215");
        assertThat(lignes.get(2).get(0)).isEqualTo("54318");
        assertThat(lignes.get(2).get(5)).as("Liverdun has no cell that week").isEqualTo("pas encore de levée");
        assertThat(lignes.get(3).get(0)).isEqualTo("54430");
        assertThat(lignes.get(3).get(2)).isEqualTo("2024-12-30");
        assertThat(lignes.get(3).get(6)).isEqualTo("50");

        List<CSVRecord> semaine2 = lire(serveur.get(CSV + "?debut=2025-01-06T00:00:00Z").body());
        assertThat(semaine2).hasSize(1 + 3);
        assertThat(semaine2.get(3).get(6)).as("the update only").isEqualTo("62,5");

        // Frouard's empty row, Liverdun's week, Pompey's three weeks (week 2's update replaces its cell, as in a store)
        List<CSVRecord> toutes = lire(serveur.get(CSV).body());
        assertThat(toutes).as("without debut: every kept window").hasSize(1 + 1 + 1 + 3);
        assertThat(toutes.get(4).get(6)).as("week 2, updated").isEqualTo("62,5");
    }

    @Test
    void theWindowsOfAYearlyIndicatorAreNamedByTheirYears() {
        serveur.queries.ajouter(CellulesFragilite.cellule("54430", "Pompey", 11.2, 42.0, 18.6));
        Indicateur cellule = serveur.queries.historique("fragilite-isolement", "54430").get(0);

        JsonNode periodes = json(serveur.get("/api/territoires/val-de-test/periodes?indicateur=fragilite-isolement"));

        assertThat(periodes.findValuesAsText("libelle")).containsExactly("années 2021 et 2022");
        assertThat(periodes.get(0).get("debut").asText()).isEqualTo(cellule.debut().toString());
    }

    private static JsonNode proprietes(JsonNode features, String code) {
        for (JsonNode f : features) {
            if (f.get("properties").get("code").asText().equals(code)) {
                return f.get("properties");
            }
        }
        throw new AssertionError("no commune " + code + " in " + features);
    }

    private static List<CSVRecord> lire(String texte) {
        String sansBom = texte.startsWith("\uFEFF") ? texte.substring(1) : texte;
        try (var parseur = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(sansBom))) {
            return parseur.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
