package fr.croisements.streams.parking;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Car parks of one commune with a known capacity: how many, their places, and the same counts per
 * source of the car parks, so that the published figure says which files it adds up.
 *
 * @param parSource the counts of each source, sorted by its label; a car park without a source counts
 *     under {@code null}; empty in an aggregate written before the sources were kept
 */
record PlacesCommune(String codeInsee, long parkings, long places, List<PlacesSource> parSource) {

    /** The car parks and places of one source in the commune. */
    record PlacesSource(Source source, long parkings, long places) {}

    private static final Comparator<PlacesSource> PAR_LIBELLE =
            Comparator.comparing(p -> p.source() == null ? "" : p.source().libelle());

    PlacesCommune {
        parSource = parSource == null ? List.of() : List.copyOf(parSource);
    }

    static PlacesCommune vide() {
        return new PlacesCommune(null, 0, 0, List.of());
    }

    PlacesCommune ajouter(ParcStationnement p) {
        return new PlacesCommune(p.codeInsee(), parkings + 1, places + p.capacite(), compter(p, 1));
    }

    PlacesCommune retirer(ParcStationnement p) {
        return new PlacesCommune(p.codeInsee(), parkings - 1, places - p.capacite(), compter(p, -1));
    }

    /**
     * Where the places come from: the one source of the commune's car parks, or, when they come from
     * several, one source naming each with its car parks; {@code null} when a car park's source is not
     * known (a car park without one, or an aggregate written before the sources were kept).
     */
    Source source() {
        List<PlacesSource> connues = parSource.stream().filter(p -> p.source() != null).toList();
        if (connues.isEmpty() || connues.size() < parSource.size()
                || connues.stream().mapToLong(PlacesSource::parkings).sum() != parkings) {
            return null;
        }
        if (connues.size() == 1) {
            return connues.get(0).source();
        }
        return new Source(
                "Parkings de " + connues.size() + " sources, additionnés : " + connues.stream()
                        .map(p -> p.source().titre() + " (" + p.parkings() + (p.parkings() > 1 ? " parkings, " : " parking, ")
                                + p.places() + (p.places() > 1 ? " places)" : " place)"))
                        .collect(Collectors.joining(" ; ")),
                distinctes(connues, Source::producteur),
                distinctes(connues, Source::millesime),
                distinctes(connues, Source::licence),
                connues.stream().anyMatch(p -> p.source().simule()));
    }

    private List<PlacesSource> compter(ParcStationnement p, int signe) {
        var comptes = new ArrayList<PlacesSource>();
        boolean trouvee = false;
        for (PlacesSource s : parSource) {
            if (Objects.equals(s.source(), p.source())) {
                trouvee = true;
                s = new PlacesSource(s.source(), s.parkings() + signe, s.places() + (long) signe * p.capacite());
            }
            if (s.parkings() > 0) {
                comptes.add(s);
            }
        }
        if (!trouvee && signe > 0) {
            comptes.add(new PlacesSource(p.source(), 1, p.capacite()));
        }
        comptes.sort(PAR_LIBELLE);
        return comptes;
    }

    private static String distinctes(List<PlacesSource> parts, java.util.function.Function<Source, String> champ) {
        return parts.stream().map(p -> champ.apply(p.source())).distinct().collect(Collectors.joining(" ; "));
    }
}
