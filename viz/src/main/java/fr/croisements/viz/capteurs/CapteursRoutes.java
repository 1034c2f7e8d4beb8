package fr.croisements.viz.capteurs;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Position;
import fr.croisements.events.SanteCapteur;
import fr.croisements.streams.query.CapteursQueries;
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
 * unknown territory). Without {@link CapteursQueries}, an empty collection. A store that cannot be
 * read yet throws {@code StoreIndisponibleException} (503, mapped by the server).
 *
 * <p>Freshness is measured against the simulated clock for a simulated device while a simulator
 * runs, else against the real clock: a real device posted to a webhook during the demo lives in
 * real time.
 */
public final class CapteursRoutes implements EndpointGroup {

    static final String GEO_JSON = "application/geo+json";

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
    }

    void capteurs(Context ctx) throws Exception {
        String id = ctx.queryParam("territoire");
        Territoire territoire = id == null || id.isBlank() ? null : TerritoiresRoutes.trouver(territoires, id);
        List<SanteCapteur> capteurs = queries == null ? List.of() : queries.capteurs();
        var carte = new CapteursGeoJson.FeatureCollection(features(capteurs, territoire));
        ctx.contentType(GEO_JSON).result(JsonSerde.MAPPER.writeValueAsBytes(carte));
    }

    /** The devices with a position, in the territory when one is given, sorted by DevEUI. */
    private List<CapteursGeoJson.Feature> features(List<SanteCapteur> capteurs, Territoire territoire) {
        Instant simulee = horlogeSimulee.get();
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

    private static boolean estValide(Position p) {
        return Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180;
    }
}
