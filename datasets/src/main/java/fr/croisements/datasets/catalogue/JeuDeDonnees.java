package fr.croisements.datasets.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One dataset of the catalogue (DCAT-AP {@code dcat:Dataset}): a reference dataset of the
 * territory packs, a live feed, or an indicator.
 *
 * @param id its IRI, {@code <url-base>/catalogue#<slug>}
 * @param genre reference, feed or indicator
 * @param titre in French; says "données simulées" when simulated
 * @param description in French
 * @param producteur who produces the figures, e.g. "Insee", "Croisements (simulateur)"
 * @param millesime the vintage, e.g. "2021", or {@code null} for a live feed
 * @param licence its licence
 * @param simule whether its figures are simulated (any input simulated, for an indicator)
 * @param provenance in French, where the figures come from and whether they are real
 * @param couverture the territories, communes and IRIS it covers
 * @param periode the period its figures describe, or {@code null} when unknown
 * @param frequence how often it is updated
 * @param normes the standards it conforms to
 * @param distributions where to get it
 * @param variables the French labels of its figures, e.g. "population municipale"
 * @param sources the IRIs of the datasets it is computed from
 * @param motsCles keywords, in French
 */
public record JeuDeDonnees(
        String id,
        Genre genre,
        String titre,
        String description,
        String producteur,
        String millesime,
        Licence licence,
        boolean simule,
        String provenance,
        Couverture couverture,
        Periode periode,
        Frequence frequence,
        List<Norme> normes,
        List<Distribution> distributions,
        List<String> variables,
        List<String> sources,
        List<String> motsCles) {

    /**
     * A time span, both ends included ({@code dct:PeriodOfTime}).
     *
     * @param debut first day
     * @param fin last day
     */
    public record Periode(LocalDate debut, LocalDate fin) {
        public Periode {
            Objects.requireNonNull(debut, "debut");
            Objects.requireNonNull(fin, "fin");
            if (fin.isBefore(debut)) {
                throw new IllegalArgumentException("Period ends before it starts: " + debut + " – " + fin);
            }
        }
    }

    public JeuDeDonnees {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(genre, "genre");
        Objects.requireNonNull(titre, "titre");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(couverture, "couverture");
        Objects.requireNonNull(frequence, "frequence");
        normes = List.copyOf(normes);
        distributions = List.copyOf(distributions);
        variables = List.copyOf(variables);
        sources = List.copyOf(sources);
        motsCles = List.copyOf(motsCles);
    }

    /** "données simulées" or "données réelles", as every view of the catalogue says it. */
    public String nature() {
        return simule ? CatalogueDonnees.SIMULEES : CatalogueDonnees.REELLES;
    }
}
