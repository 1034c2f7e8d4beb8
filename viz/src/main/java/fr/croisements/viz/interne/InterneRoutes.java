package fr.croisements.viz.interne;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import fr.croisements.events.JsonSerde;
import fr.croisements.events.ParcStationnement;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.streams.query.DemandeCellules;
import fr.croisements.streams.query.FenetreZone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.contrats.RouteDocumentee;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What this instance holds in its own stores, for the other instances of the cluster (never routed
 * further, so that two instances never call each other in a loop). {@code ?secours=true} adds the
 * standby replicas. Everything answers a JSON list:
 * {@code POST /interne/indicateurs/{indicateur}/dernieres} (the latest cell of each zone named in the body,
 * a {@link DemandeCellules} {@code {"zones": [...]}}), {@code POST …/cellules} (the cells of those zones
 * whose window starts in {@code [debut, fin)}, {@code {"zones": [...], "debut": "…", "fin": "…"}}),
 * {@code POST …/fenetres} (the windows of their cells, {@link FenetreZone}), {@code GET …/zones/{code}}
 * (the kept cells of one zone), {@code GET /interne/capteurs}, {@code /interne/passerelles},
 * {@code /interne/parkings}. The zones travel in a body: a territory's IRIS codes would not fit an address.
 */
public final class InterneRoutes implements EndpointGroup {

    /**
     * This instance's stores, active tasks only, then with standby replicas.
     */
    public record Stores(IndicateursQueries indicateurs, IndicateursQueries indicateursSecours, CapteursQueries capteurs,
            CapteursQueries capteursSecours, Supplier<List<ParcStationnement>> parkings,
            Supplier<List<ParcStationnement>> parkingsSecours) {}

    private static final String ZONES = "un objet JSON {\"zones\": [codes des zones]}";

    private final Stores stores;

    public InterneRoutes(Stores stores) {
        this.stores = stores;
    }

    @Override
    public void addEndpoints() {
        post("/interne/indicateurs/{indicateur}/dernieres", ctx -> ctx.json(List.copyOf(indicateurs(ctx)
                .dernieres(ctx.pathParam("indicateur"), demande(ctx).zones()).values())));
        post("/interne/indicateurs/{indicateur}/cellules", ctx -> {
            DemandeCellules demande = demande(ctx);
            ctx.json(indicateurs(ctx).cellules(ctx.pathParam("indicateur"), demande.zones(), demande.debut(), demande.fin()));
        });
        post("/interne/indicateurs/{indicateur}/fenetres", ctx -> ctx.json(indicateurs(ctx)
                .fenetres(ctx.pathParam("indicateur"), demande(ctx).zones())));
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

    /** The JSON body of a question on cells, a 400 in French when unreadable. */
    private static DemandeCellules demande(Context ctx) {
        try {
            return JsonSerde.MAPPER.readValue(ctx.bodyAsBytes(), DemandeCellules.class);
        } catch (IOException e) {
            throw new BadRequestResponse("Demande illisible : un objet JSON {\"zones\": [...], \"debut\": ..., "
                    + "\"fin\": ...} est attendu.");
        }
    }

    private static boolean secours(Context ctx) {
        return "true".equals(ctx.queryParam("secours"));
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        String secours = "« true » : lire les répliques de secours de cette instance plutôt que ses magasins actifs";
        return List.of(
                RouteDocumentee.post("/interne/indicateurs/{indicateur}/dernieres", "Interne : dernières cellules locales")
                        .description("Entre instances d'un même cluster : la cellule la plus récente que tient cette "
                                + "instance pour chacune des zones demandées ; jamais routé plus loin.")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .requete("secours", secours)
                        .corps("application/json", ZONES)
                        .jsonTableau("les cellules", fr.croisements.events.Indicateur.class)
                        .erreur(400, "demande illisible"),
                RouteDocumentee.post("/interne/indicateurs/{indicateur}/cellules", "Interne : cellules locales d'une période")
                        .description("Les cellules des zones demandées dont la période commence entre « debut » (compris) "
                                + "et « fin » (exclue), zone par zone, de la plus ancienne à la plus récente.")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .requete("secours", secours)
                        .corps("application/json", ZONES + " ; « debut » et « fin » : instants ISO-8601, "
                                + "absents pour une borne ouverte")
                        .jsonTableau("les cellules", fr.croisements.events.Indicateur.class)
                        .erreur(400, "demande illisible"),
                RouteDocumentee.post("/interne/indicateurs/{indicateur}/fenetres", "Interne : périodes locales")
                        .description("Les périodes des cellules que tient cette instance pour les zones demandées, sans "
                                + "leurs chiffres : zone, début, fin.")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .requete("secours", secours)
                        .corps("application/json", ZONES)
                        .jsonTableau("une entrée par zone et par période", FenetreZone.class)
                        .erreur(400, "demande illisible"),
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
