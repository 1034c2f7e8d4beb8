package fr.croisements.datasets;

import java.nio.file.Path;

/** Where tests find the official files: the surefire property, else {@code ../../shared/datasets} from the module. */
final class DonneesOfficielles {

    private DonneesOfficielles() {}

    static Path dossier() {
        String property = System.getProperty(TerritoireImporter.PROPRIETE_DOSSIER);
        Path dossier = property == null || property.isBlank() ? Path.of("..", "..", "shared", "datasets") : Path.of(property);
        return dossier.toAbsolutePath().normalize();
    }
}
