package fr.croisements.viz.contrats;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.contrats.AsyncApi;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The two machine-readable contracts: {@code GET /openapi.json} (the HTTP routes of this server, OpenAPI 3.1,
 * browsable on {@code /api.html}) and {@code GET /asyncapi.json} (the Kafka topics, AsyncAPI 3.0, with the
 * indicators declared by files while the server runs). Both are built on request: the first from the routes
 * Javalin registered, the second from the topic catalogue and the indicators of the moment.
 */
public final class ContratsRoutes implements EndpointGroup {

    private final Supplier<ObjectNode> openApi;
    private final String serveursKafka;
    private final Supplier<List<DefinitionIndicateur>> indicateurs;

    /**
     * @param openApi builds the OpenAPI document of the routes registered
     * @param serveursKafka the bootstrap servers the AsyncAPI document names
     * @param indicateurs the indicators computed now, built-in and declared by files
     */
    public ContratsRoutes(Supplier<ObjectNode> openApi, String serveursKafka,
            Supplier<List<DefinitionIndicateur>> indicateurs) {
        this.openApi = Objects.requireNonNull(openApi);
        this.serveursKafka = Objects.requireNonNull(serveursKafka);
        this.indicateurs = Objects.requireNonNull(indicateurs);
    }

    @Override
    public void addEndpoints() {
        get("/openapi.json", ctx -> json(ctx, openApi.get()));
        get("/asyncapi.json", ctx -> json(ctx, AsyncApi.document(serveursKafka, indicateurs.get())));
    }

    private static void json(Context ctx, ObjectNode document) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.json(document);
    }

    /** What {@code /openapi.json} says of these routes. */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/openapi.json", "Ce document : l'API HTTP en OpenAPI 3.1")
                        .description("Construit à partir des routes que le serveur a enregistrées ; page lisible : /api.html.")
                        .reponse("application/json", "le document OpenAPI 3.1"),
                RouteDocumentee.get("/asyncapi.json", "Les flux Kafka en AsyncAPI 3.0")
                        .description("Chaque topic : sa clé, le schéma JSON de ses valeurs (généré à partir des "
                                + "enregistrements Java), un exemple, sa rétention et s'il est compacté ; y compris les "
                                + "topics des indicateurs déclarés par fichier. Le même document, pour les topics livrés, "
                                + "est dans le dépôt : docs/asyncapi.yaml.")
                        .reponse("application/json", "le document AsyncAPI 3.0"));
    }
}
