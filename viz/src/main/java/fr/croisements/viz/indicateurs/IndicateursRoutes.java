package fr.croisements.viz.indicateurs;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import fr.croisements.streams.query.IndicateursQueries;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/indicateurs}: the definitions ({@link DefinitionVue}, words included).
 * {@code GET /api/indicateurs/{indicateur}/communes/{code}/historique}: every kept cell of one
 * commune, oldest window first, an empty list when it has none.
 */
public final class IndicateursRoutes implements EndpointGroup {

    private final IndicateursQueries queries;

    public IndicateursRoutes(IndicateursQueries queries) {
        this.queries = queries;
    }

    @Override
    public void addEndpoints() {
        get("/api/indicateurs", ctx -> ctx.json(Definitions.vues()));
        get("/api/indicateurs/{indicateur}/communes/{code}/historique", this::historique);
    }

    void historique(Context ctx) {
        DefinitionIndicateur definition = definitionDuChemin(ctx);
        String code = codeCommune(ctx);
        List<Indicateur> cellules = queries.historique(definition.id(), code).stream()
                .sorted(Comparator.comparing(Indicateur::debut))
                .toList();
        ctx.json(cellules);
    }

    private static DefinitionIndicateur definitionDuChemin(Context ctx) {
        String id = ctx.pathParam("indicateur");
        return Definitions.definition(id).orElseThrow(() -> new NotFoundResponse(
                "Indicateur inconnu : « " + id + " ». Indicateurs disponibles : " + Definitions.ids() + "."));
    }

    private static String codeCommune(Context ctx) {
        String code = ctx.pathParam("code");
        if (!Zone.estCodeCommune(code)) {
            throw new BadRequestResponse("Code commune invalide : « " + code
                    + " ». Le code Insee d'une commune a 5 caractères, par exemple 54431 ou 2A004.");
        }
        return code;
    }
}
