package fr.croisements.datasets.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueDataGouvTest {

    static final String BASE = ConstructeurCatalogueTest.BASE;
    private final CatalogueDonnees catalogue =
            ConstructeurCatalogue.construire(TerritoiresDeTest.TOUS, ConstructeurCatalogueTest.DEMO);
    private final JsonNode document = CatalogueDataGouv.document(catalogue);

    @Test
    void everyDatasetHasTheDataGouvFields() {
        assertThat(document.get("datasets")).hasSize(catalogue.jeux().size());
        for (JsonNode jeu : document.get("datasets")) {
            for (String champ : List.of("title", "description", "license", "frequency", "spatial", "tags", "resources",
                    "extras")) {
                assertThat(jeu.has(champ)).as("%s of %s", champ, jeu.get("title")).isTrue();
            }
            assertThat(jeu.get("spatial").get("granularity").asText()).isIn("fr:commune", "fr:iris");
            assertThat(jeu.get("extras").get("croisements:simule").isBoolean()).isTrue();
        }
    }

    @Test
    void aWholeTerritoryIsItsEpciAndAPartOfItItsCommunes() {
        JsonNode taux = jeu(BASE + "/catalogue#indicateur-taux-presentation-bacs");
        assertThat(taux.get("spatial").get("zones")).extracting(JsonNode::asText).containsExactly("fr:epci:245400676");
        assertThat(taux.get("frequency").asText()).isEqualTo("weekly");
        assertThat(taux.get("license").asText()).isEqualTo("lov2");
        assertThat(taux.get("temporal_coverage").get("start").asText()).isEqualTo("2025-01-06");
        assertThat(taux.get("extras").get("croisements:simule").asBoolean()).isTrue();
        assertThat(taux.get("tags")).extracting(JsonNode::asText).contains("donnees-simulees");

        JsonNode fragilite = jeu(BASE + "/catalogue#indicateur-fragilite-isolement");
        assertThat(fragilite.get("spatial").get("zones")).extracting(JsonNode::asText)
                .containsExactly("fr:commune:17010", "fr:commune:17300");
        assertThat(fragilite.get("frequency").asText()).isEqualTo("annual");
        assertThat(fragilite.get("extras").get("croisements:nature").asText()).isEqualTo("données réelles");
    }

    @Test
    void irisFiguresHaveTheIrisGranularityAndFeedsAreContinuousApiResources() {
        JsonNode iris = null;
        var granularites = new ArrayList<String>();
        for (JsonNode jeu : document.get("datasets")) {
            granularites.add(jeu.get("spatial").get("granularity").asText());
            if (jeu.get("title").asText().contains("IRIS")) {
                iris = jeu;
            }
        }
        assertThat(iris).isNotNull();
        assertThat(iris.get("spatial").get("granularity").asText()).isEqualTo("fr:iris");
        assertThat(granularites).contains("fr:commune");

        JsonNode levees = jeu(BASE + "/catalogue#flux-dechets-levees");
        assertThat(levees.get("frequency").asText()).isEqualTo("continuous");
        JsonNode ressource = levees.get("resources").get(0);
        assertThat(ressource.get("type").asText()).isEqualTo("api");
        assertThat(ressource.get("url").asText()).isEqualTo("kafka://localhost:9092/dechets-levees");

        JsonNode contours = jeu(catalogue.jeux(Genre.REFERENCE).stream().filter(j -> j.producteur().equals("IGN"))
                .findFirst().orElseThrow().id());
        assertThat(contours.get("license").asText()).isEqualTo("fr-lo");
        assertThat(contours.get("resources").get(0).get("format").asText()).isEqualTo("geojson");
        assertThat(contours.get("resources").get(0).get("mime").asText()).isEqualTo("application/geo+json");
    }

    private JsonNode jeu(String id) {
        for (JsonNode jeu : document.get("datasets")) {
            if (jeu.get("id").asText().equals(id)) {
                return jeu;
            }
        }
        throw new AssertionError("no dataset " + id);
    }
}
