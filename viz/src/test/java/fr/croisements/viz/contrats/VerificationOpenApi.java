package fr.croisements.viz.contrats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is wrong with a server's {@code /openapi.json}: each route registered without documentation, with the
 * line to add, and each documented route that nothing registered. Shared with the app's tests (test jar).
 */
public final class VerificationOpenApi {

    private VerificationOpenApi() {}

    /** One line per problem; empty when every route is documented and every documentation has its route. */
    public static List<String> problemes(JsonNode openApi) {
        var problemes = new ArrayList<String>();
        openApi.path("paths").properties().forEach(chemin -> chemin.getValue().properties().forEach(operation -> {
            if (operation.getValue().path(DocumentOpenApi.NON_DOCUMENTEE).asBoolean()) {
                problemes.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + chemin.getKey() + " : "
                        + operation.getValue().path("description").asText());
            }
        }));
        openApi.path(DocumentOpenApi.SANS_ROUTE).forEach(cle -> problemes.add(cle.asText()
                + " : documentée mais enregistrée par aucune classe (retirer sa RouteDocumentee ou corriger son chemin)"));
        return problemes;
    }
}
