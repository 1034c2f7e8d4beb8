package fr.croisements.datasets;

import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A territory pack: the communes of one territory with their contours and INSEE figures, each
 * figure with its source, millésime and licence.
 *
 * @param id stable id, e.g. {@code bassin-de-pompey}
 * @param nom name, in French, e.g. "Communauté de communes du Bassin de Pompey"
 * @param epciSiren SIREN of the EPCI, or {@code null} for a single commune
 * @param sources source of each variable of {@link Commune#chiffres()}, by variable name
 * @param sourceContours source of the contours
 * @param communes communes sorted by code
 */
public record Territoire(
        String id,
        String nom,
        String epciSiren,
        Map<String, Source> sources,
        Source sourceContours,
        List<Commune> communes) {

    public Territoire {
        Objects.requireNonNull(id, "id");
        sources = Map.copyOf(sources);
        communes = List.copyOf(communes);
    }

    public Optional<Commune> commune(String codeInsee) {
        return communes.stream().filter(c -> c.codeInsee().equals(codeInsee)).findFirst();
    }

    /** One reference row per commune, as published on {@code ref-insee-communes}. */
    public List<IndicateurInsee> indicateursInsee() {
        return communes.stream()
                .map(c -> new IndicateurInsee(c.codeInsee(), Zone.COMMUNE, c.nom(), c.chiffres(), sourcesOf(c)))
                .toList();
    }

    private Map<String, Source> sourcesOf(Commune c) {
        var result = new java.util.TreeMap<String, Source>();
        c.chiffres().keySet().forEach(v -> {
            if (sources.containsKey(v)) {
                result.put(v, sources.get(v));
            }
        });
        return result;
    }
}
