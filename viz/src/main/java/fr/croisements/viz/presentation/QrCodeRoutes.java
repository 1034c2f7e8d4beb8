package fr.croisements.viz.presentation;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import fr.croisements.viz.contrats.RouteDocumentee;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/qr.svg?texte=…}: the QR code of a text (the live address of a territory's map, on
 * the last slide of the presentation), drawn here by ZXing as SVG, one dark module per square, so
 * that the presentation works offline and no address leaves the room for an outside service.
 * Error correction M (15 %), a quiet zone of 4 modules as the standard asks. Stateless, thread-safe.
 */
public final class QrCodeRoutes implements EndpointGroup {

    /** Longer than any address of the map, short enough for a QR code a phone reads from the back of a room. */
    static final int LONGUEUR_MAX = 500;
    static final String SVG = "image/svg+xml; charset=utf-8";
    private static final int ZONE_CALME = 4;

    @Override
    public void addEndpoints() {
        get("/api/qr.svg", this::qr);
    }

    void qr(Context ctx) {
        String texte = ctx.queryParam("texte");
        if (texte == null || texte.isBlank()) {
            throw new BadRequestResponse("Paramètre « texte » attendu : le texte ou l'adresse à mettre dans le code QR.");
        }
        if (texte.length() > LONGUEUR_MAX) {
            throw new BadRequestResponse("Texte trop long pour un code QR lisible : " + texte.length()
                    + " caractères, " + LONGUEUR_MAX + " au plus.");
        }
        ctx.contentType(SVG).header("Cache-Control", "max-age=3600").result(svg(texte).getBytes(StandardCharsets.UTF_8));
    }

    /** The QR code of a text as an SVG image, one unit per module, quiet zone included. */
    static String svg(String texte) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(texte, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, ZONE_CALME,
                            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new BadRequestResponse("Ce texte ne tient pas dans un code QR : " + e.getMessage());
        }
        int largeur = modules.getWidth();
        int hauteur = modules.getHeight();
        var chemin = new StringBuilder();
        for (int y = 0; y < hauteur; y++) {
            for (int x = 0; x < largeur; x++) {
                if (modules.get(x, y)) {
                    chemin.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + largeur + " " + hauteur
                + "\" shape-rendering=\"crispEdges\"><title>Code QR</title><rect width=\"" + largeur + "\" height=\"" + hauteur
                + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + chemin + "\"/></svg>";
    }

    /** This route in the HTTP API's document ({@code /openapi.json}). */
    public static List<RouteDocumentee> documentation() {
        return List.of(RouteDocumentee.get("/api/qr.svg", "Le code QR d'une adresse")
                .description("Le code QR d'un texte (l'adresse de la carte en direct, sur la dernière diapositive du mode "
                        + "présentation), dessiné par le serveur en SVG : rien ne part vers un service extérieur.")
                .requete("texte", "le texte ou l'adresse à coder, " + LONGUEUR_MAX + " caractères au plus")
                .reponse(SVG, "l'image SVG du code QR, zone calme comprise")
                .erreur(400, "texte absent, trop long ou impossible à coder"));
    }
}
