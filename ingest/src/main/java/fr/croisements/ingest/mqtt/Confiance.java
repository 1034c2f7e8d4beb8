package fr.croisements.ingest.mqtt;

import fr.croisements.events.EntreeInvalide;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates Croisements trusts for a TLS connection to an MQTT broker: a PEM file of one or more
 * certificates (a broker's own authority, as {@code mosquitto.conf}'s {@code cafile}), or a PKCS12 or JKS
 * trust store; without one, the system's authorities (of the Java runtime). Pure.
 */
final class Confiance {

    private Confiance() {}

    /**
     * @return the trust managers of the file, or {@code null} for the system's
     * @throws EntreeInvalide in French when the file cannot be read or holds no certificate
     */
    static TrustManagerFactory gestionnaire(Path fichier, String motDePasse) {
        if (fichier == null) {
            return null;
        }
        try {
            KeyStore magasin;
            byte[] octets = Files.readAllBytes(fichier);
            if (new String(octets, 0, Math.min(octets.length, 4096), java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN")) {
                magasin = KeyStore.getInstance(KeyStore.getDefaultType());
                magasin.load(null, null);
                Collection<? extends Certificate> certificats;
                try (InputStream in = Files.newInputStream(fichier)) {
                    certificats = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                int n = 0;
                for (Certificate c : certificats) {
                    magasin.setCertificateEntry("autorite-" + n++, c);
                }
                if (n == 0) {
                    throw new EntreeInvalide(fichier.toString(), 0, "aucun certificat dans ce fichier PEM");
                }
            } else {
                magasin = KeyStore.getInstance(fichier.toFile(), motDePasse == null ? null : motDePasse.toCharArray());
            }
            var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(magasin);
            return tmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new EntreeInvalide(fichier.toString(), 0, "certificats illisibles (PEM, PKCS12 ou JKS attendu ; mot de passe"
                    + " du magasin avec --mqtt-confiance-mot-de-passe) : " + e.getMessage(), e);
        }
    }
}
