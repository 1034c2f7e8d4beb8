package fr.croisements.viz.indicateurs;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateurs;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators of {@link Indicateurs#TOUS} as the page shows them. The words around the
 * figures (numerator, denominator, empty zone) are not in {@link DefinitionIndicateur} yet, so
 * they are kept here by indicator id, with neutral words for any other indicator.
 */
public final class Catalogue {

    private record Mots(String sujet, String numerateur, String denominateur, String sansDonnee) {}

    private static final Map<String, Mots> MOTS = Map.of(
            Indicateurs.TAUX_PRESENTATION_BACS.id(),
            new Mots("présentation des bacs d'ordures ménagères", "bacs présentés", "ménages (Insee)",
                    "pas encore de levée"));

    private Catalogue() {}

    /** The indicator with this id, if it is in the catalogue. */
    public static Optional<DefinitionIndicateur> definition(String id) {
        return Indicateurs.parId(id);
    }

    /** The default indicator of the map: the first of the catalogue. */
    public static DefinitionIndicateur parDefaut() {
        return Indicateurs.TOUS.get(0);
    }

    /** The ids of every indicator, for error messages. */
    public static String ids() {
        return String.join(", ", Indicateurs.TOUS.stream().map(DefinitionIndicateur::id).toList());
    }

    public static List<DefinitionVue> vues() {
        return Indicateurs.TOUS.stream().map(Catalogue::vue).toList();
    }

    public static DefinitionVue vue(DefinitionIndicateur d) {
        Mots mots = MOTS.getOrDefault(d.id(), new Mots(
                d.libelle().substring(0, 1).toLowerCase(Locale.ROOT) + d.libelle().substring(1),
                "numérateur", "dénominateur", "pas encore de donnée"));
        return new DefinitionVue(d.id(), d.libelle(), mots.sujet(), d.unite(), d.question(), d.methode(), d.limites(),
                d.niveau(), iso(d.fenetre()), d.fenetre().toDays(), d.seuilSecret(), mots.numerateur(),
                mots.denominateur(), mots.sansDonnee());
    }

    /** {@code P7D} rather than Java's {@code PT168H} when the window is a whole number of days. */
    static String iso(Duration fenetre) {
        return fenetre.equals(Duration.ofDays(fenetre.toDays())) ? "P" + fenetre.toDays() + "D" : fenetre.toString();
    }
}
