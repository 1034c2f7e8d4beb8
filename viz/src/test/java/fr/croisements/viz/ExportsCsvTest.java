package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.SEMAINE_1;
import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** CSV exports for spreadsheets: UTF-8 with BOM, ";", decimal commas, French columns, "secret". */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsCsvTest {

    private static final String TAUX = "/api/indicateurs/taux-presentation-bacs/territoires/val-de-test.csv";
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
        serveur.queries.ajouter(Fixtures.cellule("54430", SEMAINE_2, 1000, 1600), Fixtures.cellule("54430", SEMAINE_1, 800, 1600),
                Fixtures.secrete("54318", SEMAINE_2, 8));
    }

    @Test
    void theIndicatorCsvHasOneRowPerCommuneAndWindowWithFrenchColumnsForSpreadsheets() throws IOException {
        HttpResponse<byte[]> reponse = octets(TAUX);

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(reponse.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"taux-presentation-bacs-val-de-test.csv\"");
        byte[] corps = reponse.body();
        assertThat(new byte[] {corps[0], corps[1], corps[2]}).as("UTF-8 byte order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String texte = new String(corps, 3, corps.length - 3, StandardCharsets.UTF_8);
        assertThat(texte).contains("\r\n");

        List<CSVRecord> lignes = lire(texte);
        assertThat(lignes.get(0).values()).containsExactly("code_commune", "nom_commune", "debut", "fin", "periode", "etat",
                "valeur", "unite", "numerateur", "denominateur", "secret_statistique", "donnees_simulees", "sources");
        assertThat(lignes).hasSize(1 + 4); // Frouard (no cell), Liverdun (secret), Pompey × 2 weeks
        assertThat(lignes.get(1).values()).containsExactly("54215", "Frouard", "", "", "", "pas encore de levée", "", "%",
                "", "", "non", "non", "");
        assertThat(lignes.get(2).values()).containsExactly("54318", "Liverdun", "2025-01-06", "2025-01-12",
                "semaine du 6 au 12 janvier 2025", "secret statistique", "secret", "%", "secret", "8", "oui", "oui",
                "Croisements, Levées de bacs (2025), données simulées | Insee, Recensement de la population, ménages (2021)");
        assertThat(lignes.get(3).get(2)).as("oldest window first").isEqualTo("2024-12-30");
        assertThat(lignes.get(3).get(6)).isEqualTo("50");
        assertThat(lignes.get(4).get(6)).as("decimal comma").isEqualTo("62,5");
        assertThat(lignes.get(4).get(8)).isEqualTo("1000");
    }

    @Test
    void theCompositeCsvGivesEachComponentWithItsSourceAndSecretForTheHiddenOne() {
        serveur.queries.ajouter(CellulesFragilite.secrete("2A004", "Ajaccio", 11.2, 42.0));

        List<CSVRecord> lignes = lire(texte("/api/indicateurs/fragilite-isolement/territoires/corse-de-test.csv"));

        assertThat(lignes.get(0).values()).containsExactly("code_commune", "nom_commune", "debut", "fin", "periode", "etat",
                "valeur", "unite", "part_75_plus", "source_part_75_plus", "part_menages_une_personne",
                "source_part_menages_une_personne", "taux_pauvrete", "source_taux_pauvrete", "secret_statistique",
                "donnees_simulees", "sources");
        CSVRecord ajaccio = lignes.get(1);
        assertThat(ajaccio.get(0)).as("Corsican code kept as text").isEqualTo("2A004");
        assertThat(ajaccio.get(3)).isEqualTo("2022-12-31");
        assertThat(ajaccio.get(6)).isEqualTo("secret");
        assertThat(ajaccio.get(8)).isEqualTo("11,2");
        assertThat(ajaccio.get(9)).isEqualTo("Insee, Dossier complet (recensement de la population) (2022)");
        assertThat(ajaccio.get(12)).isEqualTo("secret");
        assertThat(ajaccio.get(13)).isEqualTo("Insee, Filosofi (revenus et pauvreté) (2021)");
        assertThat(ajaccio.get(15)).isEqualTo("non");
    }

    @Test
    void aRatioDetailedByMeasuresKeepsItsNumeratorAndDenominatorAndAddsTheMeasures() {
        serveur.queries.ajouter(CellulesChaleur.cellule("54430", "Pompey", 410, 31.24, 27.5, 3, 1));

        List<CSVRecord> lignes = lire(texte("/api/indicateurs/exposition-chaleur-75-plus/territoires/val-de-test.csv"));

        assertThat(lignes.get(0).values()).containsExactly("code_commune", "nom_commune", "debut", "fin", "periode", "etat",
                "valeur", "unite", "numerateur", "denominateur", "temperature_max", "source_temperature_max",
                "temperature_moyenne", "source_temperature_moyenne", "capteurs", "source_capteurs",
                "capteurs_au_dessus_du_seuil", "source_capteurs_au_dessus_du_seuil", "secret_statistique",
                "donnees_simulees", "sources");
        CSVRecord pompey = lignes.get(3);
        assertThat(pompey.get(0)).isEqualTo("54430");
        assertThat(pompey.get(6)).isEqualTo("410");
        assertThat(pompey.get(8)).isEqualTo("410");
        assertThat(pompey.get(9)).isEqualTo("410");
        assertThat(pompey.get(10)).isEqualTo("31,24");
        assertThat(pompey.get(14)).isEqualTo("3");
        assertThat(lignes.get(1).values()).as("a commune without cell").hasSize(21);
    }

    @Test
    void theInseeFiguresOfATerritoryAsCsv() {
        List<CSVRecord> lignes = lire(texte("/api/territoires/val-de-test/communes.csv"));

        assertThat(lignes.get(0).values()).containsExactly("code_commune", "nom_commune", "menages", "population");
        assertThat(lignes.get(3).values()).containsExactly("54430", "Pompey", "2100", "4900");
        assertThat(lire(texte("/api/territoires/val-de-test/iris.csv")).get(0).values())
                .containsExactly("code_iris", "code_commune", "nom_commune");
    }

    @Test
    void unknownIndicatorTerritoryOrFileNameAre404InFrench() {
        var indicateur = serveur.get("/api/indicateurs/bruit/territoires/val-de-test.csv");
        assertThat(indicateur.statusCode()).isEqualTo(404);
        assertThat(json(indicateur).get("erreur").asText()).startsWith("Indicateur inconnu : « bruit »");

        var territoire = serveur.get("/api/indicateurs/taux-presentation-bacs/territoires/atlantide.csv");
        assertThat(territoire.statusCode()).isEqualTo(404);
        assertThat(json(territoire).get("erreur").asText()).startsWith("Territoire inconnu : « atlantide »");

        assertThat(serveur.get("/api/indicateurs/taux-presentation-bacs/territoires/val-de-test.xls").statusCode())
                .isEqualTo(404);
        serveur.queries.rendreIndisponible();
        assertThat(serveur.get(TAUX).statusCode()).isEqualTo(503);
    }

    private String texte(String chemin) {
        HttpResponse<byte[]> reponse = octets(chemin);
        assertThat(reponse.statusCode()).as(chemin).isEqualTo(200);
        String texte = new String(reponse.body(), StandardCharsets.UTF_8);
        assertThat(texte).startsWith("\uFEFF");
        return texte.substring(1);
    }

    private HttpResponse<byte[]> octets(String chemin) {
        try {
            var requete = HttpRequest.newBuilder(serveur.uri(chemin)).timeout(Duration.ofSeconds(5)).GET().build();
            return serveur.client.send(requete, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> lire(String texte) {
        try (var parseur = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(texte))) {
            return parseur.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
