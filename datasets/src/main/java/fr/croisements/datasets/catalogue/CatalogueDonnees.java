package fr.croisements.datasets.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this instance of Croisements holds, as a data catalogue (DCAT-AP {@code dcat:Catalog}):
 * the reference datasets of the territory packs, the live feeds and the indicators, each saying
 * whether it is real or simulated. Built by {@link ConstructeurCatalogue}; written as JSON-LD by
 * {@link CatalogueJsonLd}, as data.gouv.fr fields by {@link CatalogueDataGouv}, as text by
 * {@link CatalogueTexte}. Immutable.
 *
 * @param id its IRI, {@code <url-base>/catalogue}
 * @param titre in French
 * @param description in French
 * @param editeur who publishes the catalogue
 * @param urlBase the address of the map server its links point to, without a final slash
 * @param date the day it was produced
 * @param jeux the datasets: references, then feeds, then indicators
 * @param services the live services
 */
public record CatalogueDonnees(
        String id, String titre, String description, String editeur, String urlBase, LocalDate date,
        List<JeuDeDonnees> jeux, List<ServiceDonnees> services) {

    public static final String SIMULEES = "données simulées";
    public static final String REELLES = "données réelles";

    public CatalogueDonnees {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        jeux = List.copyOf(jeux);
        services = List.copyOf(services);
    }

    /** The dataset with this IRI. */
    public Optional<JeuDeDonnees> jeu(String id) {
        return jeux.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** The service with this IRI. */
    public Optional<ServiceDonnees> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The datasets of one kind, in catalogue order. */
    public List<JeuDeDonnees> jeux(Genre genre) {
        return jeux.stream().filter(j -> j.genre() == genre).toList();
    }
}
