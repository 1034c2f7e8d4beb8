package fr.croisements.datasets.catalogue;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Two small territories: "Val de Test" (bin lifts simulated there; no fragility components) and
 * "Agglo de Test" (three communes: one with every component, one with a secret poverty rate,
 * one without any poverty rate; IRIS figures in one commune).
 */
final class TerritoiresDeTest {

    static final Source COMPARATEUR = new Source("Base du comparateur de territoires (recensement de la population)",
            "Insee", "2021", "Licence Ouverte 2.0", false);
    static final Source DOSSIER = new Source("Dossier complet (recensement de la population)", "Insee", "2022",
            "Licence Ouverte 2.0", false);
    static final Source FILOSOFI = new Source("Filosofi, revenus et pauvreté des communes", "Insee", "2021",
            "Licence Ouverte 2.0", false);
    static final Source FILOSOFI_IRIS = new Source("Filosofi, revenus déclarés par IRIS", "Insee", "2021",
            "Licence Ouverte 2.0", false);
    static final Source CONTOURS = new Source("Admin Express COG 2018, contours des communes", "IGN", "2018",
            "Licence Ouverte", false);

    static final Territoire VAL = new Territoire("val-de-test", "Communauté de communes du Val de Test", "245400676",
            Map.of("menages", COMPARATEUR, "population", COMPARATEUR), CONTOURS,
            List.of(commune("54215", "Frouard", Map.of("menages", 2900.0, "population", 6200.0), Set.of()),
                    commune("54430", "Pompey", Map.of("menages", 2100.0, "population", 4900.0), Set.of())),
            List.of());

    static final Territoire AGGLO = new Territoire("agglo-de-test", "Communauté d'agglomération de Test", "241700434",
            Map.of("menages", COMPARATEUR, "population", COMPARATEUR, "part_75_plus", DOSSIER,
                    "part_menages_une_personne", DOSSIER, "taux_pauvrete", FILOSOFI,
                    "revenu_declare_median", FILOSOFI_IRIS),
            CONTOURS,
            List.of(commune("17300", "La Rochelle", Map.of("menages", 45000.0, "population", 77000.0, "part_75_plus", 11.2,
                            "part_menages_une_personne", 52.4, "taux_pauvrete", 18.1), Set.of()),
                    commune("17010", "Angoulins", Map.of("menages", 1989.0, "population", 4117.0, "part_75_plus", 14.0,
                            "part_menages_une_personne", 30.1), Set.of("taux_pauvrete")),
                    commune("17999", "Sans-Filosofi", Map.of("menages", 100.0, "population", 210.0, "part_75_plus", 9.0,
                            "part_menages_une_personne", 25.0), Set.of())),
            List.of(new Iris("173000101", "17300", Map.of("revenu_declare_median", 21000.0), Set.of()),
                    new Iris("173000102", "17300", Map.of(), Set.of("revenu_declare_median"))));

    static final List<Territoire> TOUS = List.of(VAL, AGGLO);

    private TerritoiresDeTest() {}

    private static Commune commune(String code, String nom, Map<String, Double> chiffres, Set<String> secrets) {
        var f = new GeometryFactory();
        double x = Integer.parseInt(code.substring(2)) / 1000.0;
        Geometry carre = f.createPolygon(new Coordinate[] {new Coordinate(x, 46), new Coordinate(x + 0.01, 46),
                new Coordinate(x + 0.01, 46.01), new Coordinate(x, 46.01), new Coordinate(x, 46)});
        return new Commune(code, nom, chiffres, secrets, carre);
    }
}
