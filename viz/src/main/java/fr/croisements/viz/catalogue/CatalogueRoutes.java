package fr.croisements.viz.catalogue;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.catalogue.CatalogueDataGouv;
import fr.croisements.datasets.catalogue.CatalogueDonnees;
import fr.croisements.datasets.catalogue.CatalogueJsonLd;
import fr.croisements.datasets.catalogue.ConstructeurCatalogue;
import fr.croisements.viz.contrats.RouteDocumentee;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import fr.croisements.events.DefinitionIndicateur;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /catalogue}: the data catalogue as an HTML page in French ({@link PageCatalogue}).
 * {@code GET /catalogue.jsonld}: the same as DCAT-AP ({@code application/ld+json}).
 * {@code GET /catalogue/data-gouv.json}: the same as data.gouv.fr dataset fields.
 *
 * <p>Links are absolute, on the address the request came to ({@code Host} header), so that a
 * catalogue fetched from another machine points back to this server. The day of the catalogue
 * (and the last simulated day) is the simulated clock's when a simulator runs, else today (UTC).
 */
public final class CatalogueRoutes implements EndpointGroup {

    static final String HTML = "text/html; charset=utf-8";

    private final List<Territoire> territoires;
    private final ConstructeurCatalogue.Options options;
    private final Supplier<Instant> horloge;
    private final Supplier<List<DefinitionIndicateur>> indicateurs;

    /**
     * @param options what the packs do not say (Kafka servers, simulated feeds); its address and day
     *     are replaced by the request's and the clock's
     * @param horloge the simulated clock, may return {@code null}
     * @param indicateurs the indicators computed now, built-in and declared by files
     */
    public CatalogueRoutes(List<Territoire> territoires, ConstructeurCatalogue.Options options, Supplier<Instant> horloge,
            Supplier<List<DefinitionIndicateur>> indicateurs) {
        this.territoires = List.copyOf(territoires);
        this.options = options;
        this.horloge = horloge;
        this.indicateurs = indicateurs;
    }

    @Override
    public void addEndpoints() {
        get("/catalogue", ctx -> ctx.contentType(HTML).result(PageCatalogue.html(catalogue(ctx))
                .getBytes(StandardCharsets.UTF_8)));
        get("/catalogue.jsonld", ctx -> ctx.contentType(CatalogueJsonLd.TYPE_MEDIA + "; charset=utf-8")
                .result(CatalogueJsonLd.texte(catalogue(ctx)).getBytes(StandardCharsets.UTF_8)));
        get("/catalogue/data-gouv.json", ctx -> ctx.contentType("application/json; charset=utf-8")
                .result(CatalogueDataGouv.texte(catalogue(ctx)).getBytes(StandardCharsets.UTF_8)));
    }

    CatalogueDonnees catalogue(Context ctx) {
        Instant simulee = horloge.get();
        LocalDate jour = (simulee != null ? simulee : Instant.now()).atOffset(ZoneOffset.UTC).toLocalDate();
        var demande = new ConstructeurCatalogue.Options(adresse(ctx), options.serveursKafka(), options.fluxSimules(),
                options.territoireSimule(), options.debutSimulation(), jour);
        return ConstructeurCatalogue.construire(territoires, demande, indicateurs.get());
    }

    /** {@code http://host:port} as the client wrote it. */
    static String adresse(Context ctx) {
        String hote = ctx.host();
        if (hote == null || hote.isBlank()) {
            hote = "localhost:" + ctx.port();
        }
        return ctx.scheme() + "://" + hote;
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/catalogue", "Le catalogue des données (page)")
                        .description("Une fiche par jeu de données : producteur, millésime, licence, couverture, formats, "
                                + "liens, réel ou simulé ; avec les liens vers les contrats des flux et de l'API.")
                        .reponse("text/html", "la page du catalogue"),
                RouteDocumentee.get("/catalogue.jsonld", "Le catalogue des données en DCAT-AP")
                        .reponse(fr.croisements.datasets.catalogue.CatalogueJsonLd.TYPE_MEDIA,
                                "le catalogue en JSON-LD (DCAT-AP), contexte en ligne"),
                RouteDocumentee.get("/catalogue/data-gouv.json", "Le catalogue avec les champs de data.gouv.fr")
                        .reponse("application/json", "les jeux de données et leurs ressources, champs de data.gouv.fr"));
    }
}
