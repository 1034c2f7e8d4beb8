package fr.croisements.datasets.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import fr.croisements.datasets.catalogue.ConstructeurCatalogue.Options;
import fr.croisements.events.Indicateurs;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The DCAT-AP catalogue read back by a JSON-LD 1.1 processor (Titanium), flattened to full IRIs,
 * with every property DCAT-AP asks for present. The processor may fetch nothing: the context is inline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueJsonLdTest {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String BASE = ConstructeurCatalogueTest.BASE;

    /** Refuses every fetch: the document must be readable offline. */
    static final DocumentLoader HORS_LIGNE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network in this test: " + url);
    };

    private Map<String, JsonObject> noeuds;

    @BeforeAll
    void lireLeCatalogue() throws JsonLdError {
        String texte = CatalogueJsonLd.texte(
                ConstructeurCatalogue.construire(TerritoiresDeTest.TOUS, ConstructeurCatalogueTest.DEMO));
        noeuds = aplatir(texte);
    }

    /** Flattens a JSON-LD document with Titanium, offline; nodes by id. */
    static Map<String, JsonObject> aplatir(String texte) throws JsonLdError {
        var document = JsonDocument.of(new StringReader(texte));
        JsonArray graphe = JsonLd.flatten(document).loader(HORS_LIGNE).get().asJsonArray();
        var parId = new LinkedHashMap<String, JsonObject>();
        graphe.forEach(n -> parId.put(n.asJsonObject().getString("@id"), n.asJsonObject()));
        return parId;
    }

    @Test
    void isOneCatalogWithTitleDescriptionPublisherDatasetsAndServices() {
        List<JsonObject> catalogues = deType(DCAT + "Catalog");
        assertThat(catalogues).hasSize(1);
        JsonObject catalogue = catalogues.get(0);

        assertThat(catalogue.getString("@id")).isEqualTo(BASE + "/catalogue");
        assertThat(texte(catalogue, DCT + "title")).isEqualTo("Catalogue des données de Croisements");
        assertThat(valeurs(catalogue, DCT + "title").get(0).getString("@language")).isEqualTo("fr");
        assertThat(texte(catalogue, DCT + "description")).contains("réels ou simulés");
        assertThat(texte(noeud(catalogue, DCT + "publisher"), FOAF + "name")).isEqualTo("Croisements");
        int jeux = 5 + ConstructeurCatalogueTest.nombreDeFlux() + Indicateurs.TOUS.size();
        assertThat(valeurs(catalogue, DCAT + "dataset")).hasSize(jeux);
        assertThat(valeurs(catalogue, DCAT + "service")).hasSize(jeux - 5 + 1);
        assertThat(valeurs(catalogue, DCAT + "dataset")).allSatisfy(d ->
                assertThat(types(noeuds.get(d.getString("@id")))).contains(DCAT + "Dataset"));
    }

    @Test
    void everyDatasetHasTheRequiredDcatApProperties() {
        List<JsonObject> jeux = deType(DCAT + "Dataset");
        assertThat(jeux).hasSize(5 + ConstructeurCatalogueTest.nombreDeFlux() + Indicateurs.TOUS.size());
        for (JsonObject jeu : jeux) {
            String id = jeu.getString("@id");
            for (String propriete : List.of("title", "description", "publisher", "license", "spatial", "temporal",
                    "accrualPeriodicity", "conformsTo", "provenance")) {
                assertThat(jeu.containsKey(DCT + propriete)).as("%s of %s", propriete, id).isTrue();
            }
            assertThat(iri(jeu, DCT + "accrualPeriodicity")).as(id)
                    .startsWith("http://publications.europa.eu/resource/authority/frequency/");
            JsonObject periode = noeud(jeu, DCT + "temporal");
            assertThat(types(periode)).containsExactly(DCT + "PeriodOfTime");
            assertThat(valeurs(periode, DCAT + "startDate").get(0).getString("@type")).isEqualTo(XSD + "date");
            assertThat(periode.containsKey(DCAT + "endDate")).as(id).isTrue();
            assertThat(types(noeud(jeu, DCT + "license"))).containsExactly(DCT + "LicenseDocument");
            assertThat(texte(noeud(jeu, DCT + "provenance"), RDFS + "label")).as(id)
                    .matches("^Données (réelles|simulées) : .+");
            assertThat(valeurs(jeu, DCAT + "distribution")).as(id).isNotEmpty();
            for (JsonValue d : valeurs(jeu, DCAT + "distribution")) {
                JsonObject distribution = noeuds.get(d.asJsonObject().getString("@id"));
                assertThat(types(distribution)).containsExactly(DCAT + "Distribution");
                assertThat(iri(distribution, DCAT + "accessURL")).as(id).matches("^(http://localhost:7070/|kafka://).+");
                assertThat(iri(distribution, DCAT + "mediaType")).startsWith("https://www.iana.org/assignments/media-types/");
                assertThat(iri(distribution, DCT + "format"))
                        .startsWith("http://publications.europa.eu/resource/authority/file-type/");
            }
        }
    }

    @Test
    void titlesSaySimulatedDataAndTheLiftFeedIsADataServiceOnItsKafkaTopic() {
        JsonObject levees = noeuds.get(BASE + "/catalogue#flux-dechets-levees");
        assertThat(texte(levees, DCT + "title")).isEqualTo("Levées de bacs pucés (données simulées)");
        assertThat(textes(levees, DCAT + "keyword")).contains("données simulées");
        JsonObject distribution = noeuds.get(valeurs(levees, DCAT + "distribution").get(0).getString("@id"));
        JsonObject service = noeuds.get(iri(distribution, DCAT + "accessService"));

        assertThat(types(service)).containsExactly(DCAT + "DataService");
        assertThat(iri(service, DCAT + "endpointURL")).isEqualTo("kafka://localhost:9092/dechets-levees");
        assertThat(valeurs(service, DCAT + "servesDataset")).extracting(v -> v.getString("@id"))
                .containsExactly(levees.getString("@id"));
        JsonObject direct = noeuds.get(BASE + "/catalogue#service-direct");
        assertThat(iri(direct, DCAT + "endpointURL")).isEqualTo(BASE + "/api/direct");

        JsonObject fragilite = noeuds.get(BASE + "/catalogue#indicateur-fragilite-isolement");
        assertThat(texte(fragilite, DCT + "title")).isEqualTo("Fragilité face à l'isolement");
        assertThat(textes(fragilite, DCAT + "keyword")).contains("données réelles").doesNotContain("données simulées");
    }

    @Test
    void spatialCoverageNamesCommunesByTheirInseeUriAndTerritoriesByName() {
        JsonObject fragilite = noeuds.get(BASE + "/catalogue#indicateur-fragilite-isolement");
        List<String> lieux = new ArrayList<>();
        for (JsonObject lieu : valeurs(fragilite, DCT + "spatial")) {
            JsonObject n = noeuds.get(lieu.getString("@id"));
            lieux.add(n != null && n.containsKey(RDFS + "label") ? texte(n, RDFS + "label") : lieu.getString("@id"));
        }
        assertThat(lieux).containsExactlyInAnyOrder("Communauté d'agglomération de Test",
                "http://id.insee.fr/geo/commune/17010", "http://id.insee.fr/geo/commune/17300");
    }

    @Test
    void conformsToGeoJsonAndDistributionsGiveTheGeoJsonMediaType() {
        JsonObject taux = noeuds.get(BASE + "/catalogue#indicateur-taux-presentation-bacs");
        assertThat(valeurs(taux, DCT + "conformsTo")).extracting(v -> v.getString("@id"))
                .contains("https://www.rfc-editor.org/rfc/rfc7946");
        JsonObject geojson = noeuds.get(BASE + "/catalogue#indicateur-taux-presentation-bacs-val-de-test-geojson");
        assertThat(iri(geojson, DCAT + "mediaType"))
                .isEqualTo("https://www.iana.org/assignments/media-types/application/geo+json");
        assertThat(iri(geojson, DCAT + "downloadURL")).isEqualTo(
                BASE + "/api/territoires/val-de-test/communes.geojson?indicateur=taux-presentation-bacs");
        assertThat(iri(geojson, DCT + "conformsTo")).isEqualTo("https://www.rfc-editor.org/rfc/rfc7946");
        assertThat(iri(taux, DCT + "license")).isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
    }

    @Test
    void theShippedPacksMakeAValidCatalogueToo() throws JsonLdError {
        var packs = fr.croisements.datasets.Territoires.ids().stream()
                .map(fr.croisements.datasets.Territoires::charger).toList();
        String texte = CatalogueJsonLd.texte(ConstructeurCatalogue.construire(packs,
                Options.demo(BASE, ConstructeurCatalogueTest.AUJOURDHUI)));

        Map<String, JsonObject> reels = aplatir(texte);

        List<JsonObject> jeux = reels.values().stream().filter(n -> types(n).contains(DCAT + "Dataset")).toList();
        assertThat(jeux).hasSizeGreaterThan(4);
        assertThat(jeux.stream().flatMap(j -> valeurs(j, DCT + "spatial").stream()).map(v -> v.getString("@id")))
                .contains("http://id.insee.fr/geo/commune/17300", "http://id.insee.fr/geo/commune/92002");
    }

    // ---- reading flattened JSON-LD ----

    private List<JsonObject> deType(String type) {
        return noeuds.values().stream().filter(n -> types(n).contains(type)).toList();
    }

    static List<String> types(JsonObject n) {
        return n.containsKey("@type") ? n.getJsonArray("@type").getValuesAs(v -> ((jakarta.json.JsonString) v).getString())
                : List.of();
    }

    static List<JsonObject> valeurs(JsonObject n, String propriete) {
        JsonArray valeurs = n.getJsonArray(propriete);
        assertThat(valeurs).as("%s of %s", propriete, n.getString("@id", "?")).isNotNull();
        return valeurs.getValuesAs(JsonObject.class);
    }

    static String texte(JsonObject n, String propriete) {
        return valeurs(n, propriete).get(0).getString("@value");
    }

    static List<String> textes(JsonObject n, String propriete) {
        return valeurs(n, propriete).stream().map(v -> v.getString("@value")).toList();
    }

    static String iri(JsonObject n, String propriete) {
        return valeurs(n, propriete).get(0).getString("@id");
    }

    /** The node a property points to (flattened: by its id). */
    private JsonObject noeud(JsonObject n, String propriete) {
        return noeuds.get(iri(n, propriete));
    }
}
