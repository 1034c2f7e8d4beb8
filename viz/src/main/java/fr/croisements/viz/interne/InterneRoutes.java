package fr.croisements.viz.interne;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.events.ParcStationnement;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.streams.query.IndicateursQueries;
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
}
