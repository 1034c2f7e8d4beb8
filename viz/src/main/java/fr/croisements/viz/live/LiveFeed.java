package fr.croisements.viz.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browsers connected to {@code /api/direct} (server-sent events), and what is pushed to them:
 * event {@value #EVENEMENT_INDICATEUR} with an {@link Indicateur} as JSON, event
 * {@value #EVENEMENT_HORLOGE} with a {@link Horloge} as JSON.
 *
 * <p>Threads: {@link #abonner} runs on Jetty threads, {@link #publier} on the Kafka consumer
 * thread of {@link IndicateursEnDirect}, {@link #publierHorloge} on the server's clock thread.
 * All methods are thread-safe; sends are serialised so that two events never interleave on one
 * connection. A client that went away is dropped on its close callback or on the next send.
 */
public final class LiveFeed {

    public static final String EVENEMENT_INDICATEUR = "indicateur";
    public static final String EVENEMENT_HORLOGE = "horloge";
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Queue<SseClient> clients = new ConcurrentLinkedQueue<>();

    /** Keeps the connection of a new client open and adds it to the audience (Javalin SSE handler). */
    public void abonner(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // a first write sends the headers, so the browser knows at once that it is connected
        client.sendComment("connecté");
        clients.add(client);
    }

    /** Pushes a new or updated cell to every client. */
    public void publier(Indicateur cellule) {
        diffuser(EVENEMENT_INDICATEUR, json(cellule));
    }

    /** Pushes the simulated time to every client. */
    public void publierHorloge(Instant simulee) {
        diffuser(EVENEMENT_HORLOGE, json(new Horloge(simulee)));
    }

    /** How many clients are connected now. */
    public int nombreAbonnes() {
        return clients.size();
    }

    /** Closes every connection (server shutdown). */
    public synchronized void deconnecterTous() {
        for (SseClient client : clients) {
            clients.remove(client);
            client.close();
        }
    }

    private synchronized void diffuser(String evenement, String donnees) {
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent(evenement, donnees);
            }
        }
    }

    private static String json(Object valeur) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(valeur);
        } catch (JsonProcessingException e) {
            log.warn("Cannot write {} as JSON", valeur.getClass().getSimpleName(), e);
            throw new IllegalArgumentException(e);
        }
    }
}
