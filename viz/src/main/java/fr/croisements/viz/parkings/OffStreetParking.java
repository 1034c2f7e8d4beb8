package fr.croisements.viz.parkings;

import fr.croisements.events.ParcStationnement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One car park as a FIWARE Smart Data Model {@code OffStreetParking} entity in keyValues form
 * (dataModel.Parking, schema {@code $schemaVersion} 0.1.3, with the GSMA and Location commons).
 * Only attributes that are known are written:
 *
 * <pre>
 * id                     urn:ngsi-ld:OffStreetParking:&lt;id&gt; (the id percent-encoded outside [A-Za-z0-9._~-])
 * type                   "OffStreetParking"
 * name, location         the name, a GeoJSON Point
 * address                {addressLocality, addressCountry "FR"} when the commune is known
 * category               "public", "parkingGarage" (ouvrage) or "parkingLot" (enclos en surface), "free" / "feeCharged"
 * layout                 ["openSpace"] for an enclosure on the surface
 * allowedVehicleType     ["car"]
 * totalSpotNumber        places (integer ≥ 1)
 * availableSpotNumber    places minus the mean occupied places of the latest hour (integer, ≤ total)
 * occupiedSpotNumber     mean occupied places of the latest hour (integer)
 * occupancy              the same as a share, 0 to 1
 * occupancyDetectionType ["modelBased"] when simulated
 * status                 ["full"] (no place left), ["almostFull"] (90 % or more), else ["open"]
 * occupancyModified, observationDateTime, dateModified   end of the latest hour (ISO-8601, UTC)
 * source                 the car park's source label
 * dataProvider           "Croisements (données simulées)" when simulated, else "Croisements"
 * </pre>
 *
 * The schema has no {@code dateObserved}: the hour observed is given by {@code observationDateTime}.
 * Pure.
 */
final class OffStreetParking {

    static final String TYPE = "OffStreetParking";
    static final double PRESQUE_PLEIN = 90;

    private OffStreetParking() {}

    static Map<String, Object> entite(Parking p) {
        ParcStationnement parc = p.parc();
        var e = new LinkedHashMap<String, Object>();
        e.put("id", "urn:ngsi-ld:" + TYPE + ":" + identifiant(parc.id()));
        e.put("type", TYPE);
        if (parc.nom() != null && !parc.nom().isBlank()) {
            e.put("name", parc.nom());
        }
        e.put("location", Map.of("type", "Point",
                "coordinates", List.of(parc.position().longitude(), parc.position().latitude())));
        if (p.commune() != null) {
            var adresse = new LinkedHashMap<String, Object>();
            adresse.put("addressLocality", p.commune().nom());
            adresse.put("addressCountry", "FR");
            e.put("address", adresse);
        }
        e.put("category", categories(parc));
        if ("enclos_en_surface".equals(parc.typeOuvrage())) {
            e.put("layout", List.of("openSpace"));
        }
        e.put("allowedVehicleType", List.of("car"));
        Integer capacite = p.capacite();
        if (capacite != null) {
            e.put("totalSpotNumber", capacite);
        }
        Integer libres = p.placesLibres();
        if (libres != null) {
            e.put("availableSpotNumber", libres);
            e.put("occupiedSpotNumber", p.placesOccupees());
            e.put("occupancy", Math.round(10_000.0 * p.placesOccupees() / capacite) / 10_000.0);
        }
        if (p.simule()) {
            e.put("occupancyDetectionType", List.of("modelBased"));
        }
        if (p.observe()) {
            e.put("status", List.of(statut(p)));
            String fin = p.cellule().fin().toString();
            e.put("occupancyModified", fin);
            e.put("observationDateTime", fin);
            e.put("dateModified", fin);
        }
        if (parc.source() != null) {
            e.put("source", parc.source().libelle());
        }
        e.put("dataProvider", p.simule() ? "Croisements (données simulées)" : "Croisements");
        return e;
    }

    static String statut(Parking p) {
        Integer libres = p.placesLibres();
        if ((libres != null && libres == 0) || p.taux() >= 100) {
            return "full";
        }
        return p.taux() >= PRESQUE_PLEIN ? "almostFull" : "open";
    }

    private static List<String> categories(ParcStationnement parc) {
        var c = new ArrayList<String>();
        c.add("public"); // schema.data.gouv.fr "stationnement" lists the car parks open to the public
        if ("ouvrage".equals(parc.typeOuvrage())) {
            c.add("parkingGarage");
        } else if ("enclos_en_surface".equals(parc.typeOuvrage())) {
            c.add("parkingLot");
        }
        if (Boolean.TRUE.equals(parc.gratuit())) {
            c.add("free");
        } else if (Boolean.FALSE.equals(parc.gratuit())) {
            c.add("feeCharged");
        }
        return c;
    }

    /** The car park's id kept readable in the URN, anything else percent-encoded. */
    static String identifiant(String id) {
        var sortie = new StringBuilder();
        for (char ch : id.toCharArray()) {
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || "-._~".indexOf(ch) >= 0) {
                sortie.append(ch);
            } else {
                sortie.append(URLEncoder.encode(String.valueOf(ch), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return sortie.toString();
    }
}
