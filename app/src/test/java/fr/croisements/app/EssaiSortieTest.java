package fr.croisements.app;

import fr.croisements.datasets.TerritoireImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EssaiSortieTest {
    @Test
    void montre() throws Exception {
        for (String[] args : new String[][] {
                {"import", "--epci", "200041614", "--depuis", TerritoireImporter.dossierOfficielParDefaut().toString(), "--vers", "/tmp/essai"},
                {"import", "--depuis", TerritoireImporter.dossierOfficielParDefaut().toString(), "--vers", "/tmp/essai/livres"}}) {
            var sortie = new StringWriter();
            var erreurs = new StringWriter();
            var ligne = Croisements.ligneDeCommande();
            ligne.setOut(new PrintWriter(sortie, true));
            ligne.setErr(new PrintWriter(erreurs, true));
            int code = ligne.execute(args);
            Files.writeString(Path.of("/tmp/essai/sortie-" + args[1] + ".txt"), "code " + code + "\n" + sortie + "\n--- err\n" + erreurs);
        }
    }
}
