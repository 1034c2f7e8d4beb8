package fr.croisements.viz.indicateurs;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.RegistreIndicateurs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The indicators of a {@link RegistreIndicateurs} (built-in, then declared by files) as the page
 * shows them: each {@link DefinitionVue} is its definition, words included, in the shape of the
 * JSON API. Read at each request, so that a file indicator appears and leaves at once. Thread-safe.
 */
public final class Definitions {

    private final RegistreIndicateurs registre;

    public Definitions(RegistreIndicateurs registre) {
        this.registre = registre;
    }

    /** The built-in indicators only. */
    public static Definitions integrees() {
        return new Definitions(RegistreIndicateurs.integres());
    }

    /** The indicator with this id, if it is known. */
    public Optional<DefinitionIndicateur> definition(String id) {
        return registre.parId(id);
    }

    /** The default indicator of the map: the first built-in one. */
    public DefinitionIndicateur parDefaut() {
        return Indicateurs.TOUS.get(0);
    }

    /** Why {@code id} is refused, in French: "Indicateur inconnu : « … ». Indicateurs disponibles : …". */
    public String inconnu(String id) {
        return "Indicateur inconnu : « " + id + " ». Indicateurs disponibles : " + ids() + ".";
    }

    /** The ids of every indicator, for error messages. */
    public String ids() {
        return registre.ids();
    }

    public List<DefinitionIndicateur> toutes() {
        return registre.tous();
    }

    public List<DefinitionVue> vues() {
        return registre.tous().stream().map(Definitions::vue).toList();
    }

    public static DefinitionVue vue(DefinitionIndicateur d) {
        var mots = d.libelles();
        List<DefinitionVue.ComposanteVue> composantes = d.composantes().entrySet().stream()
                .map(e -> new DefinitionVue.ComposanteVue(e.getKey(), e.getValue()))
                .toList();
        return new DefinitionVue(d.id(), d.libelle(), mots.sujet(), d.unite(), d.question(), d.methode(), d.limites(),
                d.niveau(), iso(d.fenetre()), d.fenetre().toDays(), d.seuilSecret(), mots.numerateur(),
                mots.denominateur(), mots.sansDonnee(), mots.secret(), composantes, estComposite(d), d.bornes(),
                d.dominance(), d.fichier(), d.reference(), d.variablesInsee(), iso(d.conservation()),
                d.conservation().toDays());
    }

    /** See {@link DefinitionIndicateur#estComposite()}: the LoRaWAN indicators list measures but have a numerator. */
    public static boolean estComposite(DefinitionIndicateur d) {
        return d.estComposite();
    }

    /** {@code P7D} rather than Java's {@code PT168H} when the window is a whole number of days. */
    static String iso(Duration fenetre) {
        return fenetre.equals(Duration.ofDays(fenetre.toDays())) ? "P" + fenetre.toDays() + "D" : fenetre.toString();
    }
}
