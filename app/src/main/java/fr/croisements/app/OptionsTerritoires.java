package fr.croisements.app;

import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which territories the map shows: the bundled packs, plus the packs a user generated with
 * {@code croisements import --epci SIREN --vers DIR} (a picocli mixin of {@code demo} and {@code run}).
 */
final class OptionsTerritoires {

    @Option(names = "--packs", paramLabel = "DOSSIER", description = "Dossier de packs de territoires supplémentaires (fichiers .geojson "
            + "produits par « croisements import --epci … --vers DOSSIER »), ajoutés aux territoires livrés et montrés comme eux.")
    Path packs;

    List<Territoire> territoires() {
        var territoires = new ArrayList<Territoire>(Territoires.ids().stream().map(Territoires::charger).toList());
        if (packs == null) {
            return territoires;
        }
        try (var fichiers = Files.list(packs)) {
            for (Path fichier : fichiers.filter(f -> f.toString().endsWith(".geojson")).sorted().toList()) {
                Territoire territoire = Territoires.lire(fichier);
                if (territoires.stream().noneMatch(t -> t.id().equals(territoire.id()))) {
                    territoires.add(territoire);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the packs in " + packs, e);
        }
        return territoires;
    }
}
