package fr.croisements.viz.territoires;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.indicateurs.Definitions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/territoires}: the territories ({@link TerritoireVue}), each with the indicators
 * that have cells in its communes.
 * {@code GET /api/territoires/{id}}: one of them.
 * {@code GET /api/territoires/{id}/communes.geojson?indicateur=...}: the communes of one
 * territory with the latest cell of the indicator (default: the first of the catalogue), as
 * {@code application/geo+json} (see {@link CommunesGeoJson} for the properties).
 */
public final class TerritoiresRoutes implements EndpointGroup {

    static final String GEO_JSON = "application/geo+json";

    private final IndicateursQueries queries;
    private final List<Territoire> territoires;
    private final CommunesGeoJson geoJson;

    public TerritoiresRoutes(IndicateursQueries queries, List<Territoire> territoires) {
        this.queries = queries;
        this.territoires = List.copyOf(territoires);
        this.geoJson = new CommunesGeoJson(this.territoires);
    }

    @Override
    public void addEndpoints() {
        get("/api/territoires", this::liste);
        get("/api/territoires/{id}", this::un);
        get("/api/territoires/{id}/communes.geojson", this::communes);
    }

    void liste(Context ctx) {
        Map<String, List<String>> disponibles = Disponibilite.parTerritoire(queries, territoires);
        ctx.json(territoires.stream().map(t -> TerritoireVue.de(t, disponibles.get(t.id()))).toList());
    }

    void un(Context ctx) {
        Territoire territoire = territoire(ctx.pathParam("id"));
        Map<String, List<String>> disponibles = Disponibilite.parTerritoire(queries, List.of(territoire));
        ctx.json(TerritoireVue.de(territoire, disponibles.get(territoire.id())));
    }

    void communes(Context ctx) throws Exception {
        Territoire territoire = territoire(ctx.pathParam("id"));
        DefinitionIndicateur indicateur = indicateur(ctx.queryParam("indicateur"));
        var carte = geoJson.carte(territoire, indicateur, queries.dernieres(indicateur.id()));
        ctx.contentType(GEO_JSON).result(JsonSerde.MAPPER.writeValueAsBytes(carte));
    }

    private Territoire territoire(String id) {
        return trouver(territoires, id);
    }

    /** The territory with this id, or a 404 in French listing the known ones. */
    public static Territoire trouver(List<Territoire> territoires, String id) {
        return territoires.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new NotFoundResponse(
                "Territoire inconnu : « " + id + " ». Territoires disponibles : "
                        + String.join(", ", territoires.stream().map(Territoire::id).toList()) + "."));
    }

    private static DefinitionIndicateur indicateur(String id) {
        if (id == null || id.isBlank()) {
            return Definitions.parDefaut();
        }
        return Definitions.definition(id).orElseThrow(() -> new BadRequestResponse(
                "Indicateur inconnu : « " + id + " ». Indicateurs disponibles : " + Definitions.ids() + "."));
    }
}
