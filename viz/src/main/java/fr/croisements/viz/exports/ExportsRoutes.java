package fr.croisements.viz.exports;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Zone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.cache.ReponsesPretes;
import fr.croisements.viz.contrats.RouteDocumentee;
import fr.croisements.viz.indicateurs.Definitions;
import fr.croisements.viz.territoires.Fenetres;
import fr.croisements.viz.territoires.TerritoiresRoutes;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * CSV files at stable addresses, for spreadsheets and for the distributions of the data catalogue:
 * {@code GET /api/indicateurs/{indicateur}/territoires/{territoire}.csv} ({@link IndicateurCsv}: every
 * kept window, or with {@code ?debut=} an ISO-8601 instant only the window starting then, as the map
 * shows a past period; an unreadable {@code debut} is a 400; with {@code ?niveau=iris}, one row per IRIS of the
 * territory that has a contour instead of one per commune),
 * {@code GET /api/territoires/{id}/communes.csv} and {@code GET /api/territoires/{id}/iris.csv}
 * ({@link ReferencesCsv}). Served as attachments named after their content, with an ETag and in gzip when
 * the client accepts it ({@link ReponsesPretes}): an indicator's file is kept ready until a cell of the
 * territory changes, the INSEE figures of a pack (which do not change) once built.
 */
public final class ExportsRoutes implements EndpointGroup {

    private static final String SUFFIXE = ".csv";

    private final IndicateursQueries queries;
    private final List<Territoire> territoires;
    private final Definitions definitions;
    private final ReponsesPretes reponses;

    public ExportsRoutes(IndicateursQueries queries, List<Territoire> territoires, Definitions definitions,
            ReponsesPretes reponses) {
        this.queries = queries;
        this.definitions = definitions;
        this.reponses = reponses;
        this.territoires = List.copyOf(territoires);
    }

    @Override
    public void addEndpoints() {
        get("/api/indicateurs/{indicateur}/territoires/{fichier}", this::indicateur);
        get("/api/territoires/{id}/communes.csv", this::communes);
        get("/api/territoires/{id}/iris.csv", this::iris);
    }

    void indicateur(Context ctx) throws Exception {
        String id = ctx.pathParam("indicateur");
        DefinitionIndicateur d = definitions.definition(id).orElseThrow(() -> new NotFoundResponse(definitions.inconnu(id)));
        String fichier = ctx.pathParam("fichier");
        if (!fichier.endsWith(SUFFIXE)) {
            throw new NotFoundResponse("Adresse inconnue : " + ctx.method() + " " + ctx.path()
                    + ". Le fichier d'un territoire se termine par .csv, par exemple la-rochelle.csv.");
        }
        Territoire t = TerritoiresRoutes.trouver(territoires, fichier.substring(0, fichier.length() - SUFFIXE.length()));
        Instant debut = TerritoiresRoutes.debut(ctx);
        // every kept window, or the one starting at debut; read when the file is built, not when kept ready
        Function<List<String>, Function<String, List<Indicateur>>> historique = codes -> {
            Map<String, List<Indicateur>> parZone = new HashMap<>();
            queries.cellules(d.id(), codes, debut, debut == null ? null : Fenetres.finDeLaFenetre(debut))
                    .forEach(c -> parZone.computeIfAbsent(c.codeZone(), z -> new ArrayList<>()).add(c));
            return code -> parZone.getOrDefault(code, List.of());
        };
        boolean iris = Zone.IRIS.equals(TerritoiresRoutes.niveau(ctx));
        String nom = d.id() + "-" + t.id() + (iris ? "-iris" : "")
                + (debut == null ? "" : "-" + debut.atOffset(ZoneOffset.UTC).toLocalDate());
        enTete(ctx, nom + SUFFIXE);
        if (iris) {
            reponses.envoyer(ctx, new ReponsesPretes.Cle("indicateur-iris.csv", t.id(), d.id(), debut), d,
                    TerritoiresRoutes.codes(t, Zone.IRIS),
                    () -> IndicateurCsv.ecrireIris(d, t, historique.apply(TerritoiresRoutes.codes(t, Zone.IRIS))));
        } else {
            reponses.envoyer(ctx, new ReponsesPretes.Cle("indicateur.csv", t.id(), d.id(), debut), d, t,
                    () -> IndicateurCsv.ecrire(d, t, historique.apply(TerritoiresRoutes.codes(t, Zone.COMMUNE))));
        }
    }

    void communes(Context ctx) throws Exception {
        Territoire t = TerritoiresRoutes.trouver(territoires, ctx.pathParam("id"));
        enTete(ctx, "insee-communes-" + t.id() + SUFFIXE);
        reponses.envoyerFixe(ctx, new ReponsesPretes.Cle("communes.csv", t.id(), null, null), () -> ReferencesCsv.communes(t));
    }

    void iris(Context ctx) throws Exception {
        Territoire t = TerritoiresRoutes.trouver(territoires, ctx.pathParam("id"));
        enTete(ctx, "insee-iris-" + t.id() + SUFFIXE);
        reponses.envoyerFixe(ctx, new ReponsesPretes.Cle("iris.csv", t.id(), null, null), () -> ReferencesCsv.iris(t));
    }

    private static void enTete(Context ctx, String nom) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + nom + "\"");
        ctx.contentType(Csv.TYPE);
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/api/indicateurs/{indicateur}/territoires/{fichier}", "Un indicateur en CSV pour tableur")
                        .description("Une ligne par commune et par période : « ; » comme séparateur, virgule décimale, "
                                + "UTF-8 avec BOM, « secret » là où la valeur est cachée.")
                        .parametre("indicateur", "identifiant de l'indicateur")
                        .parametre("fichier", "identifiant du territoire suivi de « .csv », p. ex. « la-rochelle.csv »")
                        .requete("debut", "début d'une période, instant ISO-8601 : seulement cette période (sinon toutes "
                                + "celles gardées)")
                        .requete("niveau", "« commune » (par défaut) ou « iris » : une ligne par IRIS")
                        .reponse(Csv.TYPE, "le fichier CSV (en pièce jointe)")
                        .erreur(400, "début illisible")
                        .erreur(404, "indicateur ou territoire inconnu"),
                RouteDocumentee.get("/api/territoires/{id}/communes.csv", "Les chiffres Insee des communes en CSV")
                        .parametre("id", "identifiant du territoire")
                        .reponse(Csv.TYPE, "une ligne par commune, une colonne par chiffre, avec ses sources")
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/territoires/{id}/iris.csv", "Les chiffres Insee des IRIS en CSV")
                        .parametre("id", "identifiant du territoire")
                        .reponse(Csv.TYPE, "une ligne par IRIS du territoire")
                        .erreur(404, "territoire inconnu"));
    }
}
