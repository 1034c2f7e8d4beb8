package fr.croisements.ingest.fuzz;

import fr.croisements.datasets.Mutations;
import ch.qos.logback.classic.Level;
import fr.croisements.ingest.parking.OccupationAdapter;
import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the occupation CSV (OccupationAdapter) adapter (issue #13): damaged copies of the project's own samples. Every
 * observation read is published or rejected with a French reason and its line; nothing else is
 * published; no exception escapes.
 */
class OccupationCsvFuzzTest {

    private static final Controles.Comptes COMPTES = new Controles.Comptes("occupation CSV (OccupationAdapter)");
    private static final OccupationFuzz FUZZ = new OccupationFuzz();
    private static Level niveau;

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
        return Mutations.depuisRessources(false, 20_000, "fuzz/occupation.csv", "fuzz/occupation-montpellier.csv", "fuzz/occupation-colonnes.csv").entrees();
    }

    // a fixed seed keeps CI reproducible (take it out to explore other inputs; a failing seed is printed)
    @Property(seed = "8694016469717868959", tries = 10_000, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void chaque_releve_est_publie_ou_rejete_avec_sa_raison(@ForAll("entrees") Mutations.Entree entree) throws IOException {
        OccupationAdapter adaptateur = entree.echantillon().endsWith("colonnes.csv")
                ? OccupationFuzz.AVEC_COLONNES : OccupationFuzz.ADAPTATEUR;
        FUZZ.verifier(adaptateur, "occupation.csv", OccupationAdapter.Format.CSV, entree, COMPTES);
    }
}
