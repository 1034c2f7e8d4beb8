package fr.croisements.viz.sante;

import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.viz.contrats.RouteDocumentee;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an orchestrator and a monitoring system ask an instance:
 * {@code GET /sante} (liveness: the process answers), {@code GET /pret} (readiness: 200 when its
 * streams run and their stores can be read, else 503 with the reason in French) and
 * {@code GET /metriques} (every meter of the instance in Prometheus' text format: Kafka Streams and
 * client metrics, JVM, live clients, and {@code http_requetes} timed by route and status).
 */
public final class SanteRoutes implements EndpointGroup {

    private static final String DEBUT = "sante.debut";

    /** Why the instance is not ready, in French, or empty when it is. */
    public interface Disponibilite extends Supplier<Optional<String>> {}

    private final PrometheusMeterRegistry registre;
    private final Disponibilite pret;

    public SanteRoutes(PrometheusMeterRegistry registre, Disponibilite pret) {
        this.registre = registre;
        this.pret = pret;
    }

    @Override
    public void addEndpoints() {
        before(ctx -> ctx.attribute(DEBUT, System.nanoTime()));
        after(this::mesurer);
        get("/sante", ctx -> ctx.json(new Etat("vivant", null)));
        get("/pret", this::pret);
        get("/metriques", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registre.scrape().getBytes(StandardCharsets.UTF_8)));
    }

    void pret(Context ctx) {
        Optional<String> raison = pret.get();
        if (raison.isPresent()) {
            ctx.status(503).json(new Etat("pas prêt", raison.get()));
        } else {
            ctx.json(new Etat("prêt", null));
        }
    }

    private void mesurer(Context ctx) {
        Long debut = ctx.attribute(DEBUT);
        if (debut == null) {
            return;
        }
        var servie = ctx.endpoints().matchedHttpEndpoint();
        // the route's template, not the address: /api/territoires/{id}/communes.geojson, one meter for all territories
        String route = servie == null ? "inconnue" : servie.path;
        Timer.builder("http_requetes").description("Requêtes HTTP servies, par route et statut")
                .tag("route", route).tag("statut", String.valueOf(ctx.statusCode()))
                .register(registre).record(System.nanoTime() - debut, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The body of /sante and /pret. */
    record Etat(String etat, String raison) {}

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/sante", "L'instance répond (vivante)")
                        .json("{\"etat\": \"vivant\"}", Etat.class),
                RouteDocumentee.get("/pret", "L'instance est prête")
                        .description("200 quand ses flux tournent et que ses magasins se lisent, 503 sinon avec la raison.")
                        .json("{\"etat\": \"prêt\"}", Etat.class)
                        .reponse(503, "application/json", "{\"etat\": \"pas prêt\", \"raison\": …}"),
                RouteDocumentee.get("/metriques", "Les métriques (Prometheus)")
                        .description("Métriques de Kafka Streams et des clients Kafka, de la JVM, http_requetes par route "
                                + "et statut, direct_clients, indicateurs_fichiers.")
                        .reponse("text/plain; version=0.0.4", "le format texte de Prometheus"));
    }
}
