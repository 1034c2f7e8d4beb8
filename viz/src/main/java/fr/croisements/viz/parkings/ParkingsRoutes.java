package fr.croisements.viz.parkings;

import static io.javalin.apibuilder.ApiBuilder.get;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.streams.query.IndicateursQueries;
import fr.croisements.viz.capteurs.Localisation;
import fr.croisements.viz.contrats.RouteDocumentee;
import fr.croisements.viz.territoires.TerritoiresRoutes;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The car parks of the application ({@code Supplier<List<ParcStationnement>>}) with the latest hour of
 * {@code occupation-parkings}:
 *
 * <ul>
 *   <li>{@code GET /api/parkings.geojson[?territoire=id]}: {@code application/geo+json} points sorted
 *       by id (properties in {@link ParkingsGeoJson}); with {@code territoire}, those of its communes
 *       (by INSEE code, else by position); 404 for an unknown territory;</li>
 *   <li>{@code GET /api/parkings.ngsi.json[?territoire=id]}: the same car parks as FIWARE
 *       {@code OffStreetParking} entities in keyValues form ({@link OffStreetParking});</li>
 *   <li>{@code GET /api/parkings/{id}/profil}: mean occupancy by hour of the day (French time) over
 *       the 7 days ending with the latest cell of the car park; 404 for an unknown car park.</li>
 * </ul>
 *
 * A store that cannot be read yet throws {@code StoreIndisponibleException} (503, mapped by the server).
 */
public final class ParkingsRoutes implements EndpointGroup {

    static final String GEO_JSON = "application/geo+json";
    static final String INDICATEUR = Indicateurs.OCCUPATION_PARKINGS.id();
    static final Duration PERIODE_PROFIL = Duration.ofDays(7);

    private final IndicateursQueries queries;
    private final Supplier<List<ParcStationnement>> parkings;
    private final List<Territoire> territoires;
    private final Localisation localisation;

    /** One hour of the day in the profile: mean rate (%, one decimal; {@code null} without cells) over {@code heures} cells. */
    public record HeureProfil(int heure, Double tauxMoyen, int heures) {}

    /** The answer of the profile route; {@code debut}/{@code fin} {@code null} without any cell. */
    public record Profil(String id, String nom, String libelle, Instant debut, Instant fin, List<HeureProfil> heures) {}

    public ParkingsRoutes(IndicateursQueries queries, Supplier<List<ParcStationnement>> parkings, List<Territoire> territoires) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.parkings = Objects.requireNonNull(parkings, "parkings");
        this.territoires = List.copyOf(territoires);
        this.localisation = new Localisation(this.territoires);
    }

    @Override
    public void addEndpoints() {
        get("/api/parkings.geojson", this::geojson);
        get("/api/parkings.ngsi.json", this::ngsi);
        get("/api/parkings/{id}/profil", this::profil);
    }

    void geojson(Context ctx) throws Exception {
        var features = parkings(territoire(ctx)).stream().map(ParkingsGeoJson::feature).toList();
        ctx.contentType(GEO_JSON).result(JsonSerde.MAPPER.writeValueAsBytes(new ParkingsGeoJson.FeatureCollection(features)));
    }

    void ngsi(Context ctx) throws Exception {
        var entites = parkings(territoire(ctx)).stream().map(OffStreetParking::entite).toList();
        ctx.contentType("application/json").result(JsonSerde.MAPPER.writeValueAsBytes(entites));
    }

    void profil(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<ParcStationnement> parc = connus().stream().filter(p -> p.id().equals(id)).findFirst();
        List<Indicateur> cellules = queries.historique(INDICATEUR, id);
        if (parc.isEmpty() && cellules.isEmpty()) {
            throw new NotFoundResponse("Parking inconnu : « " + id + " ».");
        }
        String nom = parc.map(ParcStationnement::nom)
                .orElse(cellules.isEmpty() ? null : cellules.get(cellules.size() - 1).nomZone());
        ctx.json(profil(id, nom, cellules));
    }

    /** Mean of the hourly rates by hour of the day (Europe/Paris) over the 7 days ending with the latest cell. */
    static Profil profil(String id, String nom, List<Indicateur> cellules) {
        List<Indicateur> valides = cellules.stream()
                .filter(c -> !c.secret() && c.valeur() != null && Double.isFinite(c.valeur())).toList();
        Instant fin = valides.stream().map(Indicateur::fin).max(Comparator.naturalOrder()).orElse(null);
        Instant debut = fin == null ? null : fin.minus(PERIODE_PROFIL);
        double[] sommes = new double[24];
        int[] nombres = new int[24];
        for (Indicateur c : valides) {
            if (!c.debut().isBefore(debut)) {
                int h = c.debut().atZone(ParkingsGeoJson.PARIS).getHour();
                sommes[h] += c.valeur();
                nombres[h]++;
            }
        }
        var heures = new ArrayList<HeureProfil>(24);
        for (int h = 0; h < 24; h++) {
            heures.add(new HeureProfil(h, nombres[h] == 0 ? null : Math.round(10 * sommes[h] / nombres[h]) / 10.0, nombres[h]));
        }
        return new Profil(id, nom, "profil moyen sur 7 jours", debut, fin, heures);
    }

    private Territoire territoire(Context ctx) {
        String id = ctx.queryParam("territoire");
        return id == null || id.isBlank() ? null : TerritoiresRoutes.trouver(territoires, id);
    }

    private List<ParcStationnement> connus() {
        List<ParcStationnement> liste = parkings.get();
        return liste == null ? List.of() : liste;
    }

    /** The car parks with a valid position, in the territory when one is given, sorted by id, with their latest cell. */
    List<Parking> parkings(Territoire territoire) {
        List<ParcStationnement> parcs = connus().stream()
                .filter(p -> p != null && p.id() != null && p.position() != null && estValide(p.position()))
                .sorted(Comparator.comparing(ParcStationnement::id))
                .toList();
        if (parcs.isEmpty()) {
            return List.of();
        }
        Map<String, Indicateur> dernieres = queries.dernieres(INDICATEUR, parcs.stream().map(ParcStationnement::id).toList());
        var resultat = new ArrayList<Parking>();
        for (ParcStationnement p : parcs) {
            Optional<Commune> commune = territoire == null ? commune(p) : commune(territoire, p);
            if (territoire != null && commune.isEmpty()) {
                continue;
            }
            resultat.add(new Parking(p, commune.orElse(null), dernieres.get(p.id())));
        }
        return resultat;
    }

    private Optional<Commune> commune(Territoire territoire, ParcStationnement p) {
        if (p.codeInsee() != null) {
            Optional<Commune> parCode = territoire.communes().stream()
                    .filter(c -> c.codeInsee().equals(p.codeInsee())).findFirst();
            if (parCode.isPresent()) {
                return parCode;
            }
            if (territoires.stream().anyMatch(t -> t.communes().stream().anyMatch(c -> c.codeInsee().equals(p.codeInsee())))) {
                return Optional.empty(); // a commune of another territory
            }
        }
        return localisation.commune(territoire, p.position());
    }

    private Optional<Commune> commune(ParcStationnement p) {
        for (Territoire t : territoires) {
            Optional<Commune> c = commune(t, p);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static boolean estValide(Position p) {
        return Double.isFinite(p.latitude()) && Double.isFinite(p.longitude())
                && Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180;
    }

    /** What {@code /openapi.json} says of these routes (see {@link fr.croisements.viz.contrats.RouteDocumentee}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(
                RouteDocumentee.get("/api/parkings.geojson", "Les parkings et leur occupation")
                        .description("Chaque parking (position, capacité, source) avec le taux d'occupation de sa "
                                + "dernière heure.")
                        .requete("territoire", "identifiant du territoire (sinon tous les parkings)")
                        .reponse(GEO_JSON, "une FeatureCollection GeoJSON, un point par parking")
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/parkings.ngsi.json", "Les parkings au format FIWARE")
                        .requete("territoire", "identifiant du territoire (sinon tous les parkings)")
                        .reponse("application/json", "des entités FIWARE « OffStreetParking » (forme keyValues)")
                        .erreur(404, "territoire inconnu"),
                RouteDocumentee.get("/api/parkings/{id}/profil", "Le profil horaire d'un parking")
                        .parametre("id", "identifiant du parking")
                        .json("le taux d'occupation moyen de chaque heure de la journée", Profil.class)
                        .erreur(404, "parking inconnu"));
    }
}
