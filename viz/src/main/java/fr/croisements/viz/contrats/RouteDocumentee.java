package fr.croisements.viz.contrats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the OpenAPI document says of one route: summary, description, parameters, request body and answers,
 * in French. Written next to the route, in the {@code public static List<RouteDocumentee> documentation()} of the
 * class that registers it (its {@code addEndpoints()}), which {@link Contrats} finds:
 *
 * <pre>{@code
 * RouteDocumentee.get("/api/territoires/{id}", "Un territoire")
 *         .parametre("id", "identifiant du territoire, p. ex. « bassin-de-pompey »")
 *         .json("le territoire et ses indicateurs", TerritoireVue.class)
 *         .erreur(404, "territoire inconnu")
 * }</pre>
 *
 * A path parameter not described gets a generic description. Built once with its fluent methods, then only read.
 */
public final class RouteDocumentee {

    /** A parameter: in the path or the query string. */
    public record Parametre(String nom, String ou, String description, boolean obligatoire) {}

    /** One answer: status, media type (or {@code null} for none), description, and the Java type of a JSON body. */
    public record Reponse(int statut, String typeMedia, String description, Class<?> type, boolean tableau) {}

    private final String methode;
    private final String chemin;
    private final String resume;
    private String description;
    private final List<Parametre> parametres = new ArrayList<>();
    private final Map<Integer, Reponse> reponses = new LinkedHashMap<>();
    private String corpsTypeMedia;
    private String corpsDescription;
    private String securite;

    private RouteDocumentee(String methode, String chemin, String resume) {
        this.methode = Objects.requireNonNull(methode);
        this.chemin = Objects.requireNonNull(chemin);
        this.resume = Objects.requireNonNull(resume);
    }

    /** A {@code GET} route, with its path as registered (e.g. {@code /api/territoires/{id}}) and a short summary. */
    public static RouteDocumentee get(String chemin, String resume) {
        return new RouteDocumentee("GET", chemin, resume);
    }

    /** A {@code POST} route. */
    public static RouteDocumentee post(String chemin, String resume) {
        return new RouteDocumentee("POST", chemin, resume);
    }

    /** A longer description (what the answer holds, how to use it). */
    public RouteDocumentee description(String texte) {
        this.description = texte;
        return this;
    }

    /** Describes the path parameter {@code {nom}}. */
    public RouteDocumentee parametre(String nom, String texte) {
        parametres.add(new Parametre(nom, "path", texte, true));
        return this;
    }

    /** A parameter of the query string, optional unless said. */
    public RouteDocumentee requete(String nom, String texte) {
        parametres.add(new Parametre(nom, "query", texte, false));
        return this;
    }

    /** A parameter of the query string without which the route answers an error. */
    public RouteDocumentee requeteObligatoire(String nom, String texte) {
        parametres.add(new Parametre(nom, "query", texte, true));
        return this;
    }

    /** Answers 200 with JSON whose schema is generated from {@code type}. */
    public RouteDocumentee json(String texte, Class<?> type) {
        return reponse(new Reponse(200, "application/json", texte, type, false));
    }

    /** Answers {@code statut} (e.g. 202) with JSON whose schema is generated from {@code type}. */
    public RouteDocumentee json(int statut, String texte, Class<?> type) {
        return reponse(new Reponse(statut, "application/json", texte, type, false));
    }

    /** Answers 200 with a JSON array of {@code type}. */
    public RouteDocumentee jsonTableau(String texte, Class<?> type) {
        return reponse(new Reponse(200, "application/json", texte, type, true));
    }

    /** Answers 200 with {@code typeMedia}, without a schema (GeoJSON, CSV, text…). */
    public RouteDocumentee reponse(String typeMedia, String texte) {
        return reponse(new Reponse(200, typeMedia, texte, null, false));
    }

    /** Another answer, e.g. 202 or 503, with {@code typeMedia} ({@code null}: no body). */
    public RouteDocumentee reponse(int statut, String typeMedia, String texte) {
        return reponse(new Reponse(statut, typeMedia, texte, null, false));
    }

    /** An error answer: JSON {@code {"erreur": "…"}} in French. */
    public RouteDocumentee erreur(int statut, String texte) {
        return reponse(new Reponse(statut, "application/json", texte, Erreur.class, false));
    }

    /** The request body the route reads. */
    public RouteDocumentee corps(String typeMedia, String texte) {
        this.corpsTypeMedia = typeMedia;
        this.corpsDescription = texte;
        return this;
    }

    /** The route asks for a bearer token ({@code Authorization: Bearer …}), described by {@code texte}. */
    public RouteDocumentee jeton(String texte) {
        this.securite = texte;
        return this;
    }

    private RouteDocumentee reponse(Reponse reponse) {
        reponses.put(reponse.statut(), reponse);
        return this;
    }

    public String methode() {
        return methode;
    }

    public String chemin() {
        return chemin;
    }

    public String resume() {
        return resume;
    }

    public String description() {
        return description;
    }

    public List<Parametre> parametres() {
        return List.copyOf(parametres);
    }

    public List<Reponse> reponses() {
        return List.copyOf(reponses.values());
    }

    public String corpsTypeMedia() {
        return corpsTypeMedia;
    }

    public String corpsDescription() {
        return corpsDescription;
    }

    public String securite() {
        return securite;
    }

    /** {@code GET /api/territoires/{id}}: how routes are matched and named in messages. */
    public String cle() {
        return methode + " " + chemin;
    }

    /** The body of every error answer of the server. */
    public record Erreur(String erreur) {}
}
