package fr.croisements.viz;

import static fr.croisements.viz.Fixtures.SEMAINE_2;
import static fr.croisements.viz.Fixtures.cellule;
import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Bassin de Pompey pack from the datasets module, served as the map reads it. */
class BassinDePompeyTest {

    private final Territoire pompey = Territoires.charger("bassin-de-pompey");
    private ServeurDeTest serveur;

    @BeforeEach
    void demarrer() {
        serveur = new ServeurDeTest(List.of(pompey));
        for (Commune c : pompey.communes()) {
            double menages = c.chiffre(Commune.MENAGES);
            serveur.queries.ajouter(cellule(c.codeInsee(), SEMAINE_2, Math.round(menages * 0.6), menages));
        }
    }

    @AfterEach
    void arreter() {
        serveur.close();
    }

    @Test
    void theGeoJsonEndpointReturns13FeaturesWithValuesAndFrenchProperties() {
        var reponse = serveur.get("/api/territoires/bassin-de-pompey/communes.geojson?indicateur=taux-presentation-bacs");

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode features = json(reponse).get("features");
        assertThat(features).hasSize(13);
        List<String> noms = new ArrayList<>();
        for (JsonNode feature : features) {
            JsonNode p = feature.get("properties");
            noms.add(p.get("nom").asText());
            assertThat(feature.get("geometry").get("type").asText()).isIn("Polygon", "MultiPolygon");
            assertThat(p.get("code").asText()).matches("54\\d{3}");
            assertThat(p.get("valeur").asDouble()).as(p.get("nom").asText()).isBetween(59.0, 61.0);
            assertThat(p.get("unite").asText()).isEqualTo("%");
            assertThat(p.get("menages").asDouble()).isPositive();
            assertThat(p.get("population").asDouble()).isGreaterThan(p.get("menages").asDouble());
            assertThat(p.get("semaine").asText()).isEqualTo("semaine du 6 au 12 janvier 2025");
            assertThat(p.get("etat").asText()).isEqualTo("valeur disponible");
            assertThat(p.get("mention").asText()).isEqualTo("données simulées");
        }
        assertThat(noms).contains("Pompey", "Frouard", "Bouxières-aux-Dames", "Lay-Saint-Christophe");
        JsonNode premierPoint = features.get(0).get("geometry").findValue("coordinates");
        while (premierPoint.get(0).isArray()) {
            premierPoint = premierPoint.get(0);
        }
        assertThat(premierPoint.get(0).asDouble()).as("longitude").isBetween(5.9, 6.4);
        assertThat(premierPoint.get(1).asDouble()).as("latitude").isBetween(48.6, 48.9);
    }

    @Test
    void theTerritoryListGivesItsShortNameForTheTitle() {
        JsonNode territoire = json(serveur.get("/api/territoires")).get(0);

        assertThat(territoire.get("id").asText()).isEqualTo("bassin-de-pompey");
        assertThat(territoire.get("nomCourt").asText()).isEqualTo("Bassin de Pompey");
        assertThat(territoire.get("nombreCommunes").asInt()).isEqualTo(13);
        assertThat(territoire.get("sources").findValuesAsText("libelle")).anySatisfy(s -> assertThat(s).startsWith("IGN"));
    }
}
