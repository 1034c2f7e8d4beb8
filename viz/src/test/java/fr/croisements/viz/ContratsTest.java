package fr.croisements.viz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.events.Topics;
import fr.croisements.viz.contrats.VerificationOpenApi;
import fr.croisements.viz.interne.InterneRoutes;
import fr.croisements.viz.live.LiveFeed;
import fr.croisements.viz.sante.SanteRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contracts served by the map server: {@code /openapi.json} lists every route the server registered (with
 * every optional group: devices, car parks, indicator files, the internal API, health and metrics) and each is
 * documented; {@code /asyncapi.json} describes every topic; {@code /api.html} shows the OpenAPI document with
 * Swagger UI served from its webjar.
 */
class ContratsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static VizServer serveur;
    private static int port;

    @BeforeAll
    static void demarrer() {
        var queries = new FausseQueries();
        var capteurs = new FaussesCapteurs();
        serveur = new VizServer(queries, List.of(Fixtures.VAL_DE_TEST), new LiveFeed(), Instant::now)
                .avecCapteurs(capteurs)
                .avecParkings(List::of)
                .avecIndicateurs(RegistreIndicateurs.integres(), List::of)
                .avecInterne(new InterneRoutes.Stores(queries, queries, capteurs, capteurs, List::of, List::of))
                .avecRoutes(new SanteRoutes(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional::empty));
        port = serveur.start(0);
    }

    @AfterAll
    static void arreter() {
        serveur.stop();
    }

    private static List<String> problemes(JsonNode openApi) {
        return VerificationOpenApi.problemes(openApi);
    }

    @Test
    void everyRouteTheServerRegisteredIsDocumented() throws Exception {
        JsonNode openApi = json("/openapi.json");
        assertThat(openApi.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(openApi.path("paths").has("/api/territoires/{id}/communes.geojson")).isTrue();
        assertThat(openApi.path("paths").has("/interne/indicateurs/{indicateur}/dernieres")).isTrue();
        assertThat(openApi.path("paths").has("/sante")).isTrue();
        assertThat(openApi.path("paths").has("/metriques")).isTrue();
        assertThat(openApi.path("paths").has("/openapi.json")).isTrue();
        assertThat(problemes(openApi)).as("routes registered without documentation, or the reverse").isEmpty();
    }

    @Test
    void aRouteWithoutDocumentationIsListedWithWhatToAdd() throws Exception {
        var nue = new VizServer(new FausseQueries(), List.of(Fixtures.VAL_DE_TEST), new LiveFeed(), Instant::now)
                .avecRoutes(() -> io.javalin.apibuilder.ApiBuilder.get("/api/nouvelle", ctx -> ctx.result("ok")));
        int autre = nue.start(0);
        try {
            JsonNode openApi = JsonSerde.MAPPER.readTree(CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + autre + "/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(problemes(openApi)).singleElement().asString()
                    .startsWith("GET /api/nouvelle : Route non documentée : ajouter RouteDocumentee.get(\"/api/nouvelle\"")
                    .contains("documentation()", ContratsTest.class.getName());
        } finally {
            nue.stop();
        }
    }

    @Test
    void theAsyncApiDocumentDescribesEveryTopic() throws Exception {
        JsonNode asyncApi = json("/asyncapi.json");
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        Topics.TOUS.forEach(t -> assertThat(asyncApi.path("channels").has(t.name())).as(t.name()).isTrue());
    }

    @Test
    void theBrowsablePageUsesSwaggerUiFromItsWebjar() throws Exception {
        String page = get("/api.html").body();
        assertThat(page).contains("<html lang=\"fr\">", "/openapi.json", "/asyncapi.json");
        var scripts = java.util.regex.Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page);
        int trouves = 0;
        while (scripts.find()) {
            assertThat(get(scripts.group(1)).statusCode()).as(scripts.group(1)).isEqualTo(200);
            trouves++;
        }
        assertThat(trouves).as("Swagger UI's script and style, served from the jar").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDataCatalogueLinksBothDocuments() throws Exception {
        String page = get("/catalogue").body();
        assertThat(page).contains("href=\"/asyncapi.json\"", "href=\"/openapi.json\"", "href=\"/api.html\"");
        JsonNode dcat = JsonSerde.MAPPER.readTree(get("/catalogue.jsonld").body());
        String base = "http://localhost:" + port;
        JsonNode kafka = null;
        JsonNode direct = null;
        for (JsonNode service : dcat.path("dcat:service")) {
            String adresse = service.path("dcat:endpointURL").path("@id").asText();
            if (adresse.startsWith("kafka://")) {
                kafka = service;
            } else if (adresse.endsWith("/api/direct")) {
                direct = service;
            }
        }
        assertThat(kafka.path("dcat:endpointDescription").path("@id").asText()).isEqualTo(base + "/asyncapi.json");
        assertThat(direct.path("dcat:endpointDescription").path("@id").asText()).isEqualTo(base + "/openapi.json");
        List<String> pages = new java.util.ArrayList<>();
        dcat.path("dcat:dataset").forEach(jeu -> jeu.path("dcat:distribution").forEach(d -> pages.add(
                d.path("dcat:accessURL").path("@id").asText() + " " + d.path("foaf:page").path("@id").asText())));
        assertThat(pages).anyMatch(p -> p.startsWith("kafka://") && p.endsWith(base + "/asyncapi.json"))
                .anyMatch(p -> p.startsWith(base + "/api/") && p.endsWith(base + "/openapi.json"));
        // both documents exist where the catalogue says
        assertThat(get("/asyncapi.json").statusCode()).isEqualTo(200);
        assertThat(get("/openapi.json").statusCode()).isEqualTo(200);
    }

    private static JsonNode json(String chemin) throws IOException, InterruptedException {
        var reponse = get(chemin);
        assertThat(reponse.statusCode()).as(chemin).isEqualTo(200);
        return JsonSerde.MAPPER.readTree(reponse.body());
    }

    private static HttpResponse<String> get(String chemin) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
