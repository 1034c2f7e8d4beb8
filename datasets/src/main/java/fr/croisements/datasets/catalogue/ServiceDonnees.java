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
 * @param documentation the machine-readable description of the endpoint ({@code dcat:endpointDescription}): the
 *     AsyncAPI document of the Kafka topics, the OpenAPI document of the HTTP API; or {@code null}
 */
public record ServiceDonnees(String id, String titre, String description, String adresse, List<String> jeux,
        boolean simule, String documentation) {

    /** The AsyncAPI document of the topics, served by the map server at this path. */
    public static final String ASYNCAPI = "/asyncapi.json";
    /** The OpenAPI document of the HTTP API, served by the map server at this path. */
    public static final String OPENAPI = "/openapi.json";
    /** The page that shows the OpenAPI document. */
    public static final String PAGE_API = "/api.html";

    /** A service without a description of its endpoint. */
    public ServiceDonnees(String id, String titre, String description, String adresse, List<String> jeux, boolean simule) {
        this(id, titre, description, adresse, jeux, simule, null);
    }

    public ServiceDonnees {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(adresse, "adresse");
        jeux = List.copyOf(jeux);
    }
}
