package fr.croisements.viz.indicateurs;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.contrats.RouteDocumentee;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/indicateurs}: the definitions ({@link DefinitionVue}, words included), built-in then
 * declared by files.
 * {@code GET /api/indicateurs/fichiers}: what became of each indicator file (running, or refused with
 * the line and reason of each problem).
 * {@code GET /api/indicateurs/{indicateur}/communes/{code}/historique}: every kept cell of one
 * commune, oldest window first, an empty list when it has none.
 */
public final class IndicateursRoutes implements EndpointGroup {

    private final IndicateursQueries queries;
    private final Definitions definitions;
    private final Supplier<List<?>> fichiers;

    /**
     * @param fichiers what became of each indicator file ({@code GET /api/indicateurs/fichiers}), or an
     *     empty list when the instance reads no folder of indicator files
     */
    public IndicateursRoutes(IndicateursQueries queries, Definitions definitions, Supplier<List<?>> fichiers) {
        this.queries = queries;
        this.definitions = definitions;
        this.fichiers = fichiers;
    }

    @Override
    public void addEndpoints() {
        get("/api/indicateurs", ctx -> ctx.json(definitions.vues()));
        get("/api/indicateurs/fichiers", ctx -> ctx.json(fichiers.get()));
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

    private DefinitionIndicateur definitionDuChemin(Context ctx) {
        String id = ctx.pathParam("indicateur");
        return definitions.definition(id).orElseThrow(() -> new NotFoundResponse(definitions.inconnu(id)));
    }

    private static String codeCommune(Context ctx) {
        String code = ctx.pathParam("code");
        if (!Zone.estCodeCommune(code)) {
            throw new BadRequestResponse("Code commune invalide : « " + code
                    + " ». Le code Insee d'une commune a 5 caractères, par exemple 54431 ou 2A004.");
        }
        return code;
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/api/indicateurs", "Les indicateurs")
                        .description("Chaque indicateur calculé (intégré ou déclaré par fichier) avec les mots de sa fiche : "
                                + "question, méthode, limites, unité, classes de la légende, sources.")
                        .jsonTableau("les définitions des indicateurs", DefinitionVue.class),
                RouteDocumentee.get("/api/indicateurs/fichiers", "Les fichiers d'indicateurs suivis")
                        .reponse("application/json", "ce qu'est devenu chaque fichier du dossier d'indicateurs : chargé, "
                                + "refusé (avec la ligne et la colonne de chaque problème) ou retiré"),
                RouteDocumentee.get("/api/indicateurs/{indicateur}/communes/{code}/historique", "L'historique d'une commune")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .parametre("code", "code Insee de la commune (5 caractères, « 2A004 » compris)")
                        .jsonTableau("les cellules de la commune, de la plus ancienne à la plus récente",
                                fr.croisements.events.Indicateur.class)
                        .erreur(400, "code commune invalide")
                        .erreur(404, "indicateur inconnu")
                        .erreur(503, "les données sont en cours de chargement, réessayer"));
    }
}
