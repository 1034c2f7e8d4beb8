package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue #13, item 4: the help and the messages of a wrong command line are in French, for every command. */
class LigneDeCommandeEnFrancaisTest {

    /** picocli's built-in English, as it would appear without our resource bundle and handler. */
    private static final List<String> ANGLAIS = List.of("Show this help", "Print version", "Usage:", "Commands:",
            "[COMMAND]", "Default:", "Unknown option", "Missing required", "Invalid value", "Did you mean",
            "Possible solutions", "Unmatched argument", "Expected parameter", "Try '", "should be specified only once");

    @TempDir
    Path dossier;

    private final StringWriter sortie = new StringWriter();
    private final StringWriter erreurs = new StringWriter();

    private int executer(String... arguments) {
        CommandLine ligne = Croisements.ligneDeCommande();
        ligne.setOut(new PrintWriter(sortie, true));
        ligne.setErr(new PrintWriter(erreurs, true));
        return ligne.execute(arguments);
    }

    private static List<String> commandes() {
        var commandes = new ArrayList<>(Croisements.ligneDeCommande().getSubcommands().keySet());
        assertThat(commandes).contains("demo", "run", "ingest", "import", "benchmark", "catalogue");
        return commandes;
    }

    @Test
    void theHelpOfTheRootCommandAndOfEverySubcommandIsInFrench() {
        assertThat(executer("--help")).isZero();
        for (String commande : commandes()) {
            assertThat(executer(commande, "--help")).as(commande).isZero();
        }

        String aide = sortie.toString();
        assertThat(aide).doesNotContain(ANGLAIS);
        assertThat(aide).contains("Utilisation : croisements [-hV] [--debug] [COMMANDE]", "Commandes :",
                "Affiche cette aide et s'arrête.", "Affiche la version et s'arrête.", "Options :", "Codes de sortie :");
        for (String commande : commandes()) {
            assertThat(aide).contains("Utilisation : croisements " + commande);
        }
        assertThat(erreurs.toString()).isEmpty();
    }

    @Test
    void anUnknownOptionIsExplainedInFrenchWithTheHelpOfItsCommand() {
        int code = executer("ingest", "--inconnue", "dechets", "f.csv", "--bootstrap-servers", "localhost:9092");

        assertThat(code).isEqualTo(2);
        assertThat(erreurs.toString()).isEqualTo(String.format("Option inconnue : « --inconnue ».%n"
                + "Pour l'aide : croisements ingest --help%n"));
        assertThat(sortie.toString()).isEmpty();
    }

    @Test
    void aMistypedOptionOrCommandGetsASuggestion() {
        assertThat(executer("demo", "--prot", "8080")).isEqualTo(2);
        assertThat(executer("injest")).isEqualTo(2);

        assertThat(erreurs.toString()).contains("Option inconnue : « --prot » (puis « 8080 »).",
                "Commande inconnue : « injest ». Vouliez-vous dire : ingest", "Pour l'aide : croisements --help");
    }

    @Test
    void missingAndInvalidValuesAreExplainedInFrench() {
        assertThat(executer("ingest", "dechets", "f.csv")).isEqualTo(2);
        assertThat(executer("ingest", "dechets", "--bootstrap-servers", "localhost:9092")).isEqualTo(2);
        assertThat(executer("ingest")).isEqualTo(2);
        assertThat(executer("demo", "--port", "huit")).isEqualTo(2);
        assertThat(executer("catalogue", "--format", "pdf")).isEqualTo(2);
        assertThat(executer("demo", "--debut", "30/06/2025")).isEqualTo(2);
        assertThat(executer("demo", "--port")).isEqualTo(2);
        assertThat(executer("demo", "--port", "1", "--port", "2")).isEqualTo(2);
        // checked before the embedded broker starts
        assertThat(executer("demo", "--territoire", "atlantide", "--donnees", dossier.toString())).isEqualTo(2);
        assertThat(executer("demo", "--scenario", "deluge", "--donnees", dossier.toString())).isEqualTo(2);

        assertThat(erreurs.toString()).contains(
                "Option obligatoire manquante : --bootstrap-servers (Adresse du cluster Kafka, HOTE:PORT[,...])",
                "Paramètre obligatoire manquant : <fichier> (Fichier à publier, ou - pour l'entrée standard)",
                "Paramètre obligatoire manquant : <adaptateur> (Adaptateur : dechets, tts,",
                "Valeur invalide pour --port : « huit » (nombre entier attendu).",
                "Valeur invalide pour --format : « pdf » (valeurs possibles : jsonld, texte, datagouv).",
                "Valeur invalide pour --debut : « 30/06/2025 » (date attendue, AAAA-MM-JJ).",
                "L'option --port attend une valeur (nombre entier attendu).",
                "Option donnée deux fois : --port",
                "Territoire inconnu : « atlantide » (territoires disponibles : antony, bassin-de-pompey,",
                "Scénario inconnu : « deluge » (normal ou canicule).");
        assertThat(erreurs.toString()).doesNotContain(ANGLAIS);
    }

    @Test
    void aColonneOfAnUnknownRoleOrForAnotherAdapterIsAWrongCommandLine() {
        String kafka = "localhost:9092";
        // checked before any file is read or any broker is reached
        assertThat(executer("ingest", "occupation", "f.csv", "--bootstrap-servers", kafka, "--colonne", "longitude=x")).isEqualTo(2);
        assertThat(executer("ingest", "stationnement", "f.csv", "--bootstrap-servers", kafka, "--colonne", "free=libres")).isEqualTo(2);
        assertThat(executer("ingest", "dechets", "f.csv", "--bootstrap-servers", kafka, "--colonne", "id=puce")).isEqualTo(2);
        assertThat(executer("ingest", "occupation", "f.csv", "--bootstrap-servers", kafka, "--colonne", "places-libres")).isEqualTo(2);

        assertThat(erreurs.toString()).contains(
                "Rôle inconnu pour l'adaptateur occupation : « longitude » dans --colonne longitude=x (rôles : id, instant,"
                        + " date, heure, places-libres, occupees, capacite, statut).",
                "Rôle inconnu pour l'adaptateur stationnement : « free » dans --colonne free=libres (rôles : id, nom,"
                        + " longitude, latitude, capacite, insee).",
                "--colonne ne s'applique qu'aux adaptateurs stationnement, occupation et horodateurs.",
                "Valeur invalide pour --colonne : « places-libres » (ROLE=NOM attendu).");
        assertThat(erreurs.toString()).doesNotContain(ANGLAIS).doesNotContain("KEY=VALUE");
    }

    @Test
    void theVersionIsPrinted() {
        assertThat(executer("--version")).isZero();
        assertThat(sortie.toString()).startsWith("croisements ");
    }
}
