package fr.croisements.viz.capteurs;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Position;
import fr.croisements.events.SanteCapteur;
import fr.croisements.events.SantePasserelle;
import fr.croisements.streams.query.CapteursQueries;
import fr.croisements.viz.contrats.RouteDocumentee;
import fr.croisements.viz.territoires.TerritoiresRoutes;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code GET /api/capteurs.geojson[?territoire=id]}: the LoRaWAN devices that have a position, as
 * an {@code application/geo+json} FeatureCollection of points sorted by DevEUI (properties in
 * {@link CapteursGeoJson}); with {@code territoire}, only those inside its communes (404 for an
 * unknown territory).
 *
 * <p>{@code GET /api/passerelles.geojson[?territoire=id]}: the gateways ("antennes") that have a
 * position, the same way, sorted by id (properties in {@link PasserellesGeoJson}); with
 * {@code territoire}, those inside its communes or within {@link #RAYON_PASSERELLES_METRES} of
 * them, since an antenna often stands on a height or a water tower outside the town it serves.
 *
 * <p>Without {@link CapteursQueries}, both are empty collections. A store that cannot be read yet
 * throws {@code StoreIndisponibleException} (503, mapped by the server).
 *
 * <p>Freshness is measured against the simulated clock for simulated data while a simulator runs,
 * else against the real clock: a real device posted to a webhook during the demo lives in real time.
 */
public final class CapteursRoutes implements EndpointGroup {

    static final String GEO_JSON = "application/geo+json";
    /** How far outside a territory's communes its antennas are still shown. */
    static final double RAYON_PASSERELLES_METRES = 5_000;

    private final CapteursQueries queries;
    private final List<Territoire> territoires;
    private final Supplier<Instant> horlogeSimulee;
    private final Clock horlogeReelle;
    private final Localisation localisation;

    /**
     * @param queries the devices, or {@code null} when the application has none
     * @param horlogeSimulee the simulated clock; may return {@code null} when no simulator runs
     * @param horlogeReelle the real clock
     */
    public CapteursRoutes(CapteursQueries queries, List<Territoire> territoires, Supplier<Instant> horlogeSimulee,
            Clock horlogeReelle) {
        this.queries = queries;
        this.territoires = List.copyOf(territoires);
        this.horlogeSimulee = horlogeSimulee;
        this.horlogeReelle = horlogeReelle;
        this.localisation = new Localisation(this.territoires);
    }

    @Override
    public void addEndpoints() {
        get("/api/capteurs.geojson", this::capteurs);
        get("/api/passerelles.geojson", this::passerelles);
    }

    void capteurs(Context ctx) throws Exception {
        Territoire territoire = territoire(ctx);
        List<SanteCapteur> capteurs = queries == null ? List.of() : queries.capteurs();
        repondre(ctx, features(capteurs, territoire));
    }

    void passerelles(Context ctx) throws Exception {
        Territoire territoire = territoire(ctx);
        List<SantePasserelle> passerelles = queries == null ? List.of() : queries.passerelles();
        repondre(ctx, featuresPasserelles(passerelles, territoire));
    }

    /** The territory of {@code ?territoire=}, {@code null} without one; 404 when unknown. */
    private Territoire territoire(Context ctx) {
        String id = ctx.queryParam("territoire");
        return id == null || id.isBlank() ? null : TerritoiresRoutes.trouver(territoires, id);
    }

    private static void repondre(Context ctx, List<CapteursGeoJson.Feature> features) throws Exception {
        var carte = new CapteursGeoJson.FeatureCollection(features);
        ctx.contentType(GEO_JSON).result(JsonSerde.MAPPER.writeValueAsBytes(carte));
    }

    /** The devices with a position, in the territory when one is given, sorted by DevEUI. */
    private List<CapteursGeoJson.Feature> features(List<SanteCapteur> capteurs, Territoire territoire) {
        Instant simulee = maintenantSimule(horlogeSimulee.get(),
                capteurs.stream().filter(SanteCapteur::simule).map(SanteCapteur::derniereReception));
        Instant reelle = horlogeReelle.instant();
        return capteurs.stream()
                .filter(c -> c.position() != null && estValide(c.position()))
                .sorted(Comparator.comparing(SanteCapteur::devEui, Comparator.nullsLast(Comparator.naturalOrder())))
                .flatMap(c -> {
                    Optional<Commune> commune = territoire == null
                            ? localisation.commune(c.position()) : localisation.commune(territoire, c.position());
                    if (territoire != null && commune.isEmpty()) {
                        return Stream.empty();
                    }
                    Instant maintenant = c.simule() && simulee != null ? simulee : reelle;
                    return Stream.of(CapteursGeoJson.feature(c, commune.orElse(null), maintenant));
                })
                .toList();
    }

    /**
     * The gateways with a position, in or near the territory when one is given, sorted by id;
     * {@code commune} is the one covering the antenna, {@code null} for one standing outside.
     */
    private List<CapteursGeoJson.Feature> featuresPasserelles(List<SantePasserelle> passerelles, Territoire territoire) {
        Instant simulee = maintenantSimule(horlogeSimulee.get(),
                passerelles.stream().filter(SantePasserelle::simule).map(SantePasserelle::derniereReception));
        Instant reelle = horlogeReelle.instant();
        return passerelles.stream()
                .filter(g -> g.position() != null && estValide(g.position()))
                .filter(g -> territoire == null || localisation.dansOuPres(territoire, g.position(), RAYON_PASSERELLES_METRES))
                .sorted(Comparator.comparing(SantePasserelle::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(g -> {
                    Optional<Commune> commune = territoire == null
                            ? localisation.commune(g.position()) : localisation.commune(territoire, g.position());
                    Instant maintenant = g.simule() && simulee != null ? simulee : reelle;
                    return PasserellesGeoJson.feature(g, commune.orElse(null), maintenant);
                })
                .toList();
    }

    /**
     * "Now" for the simulated devices or antennas: the simulated clock, but no later than the latest
     * reception of the simulated fleet that the pipeline has processed. At one simulated day per 10 s,
     * a second of pipeline lag is 2.4 simulated hours: judged by the clock alone, every device would
     * flicker to silent. {@code null} without a simulated clock.
     */
    static Instant maintenantSimule(Instant horloge, Stream<Instant> receptionsSimulees) {
        if (horloge == null) {
            return null;
        }
        return receptionsSimulees.filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .filter(derniere -> derniere.isBefore(horloge)).orElse(horloge);
    }

    private static boolean estValide(Position p) {
        return Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180;
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/api/capteurs.geojson", "Les capteurs LoRaWAN")
                        .description("Chaque capteur qui a une position : dernière réception et sa fraîcheur, dernières "
                                + "mesures, batterie, trames perdues, passerelles, « simulé ».")
                        .requete("territoire", "identifiant du territoire (sinon tous les capteurs)")
                        .reponse(GEO_JSON, "une FeatureCollection GeoJSON, un point par capteur")
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/passerelles.geojson", "Les passerelles LoRaWAN")
                        .requete("territoire", "identifiant du territoire (sinon toutes les passerelles)")
                        .reponse(GEO_JSON, "une FeatureCollection GeoJSON, un point par passerelle qui a une position, "
                                + "avec les capteurs entendus et le nombre de réceptions")
                        .erreur(404, "territoire inconnu"));
    }
}
