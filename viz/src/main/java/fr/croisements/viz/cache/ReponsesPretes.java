package fr.croisements.viz.cache;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.viz.live.VersionsCellules;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The answers built from the indicator stores (the communes' GeoJSON, the CSV exports), kept ready as
 * {@link ReponsePrete} while the cells they were built from do not change, and sent with an ETag and gzip.
 *
 * <p>An answer about one indicator and one territory is kept with the {@link VersionsCellules version} of
 * the indicator's cells in the territory's communes, and with the definition it was built on (compared by
 * identity: an indicator file changed is declared again, even with the same words). It is built again when
 * either differs: a new cell of one of those communes changes the answer at once, and a cell of another
 * territory leaves it as it is. While the indicator's topic is not followed live, nothing is kept: every
 * request reads the stores, as before. An answer that fails (503 while a store cannot be read) is not kept.
 *
 * <p>Requests for the same answer while it is being built wait for that one build rather than each
 * reading the stores. At most {@value #ENTREES_MAX} answers are kept, the least recently asked for leaving
 * first (an answer weighs at most some hundreds of kilobytes with its gzip: some tens of megabytes in all).
 * Thread-safe.
 */
public final class ReponsesPretes {

    static final int ENTREES_MAX = 64;

    /** What an answer is about; {@code debut} is null for the latest cells, {@code indicateur} for none. */
    public record Cle(String route, String territoire, String indicateur, Instant debut) {}

    /** Builds the bytes of an answer; may throw (a store that cannot be read). */
    @FunctionalInterface
    public interface Construction {
        byte[] construire() throws Exception;
    }

    private record Entree(DefinitionIndicateur definition, long version, CompletableFuture<ReponsePrete> reponse) {
        boolean vaut(DefinitionIndicateur d, long v) {
            return definition == d && version == v;
        }
    }

    private final VersionsCellules versions;
    private final Map<Cle, Entree> entrees = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Cle, Entree> plusAncienne) {
            return size() > ENTREES_MAX;
        }
    };

    public ReponsesPretes(VersionsCellules versions) {
        this.versions = versions;
    }

    /**
     * Sends the answer about the cells of {@code definition} in the communes of {@code territoire}: the
     * one kept while they have not changed, else the one {@code construction} builds. The content type
     * and any other header must be set before.
     */
    public void envoyer(Context ctx, Cle cle, DefinitionIndicateur definition, Territoire territoire,
            Construction construction) throws Exception {
        List<String> codes = territoire.communes().stream().map(Commune::codeInsee).toList();
        envoyer(ctx, cle, definition, codes, construction);
    }

    /** The same, for an answer about the cells of {@code definition} in these zones (the IRIS of a territory). */
    public void envoyer(Context ctx, Cle cle, DefinitionIndicateur definition, java.util.Collection<String> codesZones,
            Construction construction) throws Exception {
        reponse(cle, definition, versions.version(definition, codesZones), construction).envoyer(ctx);
    }

    /** Sends an answer that no cell changes (the INSEE figures of a pack): built once, then kept. */
    public void envoyerFixe(Context ctx, Cle cle, Construction construction) throws Exception {
        reponse(cle, null, OptionalLong.of(0), construction).envoyer(ctx);
    }

    private ReponsePrete reponse(Cle cle, DefinitionIndicateur definition, OptionalLong version,
            Construction construction) throws Exception {
        if (version.isEmpty()) {
            return ReponsePrete.de(construction.construire());
        }
        long v = version.getAsLong();
        var nouvelle = new Entree(definition, v, new CompletableFuture<>());
        Entree entree;
        synchronized (entrees) {
            entree = entrees.get(cle);
            if (entree == null || !entree.vaut(definition, v)) {
                entrees.put(cle, nouvelle);
                entree = nouvelle;
            }
        }
        if (entree != nouvelle) {
            return attendre(entree.reponse());
        }
        try {
            ReponsePrete prete = ReponsePrete.de(construction.construire());
            nouvelle.reponse().complete(prete);
            return prete;
        } catch (Exception | Error e) {
            synchronized (entrees) {
                entrees.remove(cle, nouvelle);
            }
            nouvelle.reponse().completeExceptionally(e);
            throw e;
        }
    }

    /** The answer another request is building; its failure (a 503...) is this request's too. */
    private static ReponsePrete attendre(CompletableFuture<ReponsePrete> reponse) throws Exception {
        try {
            return reponse.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
