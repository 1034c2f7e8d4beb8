package fr.croisements.viz.live;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.sse;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.function.Supplier;

/** {@code GET /api/direct} (server-sent events of {@link LiveFeed}) and {@code GET /api/horloge}. */
public final class DirectRoutes implements EndpointGroup {

    private final LiveFeed liveFeed;
    private final Supplier<Instant> horloge;

    public DirectRoutes(LiveFeed liveFeed, Supplier<Instant> horloge) {
        this.liveFeed = liveFeed;
        this.horloge = horloge;
    }

    @Override
    public void addEndpoints() {
        sse("/api/direct", liveFeed::abonner);
        get("/api/horloge", this::horloge);
    }

    void horloge(Context ctx) {
        ctx.json(new Horloge(horloge.get()));
    }
}
