package fr.croisements.ingest.fuzz;

import fr.croisements.datasets.Mutations;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import fr.croisements.ingest.waste.LeveesCsvAdapter;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fuzzing of the bin-lift CSV adapter (issue #13): damaged copies of the project's own exports. Every
 * data line read is either published or rejected with a French reason and its line; nothing else is
 * published; no exception escapes.
 */
class LeveesCsvFuzzTest {

    private static final String SOURCE = "levees.csv";
    private static final Pseudonymiseur PSEUDONYMISEUR =
            Pseudonymiseur.avecCle("clé de test du fuzzing, 32 octets...".getBytes(StandardCharsets.UTF_8));
    private static final Controles.Comptes COMPTES = new Controles.Comptes("levées CSV (LeveesCsvAdapter)");
    private static Level niveau;
    // one pair of producers for the suite (a serializer is costly to build), emptied before each try
    private static final MockProducer<String, LeveeBac> LEVEES =
            new MockProducer<>(true, null, new StringSerializer(), Topics.DECHETS_LEVEES.valueSerde().serializer());
    private static final MockProducer<String, Rejet> REJETS =
            new MockProducer<>(true, null, new StringSerializer(), Topics.REJETS.valueSerde().serializer());

    @BeforeContainer
    static void silence() {
        niveau = Controles.silence();
    }

    @AfterContainer
    static void imprimer() {
        Controles.retablir(niveau);
        COMPTES.imprimer();
    }

    @Provide
    Arbitrary<Mutations.Entree> entrees() {
        return Mutations.depuisRessources(false, 20_000, "fuzz/levees-point-virgule.csv", "fuzz/levees-virgule.csv")
                .entrees();
    }

    // a fixed seed keeps CI reproducible (take it out to explore other inputs; a failing seed is printed)
    @Property(seed = "-1255263066472263895", tries = 10_000, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void chaque_ligne_est_publiee_ou_rejetee_avec_sa_raison(@ForAll("entrees") Mutations.Entree entree) throws IOException {
        var levees = LEVEES;
        var rejets = REJETS;
        levees.clear();
        rejets.clear();

        Bilan bilan = new LeveesCsvAdapter(PSEUDONYMISEUR)
                .publier(new ByteArrayInputStream(entree.octets()), SOURCE, levees, rejets);

        List<LeveeBac> publiees = levees.history().stream().map(ProducerRecord::value).toList();
        List<Rejet> rejetees = rejets.history().stream().map(ProducerRecord::value).toList();
        assertThat(publiees).hasSize((int) bilan.publies());
        assertThat(rejetees).hasSize((int) bilan.rejetes());
        Controles.rejets(rejetees, SOURCE);
        boolean fichierRejete = rejetees.stream().anyMatch(r -> r.position().equals(SOURCE + ":1"));
        if (fichierRejete) {
            assertThat(publiees).isEmpty();
            assertThat(rejetees).hasSize(1);
            Statistics.collect("fichier entier rejeté");
        } else {
            long lignes = lignesDeDonnees(entree.octets());
            assertThat(bilan.lus()).isEqualTo(lignes);
            assertThat(bilan.publies() + bilan.rejetes()).isEqualTo(lignes);
            Statistics.collect(bilan.rejetes() == 0 ? "tout publié" : bilan.publies() == 0 ? "tout rejeté" : "en partie");
        }
        for (LeveeBac levee : publiees) {
            assertThat(levee.idBac()).matches("[0-9a-f]{64}");
            assertThat(levee.longitude()).isBetween(-180.0, 180.0);
            assertThat(levee.latitude()).isBetween(-90.0, 90.0);
            assertThat(levee.flux()).matches("[A-Z0-9_-]{1,32}");
            assertThat(levee.poidsKg() == null || levee.poidsKg() >= 0 && Double.isFinite(levee.poidsKg())).isTrue();
            assertThat(levee.simule()).isFalse();
        }
        COMPTES.entrees.incrementAndGet();
        COMPTES.unites.addAndGet(bilan.lus());
        COMPTES.publies.addAndGet(bilan.publies());
        COMPTES.rejetes.addAndGet(bilan.rejetes());
    }

    /** The data lines, counted apart from the adapter: the non-blank lines after the first. */
    private static long lignesDeDonnees(byte[] octets) throws IOException {
        var lecteur = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(octets), StandardCharsets.UTF_8));
        lecteur.readLine();
        return lecteur.lines().filter(l -> !l.isBlank()).count();
    }
}
