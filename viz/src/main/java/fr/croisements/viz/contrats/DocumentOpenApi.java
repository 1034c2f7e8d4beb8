package fr.croisements.viz.contrats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.contrats.SchemasEnregistrements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the routes a server actually registered (as Javalin reports them), each with the
 * {@link RouteDocumentee} the class that registers it gives. A route without documentation is still listed, marked
 * {@code x-non-documentee} with the line to add; documentation of a route not registered is listed under
 * {@code x-documentees-sans-route}. JSON bodies get schemas generated from their Java types (the same generator
 * as the topics' records). Pure and thread-safe.
 */
public final class DocumentOpenApi {

    /** Marks an operation registered without documentation. */
    public static final String NON_DOCUMENTEE = "x-non-documentee";
    /** Lists documented routes that no class registered. */
    public static final String SANS_ROUTE = "x-documentees-sans-route";

    private static final Pattern PARAMETRE = Pattern.compile("[{<]([^}>]+)[}>]");

    /**
     * A route as Javalin registered it.
     *
     * @param methode e.g. {@code GET}
     * @param chemin e.g. {@code /api/territoires/{id}}
     * @param origine the class that registered it, as far as its handler tells, or {@code null}
     */
    public record RouteEnregistree(String methode, String chemin, String origine) {
        public String cle() {
            return methode + " " + chemin;
        }
    }

    private DocumentOpenApi() {}

    /** The line to add for an undocumented route, in the documentation() of the class that registers it. */
    public static String aAjouter(RouteEnregistree route) {
        String fabrique = switch (route.methode()) {
            case "GET" -> "get";
            case "POST" -> "post";
            default -> route.methode().toLowerCase(Locale.ROOT);
        };
        String classe = route.origine() == null ? "la classe qui l'enregistre" : route.origine();
        return "Route non documentée : ajouter RouteDocumentee." + fabrique + "(\"" + route.chemin()
                + "\", \"résumé en français\")… à la liste que rend « public static List<RouteDocumentee> "
                + "documentation() » de " + classe + " (fr.croisements.viz.contrats.RouteDocumentee ; voir "
                + "TerritoiresRoutes pour un exemple).";
    }

    public static ObjectNode document(List<RouteEnregistree> routes, List<RouteDocumentee> documentation) {
        Map<String, RouteDocumentee> parCle = new LinkedHashMap<>();
        documentation.forEach(d -> parCle.put(d.cle(), d));
        List<Class<?>> types = new ArrayList<>();
        for (RouteDocumentee d : documentation) {
            for (RouteDocumentee.Reponse r : d.reponses()) {
                if (r.type() != null && !types.contains(r.type())) {
                    types.add(r.type());
                }
            }
        }
        var schemas = SchemasEnregistrements.generer(types);

        ObjectNode racine = JsonSerde.MAPPER.createObjectNode();
        racine.put("openapi", "3.1.0");
        ObjectNode info = racine.putObject("info");
        info.put("title", "Croisements : l'API HTTP");
        info.put("version", "1.0.0");
        info.put("description", "Les adresses du serveur de la carte de Croisements : territoires et indicateurs en "
                + "JSON, cartes en GeoJSON (application/geo+json), exports CSV pour tableur, catalogue des données "
                + "(DCAT-AP), événements en direct (Server-Sent Events), santé et métriques de l'instance, API interne "
                + "entre instances, webhooks LoRaWAN. Ce document est construit à partir des routes que le serveur a "
                + "réellement enregistrées. Les flux Kafka sont décrits à part, en AsyncAPI : /asyncapi.json. Toute "
                + "erreur répond du JSON {\"erreur\": \"…\"} en français.");
        info.putObject("license").put("name", "Licence Ouverte 2.0")
                .put("url", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        racine.putArray("servers").addObject().put("url", "/").put("description", "ce serveur");
        ObjectNode chemins = racine.putObject("paths");
        Set<String> enregistrees = new LinkedHashSet<>();
        boolean jeton = false;
        for (RouteEnregistree route : routes) {
            if (!enregistrees.add(route.cle())) {
                continue;
            }
            String chemin = PARAMETRE.matcher(route.chemin()).replaceAll("{$1}");
            ObjectNode entree = chemins.has(chemin) ? (ObjectNode) chemins.get(chemin) : chemins.putObject(chemin);
            RouteDocumentee doc = parCle.get(route.cle());
            ObjectNode operation = entree.putObject(route.methode().toLowerCase(Locale.ROOT));
            operation.put("operationId", identifiant(route));
            operation.putArray("tags").add(etiquette(route.chemin()));
            if (doc == null) {
                operation.put("summary", "Route non documentée");
                operation.put("description", aAjouter(route));
                operation.put(NON_DOCUMENTEE, true);
                parametres(operation, route.chemin(), null);
                operation.putObject("responses").putObject("default").put("description", "non documentée");
                continue;
            }
            operation.put("summary", doc.resume());
            if (doc.description() != null) {
                operation.put("description", doc.description());
            }
            parametres(operation, route.chemin(), doc);
            if (doc.corpsTypeMedia() != null) {
                ObjectNode corps = operation.putObject("requestBody");
                corps.put("required", true);
                corps.put("description", doc.corpsDescription());
                corps.putObject("content").putObject(doc.corpsTypeMedia());
            }
            if (doc.securite() != null) {
                jeton = true;
                operation.putArray("security").addObject().putArray("jeton");
            }
            ObjectNode reponses = operation.putObject("responses");
            for (RouteDocumentee.Reponse r : doc.reponses()) {
                ObjectNode reponse = reponses.putObject(String.valueOf(r.statut()));
                reponse.put("description", r.description());
                if (r.typeMedia() != null) {
                    ObjectNode media = reponse.putObject("content").putObject(r.typeMedia());
                    if (r.type() != null) {
                        ObjectNode reference = schemas.references().get(r.type()).deepCopy();
                        media.set("schema", r.tableau()
                                ? JsonSerde.MAPPER.createObjectNode().put("type", "array").set("items", reference)
                                : reference);
                    }
                }
            }
            if (reponses.isEmpty()) {
                reponses.putObject("200").put("description", "réponse");
            }
        }
        ObjectNode composants = racine.putObject("components");
        composants.set("schemas", schemas.schemas());
        if (jeton) {
            composants.putObject("securitySchemes").putObject("jeton").put("type", "http").put("scheme", "bearer")
                    .put("description", "Le jeton partagé avec le serveur de réseau (variable CROISEMENTS_JETON_WEBHOOK).");
        }
        List<String> sansRoute = parCle.keySet().stream().filter(cle -> !enregistrees.contains(cle)).toList();
        if (!sansRoute.isEmpty()) {
            ArrayNode liste = racine.putArray(SANS_ROUTE);
            sansRoute.forEach(liste::add);
        }
        return racine;
    }

    private static void parametres(ObjectNode operation, String chemin, RouteDocumentee doc) {
        ArrayNode liste = JsonSerde.MAPPER.createArrayNode();
        Matcher m = PARAMETRE.matcher(chemin);
        while (m.find()) {
            String nom = m.group(1);
            String texte = doc == null ? null : doc.parametres().stream()
                    .filter(p -> p.ou().equals("path") && p.nom().equals(nom))
                    .map(RouteDocumentee.Parametre::description).findFirst().orElse(null);
            ObjectNode p = liste.addObject();
            p.put("name", nom);
            p.put("in", "path");
            p.put("required", true);
            p.put("description", texte != null ? texte : "partie variable de l'adresse");
            p.putObject("schema").put("type", "string");
        }
        if (doc != null) {
            for (RouteDocumentee.Parametre parametre : doc.parametres()) {
                if (parametre.ou().equals("query")) {
                    ObjectNode p = liste.addObject();
                    p.put("name", parametre.nom());
                    p.put("in", "query");
                    p.put("required", parametre.obligatoire());
                    p.put("description", parametre.description());
                    p.putObject("schema").put("type", "string");
                }
            }
        }
        if (!liste.isEmpty()) {
            operation.set("parameters", liste);
        }
    }

    private static String identifiant(RouteEnregistree route) {
        return (route.methode() + route.chemin()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("-$", "");
    }

    private static String etiquette(String chemin) {
        if (chemin.startsWith("/interne/")) {
            return "interne (entre instances)";
        }
        if (chemin.startsWith("/ingest/")) {
            return "webhooks";
        }
        if (chemin.startsWith("/catalogue")) {
            return "catalogue";
        }
        if (chemin.equals("/sante") || chemin.equals("/pret") || chemin.equals("/metriques")) {
            return "exploitation";
        }
        if (chemin.equals("/openapi.json") || chemin.equals("/asyncapi.json")) {
            return "contrats";
        }
        if (chemin.contains(".csv")) {
            return "exports";
        }
        return "carte";
    }
}
