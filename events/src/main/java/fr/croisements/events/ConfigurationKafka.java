package fr.croisements.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Kafka properties a person gives in a file ({@code croisements run --config FICHIER}: security of a
 * cluster, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, or any client or Kafka Streams setting),
 * passed to every Kafka client the process creates: admin clients, producers, consumers and Kafka Streams
 * (which hands the plain client settings to its own clients).
 *
 * <p>Precedence, from weakest to strongest: the built-in settings of each client, then the file, then what
 * the command line says itself ({@code --bootstrap-servers}, {@code --application-id}, {@code --threads},
 * {@code --etat}, {@code --repliques-secours}, {@code --adresse-publique}). Each factory of a client puts
 * its defaults, then calls {@link #appliquer}, then its command-line values.
 *
 * <p>One file for the whole process, set once by the command before any client is made (tests
 * {@link #oublier()} it). Thread-safe.
 */
public final class ConfigurationKafka {

    private static volatile Map<String, String> proprietes = Map.of();

    private ConfigurationKafka() {}

    /**
     * Reads a Java properties file (UTF-8) and passes its properties to every client made from now on.
     *
     * @throws EntreeInvalide in French, naming the file, when it cannot be read or sets nothing
     */
    public static Map<String, String> charger(Path fichier) {
        var lues = new Properties();
        try (Reader lecteur = Files.newBufferedReader(fichier, StandardCharsets.UTF_8)) {
            lues.load(lecteur);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EntreeInvalide(fichier.toString(), 0, "fichier de configuration Kafka introuvable");
        } catch (IOException | IllegalArgumentException e) {
            throw new EntreeInvalide(fichier.toString(), 0, "fichier de configuration Kafka illisible (format « clé=valeur » "
                    + "des fichiers .properties de Java attendu) : " + e.getMessage(), e);
        }
        if (lues.isEmpty()) {
            throw new EntreeInvalide(fichier.toString(), 0, "le fichier de configuration Kafka ne contient aucune propriété");
        }
        var parCle = new TreeMap<String, String>();
        lues.stringPropertyNames().forEach(cle -> parCle.put(cle.trim(), lues.getProperty(cle).trim()));
        utiliser(parCle);
        return parCle;
    }

    /** Passes {@code p} to every client made from now on. */
    public static void utiliser(Map<String, String> p) {
        proprietes = Map.copyOf(p);
    }

    /** No file any more (tests). */
    public static void oublier() {
        proprietes = Map.of();
    }

    /** The properties of the file, possibly none. */
    public static Map<String, String> proprietes() {
        return proprietes;
    }

    /** Puts the file's properties into {@code props}, over what is there; returns {@code props}. */
    public static Properties appliquer(Properties props) {
        props.putAll(proprietes);
        return props;
    }

    /** The same for a map of settings. */
    public static <M extends Map<String, Object>> M appliquer(M props) {
        props.putAll(proprietes);
        return props;
    }
}
