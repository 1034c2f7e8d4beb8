package fr.croisements.app;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Perimetre;
import fr.croisements.datasets.TerritoireImporter;
import fr.croisements.datasets.Territoire;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A fifth territory in two commands: import it, then show it with --packs. */
class OptionsTerritoiresTest {

    @TempDir
    Path packs;

    @Test
    @DonneesOfficiellesRequises
    void aPackImportedForAnotherEpciIsShownBesideTheFourBundledTerritories() {
        TerritoireImporter.ecrire(TerritoireImporter.dossierOfficielParDefaut(), Perimetre.epci("245400189"), packs);
        var demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--packs", packs.toString());

        var territoires = demo.packs.territoires();

        assertThat(territoires).hasSize(5);
        assertThat(territoires).extracting(Territoire::id).startsWith("antony", "bassin-de-pompey", "grand-poitiers", "la-rochelle");
        Territoire nouveau = territoires.get(4);
        assertThat(nouveau.epciSiren()).isEqualTo("245400189");
        assertThat(nouveau.communes()).hasSize(16);
    }

    @Test
    void withoutPacksTheMapShowsTheFourBundledTerritories() {
        var demo = new DemoCommand();
        new CommandLine(demo).parseArgs();
        assertThat(demo.packs.territoires()).hasSize(4);
    }
}
