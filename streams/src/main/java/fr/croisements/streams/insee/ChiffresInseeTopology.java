package fr.croisements.streams.insee;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * The reference figures of every zone ({@link Indicateurs#REFERENCES}: median income, poverty rate,
 * unemployment, density, share of people aged 75 and over, households), each as the cells of its
 * own indicator, so that any territory, bundled or imported, shows its INSEE figures on the map with
 * a fiche, the same way as a crossing.
 *
 * <pre>
 * In:  ref-insee-communes (KTable)     key = zone code, value = IndicateurInsee
 * Out: indicateurs-&lt;id&gt; (one per figure)  key = zone code, value = Indicateur (one cell per zone, over
 *      the year of the figure's millésime)
 * </pre>
 *
 * A figure that INSEE keeps secret for a zone makes its cell secret, never a 0; a zone whose pack
 * lacks the figure gets no cell. Recomputed whenever the zone's row changes.
 *
 * Each indicator reads one variable of the rows. Census figures of an IRIS are published under the
 * commune's name (density, share of 75 and over), so those indicators have cells at both levels; the
 * declared median income of an IRIS has a name of its own ({@code revenu_declare_median}) and an
 * indicator of its own at IRIS level ({@link Indicateurs#REVENU_DECLARE_MEDIAN}): "revenu-median",
 * the disposable income, has commune cells only. An IRIS-level indicator takes no commune row.
 */
public final class ChiffresInseeTopology implements Croisement {

    public Topology build() {
        return Entrees.topologie(List.of(), List.of(this));
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return Indicateurs.REFERENCES;
    }

    @Override
    public void ajouter(Entrees entrees) {
        for (DefinitionIndicateur definition : Indicateurs.REFERENCES) {
            var cellules = new FabriqueCellules(definition);
            String variable = definition.variablesInsee().get(0);
            boolean irisSeulement = Zone.IRIS.equals(definition.niveau());
            var calculees = entrees.insee()
                    .toStream(Named.as(definition.id() + "-references"))
                    .mapValues(ref -> irisSeulement && ref != null && !Zone.IRIS.equals(ref.niveau()) ? null
                            : calculer(cellules, variable, ref), Named.as(definition.id() + "-calculer"))
                    .filter((code, cellule) -> cellule != null, Named.as(definition.id() + "-publies"));
            entrees.publier(calculees, definition);
        }
    }

    /** Pure: the cell of one zone, or {@code null} when its row does not have the figure. */
    static Indicateur calculer(FabriqueCellules cellules, String variable, IndicateurInsee ref) {
        if (ref == null || (ref.valeur(variable) == null && !ref.estSecret(variable))) {
            return null;
        }
        Source source = ref.source(variable);
        int annee = annee(source);
        var cellule = cellules.cellule(ref.codeZone(), ref.niveau(), ref.nom(),
                        LocalDate.of(annee, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        LocalDate.of(annee + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .numerateur(null, source);
        if (ref.estSecret(variable)) {
            return cellule.secretDUneSource().construire();
        }
        return cellule.valeur(FabriqueCellules.arrondi(ref.valeur(variable))).construire();
    }

    private static int annee(Source source) {
        String chiffres = source == null ? "" : source.millesime().replaceAll("\\D", "");
        return chiffres.length() >= 4 ? Integer.parseInt(chiffres.substring(0, 4)) : LocalDate.now(ZoneOffset.UTC).getYear();
    }
}
