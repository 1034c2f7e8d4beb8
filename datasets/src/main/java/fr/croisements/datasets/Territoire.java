package fr.croisements.datasets;

import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A territory pack: the communes of one territory with their contours and INSEE figures, and the
 * IRIS of those communes with their figures, each figure with its source, millésime and licence.
 *
 * @param id stable id, e.g. {@code bassin-de-pompey}
 * @param nom name, in French, e.g. "Communauté de communes du Bassin de Pompey"
 * @param epciSiren SIREN of the EPCI, or {@code null} for a single commune or a list of communes
 * @param sources source of each variable of {@link Commune#chiffres()} and {@link Iris#chiffres()},
 *     by variable name
 * @param sourceContours source of the contours
 * @param communes communes sorted by code
 * @param iris IRIS of the communes sorted by code (empty when no commune is divided into IRIS)
 * @param sourceContoursIris source of the IRIS contours, or {@code null} when no IRIS has one
 */
public record Territoire(
        String id,
        String nom,
        String epciSiren,
        Map<String, Source> sources,
        Source sourceContours,
        List<Commune> communes,
        List<Iris> iris,
        Source sourceContoursIris) {

    /**
     * How the pack's IRIS figures are published as the reference figures of their zone: a census figure
     * under the name of the commune figure it stands for, so that the same reference indicator has cells
     * at both levels. The median income is not one of them: Filosofi publishes no disposable income by
     * IRIS, only the declared income (before taxes and benefits), so it keeps a name of its own
     * ({@link Iris#REVENU_DECLARE_MEDIAN}), read by its own indicator only ("revenu-declare-median"),
     * never by the commune's disposable median ({@link Commune#REVENU_MEDIAN}).
     */
    public static final Map<String, String> VARIABLES_REFERENCE_IRIS = Map.of(
            Iris.POPULATION, Commune.POPULATION,
            Iris.DENSITE, Commune.DENSITE,
            Iris.PART_75_PLUS, Commune.PART_75_PLUS,
            Iris.REVENU_DECLARE_MEDIAN, Iris.REVENU_DECLARE_MEDIAN);

    /** A territory without IRIS contours. */
    public Territoire(String id, String nom, String epciSiren, Map<String, Source> sources, Source sourceContours,
            List<Commune> communes, List<Iris> iris) {
        this(id, nom, epciSiren, sources, sourceContours, communes, iris, null);
    }

    public Territoire {
        Objects.requireNonNull(id, "id");
        sources = Map.copyOf(sources);
        communes = List.copyOf(communes);
        iris = iris == null ? List.of() : List.copyOf(iris);
    }

    public Optional<Commune> commune(String codeInsee) {
        return communes.stream().filter(c -> c.codeInsee().equals(codeInsee)).findFirst();
    }

    /** The IRIS of one commune, sorted by code (empty for a commune not divided into IRIS). */
    public List<Iris> irisDe(String codeInsee) {
        return iris.stream().filter(i -> i.codeInsee().equals(codeInsee)).toList();
    }

    /**
     * One reference row per commune, then one per IRIS that has a reference figure
     * ({@link #VARIABLES_REFERENCE_IRIS}), as published on {@code ref-insee-communes}, with its secrets.
     */
    public List<IndicateurInsee> indicateursInsee() {
        var lignes = new ArrayList<IndicateurInsee>();
        communes.forEach(c -> lignes.add(new IndicateurInsee(c.codeInsee(), Zone.COMMUNE, c.nom(), c.chiffres(),
                sourcesOf(c), c.secrets(), Territoires.COG)));
        iris.stream().map(this::referenceIris).flatMap(Optional::stream).forEach(lignes::add);
        return List.copyOf(lignes);
    }

    /** The IRIS that have a contour, sorted by code: those the map draws. */
    public List<Iris> irisAvecContour() {
        return iris.stream().filter(Iris::aUnContour).toList();
    }

    /** The IRIS of this code, if the pack has it. */
    public Optional<Iris> unIris(String codeIris) {
        return iris.stream().filter(i -> i.codeIris().equals(codeIris)).findFirst();
    }

    /** The reference row of an IRIS: its figures under their commune names, each with its IRIS source. */
    private Optional<IndicateurInsee> referenceIris(Iris i) {
        var valeurs = new TreeMap<String, Double>();
        var secrets = new TreeSet<String>();
        var sourcesIris = new TreeMap<String, Source>();
        VARIABLES_REFERENCE_IRIS.forEach((variableIris, variable) -> {
            if (i.chiffre(variableIris) != null) {
                valeurs.put(variable, i.chiffre(variableIris));
            } else if (i.estSecret(variableIris)) {
                secrets.add(variable);
            } else {
                return;
            }
            if (sources.containsKey(variableIris)) {
                sourcesIris.put(variable, sources.get(variableIris));
            }
        });
        if (valeurs.isEmpty() && secrets.isEmpty()) {
            return Optional.empty();
        }
        String nomIris = i.nom() != null ? i.nom() : "IRIS " + i.codeIris();
        // the COG vintage of an IRIS code is that of its contours, not the packs': unknown here
        return Optional.of(new IndicateurInsee(i.codeIris(), Zone.IRIS, nomIris, valeurs, sourcesIris, secrets, null));
    }

    private Map<String, Source> sourcesOf(Commune c) {
        var result = new TreeMap<String, Source>();
        for (var variables : List.of(c.chiffres().keySet(), c.secrets())) {
            variables.forEach(v -> {
                if (sources.containsKey(v)) {
                    result.put(v, sources.get(v));
                }
            });
        }
        return result;
    }
}
