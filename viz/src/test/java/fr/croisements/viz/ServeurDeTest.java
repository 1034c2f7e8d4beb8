package fr.croisements.viz;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.RegistreIndicateurs;
import fr.croisements.viz.live.LiveFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A real {@link VizServer} on a free port, with fake queries and devices, and an HTTP client to call it. */
public final class ServeurDeTest implements AutoCloseable {

    public final FausseQueries queries = new FausseQueries();
    public final FaussesCapteurs capteurs = new FaussesCapteurs();
    /** The car parks the server publishes, read on every request. */
    public final java.util.List<fr.croisements.events.ParcStationnement> parkings =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    public final LiveFeed liveFeed = new LiveFeed();
    public final AtomicReference<Instant> horloge = new AtomicReference<>();
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final VizServer serveur;
    private final int port;

    public ServeurDeTest(List<Territoire> territoires) {
        this(territoires, true);
    }

    /** @param avecCapteurs whether the server is given {@link #capteurs} (else it has no device at all) */
    public ServeurDeTest(List<Territoire> territoires, boolean avecCapteurs) {
        serveur = new VizServer(queries, territoires, liveFeed, horloge::get).avecParkings(() -> List.copyOf(parkings));
        if (avecCapteurs) {
            serveur.avecCapteurs(capteurs);
        }
        port = serveur.start(0);
    }

    /**
     * Plays {@code IndicateursEnDirect} having fixed its positions on the topics of these indicators: from
     * now on every new cell of theirs goes through {@link #liveFeed}, and answers built on them may be kept.
     */
    public void suivreEnDirect(String... indicateurs) {
        var registre = RegistreIndicateurs.integres();
        liveFeed.versions().suivre(Arrays.stream(indicateurs)
                .map(id -> registre.parId(id).orElseThrow().topic()).toList());
    }

    /** A cell written to the stores, then seen by the live feed, in the pipeline's order. */
    public void nouvelleCellule(Indicateur cellule) {
        queries.ajouter(cellule);
        liveFeed.publier(cellule);
    }

    public URI uri(String chemin) {
        return URI.create("http://localhost:" + port + chemin);
    }

    public HttpResponse<String> get(String chemin) {
        try {
            var requete = HttpRequest.newBuilder(uri(chemin)).timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(requete, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> reponse) {
        try {
            return JsonSerde.MAPPER.readTree(reponse.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        serveur.stop();
    }
}
