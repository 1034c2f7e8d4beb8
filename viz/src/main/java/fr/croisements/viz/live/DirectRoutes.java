package fr.croisements.viz.live;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.sse;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.viz.contrats.RouteDocumentee;
import fr.croisements.viz.indicateurs.Definitions;
import fr.croisements.viz.territoires.TerritoiresRoutes;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /api/direct} (server-sent events of {@link LiveFeed}) and {@code GET /api/horloge}.
 * {@code /api/direct?territoire=…&indicateur=…} ({@code indicateur} may be repeated; either may be
 * left out) subscribes to the compact cells of that territory's communes and those indicators; an
 * unknown territory is a 404 and an unknown indicator a 400, in French, before the stream opens.
 */
public final class DirectRoutes implements EndpointGroup {

    private static final String ABONNEMENT = "abonnement";

    private final LiveFeed liveFeed;
    private final Supplier<Instant> horloge;
    private final List<Territoire> territoires;
    private final Definitions definitions;

    public DirectRoutes(LiveFeed liveFeed, Supplier<Instant> horloge, List<Territoire> territoires, Definitions definitions) {
        this.liveFeed = liveFeed;
        this.horloge = horloge;
        this.territoires = List.copyOf(territoires);
        this.definitions = definitions;
    }

    @Override
    public void addEndpoints() {
        // read before the stream opens, so that a wrong parameter can still be answered with an error
        before("/api/direct", this::lireAbonnement);
        sse("/api/direct", this::abonner);
        get("/api/horloge", this::horloge);
    }

    void lireAbonnement(Context ctx) {
        String territoire = ctx.queryParam("territoire");
        // its communes and its IRIS: the map of either level follows the same subscription
        Set<String> zones = territoire == null || territoire.isBlank() ? Set.of()
                : java.util.stream.Stream.concat(
                        TerritoiresRoutes.trouver(territoires, territoire.trim()).communes().stream().map(Commune::codeInsee),
                        TerritoiresRoutes.trouver(territoires, territoire.trim()).iris().stream()
                                .map(fr.croisements.datasets.Iris::codeIris))
                        .collect(Collectors.toUnmodifiableSet());
        Set<String> indicateurs = ctx.queryParams("indicateur").stream().filter(id -> !id.isBlank()).map(String::trim)
                .map(id -> definitions.definition(id).orElseThrow(() -> new BadRequestResponse(definitions.inconnu(id))).id())
                .collect(Collectors.toUnmodifiableSet());
        ctx.attribute(ABONNEMENT, new Abonnement(zones, indicateurs));
    }

    void abonner(SseClient client) {
        Abonnement abonnement = client.ctx().attribute(ABONNEMENT);
        liveFeed.abonner(client, abonnement == null ? Abonnement.TOUT : abonnement);
    }

    void horloge(Context ctx) {
        ctx.json(new Horloge(horloge.get()));
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/api/direct", "Les cellules en direct (Server-Sent Events)")
                        .description("Flux d'événements « indicateur » (une cellule nouvelle ou mise à jour, en JSON) et "
                                + "« horloge » (l'horloge simulée), pour recolorer la carte en direct. Avec « territoire » "
                                + "et « indicateur », seules les cellules de ce territoire et de ces indicateurs arrivent.")
                        .requete("territoire", "identifiant du territoire dont on veut les cellules")
                        .requete("indicateur", "identifiant d'un indicateur suivi (répétable)")
                        .reponse("text/event-stream", "le flux d'événements, gardé ouvert")
                        .erreur(400, "indicateur inconnu")
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/horloge", "L'horloge simulée")
                        .reponse("application/json", "{\"simulee\": \"2025-01-06T07:00:00Z\"} : l'instant simulé, ou null sans "
                                + "simulateur"));
    }
}
