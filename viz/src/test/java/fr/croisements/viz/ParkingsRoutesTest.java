package fr.croisements.viz;

import static fr.croisements.viz.ServeurDeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Indicateur;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

/** The car-park routes on fake car parks and fake {@code occupation-parkings} cells, and the FIWARE export's fields. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParkingsRoutesTest {

    static final Source PARKINGS = new Source("Parkings (schema stationnement)", "Ville de Test", "2024", "Licence Ouverte 2.0", false);
    static final Source OCCUPATION = new Source("Occupation des parkings", "Croisements", "2025", "Licence Ouverte 2.0", true);
    /** Tuesday 4 March 2025, 9 h UTC = 10 h in Paris. */
    static final Instant HEURE = Instant.parse("2025-03-04T09:00:00Z");

    private ServeurDeTest serveur;

    @BeforeAll
    void demarrer() {
        serveur = new ServeurDeTest(List.of(Fixtures.VAL_DE_TEST, Fixtures.CORSE));
        serveur.parkings.addAll(List.of(
                new ParcStationnement("54430-P-001", "Parking de la Mairie", "54430", 420, new Position(6.12, 48.74, null),
                        "ouvrage", false, PARKINGS),
                // no INSEE code: placed by its position, in Liverdun
                new ParcStationnement("54318-P-002", "Place du Marché", null, 80, new Position(6.04, 48.74, null),
                        "enclos_en_surface", true, PARKINGS),
                new ParcStationnement("2A004-P-001", "Port d'Ajaccio", "2A004", 200, new Position(8.74, 41.93, null),
                        null, null, PARKINGS),
                new ParcStationnement("sans-position", "Nulle part", "54430", 10, null, null, null, PARKINGS)));
        // seven days of hours for the Mairie: 72.4 % the latest hour, saturated earlier
        for (int h = 7 * 24 - 1; h >= 0; h--) {
            Instant debut = HEURE.minus(Duration.ofHours(h));
            double taux = h == 0 ? 72.4 : (debut.atZone(java.time.ZoneId.of("Europe/Paris")).getHour() == 10 ? 60 : 30);
            serveur.queries.ajouter(cellule("54430-P-001", "Parking de la Mairie", debut, taux, 420, h == 0 ? 1 : 0, 35));
        }
        // an old hour, out of the 7 days
        serveur.queries.ajouter(cellule("54430-P-001", "Parking de la Mairie", HEURE.minus(Duration.ofDays(9)), 100, 420, 1, 0));
        serveur.queries.ajouter(cellule("54318-P-002", "Place du Marché", HEURE, 97.5, 80, 1, 12));
    }

    @AfterAll
    void arreter() {
        serveur.close();
    }

    static Indicateur cellule(String id, String nom, Instant debut, double taux, double places, int saturee, int arrivees) {
        return new Indicateur("occupation-parkings", id, Zone.PARKING, nom, debut, debut.plus(Duration.ofHours(1)), taux, "%",
                taux * places / 100, places, OCCUPATION, PARKINGS,
                Map.of("taux_max", Math.min(100, taux + 5), "heures_saturees", (double) saturee,
                        "arrivees_estimees", (double) arrivees, "observations", 12.0), 1L, false, true);
    }

    @Test
    void servesTheCarParksOfTheTerritoryWithTheirLatestHourInFrench() {
        var reponse = serveur.get("/api/parkings.geojson?territoire=val-de-test");
        assertThat(reponse.statusCode()).isEqualTo(200);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        JsonNode carte = json(reponse);
        assertThat(carte.get("features")).extracting(f -> f.get("id").asText()).containsExactly("54318-P-002", "54430-P-001");

        JsonNode mairie = carte.get("features").get(1);
        assertThat(mairie.get("geometry").get("coordinates")).extracting(JsonNode::asDouble).containsExactly(6.12, 48.74);
        JsonNode p = mairie.get("properties");
        assertThat(p.get("nom").asText()).isEqualTo("Parking de la Mairie");
        assertThat(p.get("commune").asText()).isEqualTo("Pompey");
        assertThat(p.get("capacite").asInt()).isEqualTo(420);
        assertThat(p.get("typeOuvrage").asText()).isEqualTo("ouvrage");
        assertThat(p.get("gratuit").asBoolean()).isFalse();
        assertThat(p.get("etat").asText()).isEqualTo("valeur disponible");
        assertThat(p.get("tauxOccupation").asDouble()).isEqualTo(72.4);
        assertThat(p.get("placesLibres").asInt()).as("420 − 304.08 rounded").isEqualTo(116);
        assertThat(p.get("heure").asText()).isEqualTo("mardi 4 mars 2025, 10 h – 11 h");
        assertThat(p.get("sature").asBoolean()).isTrue();
        assertThat(p.get("arriveesEstimees").asInt()).isEqualTo(35);
        assertThat(p.get("simule").asBoolean()).isTrue();
        assertThat(p.get("mention").asText()).isEqualTo("données simulées");
        assertThat(p.get("source").asText()).isEqualTo("Ville de Test, Parkings (schema stationnement) (2024)");

        JsonNode marche = carte.get("features").get(0).get("properties");
        assertThat(marche.get("commune").asText()).as("placed by its position").isEqualTo("Liverdun");
        assertThat(marche.get("placesLibres").asInt()).isEqualTo(2);
    }

    @Test
    void aCarParkWithoutCellSaysSoAndAnUnknownTerritoryIs404() {
        JsonNode ajaccio = json(serveur.get("/api/parkings.geojson?territoire=corse-de-test")).get("features");
        assertThat(ajaccio).hasSize(1);
        JsonNode p = ajaccio.get(0).get("properties");
        assertThat(p.get("etat").asText()).isEqualTo("pas d'observation");
        assertThat(p.get("tauxOccupation").isNull()).isTrue();
        assertThat(p.get("placesLibres").isNull()).isTrue();
        assertThat(p.get("heure").isNull()).isTrue();
        assertThat(p.get("simule").asBoolean()).isFalse();

        assertThat(json(serveur.get("/api/parkings.geojson")).get("features")).as("every territory").hasSize(3);
        assertThat(serveur.get("/api/parkings.geojson?territoire=atlantide").statusCode()).isEqualTo(404);
        assertThat(serveur.get("/api/parkings.ngsi.json?territoire=atlantide").statusCode()).isEqualTo(404);
    }

    @Test
    void theProfileAveragesTheLast7DaysByHourOfTheDayInFrenchTime() {
        JsonNode profil = json(serveur.get("/api/parkings/54430-P-001/profil"));
        assertThat(profil.get("libelle").asText()).isEqualTo("profil moyen sur 7 jours");
        assertThat(profil.get("nom").asText()).isEqualTo("Parking de la Mairie");
        JsonNode heures = profil.get("heures");
        assertThat(heures).hasSize(24);
        assertThat(heures.get(10).get("heure").asInt()).isEqualTo(10);
        // six days at 60 % and the latest at 72.4 %; the 100 % of nine days ago is left out
        assertThat(heures.get(10).get("tauxMoyen").asDouble()).isEqualTo(Math.round(10 * (6 * 60 + 72.4) / 7) / 10.0);
        assertThat(heures.get(10).get("heures").asInt()).isEqualTo(7);
        assertThat(heures.get(3).get("tauxMoyen").asDouble()).isEqualTo(30.0);

        JsonNode sansCellule = json(serveur.get("/api/parkings/2A004-P-001/profil"));
        assertThat(sansCellule.get("heures").get(0).get("tauxMoyen").isNull()).isTrue();
        assertThat(serveur.get("/api/parkings/inconnu/profil").statusCode()).isEqualTo(404);
    }

    /**
     * The names and JSON types of the FIWARE Smart Data Model {@code OffStreetParking} (dataModel.Parking
     * schema.json, $schemaVersion 0.1.3, with GSMA-Commons and Location-Commons), for the attributes we write.
     */
    static final Map<String, String> SCHEMA = Map.ofEntries(
            Map.entry("id", "string"), Map.entry("type", "string"), Map.entry("name", "string"),
            Map.entry("location", "object"), Map.entry("address", "object"), Map.entry("category", "array"),
            Map.entry("layout", "array"), Map.entry("allowedVehicleType", "array"),
            Map.entry("totalSpotNumber", "integer"), Map.entry("availableSpotNumber", "integer"),
            Map.entry("occupiedSpotNumber", "integer"), Map.entry("occupancy", "number"),
            Map.entry("occupancyDetectionType", "array"), Map.entry("status", "array"),
            Map.entry("occupancyModified", "string"), Map.entry("observationDateTime", "string"),
            Map.entry("dateModified", "string"), Map.entry("source", "string"), Map.entry("dataProvider", "string"),
            Map.entry("description", "string"), Map.entry("dateCreated", "string"));
    static final Set<String> CATEGORIES = Set.of("barrierAccess", "feeCharged", "forCustomers", "forDisabled",
            "forElectricalCharging", "forEmployees", "forMembers", "forResidents", "forStudents", "forVisitors", "free",
            "freeAccess", "gateAccess", "guarded", "ground", "longTerm", "mediumTerm", "onlyResidents", "onlyWithPermit",
            "parkingGarage", "parkingLot", "private", "public", "publicPrivate", "shortTerm", "staffed", "underground",
            "urbanDeterrentParking", "other");
    static final Set<String> STATUTS = Set.of("almostFull", "closed", "closedAbnormal", "full", "fullAtEntrance", "open",
            "openingTimesInForce", "spacesAvailable");
    static final Set<String> DETECTION = Set.of("balancing", "manual", "modelBased", "none", "singleSpaceDetection");
    static final Set<String> LAYOUTS = Set.of("automatedParkingGarage", "carports", "covered", "field", "garageBoxes",
            "multiLevel", "multiStorey", "nested", "openSpace", "rooftop", "sheds", "singleLevel", "surface", "other");

    @Test
    void theFiwareExportHasOnlyOffStreetParkingFieldsWithTheirSchemaTypesAndValues() {
        var reponse = serveur.get("/api/parkings.ngsi.json");
        assertThat(reponse.statusCode()).isEqualTo(200);
        JsonNode entites = json(reponse);
        assertThat(entites.isArray()).isTrue();
        assertThat(entites).hasSize(3);
        for (JsonNode e : entites) {
            for (String requis : List.of("id", "type", "location")) {
                assertThat(e.has(requis)).as("required %s", requis).isTrue();
            }
            assertThat(e.get("type").asText()).isEqualTo("OffStreetParking");
            assertThat(e.get("id").asText()).matches("urn:ngsi-ld:OffStreetParking:[A-Za-z0-9._~%-]+");
            for (Iterator<String> noms = e.fieldNames(); noms.hasNext(); ) {
                String nom = noms.next();
                assertThat(SCHEMA).as("attribute %s of OffStreetParking", nom).containsKey(nom);
                assertThat(typeJson(e.get(nom))).as("type of %s", nom).isIn(compatibles(SCHEMA.get(nom)));
            }
            assertThat(e.get("location").get("type").asText()).isEqualTo("Point");
            assertThat(e.get("location").get("coordinates")).hasSize(2);
            textes(e.get("category")).forEach(c -> assertThat(CATEGORIES).contains(c));
            if (e.has("status")) {
                textes(e.get("status")).forEach(s -> assertThat(STATUTS).contains(s));
            }
            if (e.has("occupancyDetectionType")) {
                textes(e.get("occupancyDetectionType")).forEach(s -> assertThat(DETECTION).contains(s));
            }
            if (e.has("layout")) {
                textes(e.get("layout")).forEach(s -> assertThat(LAYOUTS).contains(s));
            }
            if (e.has("totalSpotNumber")) {
                assertThat(e.get("totalSpotNumber").asInt()).isGreaterThanOrEqualTo(1);
            }
            if (e.has("availableSpotNumber")) {
                assertThat(e.get("availableSpotNumber").asInt()).isBetween(0, e.get("totalSpotNumber").asInt());
                assertThat(e.get("occupancy").asDouble()).isBetween(0.0, 1.0);
                Instant.parse(e.get("dateModified").asText());
                Instant.parse(e.get("observationDateTime").asText());
            }
        }
        JsonNode mairie = entites.get(2);
        assertThat(mairie.get("id").asText()).isEqualTo("urn:ngsi-ld:OffStreetParking:54430-P-001");
        assertThat(mairie.get("name").asText()).isEqualTo("Parking de la Mairie");
        assertThat(textes(mairie.get("category"))).containsExactly("public", "parkingGarage", "feeCharged");
        assertThat(mairie.get("totalSpotNumber").asInt()).isEqualTo(420);
        assertThat(mairie.get("availableSpotNumber").asInt()).isEqualTo(116);
        assertThat(textes(mairie.get("status"))).containsExactly("open");
        assertThat(mairie.get("address").get("addressLocality").asText()).isEqualTo("Pompey");
        assertThat(mairie.get("dataProvider").asText()).isEqualTo("Croisements (données simulées)");
        assertThat(mairie.get("dateModified").asText()).isEqualTo("2025-03-04T10:00:00Z");
        JsonNode marche = entites.get(1);
        assertThat(textes(marche.get("status"))).as("97.5 %%, 2 places left").containsExactly("almostFull");
        assertThat(textes(marche.get("category"))).containsExactly("public", "parkingLot", "free");
        JsonNode ajaccio = entites.get(0);
        assertThat(ajaccio.has("availableSpotNumber")).isFalse();
        assertThat(ajaccio.has("status")).isFalse();
        assertThat(ajaccio.get("dataProvider").asText()).isEqualTo("Croisements");
    }

    private static String typeJson(JsonNode n) {
        if (n.isTextual()) {
            return "string";
        }
        if (n.isIntegralNumber()) {
            return "integer";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "object";
        }
        return n.isBoolean() ? "boolean" : "null";
    }

    /** An integer is also a JSON Schema number. */
    private static Set<String> compatibles(String type) {
        return type.equals("number") ? Set.of("number", "integer") : Set.of(type);
    }

    private static List<String> textes(JsonNode tableau) {
        var t = new ArrayList<String>();
        tableau.forEach(n -> t.add(n.asText()));
        return t;
    }
}
