package fr.croisements.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real MQTT broker for the tests: Debian's {@code mosquitto} (2.0, MQTT 5), started by the test on a free port
 * of 127.0.0.1 with its own configuration and persistence folder, never the system service. Stopped with SIGTERM,
 * which makes it save its persistence (sessions, subscriptions, queued QoS 1 messages), and started again on the
 * same folder and port, as an operator restarting it would.
 */
final class Mosquitto implements AutoCloseable {

    private final Path binaire;
    private final Path dossier;
    private final int port;
    private Process processus;

    private Mosquitto(Path binaire, Path dossier, int port) {
        this.binaire = binaire;
        this.dossier = dossier;
        this.port = port;
    }

    /** The {@code mosquitto} program of this machine (in the PATH or /usr/sbin, where Debian puts it), if installed. */
    static Optional<Path> binaire() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts a broker with persistence in {@code dossier}, on a free port. */
    static Mosquitto demarrer(Path binaire, Path dossier) throws IOException {
        return demarrer(binaire, dossier, List.of());
    }

    /** The same, with lines added to the listener's configuration ({@code certfile}, {@code keyfile}...). */
    static Mosquitto demarrer(Path binaire, Path dossier, List<String> reglages) throws IOException {
        Files.createDirectories(dossier);
        var m = new Mosquitto(binaire, dossier, PortLibre.trouver());
        Files.writeString(dossier.resolve("mosquitto.conf"), String.join("\n",
                "listener " + m.port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dossier.toAbsolutePath() + "/",
                // the default 1000 would drop messages queued for an absent client beyond it
                "max_queued_messages 100000",
                "log_dest file " + dossier.resolve("mosquitto.log").toAbsolutePath(),
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                // started as root, mosquitto would switch to the user « mosquitto », who cannot write our folder
                "user " + System.getProperty("user.name"),
                String.join("\n", reglages),
                ""));
        m.demarrer();
        return m;
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** (Re)starts the process on the same configuration, persistence and port; returns once it accepts connections. */
    void demarrer() throws IOException {
        processus = new ProcessBuilder(binaire.toString(), "-c", dossier.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dossier.resolve("sortie.log").toFile()))
                .start();
        Awaitility.await("mosquitto accepts connections on " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!processus.isAlive()) {
                        throw new IllegalStateException("mosquitto stopped: " + journal());
                    }
                    try (var s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** Stops the process with SIGTERM (it saves its persistence) and waits for it to end. */
    void arreter() throws InterruptedException {
        if (processus != null && processus.isAlive()) {
            processus.destroy();
            if (!processus.waitFor(20, TimeUnit.SECONDS)) {
                processus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The broker's log, for a failure message. */
    String journal() {
        try {
            Path log = dossier.resolve("mosquitto.log");
            return Files.exists(log) ? Files.readString(log) : Files.readString(dossier.resolve("sortie.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        arreter();
    }
}
