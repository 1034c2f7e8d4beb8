package fr.croisements.app;

import java.util.concurrent.CountDownLatch;

/** Blocks the main thread until Ctrl-C (or SIGTERM), then lets the caller close everything in order. */
final class AttenteArret {

    private AttenteArret() {}

    /** Runs {@code arret} once on shutdown, and waits for it before the JVM exits. */
    static void attendre(Runnable arret) throws InterruptedException {
        var fini = new CountDownLatch(1);
        var demande = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demande.countDown();
            try {
                fini.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "arret"));
        demande.await();
        try {
            arret.run();
        } finally {
            fini.countDown();
        }
    }
}
