package fr.croisements.viz.territoires;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.Source;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A territory in the list of {@code GET /api/territoires}.
 *
 * @param id stable id, e.g. {@code bassin-de-pompey}
 * @param nom full name, e.g. "Communauté de communes du Bassin de Pompey"
 * @param nomCourt name without the kind of grouping, for titles, e.g. "Bassin de Pompey"
 * @param epciSiren SIREN of the EPCI, or {@code null}
 * @param nombreCommunes how many communes it has
 * @param sources the data it brings (INSEE figures, contours), as labels with their licence
 * @param indicateurs the ids of the indicators having at least one cell in its communes, in
 *     catalogue order (the map offers these)
 * @param manquants for each indicator it does not have, what is missing and the command that brings it
 */
record TerritoireVue(
        String id, String nom, String nomCourt, String epciSiren, int nombreCommunes, List<SourceVue> sources,
        List<String> indicateurs, List<Manques.Manque> manquants) {

    /** One source of the reference data of a territory. */
    record SourceVue(String libelle, String licence, boolean simule) {
        static SourceVue de(Source source) {
            return new SourceVue(source.libelle(), source.licence(), source.simule());
        }
    }

    /** "Communauté de communes du", "Communauté d'agglomération de", "Métropole du"... */
    private static final Pattern GROUPEMENT = Pattern.compile(
            "^(Communauté (de communes|d['’]agglomération|urbaine)|Métropole|Établissement public territorial)"
                    + "( du | de la | de l['’]| des | de | d['’])");

    static TerritoireVue de(Territoire t, List<String> indicateurs) {
        return de(t, indicateurs, List.of());
    }

    static TerritoireVue de(Territoire t, List<String> indicateurs, List<Manques.Manque> manquants) {
        // figures first, in a stable order, then contours
        var sources = new LinkedHashSet<Source>();
        t.sources().values().stream().sorted(Comparator.comparing(Source::libelle)).forEach(sources::add);
        if (t.sourceContours() != null) {
            sources.add(t.sourceContours());
        }
        List<SourceVue> vues = sources.stream().map(SourceVue::de).toList();
        return new TerritoireVue(t.id(), t.nom(), nomCourt(t.nom()), t.epciSiren(), t.communes().size(), vues,
                List.copyOf(indicateurs), List.copyOf(manquants));
    }

    static String nomCourt(String nom) {
        if (nom == null) {
            return null;
        }
        String court = GROUPEMENT.matcher(nom).replaceFirst("");
        return court.isBlank() ? nom : court;
    }
}
