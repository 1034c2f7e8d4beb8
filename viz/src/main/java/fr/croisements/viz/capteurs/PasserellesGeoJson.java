package fr.croisements.viz.capteurs;

import fr.croisements.datasets.Commune;
import fr.croisements.events.SantePasserelle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One LoRaWAN gateway (an "antenne" on the map) as a GeoJSON (RFC 7946) Point Feature ({@code id}
 * = its id as the network server names it, as in the devices' {@code passerelles}), with French
 * properties:
 *
 * <pre>
 * id                         the gateway
 * codeCommune, commune       the commune of the territories covering it, or null (an antenna near the territory)
 * derniereReception          ISO-8601 instant of the latest uplink it received, or null
 * fraicheur                  "vue il y a 12 min" (see {@link Fraicheur}, feminine: une antenne)
 * silencieuse, etat          nothing received for more than an hour; etat "à jour" or "silencieuse"
 * nombreCapteurs, capteurs   how many devices it has heard, and their DevEUIs
 * receptions                 uplinks received
 * simule, mention            whether its uplinks are simulated; mention "données simulées", else null
 * </pre>
 *
 * Pure.
 */
final class PasserellesGeoJson {

    static final String SILENCIEUSE = "silencieuse";

    private PasserellesGeoJson() {}

    /**
     * @param passerelle a gateway with a position
     * @param commune the commune covering it, or {@code null}
     * @param maintenant the instant its freshness is measured against
     */
    static CapteursGeoJson.Feature feature(SantePasserelle passerelle, Commune commune, Instant maintenant) {
        var position = passerelle.position();
        return new CapteursGeoJson.Feature("Feature", passerelle.id(),
                new CapteursGeoJson.Point("Point", List.of(position.longitude(), position.latitude())),
                proprietes(passerelle, commune, maintenant));
    }

    static Map<String, Object> proprietes(SantePasserelle g, Commune commune, Instant maintenant) {
        boolean silencieuse = Fraicheur.silencieux(g.derniereReception(), maintenant);
        var p = new LinkedHashMap<String, Object>();
        p.put("id", g.id());
        p.put("codeCommune", commune == null ? null : commune.codeInsee());
        p.put("commune", commune == null ? null : commune.nom());
        p.put("derniereReception", g.derniereReception());
        p.put("fraicheur", Fraicheur.libelle(g.derniereReception(), maintenant, true));
        p.put("silencieuse", silencieuse);
        p.put("etat", silencieuse ? SILENCIEUSE : CapteursGeoJson.A_JOUR);
        p.put("nombreCapteurs", g.capteurs().size());
        p.put("capteurs", g.capteurs());
        p.put("receptions", g.receptions());
        p.put("simule", g.simule());
        p.put("mention", g.simule() ? CapteursGeoJson.SIMULEES : null);
        return p;
    }
}
