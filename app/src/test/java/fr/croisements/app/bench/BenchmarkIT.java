package fr.croisements.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of {@code croisements benchmark} on a small input (one week, three probes, two map clients
 * for a second): every row of the table is printed with a figure, each stage alone included, and the
 * pipeline's cells (and each stage's output) add up to the lifts replayed. Speed itself is never asserted.
 */
class BenchmarkIT {

    @Test
    void leBancDEssaiImprimeChaqueLigneDeSonTableau() throws Exception {
        var resultat = new Benchmark(1, 42, 2).avecSondes(3)
                .avecCarte(new ChargeCarte(2, Duration.ofSeconds(1), Duration.ZERO)).executer();
        String tableau = resultat.tableau();

        assertThat(resultat.verifie()).isTrue();
        assertThat(resultat.levees()).isPositive();
        // the first probe waits for the subscription and is not counted; each other one must reach the map's
        // subscription (each waits up to 30 s: a lost probe is a cell that never reached the live feed)
        assertThat(resultat.versCarte().perdues()).as(tableau).isZero();
        assertThat(resultat.versCarte().mesurees()).as(tableau).isEqualTo(2);
        assertThat(resultat.picTasOctets()).isPositive();
        assertThat(tableau).contains(
                "| broker brut (produire puis consommer, même sérialisation) |",
                "| ingestion (produire dechets-levees)",
                "| pipeline entier (Kafka Streams jusqu'aux cellules validées) |",
                "| levée publiée → événement SSE de sa cellule (",
                "| GeoJSON des communes, gzip ",
                "| réponse de même taille, gzip (référence)",
                "| GeoJSON des communes, gzip + If-None-Match",
                "démarrage à froid (Kafka Streams RUNNING et serveur web qui répond) : ",
                "pic du tas : ",
                "mémoire résidente du processus : ",
                "vérification (somme des levées des cellules = levées rejouées) : OK",
                "machine : ");
        // each stage alone: its own row, with a rate and a ratio, having counted every lift of the topic
        assertThat(resultat.etapes()).extracting(Benchmark.Etape::libelle)
                .containsExactly(EtapesSeules.LIRE, EtapesSeules.LOCALISER, EtapesSeules.FENETRE, EtapesSeules.CROISEMENT);
        assertThat(resultat.etapes()).allSatisfy(e -> {
            assertThat(e.complete()).as(e.libelle()).isTrue();
            assertThat(e.levees()).as(e.libelle()).isEqualTo(resultat.levees());
            assertThat(tableau).as(e.libelle()).containsPattern(
                    "\\| " + java.util.regex.Pattern.quote(e.libelle()) + " +\\| +\\d+ \\| +\\d+\\.\\d\\d \\|");
        });
        assertThat(tableau).contains("étapes seules du taux de présentation : chacune son application Kafka Streams");
    }
}
