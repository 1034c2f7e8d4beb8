package fr.croisements.app;

import fr.croisements.datasets.BilanImport;
import fr.croisements.datasets.FichiersOfficiels;
import fr.croisements.datasets.NatureFichier;
import fr.croisements.datasets.ParkingImporter;
import fr.croisements.datasets.Perimetre;
import fr.croisements.datasets.TerritoireImporter;
import fr.croisements.ingest.Pluriel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code croisements import}: regenerates the shipped territory packs from the official files, or,
 * with {@code --epci} and/or {@code --communes}, builds the pack of another territory; with
 * {@code --parkings}, regenerates the shipped car-park packs. The official files are recognised by
 * their content ({@link FichiersOfficiels}); the command says what it recognised before importing,
 * what it reads as it goes (with the time taken), then what the packs lack and why ({@link BilanImport}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Génère les packs de territoires (contours, chiffres Insee et leurs sources) depuis les fichiers officiels.",
                "Les fichiers sont reconnus à leur contenu (en-tête d'un CSV, structure d'un JSON), quels que soient leurs noms ;"
                        + " seuls la liste des communes et les contours sont obligatoires.",
                "Sans --epci ni --communes : les territoires livrés (liste de communes avec une colonne territoire).",
                "Avec --epci et/ou --communes : un nouveau territoire, pris dans la liste des communes.",
                "Avec --parkings : les packs de parkings des territoires livrés, depuis les fichiers du schéma stationnement de parking/."})
final class ImportCommand implements Callable<Integer> {

    static final String VERS_PAR_DEFAUT = "datasets/src/main/resources/fr/croisements/datasets/territoires";
    static final String VERS_PARKINGS_PAR_DEFAUT = "datasets/src/main/resources/fr/croisements/datasets/parkings";

    @Spec
    CommandSpec spec;

    @Option(names = "--depuis", paramLabel = "DOSSIER", description = "Dossier des fichiers officiels, lu avec ses sous-dossiers"
            + " (défaut : ../shared/datasets, ou la variable CROISEMENTS_DONNEES_OFFICIELLES ; aucun quand seul --fichier est donné).")
    Path depuis;

    @Option(names = "--fichier", paramLabel = "NATURE=CHEMIN",
            description = {"Un fichier officiel et sa nature, sans se fier à la reconnaissance (répétable ; remplace les"
                    + " fichiers de cette nature trouvés dans --depuis).",
                    "NATURE : communes, territoires, epci, comparateur, dossier-complet, filosofi-communes, filosofi-iris,"
                            + " contours, contours-iris ou chiffres-iris."})
    List<String> fichiers;

    @Option(names = "--vers", paramLabel = "DOSSIER", description = "Dossier où écrire les packs (défaut : " + VERS_PAR_DEFAUT
            + " ; avec --epci ou --communes, le dossier courant ; avec --parkings, " + VERS_PARKINGS_PAR_DEFAUT + ").")
    Path vers;

    @Option(names = "--parkings", description = "Génère les packs de parkings des territoires livrés (un fichier par "
            + "territoire) au lieu des packs de territoires.")
    boolean parkings;

    @Option(names = "--epci", paramLabel = "SIREN", description = "Un nouveau territoire : les communes de cet EPCI.")
    String epci;

    @Option(names = "--communes", split = ",", paramLabel = "CODE",
            description = "Un nouveau territoire : ces communes (codes Insee séparés par des virgules), ajoutées à celles de --epci.")
    List<String> communes;

    @Option(names = "--nom", paramLabel = "NOM", description = "Nom du nouveau territoire (défaut : celui de l'EPCI, ou « Ville de … »).")
    String nom;

    @Option(names = "--id", paramLabel = "IDENTIFIANT", description = "Identifiant du nouveau territoire, nom du fichier (défaut : tiré du nom, "
            + "par exemple pays-du-sel-et-du-vermois).")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean nouveau = epci != null || (communes != null && !communes.isEmpty());
        if (parkings) {
            if (nouveau || nom != null || id != null || fichiers != null) {
                throw new ParameterException(spec.commandLine(),
                        "--parkings ne va pas avec --epci, --communes, --nom, --id ni --fichier");
            }
            Path source = depuis != null ? depuis : TerritoireImporter.dossierOfficielParDefaut();
            var packs = ParkingImporter.ecrire(source, vers != null ? vers : Path.of(VERS_PARKINGS_PAR_DEFAUT));
            packs.forEach(p -> out.printf("Pack de parkings écrit : %s%n", p));
            return packs.isEmpty() ? 1 : 0;
        }
        if (!nouveau && (nom != null || id != null)) {
            throw new ParameterException(spec.commandLine(), "--nom et --id vont avec --epci ou --communes.");
        }
        Perimetre perimetre = nouveau ? perimetre() : null;
        List<Imposition> impositions = impositions();

        // an official file missing or unusable is an EntreeInvalide naming it: ErreursExecution says so
        FichiersOfficiels officiels = depuis != null || impositions.isEmpty()
                ? FichiersOfficiels.reconnaitre(depuis != null ? depuis : TerritoireImporter.dossierOfficielParDefaut())
                : FichiersOfficiels.aucun();
        for (Imposition imposition : impositions) {
            officiels = officiels.imposer(imposition.nature(), imposition.chemin());
        }
        officiels.compteRendu(nouveau ? TerritoireImporter.REQUISES_NOUVEAU : TerritoireImporter.REQUISES_LIVRES)
                .forEach(out::println);
        out.flush();
        var suivi = new Suivi(out);
        BilanImport bilan = nouveau
                ? TerritoireImporter.importer(officiels, perimetre, vers != null ? vers : Path.of("."), suivi)
                : TerritoireImporter.importerLivres(officiels, vers != null ? vers : Path.of(VERS_PAR_DEFAUT), suivi);
        bilan.packs().forEach(p -> out.printf("Pack écrit : %s%n", p));
        bilan.texte().forEach(out::println);
        if (!nouveau) {
            out.println(Pluriel.de(bilan.packs().size(), "pack écrit", "packs écrits") + " dans "
                    + (vers != null ? vers : Path.of(VERS_PAR_DEFAUT)) + ".");
        }
        return bilan.packs().isEmpty() ? 1 : 0;
    }

    private Perimetre perimetre() {
        try {
            return new Perimetre(epci, communes, id, nom);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
        }
    }

    /** A file imposed as a nature: {@code --fichier NATURE=CHEMIN}. */
    record Imposition(NatureFichier nature, Path chemin) {}

    /** The {@code --fichier} options, read; a wrong one is a wrong command line, said in French. */
    List<Imposition> impositions() {
        if (fichiers == null) {
            return List.of();
        }
        return fichiers.stream().map(option -> {
            int egal = option.indexOf('=');
            if (egal <= 0 || egal == option.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--fichier attend NATURE=CHEMIN, par exemple"
                        + " --fichier dossier-complet=dossier_complet.csv (reçu : « " + option + " »).");
            }
            String mot = option.substring(0, egal);
            NatureFichier nature = NatureFichier.duMot(mot).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "nature de fichier inconnue « " + mot + " » dans --fichier (natures : " + NatureFichier.mots() + ")."));
            return new Imposition(nature, Path.of(option.substring(egal + 1)));
        }).toList();
    }

    /** The progress lines of the import, printed as they come. */
    private record Suivi(PrintWriter out) implements Consumer<String> {
        @Override
        public void accept(String ligne) {
            out.println(ligne);
            out.flush();
        }
    }
}
