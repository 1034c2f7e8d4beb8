package fr.croisements.datasets.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * A live service (DCAT-AP {@code dcat:DataService}): a Kafka topic, or the server-sent events of
 * the map server.
 *
 * @param id its IRI
 * @param titre in French, e.g. "Topic Kafka « dechets-levees »"
 * @param description in French: what it sends and how to read it
 * @param adresse its endpoint ({@code dcat:endpointURL}): {@code kafka://<serveurs>/<topic>} or the
 *     HTTP address of the events
 * @param jeux the IRIs of the datasets it serves
 * @param simule whether what it sends is simulated
 */
public record ServiceDonnees(String id, String titre, String description, String adresse, List<String> jeux,
        boolean simule) {

    public ServiceDonnees {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(adresse, "adresse");
        jeux = List.copyOf(jeux);
    }
}
