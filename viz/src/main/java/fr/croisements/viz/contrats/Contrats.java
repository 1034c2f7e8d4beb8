package fr.croisements.viz.contrats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.DefinitionIndicateur;
import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Follows the routes a server registers and serves its contracts ({@link ContratsRoutes}). Javalin reports
 * every route it registers ({@code config.events.handlerAdded}); the class whose {@code addEndpoints()}
 * registered it is read from the call stack, and its documentation from that class's
 * {@code public static List<RouteDocumentee> documentation()}. So a route class of any module (the map's, the
 * webhooks of the application, a new one) is documented where it is written, without a list to keep in step
 * here. Call {@link #suivre} first in the server's configuration, then register the routes, then
 * {@link #enregistrer}. Thread-safe once the server runs.
 */
public final class Contrats {

    private static final Set<HandlerType> METHODES = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    private static final StackWalker PILE = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final List<DocumentOpenApi.RouteEnregistree> routes = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, List<RouteDocumentee>> documentation = new LinkedHashMap<>();

    /** Starts following the routes registered on {@code config}: call it before any route is added. */
    public void suivre(JavalinConfig config) {
        config.events.handlerAdded(this::ajoutee);
    }

    /** Registers {@code /openapi.json} and {@code /asyncapi.json}. */
    public void enregistrer(JavalinConfig config, String serveursKafka, Supplier<List<DefinitionIndicateur>> indicateurs) {
        config.routes.apiBuilder(new ContratsRoutes(this::openApi, serveursKafka, indicateurs));
    }

    /** The OpenAPI document of the routes registered so far. */
    public ObjectNode openApi() {
        List<RouteDocumentee> docs;
        synchronized (documentation) {
            docs = documentation.values().stream().flatMap(List::stream).toList();
        }
        return DocumentOpenApi.document(List.copyOf(routes), docs);
    }

    private void ajoutee(HandlerMetaInfo info) {
        if (!METHODES.contains(info.getHttpMethod())) {
            return; // before/after handlers, not routes
        }
        Class<?> origine = origine();
        routes.add(new DocumentOpenApi.RouteEnregistree(info.getHttpMethod().name(), info.getPath(),
                origine == null ? null : origine.getName()));
        if (origine != null) {
            synchronized (documentation) {
                documentation.computeIfAbsent(origine, Contrats::documentationDe);
            }
        }
    }

    /** The class whose {@code addEndpoints()} is registering the route, or the first of ours on the stack. */
    private static Class<?> origine() {
        return PILE.walk(cadres -> {
            List<StackWalker.StackFrame> notres = cadres.filter(c -> {
                String nom = c.getDeclaringClass().getName();
                return !nom.startsWith("io.javalin.") && !nom.startsWith("kotlin.") && !nom.startsWith("java.")
                        && c.getDeclaringClass() != Contrats.class;
            }).toList();
            return notres.stream().filter(c -> c.getMethodName().equals("addEndpoints")).findFirst()
                    .or(() -> notres.stream().findFirst())
                    .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass).orElse(null);
        });
    }

    private static List<RouteDocumentee> documentationDe(Class<?> classe) {
        try {
            Method m = classe.getMethod("documentation");
            if (!Modifier.isStatic(m.getModifiers())) {
                return List.of();
            }
            Object resultat = m.invoke(null);
            var liste = new ArrayList<RouteDocumentee>();
            if (resultat instanceof List<?> elements) {
                elements.stream().filter(RouteDocumentee.class::isInstance).map(RouteDocumentee.class::cast)
                        .forEach(liste::add);
            }
            return liste;
        } catch (NoSuchMethodException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("documentation() de " + classe.getName() + " a échoué", e);
        }
    }
}
