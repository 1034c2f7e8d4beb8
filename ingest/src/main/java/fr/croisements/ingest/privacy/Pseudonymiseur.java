package fr.croisements.ingest.privacy;

import fr.croisements.events.EntreeInvalide;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a clear identifier (a bin's chip id) into a stable pseudonym: HMAC-SHA-256 of the UTF-8
 * identifier under a secret key, written as 64 lowercase hex characters.
 *
 * <p>The same key gives the same pseudonym, so a bin can be followed from week to week without
 * its chip id ever entering a topic. Without the key, a pseudonym cannot be linked back to a chip
 * id by trying every possible id (unlike a plain hash). The key comes from the environment
 * variable {@value #VARIABLE_CLE} (its UTF-8 bytes, at least {@value #LONGUEUR_MIN_CLE}); the demo
 * generates a random one with {@link #genererCle()}, and its caller says so in the log.
 *
 * <p>Thread-safe.
 */
public final class Pseudonymiseur {

    /** The environment variable holding the key. */
    public static final String VARIABLE_CLE = "CROISEMENTS_CLE_PSEUDONYMISATION";
    /** Minimum key length in bytes (128 bits). */
    public static final int LONGUEUR_MIN_CLE = 16;

    private static final String ALGORITHME = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** Mac is not thread-safe; one instance guarded by its own lock is plenty for our rates. */
    private final Mac mac;

    /** No length check: used by the RFC 4231 known-answer test, whose key is 4 bytes. */
    Pseudonymiseur(byte[] cle) {
        Objects.requireNonNull(cle, "cle");
        try {
            mac = Mac.getInstance(ALGORITHME);
            mac.init(new SecretKeySpec(cle, ALGORITHME));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * A pseudonymiser with the given key.
     *
     * @throws EntreeInvalide (an {@link IllegalArgumentException}) when the key is shorter than {@value #LONGUEUR_MIN_CLE} bytes
     */
    public static Pseudonymiseur avecCle(byte[] cle) {
        Objects.requireNonNull(cle, "cle");
        if (cle.length < LONGUEUR_MIN_CLE) {
            throw new EntreeInvalide("clé de pseudonymisation trop courte : " + cle.length + " octets, il en faut au moins "
                    + LONGUEUR_MIN_CLE);
        }
        return new Pseudonymiseur(cle.clone());
    }

    /**
     * A pseudonymiser keyed by the environment variable {@value #VARIABLE_CLE}.
     *
     * @throws EntreeInvalide naming the variable when it is absent, blank or shorter than
     *     {@value #LONGUEUR_MIN_CLE} bytes
     */
    public static Pseudonymiseur depuisEnvironnement() {
        return depuisEnvironnement(System.getenv());
    }

    static Pseudonymiseur depuisEnvironnement(Map<String, String> environnement) {
        String valeur = environnement.get(VARIABLE_CLE);
        if (valeur == null || valeur.isBlank()) {
            throw new EntreeInvalide(VARIABLE_CLE, 0, "variable d'environnement absente : elle doit contenir la clé secrète"
                    + " (au moins " + LONGUEUR_MIN_CLE + " octets) qui pseudonymise les identifiants des puces de bacs"
                    + " (ou --cle-fichier FICHIER)");
        }
        byte[] cle = valeur.getBytes(StandardCharsets.UTF_8);
        if (cle.length < LONGUEUR_MIN_CLE) {
            throw new EntreeInvalide(VARIABLE_CLE, 0, "clé trop courte : " + cle.length + " octets, il en faut au moins "
                    + LONGUEUR_MIN_CLE);
        }
        return new Pseudonymiseur(cle);
    }

    /** A fresh random 256-bit key, for the demo. The caller must log that a key was generated. */
    public static byte[] genererCle() {
        byte[] cle = new byte[32];
        new SecureRandom().nextBytes(cle);
        return cle;
    }

    /** The pseudonym of {@code idClair}: 64 lowercase hex characters. */
    public String pseudonymiser(String idClair) {
        Objects.requireNonNull(idClair, "idClair");
        byte[] empreinte;
        synchronized (mac) {
            empreinte = mac.doFinal(idClair.getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(empreinte);
    }
}
