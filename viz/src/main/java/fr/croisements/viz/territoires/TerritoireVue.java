package fr.croisements.viz.territoires;

import fr.croisements.datasets.Territoire;
import fr.croisements.events.Source;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * @param niveaux for each indicator of {@code indicateurs}, the zone levels at which it has cells
 *     ({@code commune}, {@code iris}): the map offers the IRIS level where it has {@code iris}
 * @param nombreIris how many of its IRIS have a contour (the IRIS map draws these)
 */
record TerritoireVue(
        String id, String nom, String nomCourt, String epciSiren, int nombreCommunes, List<SourceVue> sources,
        List<String> indicateurs, List<Manques.Manque> manquants, Map<String, List<String>> niveaux, int nombreIris) {

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
        var niveaux = new java.util.LinkedHashMap<String, List<String>>();
        indicateurs.forEach(id -> niveaux.put(id, List.of(fr.croisements.events.Zone.COMMUNE)));
        return de(t, niveaux, manquants);
    }

    /** With the levels of each indicator (in catalogue order: their keys are the indicators). */
    static TerritoireVue de(Territoire t, Map<String, List<String>> niveaux, List<Manques.Manque> manquants) {
        List<String> indicateurs = List.copyOf(niveaux.keySet());
        // figures first, in a stable order, then contours
        var sources = new LinkedHashSet<Source>();
        t.sources().values().stream().sorted(Comparator.comparing(Source::libelle)).forEach(sources::add);
        if (t.sourceContours() != null) {
            sources.add(t.sourceContours());
        }
        if (t.sourceContoursIris() != null) {
            sources.add(t.sourceContoursIris());
        }
        List<SourceVue> vues = sources.stream().map(SourceVue::de).toList();
        return new TerritoireVue(t.id(), t.nom(), nomCourt(t.nom()), t.epciSiren(), t.communes().size(), vues,
                List.copyOf(indicateurs), List.copyOf(manquants), java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(niveaux)), t.irisAvecContour().size());
    }

    static String nomCourt(String nom) {
        if (nom == null) {
            return null;
        }
        String court = GROUPEMENT.matcher(nom).replaceFirst("");
        return court.isBlank() ? nom : court;
    }
}
