package fr.croisements.viz.parkings;

import fr.croisements.events.Indicateur;
import fr.croisements.events.ParcStationnement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One car park as a GeoJSON (RFC 7946) Point Feature ({@code id} = the car park's id), with French
 * properties, always present ({@code null} when unknown):
 *
 * <pre>
 * id, nom, codeCommune, commune     the car park and its commune
 * capacite                          places (declared, else observed)
 * typeOuvrage, libelleTypeOuvrage   "ouvrage" / "enclos_en_surface", "parking en ouvrage" / "parking en enclos de surface"
 * gratuit                           true, false or null
 * etat                              "valeur disponible" or "pas d'observation"
 * tauxOccupation, tauxMax           mean and highest occupancy rate of the latest hour, % (one decimal)
 * placesOccupees, placesLibres      mean occupied places (rounded), capacity minus them
 * debut, fin, heure                 the hour (ISO-8601) and "mardi 4 mars 2025, 10 h – 11 h" (Europe/Paris)
 * sature                            the hour was saturated (90 % or more)
 * arriveesEstimees, observations    estimated arrivals and observations of the hour
 * simule, mention                   mention "données simulées", else null
 * source, sourceOccupation          labels of the car park's source and of the occupancy's
 * </pre>
 *
 * Pure.
 */
final class ParkingsGeoJson {

    static final String DISPONIBLE = "valeur disponible";
    static final String PAS_D_OBSERVATION = "pas d'observation";
    static final String SIMULEES = "données simulées";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    record FeatureCollection(String type, List<Feature> features) {
        FeatureCollection(List<Feature> features) {
            this("FeatureCollection", features);
        }
    }

    record Feature(String type, String id, Point geometry, Map<String, Object> properties) {}

    record Point(String type, List<Double> coordinates) {}

    private ParkingsGeoJson() {}

    static Feature feature(Parking p) {
        var position = p.parc().position();
        return new Feature("Feature", p.parc().id(),
                new Point("Point", List.of(position.longitude(), position.latitude())), proprietes(p));
    }

    static Map<String, Object> proprietes(Parking p) {
        ParcStationnement parc = p.parc();
        Indicateur c = p.cellule();
        boolean observe = p.observe();
        var m = new LinkedHashMap<String, Object>();
        m.put("id", parc.id());
        m.put("nom", parc.nom());
        m.put("codeCommune", p.commune() == null ? parc.codeInsee() : p.commune().codeInsee());
        m.put("commune", p.commune() == null ? null : p.commune().nom());
        m.put("capacite", p.capacite());
        m.put("typeOuvrage", parc.typeOuvrage());
        m.put("libelleTypeOuvrage", libelleTypeOuvrage(parc.typeOuvrage()));
        m.put("gratuit", parc.gratuit());
        m.put("etat", observe ? DISPONIBLE : PAS_D_OBSERVATION);
        m.put("tauxOccupation", p.taux());
        Double max = observe ? p.mesure("taux_max") : null;
        m.put("tauxMax", max == null ? null : Math.round(max * 10) / 10.0);
        m.put("placesOccupees", p.placesOccupees());
        m.put("placesLibres", p.placesLibres());
        m.put("debut", observe ? c.debut() : null);
        m.put("fin", observe ? c.fin() : null);
        m.put("heure", observe ? heure(c.debut(), c.fin()) : null);
        m.put("sature", p.sature());
        Double arrivees = observe ? p.mesure("arrivees_estimees") : null;
        m.put("arriveesEstimees", arrivees == null ? null : Math.round(arrivees));
        Double observations = observe ? p.mesure("observations") : null;
        m.put("observations", observations == null ? null : Math.round(observations));
        m.put("simule", p.simule());
        m.put("mention", p.simule() ? SIMULEES : null);
        m.put("source", parc.source() == null ? null : parc.source().libelle());
        m.put("sourceOccupation", c == null || c.sourceNumerateur() == null ? null : c.sourceNumerateur().libelle());
        return m;
    }

    static String libelleTypeOuvrage(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "ouvrage" -> "parking en ouvrage";
            case "enclos_en_surface" -> "parking en enclos de surface";
            default -> type.replace('_', ' ');
        };
    }

    /** "mardi 4 mars 2025, 10 h – 11 h", French time; "1er" for the first of the month. */
    static String heure(Instant debut, Instant fin) {
        ZonedDateTime d = debut.atZone(PARIS);
        ZonedDateTime f = fin.atZone(PARIS);
        String jour = JOUR.format(d);
        if (d.getDayOfMonth() == 1) {
            jour = jour.replaceFirst(" 1 ", " 1er ");
        }
        return jour + ", " + d.getHour() + " h – " + f.getHour() + " h";
    }
}
