package fr.croisements.datasets;

import java.nio.file.Path;

/** Where tests find the official files: the surefire property, else {@code ../../shared/datasets} from the module. */
final class DonneesOfficielles {

    /** The paths of the official files in the shared folder (the importer finds them by content, whatever their names). */
    static final String TERRITOIRES = "insee/communes_territoires.csv";
    static final String COMMUNES = "insee/communes_dep_17_54_86_92.csv";
    static final String EPCI = "insee/epci_territoires.csv";
    static final String COMPARATEUR = "insee/comparateur_communes_dep_17_54_86_92.csv";
    static final String DOSSIER_COMPLET = "insee/dossier_complet_extrait_territoires.csv";
    static final String FILOSOFI_COMMUNES = "insee/filosofi2021_communes_dep_17_54_86_92.csv";
    static final String FILOSOFI_IRIS = "insee/filosofi2021_iris_revenus_declares_dep_17_54_86_92.csv";

    private DonneesOfficielles() {}

    static Path dossier() {
        return DonneesOfficiellesRequises.Condition.dossier();
    }
}
