package fr.croisements.streams.query;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Where the answer to a query came from. Usually from the active tasks of the instances that hold the
 * store ({@link #ACTIVES}); while an instance is away (stopped, crashed, its stores moving in a
 * rebalance), its part is read from the standby replicas ({@code secours}: a copy that may lag behind for a
 * few seconds), and when some of its partitions have no readable replica at all, the answer lacks them
 * ({@code incomplete}). {@code absentes} names the instances ({@code host:port}) that did not answer.
 *
 * <p>{@link Instances#rassembler} notes the provenance of each scatter-gather on the calling thread; a
 * caller that wants to know it (the web layer, to say so in the answer) runs its queries inside
 * {@link #relever}, which collects what every query made in it on this thread noted. Relevés nest: an
 * inner one's provenance counts in the outer one too. Immutable; the relevés are per thread.
 */
public record Provenance(boolean secours, boolean incomplete, Set<String> absentes) {

    /** Every part read from the active tasks. */
    public static final Provenance ACTIVES = new Provenance(false, false, Set.of());

    /** {@code absentes} kept sorted. */
    public Provenance {
        absentes = Collections.unmodifiableSortedSet(new TreeSet<>(absentes));
    }

    /** Whether every part came from the active tasks: nothing to tell the reader. */
    public boolean ordinaire() {
        return !secours && !incomplete;
    }

    /** The provenance of an answer made of this one's parts and the other's. */
    public Provenance et(Provenance autre) {
        if (autre.ordinaire() && autre.absentes.isEmpty()) {
            return this;
        }
        var toutes = new TreeSet<>(absentes);
        toutes.addAll(autre.absentes);
        return new Provenance(secours || autre.secours, incomplete || autre.incomplete, toutes);
    }

    /** A value and the provenance of the queries that made it. */
    public record Relevee<T>(T valeur, Provenance provenance) {}

    private static final ThreadLocal<Provenance> RELEVE = new ThreadLocal<>();

    /**
     * Runs {@code appel} on this thread and returns its value with the provenance of every query made in
     * it (those of an enclosing relevé get it too).
     */
    public static <T> Relevee<T> relever(Callable<T> appel) throws Exception {
        Provenance englobant = RELEVE.get();
        RELEVE.set(ACTIVES);
        try {
            T valeur = appel.call();
            return new Relevee<>(valeur, RELEVE.get());
        } finally {
            Provenance ici = RELEVE.get();
            if (englobant == null) {
                RELEVE.remove();
            } else {
                RELEVE.set(englobant.et(ici));
            }
        }
    }

    /**
     * Starts a relevé on this thread that {@link #terminer()} ends: for a request whose handlers run one
     * after the other on one thread (a web framework's before and after handlers). Forgets any relevé
     * left open on this thread.
     */
    public static void commencer() {
        RELEVE.set(ACTIVES);
    }

    /** Ends the relevé {@link #commencer()} started and returns its provenance ({@link #ACTIVES} without one). */
    public static Provenance terminer() {
        Provenance p = RELEVE.get();
        RELEVE.remove();
        return p == null ? ACTIVES : p;
    }

    /** Adds {@code p} to the relevé open on this thread, if any. */
    public static void noter(Provenance p) {
        Provenance en = RELEVE.get();
        if (en != null) {
            RELEVE.set(en.et(p));
        }
    }
}
