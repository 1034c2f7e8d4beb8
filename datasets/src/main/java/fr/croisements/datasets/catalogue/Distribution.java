package fr.croisements.datasets.catalogue;

import java.util.Objects;

/**
 * One way to get a dataset (DCAT-AP {@code dcat:Distribution}): a file of this server, or a live
 * service.
 *
 * @param id its IRI
 * @param titre in French, e.g. "CSV — Communauté d'agglomération de La Rochelle"
 * @param format its format
 * @param adresse where to get it ({@code dcat:accessURL}); an HTTP address of this server, or the
 *     service endpoint
 * @param telechargeable whether the address is a file to download ({@code dcat:downloadURL})
 * @param service the IRI of the {@link ServiceDonnees} it is reached through, or {@code null}
 * @param territoire the territory id it covers, or {@code null} when it covers the whole dataset
 */
public record Distribution(
        String id, String titre, Format format, String adresse, boolean telechargeable, String service,
        String territoire) {

    public Distribution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(adresse, "adresse");
    }
}
