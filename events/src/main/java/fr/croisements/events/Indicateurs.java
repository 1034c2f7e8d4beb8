package fr.croisements.events;

import fr.croisements.events.DefinitionIndicateur.Libelles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of indicators the pipeline computes, with every word shown around their figures.
 * Topic names in {@code entrees} are written out: {@link Topics} reads this class while it is
 * initialised, so this class must not read {@link Topics}.
 */
public final class Indicateurs {

    /** Statistical-secrecy threshold: fewer distinct households or bins than this are not published. */
    public static final int SEUIL_SECRET = 11;

    private static final String LEVEES = "dechets-levees";
    private static final String REFERENCES_INSEE = "ref-insee-communes";

    public static final DefinitionIndicateur TAUX_PRESENTATION_BACS = new DefinitionIndicateur(
            "taux-presentation-bacs",
            "Taux de présentation des bacs",
            "%",
            "Dans chaque commune, quelle part des ménages a sorti son bac d'ordures ménagères cette semaine ?",
            "Nombre de bacs distincts levés dans la commune pendant la semaine (lundi 0 h – lundi suivant 0 h, "
                    + "temps universel), divisé par le nombre de ménages recensés par l'Insee dans la commune, "
                    + "un bac par ménage.",
            "Les levées sont simulées. Un ménage peut avoir plusieurs bacs ou partager un bac collectif : le "
                    + "taux est alors approché. Une commune-semaine décrite par moins de " + SEUIL_SECRET
                    + " bacs est couverte par le secret statistique.",
            Zone.COMMUNE,
            Duration.ofDays(7),
            SEUIL_SECRET,
            new Libelles("présentation des bacs d'ordures ménagères", "bacs présentés", "ménages (Insee)",
                    "pas encore de levée", "Secret statistique : moins de " + SEUIL_SECRET
                            + " bacs présentés, la valeur n'est pas publiée."),
            Map.of(),
            List.of(LEVEES, REFERENCES_INSEE),
            // a share of households: classes of 20 points read the same on every territory and every week
            List.of(20.0, 40.0, 60.0, 80.0));

    public static final DefinitionIndicateur FRAGILITE_ISOLEMENT = new DefinitionIndicateur(
            "fragilite-isolement",
            "Fragilité face à l'isolement",
            "%",
            "Dans quelles communes se cumulent les facteurs connus de l'isolement des personnes âgées : "
                    + "beaucoup de 75 ans et plus, beaucoup de personnes vivant seules, et la pauvreté ?",
            "Moyenne géométrique de trois taux publiés par l'Insee pour la commune : la part des 75 ans et plus "
                    + "dans la population, la part des ménages d'une seule personne, et le taux de pauvreté. La "
                    + "moyenne géométrique n'est élevée que si les trois taux le sont ensemble ; chaque taux reste "
                    + "affiché à côté de l'indice.",
            "L'indice repère un cumul de facteurs, il ne compte pas des personnes isolées. Les taux viennent de "
                    + "deux sources et de deux millésimes (recensement 2022, Filosofi 2021). L'Insee ne publie pas le "
                    + "taux de pauvreté des petites communes (secret statistique) : l'indice y est alors couvert par "
                    + "le secret, jamais calculé avec un taux à 0.",
            Zone.COMMUNE,
            Duration.ofDays(365),
            0,
            new Libelles("fragilité face à l'isolement des personnes âgées", null, null, "pas de donnée Insee",
                    "Secret statistique : l'Insee ne publie pas l'un des trois taux pour cette commune, "
                            + "l'indice n'est donc pas calculé."),
            composantes(),
            List.of(REFERENCES_INSEE),
            // an index without a natural scale: the map cuts classes from the values shown (quantiles)
            List.of());

    public static final List<DefinitionIndicateur> TOUS = List.of(TAUX_PRESENTATION_BACS, FRAGILITE_ISOLEMENT);

    private Indicateurs() {}

    /** The components of the fragility index, by their INSEE variable name, in the order shown. */
    private static Map<String, String> composantes() {
        var composantes = new LinkedHashMap<String, String>();
        composantes.put("part_75_plus", "part des 75 ans et plus");
        composantes.put("part_menages_une_personne", "part des ménages d'une seule personne");
        composantes.put("taux_pauvrete", "taux de pauvreté");
        return composantes;
    }

    public static Optional<DefinitionIndicateur> parId(String id) {
        return TOUS.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
