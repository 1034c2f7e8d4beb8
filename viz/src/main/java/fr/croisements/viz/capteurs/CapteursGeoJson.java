package fr.croisements.viz.capteurs;

import fr.croisements.datasets.Commune;
import fr.croisements.events.Mesure;
import fr.croisements.events.SanteCapteur;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One LoRaWAN device as a GeoJSON (RFC 7946) Point Feature ({@code id} = DevEUI), with French
 * properties:
 *
 * <pre>
 * devEui, modele, libelleModele     the device; libelleModele "Milesight EM500-CO2" (modele may be null)
 * codeCommune, commune              the commune of the territories covering it, or null
 * derniereReception                 ISO-8601 instant of its latest uplink
 * fraicheur                         "vu il y a 12 min" (see {@link Fraicheur})
 * silencieux, etat                  not heard for more than an hour; etat "à jour" or "silencieux"
 * batterie                          %, absent when unknown
 * mesures                           [{nom, libelle, valeur, unite}] of its latest uplink with measures, in a
 *                                   fixed order (température, humidité, CO₂…)
 * trames, tramesPerdues             uplinks received, frames missing from the frame counter
 * reinitialisations                 times the frame counter went back (rejoin, reboot)
 * tauxPerte                         % of frames lost (one decimal), absent before two frames
 * passerelles, nombrePasserelles    the gateways (antennas) that heard its latest uplink
 * simule, mention                   whether it is simulated; mention "données simulées", else null
 * </pre>
 *
 * Pure.
 */
final class CapteursGeoJson {

    static final String A_JOUR = "à jour";
    static final String SILENCIEUX = "silencieux";
    static final String SIMULEES = "données simulées";

    record FeatureCollection(String type, List<Feature> features) {
        FeatureCollection(List<Feature> features) {
            this("FeatureCollection", features);
        }
    }

    record Feature(String type, String id, Point geometry, Map<String, Object> properties) {}

    /** Longitude, latitude (RFC 7946 order), WGS84. */
    record Point(String type, List<Double> coordinates) {}

    /** One measure of the popup: {@code temperature}, "température", 21.4, "°C". */
    record MesureVue(String nom, String libelle, double valeur, String unite) {}

    private CapteursGeoJson() {}

    /**
     * @param capteur a device with a position
     * @param commune the commune covering it, or {@code null}
     * @param maintenant the instant its freshness is measured against
     */
    static Feature feature(SanteCapteur capteur, Commune commune, Instant maintenant) {
        var position = capteur.position();
        return new Feature("Feature", capteur.devEui(),
                new Point("Point", List.of(position.longitude(), position.latitude())),
                proprietes(capteur, commune, maintenant));
    }

    static Map<String, Object> proprietes(SanteCapteur c, Commune commune, Instant maintenant) {
        boolean silencieux = Fraicheur.silencieux(c.derniereReception(), maintenant);
        var p = new LinkedHashMap<String, Object>();
        p.put("devEui", c.devEui());
        p.put("modele", c.modele());
        p.put("libelleModele", LibellesMesures.libelleModele(c.modele()));
        p.put("codeCommune", commune == null ? null : commune.codeInsee());
        p.put("commune", commune == null ? null : commune.nom());
        p.put("derniereReception", c.derniereReception());
        p.put("fraicheur", Fraicheur.libelle(c.derniereReception(), maintenant));
        p.put("silencieux", silencieux);
        p.put("etat", silencieux ? SILENCIEUX : A_JOUR);
        if (c.batteriePourcent() != null && Double.isFinite(c.batteriePourcent())) {
            p.put("batterie", c.batteriePourcent());
        }
        p.put("mesures", mesures(c));
        p.put("trames", c.trames());
        p.put("tramesPerdues", c.tramesPerdues());
        p.put("reinitialisations", c.reinitialisations());
        Double taux = c.tauxPerte();
        if (taux != null) {
            p.put("tauxPerte", Math.round(taux * 10) / 10.0);
        }
        p.put("passerelles", c.passerelles());
        p.put("nombrePasserelles", c.passerelles().size());
        p.put("simule", c.simule());
        p.put("mention", c.simule() ? SIMULEES : null);
        return p;
    }

    /**
     * The measures in the popup's order. The battery in % is left out when the device's health
     * already gives it ({@code batterie}); in volts it is a different figure and stays.
     */
    static List<MesureVue> mesures(SanteCapteur c) {
        boolean batterieConnue = c.batteriePourcent() != null;
        return c.dernieresMesures().entrySet().stream()
                .filter(e -> e.getValue() != null && Double.isFinite(e.getValue().valeur()))
                .filter(e -> !(batterieConnue && e.getKey().equals("batterie") && "%".equals(e.getValue().unite())))
                .sorted(Map.Entry.comparingByKey(LibellesMesures.ordre()))
                .map(e -> vue(e.getKey(), e.getValue()))
                .toList();
    }

    private static MesureVue vue(String nom, Mesure mesure) {
        String libelle = nom.equals("batterie") && "V".equals(mesure.unite())
                ? "tension de la batterie" : LibellesMesures.libelle(nom);
        return new MesureVue(nom, libelle, mesure.valeur(), mesure.unite());
    }
}
