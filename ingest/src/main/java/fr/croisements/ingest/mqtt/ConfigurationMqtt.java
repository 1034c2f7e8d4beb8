package fr.croisements.ingest.mqtt;

import fr.croisements.ingest.lora.ChirpstackAdapter;
import fr.croisements.ingest.lora.TtsAdapter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach an MQTT broker and what to read there. Immutable; checked at construction, with
 * French reasons ({@link IllegalArgumentException}) for a person who typed them.
 *
 * @param hote the broker's host
 * @param port its port (1883 for {@code tcp://}, 8883 for {@code ssl://} when the address gives none)
 * @param tls whether the connection is TLS ({@code ssl://} or {@code mqtts://})
 * @param filtres the topic filters subscribed with QoS 1; empty: {@link #filtresParDefaut(String)} of the format
 * @param format {@code tts} or {@code chirpstack} for every message, or {@code null} to recognise it from each topic
 * @param identifiantClient the client id: the same on every start, so the broker keeps the session (and the
 *     messages published while Croisements is away) for it
 * @param utilisateur the user name, or {@code null} ({@code {application}@{tenant}} on The Things Stack)
 * @param motDePasse the password or token (a The Things Stack API key), or {@code null}
 * @param confiance the certificates to trust for TLS (PEM, or a PKCS12/JKS trust store), or {@code null} for
 *     the system's authorities
 * @param motDePasseConfiance the password of a PKCS12/JKS trust store, or {@code null}
 * @param expirationSession how long the broker keeps the session while Croisements is away
 */
public record ConfigurationMqtt(String hote, int port, boolean tls, List<String> filtres, String format,
        String identifiantClient, String utilisateur, String motDePasse, Path confiance, String motDePasseConfiance,
        Duration expirationSession) {

    /** The filters of ChirpStack v4's MQTT integration (its default {@code event_topic}): uplinks and statuses. */
    public static final List<String> FILTRES_CHIRPSTACK = List.of("application/+/device/+/event/up",
            "application/+/device/+/event/status");
    /** The filter of The Things Stack's MQTT server: the uplinks of every device of the application. */
    public static final List<String> FILTRES_TTS = List.of("v3/+/devices/+/up");
    /** A week: a broker keeps what was published for Croisements over a long weekend. */
    public static final Duration EXPIRATION_PAR_DEFAUT = Duration.ofDays(7);

    public ConfigurationMqtt {
        Objects.requireNonNull(hote, "hote");
        if (format != null && !format.equals(TtsAdapter.SOURCE) && !format.equals(ChirpstackAdapter.SOURCE)) {
            throw new IllegalArgumentException("format MQTT inconnu : « " + format + " » (tts ou chirpstack)");
        }
        filtres = List.copyOf(filtres == null || filtres.isEmpty() ? filtresParDefaut(format) : filtres);
        for (String f : filtres) {
            verifierFiltre(f);
        }
        if (identifiantClient == null || identifiantClient.isBlank()) {
            throw new IllegalArgumentException("identifiant de client MQTT vide");
        }
        expirationSession = expirationSession == null ? EXPIRATION_PAR_DEFAUT : expirationSession;
    }

    /**
     * Reads an address typed by a person: {@code tcp://HOTE[:PORT]} or {@code ssl://HOTE[:PORT]} ({@code mqtt://}
     * and {@code mqtts://} too).
     *
     * @return the host, the port (the scheme's default when none is given) and whether it is TLS
     * @throws IllegalArgumentException with a French reason
     */
    public static Adresse adresse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("adresse MQTT illisible : « " + url + " » (tcp://HOTE:PORT ou ssl://HOTE:PORT attendu)");
        }
        String schema = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (schema) {
            case "tcp", "mqtt" -> false;
            case "ssl", "tls", "mqtts" -> true;
            default -> throw new IllegalArgumentException("adresse MQTT « " + url
                    + " » : tcp://HOTE:PORT ou ssl://HOTE:PORT attendu (ssl:// pour une connexion chiffrée)");
        };
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("adresse MQTT « " + url + " » sans hôte (tcp://HOTE:PORT ou ssl://HOTE:PORT attendu)");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("adresse MQTT « " + url + " » : pas de chemin après HOTE:PORT ; les sujets se "
                    + "donnent avec --mqtt-sujet");
        }
        return new Adresse(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883, tls);
    }

    /** A broker's address, read by {@link #adresse(String)}. */
    public record Adresse(String hote, int port, boolean tls) {
        @Override
        public String toString() {
            return (tls ? "ssl://" : "tcp://") + hote + ":" + port;
        }
    }

    /** The filters subscribed when none is given: those of the format, or of both network servers. */
    public static List<String> filtresParDefaut(String format) {
        if (TtsAdapter.SOURCE.equals(format)) {
            return FILTRES_TTS;
        }
        if (ChirpstackAdapter.SOURCE.equals(format)) {
            return FILTRES_CHIRPSTACK;
        }
        var tous = new ArrayList<>(FILTRES_CHIRPSTACK);
        tous.addAll(FILTRES_TTS);
        return List.copyOf(tous);
    }

    /** The broker, as logs and rejects name it (never the password). */
    public String broker() {
        return new Adresse(hote, port, tls).toString();
    }

    /** The MQTT rules for a topic filter: not empty, {@code #} last and alone in its level, {@code +} alone in its level. */
    private static void verifierFiltre(String filtre) {
        if (filtre == null || filtre.isEmpty()) {
            throw new IllegalArgumentException("sujet MQTT vide");
        }
        String[] niveaux = filtre.split("/", -1);
        for (int i = 0; i < niveaux.length; i++) {
            String n = niveaux[i];
            if ((n.contains("#") && (!n.equals("#") || i != niveaux.length - 1)) || (n.contains("+") && !n.equals("+"))) {
                throw new IllegalArgumentException("sujet MQTT invalide : « " + filtre + " » (+ remplace un niveau entier,"
                        + " # seulement en dernier, par exemple application/+/device/+/event/up)");
            }
        }
    }

    @Override
    public String toString() {
        // the password stays out of logs
        return "ConfigurationMqtt[" + broker() + ", filtres=" + filtres + ", format=" + format + ", client="
                + identifiantClient + ", utilisateur=" + utilisateur + "]";
    }
}
