package fr.croisements.app;

import fr.croisements.datasets.ParkingImporter;
import fr.croisements.datasets.Perimetre;
import fr.croisements.datasets.TerritoireImporter;
import fr.croisements.ingest.Pluriel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code croisements import}: regenerates the shipped territory packs from the official files, or,
 * with {@code --epci} and/or {@code --communes}, builds the pack of another territory; with
 * {@code --parkings}, regenerates the shipped car-park packs.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Génère les packs de territoires (contours, chiffres Insee et leurs sources) depuis les fichiers officiels.",
                "Sans --epci ni --communes : les territoires de insee/communes_territoires.csv.",
                "Avec --epci et/ou --communes : un nouveau territoire, pris dans insee/communes_dep_*.csv.",
                "Avec --parkings : les packs de parkings des territoires livrés, depuis les fichiers du schéma stationnement de parking/."})
final class ImportCommand implements Callable<Integer> {

    static final String VERS_PAR_DEFAUT = "datasets/src/main/resources/fr/croisements/datasets/territoires";
    static final String VERS_PARKINGS_PAR_DEFAUT = "datasets/src/main/resources/fr/croisements/datasets/parkings";

    @Spec
    CommandSpec spec;

    @Option(names = "--depuis", paramLabel = "DOSSIER", description = "Dossier des fichiers officiels (défaut : ../shared/datasets, "
            + "ou la variable CROISEMENTS_DONNEES_OFFICIELLES).")
    Path depuis;

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
        Path source = depuis != null ? depuis : TerritoireImporter.dossierOfficielParDefaut();
        boolean nouveau = epci != null || (communes != null && !communes.isEmpty());
        if (parkings) {
            if (nouveau || nom != null || id != null) {
                throw new ParameterException(spec.commandLine(), "--parkings ne va pas avec --epci, --communes, --nom ni --id");
            }
            var packs = ParkingImporter.ecrire(source, vers != null ? vers : Path.of(VERS_PARKINGS_PAR_DEFAUT));
            packs.forEach(p -> out.printf("Pack de parkings écrit : %s%n", p));
            return packs.isEmpty() ? 1 : 0;
        }
        if (!nouveau) {
            if (nom != null || id != null) {
                throw new ParameterException(spec.commandLine(), "--nom et --id vont avec --epci ou --communes.");
            }
            // an official file missing or incomplete is an EntreeInvalide naming it: ErreursExecution says so
            Path dossier = vers != null ? vers : Path.of(VERS_PAR_DEFAUT);
            var packs = TerritoireImporter.ecrire(source, dossier);
            packs.forEach(p -> out.printf("Pack écrit : %s%n", p));
            out.println(Pluriel.de(packs.size(), "pack écrit", "packs écrits") + " dans " + dossier + ".");
            return packs.isEmpty() ? 1 : 0;
        }
        Perimetre perimetre;
        try {
            perimetre = new Perimetre(epci, communes, id, nom);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
        }
        Path pack = TerritoireImporter.ecrire(source, perimetre, vers != null ? vers : Path.of("."));
        out.printf("Pack écrit : %s%n", pack);
        return 0;
    }
}
