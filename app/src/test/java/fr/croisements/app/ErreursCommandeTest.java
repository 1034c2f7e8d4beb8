package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue #13, item 6: a user error during {@code import} or {@code ingest} ends with one French
 * message naming the file and the line, a non-zero exit code, and no stack trace unless {@code --debug}.
 * None of these reach Kafka: the files are refused before anything is sent.
 */
class ErreursCommandeTest {

    private final StringWriter sortie = new StringWriter();
    private final StringWriter erreurs = new StringWriter();

    @TempDir
    Path dossier;

    private int executer(String... arguments) {
        CommandLine ligne = Croisements.ligneDeCommande();
        ligne.setOut(new PrintWriter(sortie, true));
        ligne.setErr(new PrintWriter(erreurs, true));
        return ligne.execute(arguments);
    }

    /** An official folder whose list of territory communes lacks its territoire column. */
    private Path officielsSansColonne() throws Exception {
        Path insee = Files.createDirectories(dossier.resolve("officiels/insee"));
        Files.writeString(insee.resolve("communes_territoires.csv"), "code_insee;nom;departement;epci_siren;epci_nom\n54395;Nancy;54;245400676;Métropole du Grand Nancy\n",
                StandardCharsets.UTF_8);
        return dossier.resolve("officiels");
    }

    /** A devices file whose line 3 has a DevEUI of 8 characters. */
    private Path appareilsFaux() throws Exception {
        return Files.writeString(dossier.resolve("appareils.csv"),
                "dev_eui,modele\n24E124136B316361,milesight-em500-co2\n24E12413,milesight-em500-co2\n", StandardCharsets.UTF_8);
    }

    private void sansPileDAppels() {
        assertThat(erreurs.toString()).doesNotContain("\tat ", "at fr.croisements", "Exception", "Caused by");
    }

    /**
     * Files are recognised by their header (issue #9): a list without its territoire column is read as a
     * plain list of communes, so the shipped territories lack theirs; given as that list, it is refused
     * naming its line and the column.
     */
    @Test
    void aMissingColumnInAnOfficialFileStopsTheImportNamingTheFileAndLine() throws Exception {
        Path officiels = officielsSansColonne();
        Path liste = officiels.resolve("insee/communes_territoires.csv");

        int code = executer("import", "--depuis", officiels.toString(), "--vers", dossier.resolve("packs").toString());
        int impose = executer("import", "--depuis", officiels.toString(), "--fichier", "territoires=" + liste,
                "--vers", dossier.resolve("packs").toString());

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(impose).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).isEqualTo(String.format("Erreur : %s : aucun fichier « communes des territoires"
                + " livrés » reconnu : ajouter la liste des communes des territoires livrés (communes_territoires.csv,"
                + " colonne territoire) (ou l'indiquer avec --fichier territoires=CHEMIN)%n"
                + "Erreur : %s:1 : ne se lit pas comme « communes des territoires livrés » (--fichier territoires) :"
                + " colonne manquante : territoire (colonnes lues : code_insee, nom, departement, epci_siren, epci_nom)%n",
                officiels, liste));
        assertThat(sortie.toString()).contains("  insee/communes_territoires.csv → communes : liste des communes");
        sansPileDAppels();
    }

    @Test
    void anUnusableLineOfTheDevicesFileStopsTheIngestionNamingTheFileAndLine() throws Exception {
        Path messages = Files.writeString(dossier.resolve("messages.json"), "{}\n");

        int code = executer("ingest", "tts", messages.toString(), "--appareils", appareilsFaux().toString(),
                "--bootstrap-servers", "localhost:9092");

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).isEqualTo(String.format(
                "Erreur : appareils.csv:3 : DevEUI invalide : « 24E12413 » (16 caractères hexadécimaux attendus)%n"));
        sansPileDAppels();
    }

    @Test
    void aFileThatDoesNotExistIsNamedInFrench() throws Exception {
        Path cle = Files.writeString(dossier.resolve("cle"), "une-cle-de-test-assez-longue");
        Path absent = dossier.resolve("absent.csv");

        // the producers are created but never reach a broker: the file is opened first
        int code = executer("ingest", "dechets", absent.toString(), "--cle-fichier", cle.toString(),
                "--bootstrap-servers", "localhost:9");

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).isEqualTo(String.format("Erreur : fichier ou dossier introuvable : %s%n", absent));
        sansPileDAppels();
    }

    @Test
    void aKeyFileTooShortIsNamed() throws Exception {
        Path cle = Files.writeString(dossier.resolve("cle"), "courte");

        int code = executer("ingest", "dechets", "levees.csv", "--cle-fichier", cle.toString(), "--bootstrap-servers", "localhost:9");

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).isEqualTo(String.format(
                "Erreur : %s : clé de pseudonymisation trop courte : 6 octets, il en faut au moins 16%n", cle));
        sansPileDAppels();
    }

    @Test
    void withDebugTheStackTraceFollowsTheMessage() throws Exception {
        Path officiels = officielsSansColonne();

        int apres = executer("import", "--debug", "--depuis", officiels.toString(), "--vers", dossier.toString(),
                "--fichier", "territoires=" + officiels.resolve("insee/communes_territoires.csv"));
        int avant = executer("--debug", "ingest", "tts", "m.json", "--appareils", appareilsFaux().toString(),
                "--bootstrap-servers", "localhost:9092");

        assertThat(apres).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(avant).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString())
                .contains("Erreur : " + officiels.resolve("insee/communes_territoires.csv") + ":1 : ne se lit pas comme")
                .contains("fr.croisements.events.EntreeInvalide: ", "\tat fr.croisements.datasets.FichiersOfficiels.imposer(",
                        "Erreur : appareils.csv:3 : DevEUI invalide", "\tat fr.croisements.ingest.lora.Appareils.lire(");
    }

    @Test
    void anUnexpectedErrorAdvisesToRunAgainWithDebug() {
        var ligne = new CommandLine(new Croisements());
        ligne.setErr(new PrintWriter(erreurs, true));

        int code = new ErreursExecution().handleExecutionException(new IllegalStateException("état impossible"), ligne, null);

        assertThat(code).isEqualTo(Croisements.ENTREE_INUTILISABLE);
        assertThat(erreurs.toString()).isEqualTo(String.format("Erreur inattendue (IllegalStateException) : état impossible%n"
                + "Relancez la commande avec --debug pour voir le détail technique (à joindre si vous signalez ce problème).%n"));
    }
}
