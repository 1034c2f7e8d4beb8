package fr.croisements.datasets.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.datasets.catalogue.Couverture.TerritoireCouvert;
import fr.croisements.datasets.catalogue.JeuDeDonnees.Periode;
import fr.croisements.events.JsonSerde;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * A {@link CatalogueDonnees} as DCAT-AP in JSON-LD ({@code application/ld+json}): one
 * {@code dcat:Catalog} with its {@code dcat:dataset}s (each with title, description, publisher,
 * licence, spatial and temporal coverage, accrual periodicity, standards, provenance and
 * distributions) and its {@code dcat:service}s (the live feeds).
 *
 * <p>The {@code @context} is written inline (prefixes and {@code "@language": "fr"}), so a JSON-LD
 * processor reads the document without fetching anything. Every IRI is written as
 * {@code {"@id": …}} and every date as an {@code xsd:date} value. Pure and thread-safe.
 */
public final class CatalogueJsonLd {

    /** The media type of the document. */
    public static final String TYPE_MEDIA = "application/ld+json";

    private static final String LANGUE = "http://publications.europa.eu/resource/authority/language/FRA";

    private CatalogueJsonLd() {}

    /** The document, as a tree. */
    public static ObjectNode document(CatalogueDonnees catalogue) {
        ObjectNode racine = JsonSerde.MAPPER.createObjectNode();
        racine.set("@context", contexte());
        racine.put("@id", catalogue.id());
        racine.put("@type", "dcat:Catalog");
        racine.put("dct:title", catalogue.titre());
        racine.put("dct:description", catalogue.description());
        racine.set("dct:publisher", agent(catalogue.editeur()));
        racine.set("dct:language", id(LANGUE));
        racine.set("dct:modified", date(catalogue.date()));
        racine.set("foaf:homepage", id(catalogue.urlBase() + "/"));
        racine.set("dct:license", licence(Licence.OUVERTE_2));
        ArrayNode jeux = racine.putArray("dcat:dataset");
        catalogue.jeux().forEach(j -> jeux.add(jeu(j, catalogue.urlBase())));
        ArrayNode services = racine.putArray("dcat:service");
        catalogue.services().forEach(s -> services.add(service(s, catalogue)));
        return racine;
    }

    /** The document as indented JSON text. */
    public static String texte(CatalogueDonnees catalogue) {
        try {
            return JsonSerde.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(catalogue));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode contexte() {
        ObjectNode c = JsonSerde.MAPPER.createObjectNode();
        c.put("dcat", "http://www.w3.org/ns/dcat#");
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("foaf", "http://xmlns.com/foaf/0.1/");
        c.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        c.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        c.put("@language", "fr");
        return c;
    }

    private static ObjectNode jeu(JeuDeDonnees j, String urlBase) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@id", j.id());
        n.put("@type", "dcat:Dataset");
        n.put("dct:title", j.titre());
        n.put("dct:description", j.description());
        n.set("dct:publisher", agent(j.producteur()));
        n.set("dct:license", licence(j.licence()));
        n.set("dct:spatial", spatial(j.couverture()));
        if (j.periode() != null) {
            n.set("dct:temporal", periode(j.periode()));
        }
        n.set("dct:accrualPeriodicity", id(j.frequence().uri()));
        ArrayNode normes = n.putArray("dct:conformsTo");
        j.normes().forEach(norme -> normes.add(norme(norme)));
        ObjectNode provenance = n.putObject("dct:provenance");
        provenance.put("@type", "dct:ProvenanceStatement");
        provenance.put("rdfs:label", j.provenance());
        if (j.millesime() != null) {
            n.put("dcat:version", j.millesime());
        }
        ArrayNode motsCles = n.putArray("dcat:keyword");
        j.motsCles().forEach(motsCles::add);
        if (!j.sources().isEmpty()) {
            ArrayNode sources = n.putArray("dct:source");
            j.sources().forEach(s -> sources.add(id(s)));
        }
        ArrayNode distributions = n.putArray("dcat:distribution");
        j.distributions().forEach(d -> distributions.add(distribution(d, j.licence(), urlBase)));
        return n;
    }

    private static ObjectNode distribution(Distribution d, Licence licence, String urlBase) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@id", d.id());
        n.put("@type", "dcat:Distribution");
        n.put("dct:title", d.titre());
        n.set("dcat:accessURL", id(d.adresse()));
        if (d.telechargeable()) {
            n.set("dcat:downloadURL", id(d.adresse()));
        }
        n.set("dcat:mediaType", id(d.format().uriTypeMedia()));
        n.set("dct:format", id(d.format().uriTypeFichier()));
        if (d.format().norme() != null) {
            n.set("dct:conformsTo", norme(d.format().norme()));
        }
        n.set("dct:license", licence(licence));
        if (d.service() != null) {
            n.set("dcat:accessService", id(d.service()));
        }
        // its documentation (foaf:page): the AsyncAPI document for a topic, the OpenAPI document for an address of the API
        if (d.adresse().startsWith("kafka://")) {
            n.set("foaf:page", id(urlBase + ServiceDonnees.ASYNCAPI));
        } else if (d.adresse().startsWith(urlBase + "/api/")) {
            n.set("foaf:page", id(urlBase + ServiceDonnees.OPENAPI));
        }
        return n;
    }

    private static ObjectNode service(ServiceDonnees s, CatalogueDonnees catalogue) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@id", s.id());
        n.put("@type", "dcat:DataService");
        n.put("dct:title", s.titre());
        n.put("dct:description", s.description() + " " + (s.simule() ? "Il transporte des données simulées."
                : "Il transporte des données réelles."));
        n.set("dct:publisher", agent(catalogue.editeur()));
        n.set("dct:license", licence(Licence.OUVERTE_2));
        n.set("dcat:endpointURL", id(s.adresse()));
        if (s.documentation() != null) {
            n.set("dcat:endpointDescription", id(s.documentation()));
        }
        ArrayNode motsCles = n.putArray("dcat:keyword");
        motsCles.add(s.simule() ? CatalogueDonnees.SIMULEES : CatalogueDonnees.REELLES);
        ArrayNode servis = n.putArray("dcat:servesDataset");
        s.jeux().forEach(j -> servis.add(id(j)));
        return n;
    }

    /** Communes as INSEE URIs, territories as named locations. */
    private static ArrayNode spatial(Couverture couverture) {
        ArrayNode lieux = JsonSerde.MAPPER.createArrayNode();
        for (TerritoireCouvert t : couverture.territoires()) {
            ObjectNode territoire = lieux.addObject();
            territoire.put("@type", "dct:Location");
            territoire.put("rdfs:label", t.nom());
        }
        couverture.communes().forEach(code -> lieux.add(id(Couverture.URI_COMMUNE + code)));
        return lieux;
    }

    private static ObjectNode periode(Periode p) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@type", "dct:PeriodOfTime");
        n.set("dcat:startDate", date(p.debut()));
        n.set("dcat:endDate", date(p.fin()));
        return n;
    }

    private static ObjectNode licence(Licence l) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        if (l.uri() != null) {
            n.put("@id", l.uri());
        }
        n.put("@type", "dct:LicenseDocument");
        n.put("rdfs:label", l.libelle());
        return n;
    }

    private static ObjectNode norme(Norme norme) {
        ObjectNode n = id(norme.uri());
        n.put("@type", "dct:Standard");
        n.put("rdfs:label", norme.libelle());
        return n;
    }

    private static ObjectNode agent(String nom) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@type", "foaf:Agent");
        n.put("foaf:name", nom);
        return n;
    }

    private static ObjectNode date(LocalDate jour) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@value", jour.toString());
        n.put("@type", "xsd:date");
        return n;
    }

    private static ObjectNode id(String iri) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("@id", iri);
        return n;
    }
}
