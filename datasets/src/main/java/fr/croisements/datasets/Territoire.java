package fr.croisements.datasets;

import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
 */
public record Territoire(
        String id,
        String nom,
        String epciSiren,
        Map<String, Source> sources,
        Source sourceContours,
        List<Commune> communes,
        List<Iris> iris) {

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

    /** One reference row per commune, as published on {@code ref-insee-communes}, with its secrets. */
    public List<IndicateurInsee> indicateursInsee() {
        return communes.stream()
                .map(c -> new IndicateurInsee(c.codeInsee(), Zone.COMMUNE, c.nom(), c.chiffres(), sourcesOf(c), c.secrets(),
                        Territoires.COG))
                .toList();
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
