package fr.croisements.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and its key, in PEM, for a test broker's TLS listener: made by the JDK's
 * {@code keytool}, then its key written out as PKCS#8 (what mosquitto's OpenSSL reads).
 */
final class Certificats {

    private static final char[] MOT_DE_PASSE = "mot-de-passe-de-test".toCharArray();

    private Certificats() {}

    /** Writes {@code broker.pem} and {@code broker.key} in the folder; returns them in that order. */
    static Path[] autoSigne(Path dossier) throws IOException, InterruptedException, GeneralSecurityException {
        Path magasin = dossier.resolve("broker.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        var processus = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "broker", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", magasin.toString(), "-storepass", new String(MOT_DE_PASSE),
                "-keypass", new String(MOT_DE_PASSE)).redirectErrorStream(true).start();
        String sortie = new String(processus.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!processus.waitFor(60, TimeUnit.SECONDS) || processus.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + sortie);
        }
        var ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(magasin)) {
            ks.load(in, MOT_DE_PASSE);
        }
        var cle = (PrivateKey) ks.getKey("broker", MOT_DE_PASSE);
        Path certificat = Files.writeString(dossier.resolve("broker.pem"), pem("CERTIFICATE", ks.getCertificate("broker").getEncoded()));
        Path fichierCle = Files.writeString(dossier.resolve("broker.key"), pem("PRIVATE KEY", cle.getEncoded()));
        return new Path[] {certificat, fichierCle};
    }

    /** Trust managers that trust the certificate of a PEM file. */
    static TrustManagerFactory confiance(Path pem) throws IOException, GeneralSecurityException {
        var ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            ks.setCertificateEntry("broker", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
