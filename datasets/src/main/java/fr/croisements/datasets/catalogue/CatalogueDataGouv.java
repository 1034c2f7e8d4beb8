package fr.croisements.datasets.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.datasets.catalogue.Couverture.TerritoireCouvert;
import fr.croisements.events.JsonSerde;
import java.io.UncheckedIOException;

/**
 * A {@link CatalogueDonnees} as data.gouv.fr dataset metadata: one JSON object per dataset with
 * the fields of data.gouv.fr's API ({@code title}, {@code description}, {@code license},
 * {@code frequency}, {@code temporal_coverage}, {@code spatial.granularity} ({@code fr:commune},
 * {@code fr:iris}), {@code spatial.zones}, {@code tags}, {@code resources}), and in {@code extras}
 * what data.gouv.fr has no field for (real or simulated, producer, millésime).
 *
 * <p>Zones are geozone ids: {@code fr:epci:<siren>} for a territory whose every commune is
 * covered, else {@code fr:commune:<code>} for each commune. Pure and thread-safe.
 */
public final class CatalogueDataGouv {

    private CatalogueDataGouv() {}

    /** {@code {"catalogue": …, "datasets": [...]}}. */
    public static ObjectNode document(CatalogueDonnees catalogue) {
        ObjectNode racine = JsonSerde.MAPPER.createObjectNode();
        racine.put("catalogue", catalogue.titre());
        racine.put("source", catalogue.id() + ".jsonld");
        ArrayNode jeux = racine.putArray("datasets");
        catalogue.jeux().forEach(j -> jeux.add(jeu(j)));
        return racine;
    }

    public static String texte(CatalogueDonnees catalogue) {
        try {
            return JsonSerde.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document(catalogue));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data.gouv.fr fields of one dataset. */
    public static ObjectNode jeu(JeuDeDonnees j) {
        ObjectNode n = JsonSerde.MAPPER.createObjectNode();
        n.put("id", j.id());
        n.put("title", j.titre());
        n.put("description", j.description() + "\n\nProvenance : " + j.provenance());
        n.put("license", j.licence().dataGouv());
        n.put("frequency", j.frequence().dataGouv());
        if (j.periode() != null) {
            ObjectNode periode = n.putObject("temporal_coverage");
            periode.put("start", j.periode().debut().toString());
            periode.put("end", j.periode().fin().toString());
        }
        ObjectNode spatial = n.putObject("spatial");
        spatial.put("granularity", j.couverture().granularite().dataGouv());
        ArrayNode zones = spatial.putArray("zones");
        for (TerritoireCouvert t : j.couverture().territoires()) {
            if (t.complet() && t.epciSiren() != null) {
                zones.add("fr:epci:" + t.epciSiren());
            } else {
                t.communes().forEach(code -> zones.add("fr:commune:" + code));
            }
        }
        ArrayNode tags = n.putArray("tags");
        j.motsCles().forEach(m -> tags.add(ConstructeurCatalogue.slug(m)));
        ArrayNode ressources = n.putArray("resources");
        for (Distribution d : j.distributions()) {
            ObjectNode r = ressources.addObject();
            r.put("title", d.titre());
            r.put("url", d.adresse());
            r.put("format", d.format().dataGouv());
            r.put("mime", d.format().typeMedia());
            r.put("type", d.telechargeable() ? "main" : "api");
            r.put("filetype", "remote");
        }
        ObjectNode extras = n.putObject("extras");
        extras.put("croisements:simule", j.simule());
        extras.put("croisements:nature", j.nature());
        extras.put("croisements:genre", j.genre().libelle());
        extras.put("croisements:producteur", j.producteur());
        if (j.millesime() != null) {
            extras.put("croisements:millesime", j.millesime());
        }
        return n;
    }
}
