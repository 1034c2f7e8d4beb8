package fr.croisements.viz.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browsers connected to {@code /api/direct} (server-sent events), and what is pushed to them.
 *
 * <p>A client without subscription ({@link #abonner(SseClient)}) receives every cell as it comes, event
 * {@value #EVENEMENT_INDICATEUR} with the whole {@link Indicateur} as JSON. A subscribed client
 * ({@link Abonnement}: a territory's map) receives only the cells of its zones and indicators, as
 * {@link CelluleCompacte} in the same event, coalesced: the cells wait in {@link CellulesEnAttente} and
 * {@link #envoyerRegroupees} sends, every {@link #REGROUPEMENT}, the latest cell of each zone. Every
 * client receives event {@value #EVENEMENT_HORLOGE} with a {@link Horloge}. Each new cell also changes
 * the {@link #versions() versions} of the answers built from the stores.
 *
 * <p>Threads: {@link #abonner} runs on Jetty threads, {@link #publier} on the Kafka consumer
 * thread of {@link IndicateursEnDirect}, {@link #publierHorloge} and {@link #envoyerRegroupees} on the
 * server's clock thread. All methods are thread-safe; sends are serialised so that two events never
 * interleave on one connection. A client that went away is dropped on its close callback or on the next send.
 */
public final class LiveFeed {

    public static final String EVENEMENT_INDICATEUR = "indicateur";
    public static final String EVENEMENT_HORLOGE = "horloge";
    /** How long the cells of subscribed clients wait, so that only the latest of each zone is sent. */
    public static final Duration REGROUPEMENT = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<SseClient, Abonnement> clients = new ConcurrentHashMap<>();
    private final CellulesEnAttente enAttente = new CellulesEnAttente();
    private final VersionsCellules versions = new VersionsCellules();

    /** Keeps the connection of a new client open and sends it every cell in full (Javalin SSE handler). */
    public void abonner(SseClient client) {
        abonner(client, Abonnement.TOUT);
    }

    /** Keeps the connection of a new client open and sends it the cells it subscribed to. */
    void abonner(SseClient client, Abonnement abonnement) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, abonnement);
        saluer(client);
    }

    /** A first line, so that the browser knows at once that it is connected (and is then followed). */
    private synchronized void saluer(SseClient client) {
        client.sendComment("connecté");
    }

    /**
     * A new or updated cell: changes the versions of the answers built on its zone, goes at once to the
     * clients without subscription, and waits for the next {@link #envoyerRegroupees} for the others.
     */
    public void publier(Indicateur cellule) {
        versions.nouvelleCellule(cellule);
        if (clients.values().stream().anyMatch(Abonnement::compact)) {
            enAttente.ajouter(cellule);
        }
        if (clients.values().stream().anyMatch(a -> !a.compact())) {
            diffuser(EVENEMENT_INDICATEUR, json(cellule), a -> !a.compact());
        }
    }

    /** Sends the cells waiting, the latest of each zone, to the subscribed clients that follow them. */
    public void envoyerRegroupees() {
        for (Indicateur cellule : enAttente.prendre()) {
            diffuser(EVENEMENT_INDICATEUR, json(CelluleCompacte.de(cellule)), a -> a.compact() && a.suit(cellule));
        }
    }

    /** Pushes the simulated time to every client. */
    public void publierHorloge(Instant simulee) {
        diffuser(EVENEMENT_HORLOGE, json(new Horloge(simulee)), a -> true);
    }

    /** How many clients are connected now, subscribed or not. */
    public int nombreAbonnes() {
        return clients.size();
    }

    /** The versions of the cells seen live, for the answers kept ready ({@code ReponsesPretes}). */
    public VersionsCellules versions() {
        return versions;
    }

    /** Closes every connection (server shutdown). */
    public synchronized void deconnecterTous() {
        for (SseClient client : clients.keySet()) {
            clients.remove(client);
            client.close();
        }
    }

    private synchronized void diffuser(String evenement, String donnees, Predicate<Abonnement> destinataire) {
        clients.forEach((client, abonnement) -> {
            if (client.terminated()) {
                clients.remove(client);
            } else if (destinataire.test(abonnement)) {
                client.sendEvent(evenement, donnees);
            }
        });
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
