package fr.croisements.viz.territoires;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Zone;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.streams.query.Provenance;
import fr.croisements.viz.cache.ReponsesPretes;
import fr.croisements.viz.contrats.RouteDocumentee;
import fr.croisements.viz.indicateurs.Definitions;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/territoires}: the territories ({@link TerritoireVue}), each with the indicators
 * that have cells in its communes.
 * {@code GET /api/territoires/{id}}: one of them.
 * {@code GET /api/territoires/{id}/periodes?indicateur=...}: the windows of the indicator having at
 * least one cell in the territory's communes, oldest first, each as {@code {debut, fin, libelle,
 * communes}} (ISO-8601 instants, end exclusive; French label; number of communes with a cell).
 * {@code GET /api/territoires/{id}/communes.geojson?indicateur=...&debut=...}: the communes of one
 * territory with the latest cell of the indicator (default: the first of the catalogue), or with
 * their cell of the window starting at {@code debut} (an ISO-8601 instant; a commune without a
 * cell in that window has none), as {@code application/geo+json} (see {@link CommunesGeoJson} for
 * the properties, and its member {@code reponse}, which says when part of it came from standby replicas).
 * An unreadable {@code debut} is a 400. The GeoJSON is kept ready until a cell of
 * the territory changes ({@link ReponsesPretes}: ETag, 304, gzip).
 * {@code GET /api/territoires/{id}/iris.geojson?indicateur=...&debut=...}: the same for the IRIS of the
 * territory that have a contour ({@link CommunesGeoJson#carteIris}), kept ready until a cell of one of them
 * changes; {@code .../periodes?indicateur=...&niveau=iris} lists the windows with cells in those IRIS.
 * Each territory of the list says, in {@code niveaux}, at which levels each of its indicators has cells.
 */
public final class TerritoiresRoutes implements EndpointGroup {

    static final String GEO_JSON = "application/geo+json";

    private final IndicateursQueries queries;
    private final List<Territoire> territoires;
    private final CommunesGeoJson geoJson;
    private final Definitions definitions;
    private final ReponsesPretes reponses;

    public TerritoiresRoutes(IndicateursQueries queries, List<Territoire> territoires, Definitions definitions,
            ReponsesPretes reponses) {
        this.queries = queries;
        this.definitions = definitions;
        this.reponses = reponses;
        this.territoires = List.copyOf(territoires);
        this.geoJson = new CommunesGeoJson(this.territoires);
    }

    @Override
    public void addEndpoints() {
        get("/api/territoires", this::liste);
        get("/api/territoires/{id}", this::un);
        get("/api/territoires/{id}/periodes", this::periodes);
        get("/api/territoires/{id}/communes.geojson", this::communes);
        get("/api/territoires/{id}/iris.geojson", this::iris);
    }

    void liste(Context ctx) {
        var niveaux = Disponibilite.niveaux(queries, territoires, definitions.toutes());
        ctx.json(territoires.stream().map(t -> vue(t, niveaux.get(t.id()))).toList());
    }

    void un(Context ctx) {
        Territoire territoire = territoire(ctx.pathParam("id"));
        var niveaux = Disponibilite.niveaux(queries, List.of(territoire), definitions.toutes());
        ctx.json(vue(territoire, niveaux.get(territoire.id())));
    }

    private TerritoireVue vue(Territoire t, Map<String, List<String>> niveaux) {
        return TerritoireVue.de(t, niveaux, Manques.de(t, definitions.toutes(), List.copyOf(niveaux.keySet())));
    }

    void periodes(Context ctx) {
        Territoire territoire = territoire(ctx.pathParam("id"));
        DefinitionIndicateur indicateur = indicateur(ctx.queryParam("indicateur"));
        ctx.json(Fenetres.liste(queries.fenetres(indicateur.id(), codes(territoire, niveau(ctx)))));
    }

    void iris(Context ctx) throws Exception {
        Territoire territoire = territoire(ctx.pathParam("id"));
        DefinitionIndicateur indicateur = indicateur(ctx.queryParam("indicateur"));
        Instant debut = debut(ctx);
        List<String> codes = codes(territoire, Zone.IRIS);
        if (codes.isEmpty()) {
            throw new NotFoundResponse("Le territoire « " + territoire.id() + " » n'a pas de contours d'IRIS : sa carte"
                    + " se lit par commune (communes.geojson).");
        }
        ctx.contentType(GEO_JSON);
        reponses.envoyer(ctx, new ReponsesPretes.Cle("iris.geojson", territoire.id(), indicateur.id(), debut),
                indicateur, codes, () -> {
                    Provenance.Relevee<Map<String, Indicateur>> cellules = Provenance.relever(() -> cellules(indicateur,
                            codes, debut));
                    return JsonSerde.MAPPER.writeValueAsBytes(geoJson.carteIris(territoire, indicateur, cellules.valeur(),
                            cellules.provenance()));
                });
    }

    /**
     * The level asked for by {@code ?niveau=}: {@code commune} (the default) or {@code iris}; a 400 in
     * French otherwise.
     */
    public static String niveau(Context ctx) {
        String niveau = ctx.queryParam("niveau");
        if (niveau == null || niveau.isBlank() || niveau.trim().equals(Zone.COMMUNE)) {
            return Zone.COMMUNE;
        }
        if (niveau.trim().equals(Zone.IRIS)) {
            return Zone.IRIS;
        }
        throw new BadRequestResponse("Niveau inconnu : « " + niveau + " ». Niveaux possibles : commune, iris.");
    }

    /** The codes of the zones of a territory at a level: its communes, or its IRIS that have a contour. */
    public static List<String> codes(Territoire territoire, String niveau) {
        return Zone.IRIS.equals(niveau)
                ? territoire.irisAvecContour().stream().map(Iris::codeIris).toList()
                : territoire.communes().stream().map(Commune::codeInsee).toList();
    }

    void communes(Context ctx) throws Exception {
        Territoire territoire = territoire(ctx.pathParam("id"));
        DefinitionIndicateur indicateur = indicateur(ctx.queryParam("indicateur"));
        Instant debut = debut(ctx);
        ctx.contentType(GEO_JSON);
        reponses.envoyer(ctx, new ReponsesPretes.Cle("communes.geojson", territoire.id(), indicateur.id(), debut),
                indicateur, territoire, () -> {
                    Provenance.Relevee<Map<String, Indicateur>> cellules = Provenance.relever(() -> cellules(indicateur,
                            codes(territoire, Zone.COMMUNE), debut));
                    return JsonSerde.MAPPER.writeValueAsBytes(geoJson.carte(territoire, indicateur, cellules.valeur(),
                            cellules.provenance()));
                });
    }

    /** The cell of each zone: its latest, or that of the window starting at {@code debut}. */
    private Map<String, Indicateur> cellules(DefinitionIndicateur indicateur, List<String> codes, Instant debut) {
        return debut == null
                ? queries.dernieres(indicateur.id(), codes)
                : Fenetres.parZone(queries.cellules(indicateur.id(), codes, debut, Fenetres.finDeLaFenetre(debut)));
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

    /**
     * The start of the window asked for by {@code ?debut=} (an ISO-8601 instant, e.g.
     * {@code 2025-01-06T00:00:00Z}), null without it, a 400 in French when unreadable.
     */
    public static Instant debut(Context ctx) {
        String texte = ctx.queryParam("debut");
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(texte.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("Début de période illisible : « " + texte
                    + " ». Il s'écrit en date et heure universelles, par exemple 2025-01-06T00:00:00Z.");
        }
    }

    private DefinitionIndicateur indicateur(String id) {
        if (id == null || id.isBlank()) {
            return definitions.parDefaut();
        }
        return definitions.definition(id).orElseThrow(() -> new BadRequestResponse(definitions.inconnu(id)));
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/api/territoires", "Les territoires")
                        .description("Chaque territoire montré : ses communes, ses sources, les indicateurs qui y ont des "
                                + "cellules et ceux qui lui manquent, avec la commande qui les apporte.")
                        .jsonTableau("les territoires, le premier étant celui de la page par défaut", TerritoireVue.class),
                RouteDocumentee.get("/api/territoires/{id}", "Un territoire")
                        .parametre("id", "identifiant du territoire, p. ex. « bassin-de-pompey »")
                        .json("le territoire, ses indicateurs disponibles et ce qui manque aux autres (« manquants »)",
                                TerritoireVue.class)
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/territoires/{id}/periodes", "Les périodes d'un indicateur sur un territoire")
                        .parametre("id", "identifiant du territoire")
                        .requete("indicateur", "identifiant de l'indicateur, p. ex. « taux-presentation-bacs » (sinon le "
                                + "premier du catalogue)")
                        .requete("niveau", "« commune » (par défaut) ou « iris »")
                        .reponse("application/json", "les fenêtres (semaines, jours, années) gardées, de la plus ancienne "
                                + "à la plus récente, avec le nombre de communes qui ont une cellule")
                        .erreur(400, "indicateur ou niveau inconnu")
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/territoires/{id}/communes.geojson", "La carte d'un indicateur")
                        .description("Les communes du territoire (contours) avec la cellule de l'indicateur de la dernière "
                                + "période, ou de la période qui commence à « debut » : valeur, unité, numérateur, "
                                + "dénominateur, sources et millésimes, « simulé », « secret statistique ».")
                        .parametre("id", "identifiant du territoire")
                        .requete("indicateur", "identifiant de l'indicateur (sinon le premier du catalogue)")
                        .requete("debut", "début de la période voulue, instant ISO-8601 (sinon la dernière)")
                        .reponse(GEO_JSON, "une FeatureCollection GeoJSON (RFC 7946), une commune par Feature")
                        .erreur(400, "indicateur inconnu ou début illisible")
                        .erreur(404, "territoire inconnu")
                        .erreur(503, "les données sont en cours de chargement, réessayer"),
                RouteDocumentee.get("/api/territoires/{id}/iris.geojson", "La carte d'un indicateur par IRIS")
                        .description("Les IRIS du territoire qui ont un contour, avec la cellule de l'indicateur à ce "
                                + "niveau (dernière période, ou celle qui commence à « debut »), le nom de l'IRIS et de sa "
                                + "commune.")
                        .parametre("id", "identifiant du territoire, p. ex. « antony »")
                        .requete("indicateur", "identifiant de l'indicateur (sinon le premier du catalogue)")
                        .requete("debut", "début de la période voulue, instant ISO-8601 (sinon la dernière)")
                        .reponse(GEO_JSON, "une FeatureCollection GeoJSON (RFC 7946), un IRIS par Feature")
                        .erreur(400, "indicateur inconnu ou début illisible")
                        .erreur(404, "territoire inconnu, ou sans contours d'IRIS")
                        .erreur(503, "les données sont en cours de chargement, réessayer"));
    }
}
