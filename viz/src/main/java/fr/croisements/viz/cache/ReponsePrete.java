package fr.croisements.viz.cache;

import fr.croisements.streams.query.Provenance;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * One answer ready to send: its bytes, their ETag (a hash of the bytes) and, made on first need and kept,
 * their gzip. {@link #envoyer} writes it with {@code ETag}, {@code Vary: Accept-Encoding} and
 * {@code Cache-Control: no-cache} (a browser asks again each time, with {@code If-None-Match}), compressed
 * when the client accepts gzip; Javalin answers 304 without a body when {@code If-None-Match} is the ETag
 * sent. An answer built partly from standby replicas ({@link Provenance}) has an ETag of its own, and notes
 * its provenance on the thread that sends it (the server then says so in its headers). Thread-safe.
 */
final class ReponsePrete {

    private static final String GZIP = "gzip";

    private final byte[] octets;
    private final String etag;
    private final Provenance provenance;
    private volatile byte[] gzip;

    private ReponsePrete(byte[] octets, String etag, Provenance provenance) {
        this.octets = octets;
        this.etag = etag;
        this.provenance = provenance;
    }

    static ReponsePrete de(byte[] octets) {
        return de(octets, Provenance.ACTIVES);
    }

    static ReponsePrete de(byte[] octets, Provenance provenance) {
        try {
            byte[] empreinte = MessageDigest.getInstance("SHA-256").digest(octets);
            String etag = HexFormat.of().formatHex(Arrays.copyOf(empreinte, 16)) + (provenance.ordinaire() ? "" : "-secours");
            return new ReponsePrete(octets, etag, provenance);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Writes the answer; the caller has set its content type (and any other header). */
    void envoyer(Context ctx) {
        Provenance.noter(provenance);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("Cache-Control", "no-cache");
        if (accepteGzip(ctx.header("Accept-Encoding"))) {
            // a representation of its own, so an ETag of its own; Javalin does not compress it again
            ctx.header("ETag", '"' + etag + "-gzip\"");
            ctx.header("Content-Encoding", GZIP);
            ctx.result(gzip());
        } else {
            ctx.header("ETag", '"' + etag + '"');
            ctx.result(octets);
        }
    }

    byte[] octets() {
        return octets;
    }

    Provenance provenance() {
        return provenance;
    }

    private byte[] gzip() {
        byte[] compresse = gzip;
        if (compresse == null) {
            // two threads may compress at once the first time: the same bytes either way
            compresse = compresser(octets);
            gzip = compresse;
        }
        return compresse;
    }

    /** Whether {@code Accept-Encoding} lists gzip with a quality above zero (Jetty's parser of quality lists). */
    static boolean accepteGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        var valeurs = new QuotedQualityCSV();
        valeurs.addValue(acceptEncoding);
        return valeurs.getValues().stream().anyMatch(GZIP::equalsIgnoreCase);
    }

    private static byte[] compresser(byte[] octets) {
        var sortie = new ByteArrayOutputStream(octets.length / 4 + 64);
        try (var gzip = new GZIPOutputStream(sortie)) {
            gzip.write(octets);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return sortie.toByteArray();
    }
}
