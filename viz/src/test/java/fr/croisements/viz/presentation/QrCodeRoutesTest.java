package fr.croisements.viz.presentation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.viz.Fixtures;
import fr.croisements.viz.ServeurDeTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/qr.svg}: a QR code a reader decodes back to the text asked, and French errors for a bad request. */
class QrCodeRoutesTest {

    private static ServeurDeTest serveur;

    @BeforeAll
    static void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST));
    }

    @AfterAll
    static void arreter() {
        serveur.close();
    }

    @Test
    void drawsAQrCodeThatReadsBackAsTheAddressWithItsAccentsAndParameters() throws Exception {
        String adresse = "http://192.168.1.20:7070/carte.html?territoire=grand-poitiers&indicateur=exposition-chaleur-75-plus#é";

        var reponse = serveur.get("/api/qr.svg?texte=" + URLEncoder.encode(adresse, StandardCharsets.UTF_8));

        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValue(QrCodeRoutes.SVG);
        assertThat(reponse.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<title>Code QR</title>");
        assertThat(CodesQr.lire(reponse.body())).isEqualTo(adresse);
    }

    @Test
    void refusesAMissingOrTooLongTextInFrench() {
        var sans = serveur.get("/api/qr.svg");
        assertThat(sans.statusCode()).isEqualTo(400);
        assertThat(sans.body()).contains("Paramètre « texte » attendu");

        var long_ = serveur.get("/api/qr.svg?texte=" + "a".repeat(QrCodeRoutes.LONGUEUR_MAX + 1));
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(long_.body()).contains("Texte trop long pour un code QR lisible : 501 caractères, 500 au plus.");
    }
}
