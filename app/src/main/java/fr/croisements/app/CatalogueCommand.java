package fr.croisements.app;

import fr.croisements.datasets.Territoires;
import fr.croisements.datasets.catalogue.CatalogueDataGouv;
import fr.croisements.datasets.catalogue.CatalogueDonnees;
import fr.croisements.datasets.catalogue.CatalogueJsonLd;
import fr.croisements.datasets.catalogue.CatalogueTexte;
import fr.croisements.datasets.catalogue.ConstructeurCatalogue;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code croisements catalogue}: prints the data catalogue of the shipped territory packs, feeds and
 * indicators, the same as {@code GET /catalogue.jsonld} (or {@code /catalogue}, as text) of the map server.
 */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = "Affiche le catalogue des données (données de référence, flux, indicateurs), "
                + "en DCAT-AP (JSON-LD), en texte, ou avec les champs de data.gouv.fr.")
final class CatalogueCommand implements Callable<Integer> {

    /** The forms the catalogue can be printed in. */
    enum Forme { jsonld, texte, datagouv }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonld",
            description = "jsonld (DCAT-AP), texte ou datagouv (défaut : ${DEFAULT-VALUE}).")
    Forme format;

    @Option(names = "--url-base", paramLabel = "ADRESSE", defaultValue = "http://localhost:7070",
            description = "Adresse de la carte, pour les liens des fichiers (défaut : ${DEFAULT-VALUE}).")
    String urlBase;

    @Option(names = "--bootstrap-servers", paramLabel = "HOTE:PORT[,…]", defaultValue = "localhost:9092",
            description = "Serveurs Kafka des flux en direct (défaut : ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--flux-reels",
            description = "Les flux (levées de bacs, capteurs) viennent du terrain et non du simulateur de la démo.")
    boolean fluxReels;

    @Option(names = "--territoire", paramLabel = "TERRITOIRE", defaultValue = "bassin-de-pompey",
            description = "Territoire dont les levées de bacs sont simulées (défaut : ${DEFAULT-VALUE}).")
    String territoire;

    @Option(names = "--debut", paramLabel = "AAAA-MM-JJ", defaultValue = "2025-01-06",
            description = "Premier jour simulé (défaut : ${DEFAULT-VALUE}).")
    LocalDate debut;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var options = new ConstructeurCatalogue.Options(urlBase, bootstrapServers, !fluxReels,
                fluxReels ? null : territoire, fluxReels ? null : debut, LocalDate.now(ZoneOffset.UTC));
        CatalogueDonnees catalogue = ConstructeurCatalogue.construire(
                Territoires.ids().stream().map(Territoires::charger).toList(), options);
        out.print(switch (format) {
            case jsonld -> CatalogueJsonLd.texte(catalogue) + "\n";
            case texte -> CatalogueTexte.texte(catalogue);
            case datagouv -> CatalogueDataGouv.texte(catalogue) + "\n";
        });
        out.flush();
        return 0;
    }
}
