package fr.croisements.viz.interne;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.events.ParcStationnement;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.contrats.RouteDocumentee;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/**
 * What this instance holds in its own stores, for the other instances of the cluster (never routed
 * further, so that two instances never call each other in a loop). {@code ?secours=true} adds the
 * standby replicas. Everything answers a JSON list:
 * {@code GET /interne/indicateurs/{indicateur}/dernieres}, {@code …/zones/{code}} (the kept cells of one
 * zone), {@code GET /interne/capteurs}, {@code /interne/passerelles}, {@code /interne/parkings}.
 */
public final class InterneRoutes implements EndpointGroup {

    /**
     * This instance's stores, active tasks only, then with standby replicas.
     */
    public record Stores(IndicateursQueries indicateurs, IndicateursQueries indicateursSecours, CapteursQueries capteurs,
            CapteursQueries capteursSecours, Supplier<List<ParcStationnement>> parkings,
            Supplier<List<ParcStationnement>> parkingsSecours) {}

    private final Stores stores;

    public InterneRoutes(Stores stores) {
        this.stores = stores;
    }

    @Override
    public void addEndpoints() {
        get("/interne/indicateurs/{indicateur}/dernieres", ctx -> ctx.json(List.copyOf(indicateurs(ctx)
                .dernieres(ctx.pathParam("indicateur")).values())));
        get("/interne/indicateurs/{indicateur}/zones/{code}", ctx -> ctx.json(indicateurs(ctx)
                .historique(ctx.pathParam("indicateur"), ctx.pathParam("code"))));
        get("/interne/capteurs", ctx -> ctx.json((secours(ctx) ? stores.capteursSecours() : stores.capteurs()).capteurs()));
        get("/interne/passerelles", ctx -> ctx.json((secours(ctx) ? stores.capteursSecours() : stores.capteurs())
                .passerelles()));
        get("/interne/parkings", ctx -> ctx.json((secours(ctx) ? stores.parkingsSecours() : stores.parkings()).get()));
    }

    private IndicateursQueries indicateurs(Context ctx) {
        return secours(ctx) ? stores.indicateursSecours() : stores.indicateurs();
    }

    private static boolean secours(Context ctx) {
        return "true".equals(ctx.queryParam("secours"));
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        String secours = "« true » : lire les répliques de secours de cette instance plutôt que ses magasins actifs";
        return List.of(
                RouteDocumentee.get("/interne/indicateurs/{indicateur}/dernieres", "Interne : dernières cellules locales")
                        .description("Entre instances d'un même cluster : les cellules de la dernière période que tient "
                                + "cette instance ; jamais routé plus loin.")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .requete("secours", secours)
                        .jsonTableau("les cellules", fr.croisements.events.Indicateur.class),
                RouteDocumentee.get("/interne/indicateurs/{indicateur}/zones/{code}", "Interne : historique local d'une zone")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .parametre("code", "code de la zone")
                        .requete("secours", secours)
                        .jsonTableau("les cellules de la zone", fr.croisements.events.Indicateur.class),
                RouteDocumentee.get("/interne/capteurs", "Interne : capteurs locaux")
                        .requete("secours", secours)
                        .jsonTableau("la santé des capteurs tenus ici", fr.croisements.events.SanteCapteur.class),
                RouteDocumentee.get("/interne/passerelles", "Interne : passerelles locales")
                        .requete("secours", secours)
                        .jsonTableau("les passerelles tenues ici", fr.croisements.events.SantePasserelle.class),
                RouteDocumentee.get("/interne/parkings", "Interne : parkings locaux")
                        .requete("secours", secours)
                        .jsonTableau("les parkings tenus ici", fr.croisements.events.ParcStationnement.class));
    }
}
