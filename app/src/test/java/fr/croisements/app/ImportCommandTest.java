package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.TerritoireImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code croisements import --epci / --communes}: one command for a new territory; {@code --parkings}: the car-park packs. */
class ImportCommandTest {

    private final StringWriter sortie = new StringWriter();
    private final StringWriter erreurs = new StringWriter();

    private int executer(String... arguments) {
        CommandLine ligne = Croisements.ligneDeCommande();
        ligne.setOut(new PrintWriter(sortie, true));
        ligne.setErr(new PrintWriter(erreurs, true));
        return ligne.execute(arguments);
    }

    private static String officiels() {
        return TerritoireImporter.dossierOfficielParDefaut().toAbsolutePath().toString();
    }

    @Test
    void writes_the_pack_of_an_epci_named_after_it(@TempDir Path vers) throws Exception {
        int code = executer("import", "--epci", "245400189", "--depuis", officiels(), "--vers", vers.toString());

        Path pack = vers.resolve("pays-du-sel-et-du-vermois.geojson");
        assertThat(code).isZero();
        assertThat(sortie.toString()).contains("Pack écrit : " + pack);
        assertThat(Files.readString(pack)).contains("\"nom\":\"Communauté de communes des Pays du Sel et du Vermois\"");
    }

    @Test
    void takes_a_list_of_communes_with_a_name_and_an_id(@TempDir Path vers) {
        int code = executer("import", "--communes", "54159,54483", "--nom", "Dombasle et Saint-Nicolas", "--id", "sel",
                "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(vers.resolve("sel.geojson")).exists();
    }

    @Test
    void explains_an_unknown_epci_without_a_stack_trace(@TempDir Path vers) {
        int code = executer("import", "--epci", "200000000", "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).startsWith("Erreur : ").contains("communes_dep_17_54_86_92.csv : aucune commune de"
                + " l'EPCI 200000000").doesNotContain("Exception", "\tat ");
    }

    @Test
    void parkings_writes_the_car_park_pack_of_each_shipped_territory_that_has_car_parks(@TempDir Path vers) throws Exception {
        int code = executer("import", "--parkings", "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(sortie.toString()).contains("Pack de parkings écrit : " + vers.resolve("grand-poitiers.geojson"),
                "Pack de parkings écrit : " + vers.resolve("la-rochelle.geojson"));
        assertThat(Files.readString(vers.resolve("la-rochelle.geojson"))).contains("\"territoire\":\"la-rochelle\"",
                "\"nom\":\"Les Greffières\"", "\"millesime\":\"2024\"", "\"licence\":\"Licence Ouverte 2.0\"");
        assertThat(executer("import", "--parkings", "--epci", "245400189")).isEqualTo(2);
        assertThat(erreurs.toString()).contains("--parkings ne va pas avec --epci");
    }

    @Test
    void refuses_a_name_without_a_new_territory_and_an_invalid_siren() {
        assertThat(executer("import", "--nom", "Sans EPCI")).isEqualTo(2);
        assertThat(executer("import", "--epci", "12345")).isEqualTo(2);
        assertThat(erreurs.toString()).contains("--nom et --id vont avec --epci ou --communes",
                "SIREN d'EPCI invalide : « 12345 » (9 chiffres attendus)", "Pour l'aide : croisements import --help");
    }

    @Test
    void ends_with_the_number_of_packs_written_agreed_in_french(@TempDir Path vers) {
        int code = executer("import", "--depuis", officiels(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(sortie.toString()).contains("4 packs écrits dans " + vers);
    }
}
