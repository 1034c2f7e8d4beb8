package fr.croisements.ingest.parking;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static fr.croisements.ingest.parking.DonneesParking.fichier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.datasets.Signalement;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.Rejet;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.csv.Correspondance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OccupationAdapterTest {

    /** The example of the module README: a city's own column names, written for the project. */
    static final Path EXEMPLE_VILLE = Path.of("../docs/exemples/occupation-parkings-la-rochelle.csv");

    private final OccupationAdapter adaptateur = new OccupationAdapter(DonneesParking.HORLOGE);
    private final MockProducer<String, OccupationParking> occupations = DonneesParking.producteurOccupations();
    private final MockProducer<String, Rejet> rejets = DonneesParking.producteurRejets();

    @Test
    @DonneesOfficiellesRequises
    void readsEveryRowOfTheRealMontpellierSeriesInParisTime() throws IOException {
        OccupationAdapter.Observations lu = OccupationAdapter.lire(fichier(DonneesParking.MONTPELLIER_OCCUPATION));

        assertThat(lu.rejets()).isEmpty();
        assertThat(lu.valeurs()).hasSize(28_032);
        // First row: 2025-12-28;21:57;urn:ngsi-ld:parking:001;Antigone;165;239 (21:57 in Paris is 20:57 UTC in winter)
        assertThat(lu.valeurs().get(0)).isEqualTo(new OccupationParking("urn:ngsi-ld:parking:001",
                Instant.parse("2025-12-28T20:57:00Z"), 165, 239, null, false));
        // Last row: 2026-02-08;21:29;urn:ngsi-ld:parking:019;Vicarello;41;64
        assertThat(lu.valeurs().get(28_031)).isEqualTo(new OccupationParking("urn:ngsi-ld:parking:019",
                Instant.parse("2026-02-08T20:29:00Z"), 41, 64, null, false));
        assertThat(lu.valeurs()).filteredOn(o -> o.parkingId().equals("urn:ngsi-ld:parking:024")).first()
                .extracting(OccupationParking::placesLibres, OccupationParking::capacite).containsExactly(1622, 1911);
        assertThat(lu.valeurs().stream().map(OccupationParking::parkingId).distinct()).hasSize(24);
        assertThat(lu.valeurs()).allSatisfy(o -> assertThat(o.placesLibres()).isBetween(0, o.capacite()));
    }

    @Test
    @DonneesOfficiellesRequises
    void publishesTheMontpellierSeriesKeyedByCarParkAtItsObservationTime() throws IOException {
        Bilan bilan = adaptateur.publier(fichier(DonneesParking.MONTPELLIER_OCCUPATION), occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(28_032, 28_032, 0));
        assertThat(rejets.history()).isEmpty();
        ProducerRecord<String, OccupationParking> premier = occupations.history().get(0);
        assertThat(premier.topic()).isEqualTo("stationnement-occupation");
        assertThat(premier.key()).isEqualTo("urn:ngsi-ld:parking:001");
        assertThat(premier.timestamp()).isEqualTo(Instant.parse("2025-12-28T20:57:00Z").toEpochMilli());
        assertThat(premier.value().simule()).isFalse();
        assertThat(occupations.history().stream().map(ProducerRecord::key).distinct()).hasSize(24);
    }

    @Test
    void rejectsImpossibleValuesWithTheirLineAndGoesOn() throws IOException {
        String csv = """
                parking_id,horodatage,places_libres,capacite,statut
                P1,2026-01-05T08:30:00+01:00,120,400,Ouvert
                P1,2026-01-05T08:45:00+01:00,-3,400,
                P1,2026-01-05T09:00:00+01:00,520,400,
                P1,2026-01-05 09:15,100,400,
                P1,2026-01-05T09:30:00,100,400,

                P1,2026-01-05T09:45:00Z,dix,400,
                P1,2026-01-05T10:00:00Z,10,0,
                ,2026-01-05T10:15:00Z,10,400,
                P2,2026-01-05T10:30:00Z,0,,full
                """;

        Bilan bilan = publier(csv, "occupation.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(9, 2, 7));
        assertThat(occupations.history()).extracting(ProducerRecord::value).containsExactly(
                new OccupationParking("P1", Instant.parse("2026-01-05T07:30:00Z"), 120, 400, "ouvert", false),
                new OccupationParking("P2", Instant.parse("2026-01-05T10:30:00Z"), 0, null, "complet", false));
        assertThat(rejets.history()).extracting(r -> r.value().position(), r -> r.value().raison()).containsExactly(
                tuple("occupation.csv:3", "places libres négatives : -3"),
                tuple("occupation.csv:4", "plus de places libres (520) que de places au total (400)"),
                tuple("occupation.csv:5", "horodatage sans fuseau horaire : « 2026-01-05 09:15 » (ajouter Z ou +01:00)"),
                tuple("occupation.csv:6", "horodatage sans fuseau horaire : « 2026-01-05T09:30:00 » (ajouter Z ou +01:00)"),
                tuple("occupation.csv:8", "places_libres illisible : « dix » (nombre entier attendu)"),
                tuple("occupation.csv:9", "capacité nulle ou négative : 0"),
                tuple("occupation.csv:10", "valeur manquante : parking_id"));
        assertThat(rejets.history().get(0).value().extrait()).isEqualTo("P1,2026-01-05T08:45:00+01:00,-3,400,");
    }

    /** Found by the fuzz suites: a huge JSON count was cast to a negative int and published; a year before 1970 made the producer throw. */
    @Test
    void rejectsAHugeJsonCountAndADateKafkaCannotCarry() throws IOException {
        String ndjson = """
                {"parking_id":"P1","horodatage":"2026-01-05T08:30:00Z","places_libres":12,"capacite":9223372036854775807}
                {"parking_id":"P1","horodatage":"2026-01-05T08:30:00Z","places_libres":4294967308,"capacite":400}
                {"parking_id":"P1","horodatage":"0026-01-05T08:30:00Z","places_libres":12,"capacite":400}
                {"parking_id":"P1","horodatage":"2026-01-05T08:45:00Z","places_libres":12,"capacite":400}
                """;

        Bilan bilan = publier(ndjson, "releves.ndjson");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(4, 1, 3));
        assertThat(occupations.history()).extracting(r -> r.value().capacite()).containsExactly(400);
        assertThat(rejets.history()).extracting(r -> r.value().position()).containsExactly(
                "releves.ndjson:1", "releves.ndjson:2", "releves.ndjson:3");
        assertThat(rejets.history().get(2).value().raison()).startsWith("horodatage hors des dates possibles : « 0026-01-05T08:30:00Z »");
    }

    /** Issue #13: a city's own occupancy CSV, its columns named with --colonne, offsets and decimal commas honoured. */
    @Test
    void readsACitysOwnColumnsNamedWithColonneWithTheirOffsetsAndDecimalCommas() throws IOException {
        var colonnes = new Correspondance(Map.of("id", "parking", "places-libres", "free", "capacite", "max",
                "instant", "collected_at", "statut", "status"));
        var ville = new OccupationAdapter(DonneesParking.HORLOGE, colonnes);

        Bilan bilan = ville.publier(Files.newInputStream(EXEMPLE_VILLE), "occupation-parkings-la-rochelle.csv",
                OccupationAdapter.Format.CSV, occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(4, 3, 1));
        assertThat(occupations.history()).extracting(ProducerRecord::value).containsExactly(
                // "120,0" in quotes: a whole number written with a decimal comma
                new OccupationParking("17300-P-007", Instant.parse("2025-06-30T06:15:00Z"), 120, 557, "ouvert", false),
                // a space instead of the T, as a database exports it
                new OccupationParking("17300-P-007", Instant.parse("2025-06-30T06:30:00Z"), 97, 557, "ouvert", false),
                new OccupationParking("17300-P-006", Instant.parse("2025-06-30T06:45:00Z"), 0, 350, "complet", false));
        // a message names the column as the file does
        assertThat(rejets.history()).extracting(r -> r.value().position(), r -> r.value().raison()).containsExactly(
                tuple("occupation-parkings-la-rochelle.csv:5", "free illisible : « 35,5 » (nombre entier attendu)"));
    }

    @Test
    void honoursEveryWayOfWritingAnOffset() {
        Instant attendu = Instant.parse("2025-06-30T06:15:00Z");
        assertThat(List.of("2025-06-30T08:15:00+02:00", "2025-06-30T08:15:00+0200", "2025-06-30T08:15+02",
                "2025-06-30 08:15:00+02:00", "2025-06-30T06:15:00Z", "2025-06-30T06:15:00.000z", "2025-06-30T01:15:00-05:00"))
                .allSatisfy(texte -> assertThat(LectureOccupations.horodatage(texte)).as(texte).isEqualTo(attendu));
        assertThat(LectureOccupations.horodatage("2025-06-30T08:15:00")).isNull();
        assertThat(LectureOccupations.horodatage("30/06/2025 08:15+02:00")).isNull();
    }

    @Test
    void occupiedPlacesAndACapacityGiveTheFreePlaces() throws IOException {
        var colonnes = new Correspondance(Map.of("occupees", "occupied", "capacite", "total", "id", "ref"));
        var ville = new OccupationAdapter(DonneesParking.HORLOGE, colonnes);
        String csv = """
                ref;occupied;total;horodatage
                P1;300;400;2026-01-05T08:30:00+01:00
                P1;450;400;2026-01-05T08:45:00+01:00
                P1;120;;2026-01-05T09:00:00+01:00
                """;

        Bilan bilan = ville.publier(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "occupees.csv", null,
                occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(3, 1, 2));
        assertThat(occupations.history()).singleElement().extracting(r -> r.value().placesLibres(), r -> r.value().capacite())
                .containsExactly(100, 400);
        assertThat(rejets.history()).extracting(r -> r.value().raison()).containsExactly(
                "plus de places occupées (450) que de places au total (400)",
                "places occupées sans capacité : les places libres ne peuvent pas être calculées");
    }

    @Test
    void aFileWhoseColumnsCannotBeMatchedNamesTheRolesMissingAndSuggestsColonne() throws IOException {
        Bilan bilan = adaptateur.publier(Files.newInputStream(EXEMPLE_VILLE), "occupation-parkings-la-rochelle.csv",
                OccupationAdapter.Format.CSV, occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(0, 0, 1));
        assertThat(occupations.history()).isEmpty();
        assertThat(rejets.history()).singleElement().extracting(r -> r.value().position(), r -> r.value().raison())
                .containsExactly("occupation-parkings-la-rochelle.csv:1", "colonnes manquantes : parking_id (rôle id),"
                        + " places_libres (rôle places-libres ; ou places_occupees, rôle occupees, avec la capacité),"
                        + " horodatage (rôle instant ; ou date et heure_locale, rôles date et heure) ; colonnes du fichier :"
                        + " parking, name, free, max, collected_at, status ; si votre fichier les nomme autrement,"
                        + " indiquez-les avec --colonne ROLE=NOM, par exemple --colonne id=parking --colonne places-libres=free"
                        + " --colonne instant=collected_at --colonne capacite=max --colonne statut=status");
    }

    @Test
    void aColonneNamingAColumnTheFileDoesNotHaveRejectsTheFileNamingTheFilesColumns() throws IOException {
        var ville = new OccupationAdapter(DonneesParking.HORLOGE, new Correspondance(Map.of("places-libres", "libres")));

        Bilan bilan = ville.publier(Files.newInputStream(EXEMPLE_VILLE), "ville.csv", OccupationAdapter.Format.CSV,
                occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(0, 0, 1));
        assertThat(rejets.history()).singleElement().extracting(r -> r.value().raison()).isEqualTo("--colonne"
                + " places-libres=libres : le fichier n'a pas de colonne « libres » (colonnes du fichier : parking, name,"
                + " free, max, collected_at, status)");
    }

    @Test
    void refusesARoleItDoesNotKnowNamingTheRolesItKnows() {
        assertThatThrownBy(() -> new OccupationAdapter(new Correspondance(Map.of("longitude", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rôle inconnu pour l'adaptateur occupation : « longitude » dans --colonne longitude=x (rôles :"
                        + " id, instant, date, heure, places-libres, occupees, capacite, statut)");
    }

    @Test
    void namesJsonFieldsWithColonneToo() throws IOException {
        var ville = new OccupationAdapter(DonneesParking.HORLOGE, new Correspondance(Map.of("id", "parking",
                "places-libres", "free", "capacite", "max", "instant", "collected_at")));
        String ndjson = """
                {"parking":"17300-P-007","free":120,"max":557,"collected_at":"2025-06-30T08:15:00+02:00"}
                {"Parking":"17300-P-006","Free":"0","Max":350,"Collected_At":"2025-06-30T06:45:00Z"}
                """;

        Bilan bilan = ville.publier(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), "ville.ndjson",
                OccupationAdapter.Format.JSON, occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(2, 2, 0));
        assertThat(occupations.history()).extracting(ProducerRecord::value).containsExactly(
                new OccupationParking("17300-P-007", Instant.parse("2025-06-30T06:15:00Z"), 120, 557, null, false),
                new OccupationParking("17300-P-006", Instant.parse("2025-06-30T06:45:00Z"), 0, 350, null, false));
    }

    @Test
    void rejectsUnreadableDatesAndHoursOfTheMontpellierLayout() throws IOException {
        String csv = """
                date;heure_locale;parking_id;nom;places_libres;places_totales
                2026-01-10;09:30;urn:ngsi-ld:parking:001;Antigone;100;239
                2026-02-30;09:30;urn:ngsi-ld:parking:001;Antigone;100;239
                2026-01-10;9h30;urn:ngsi-ld:parking:001;Antigone;100;239
                2026-01-10;10:00;urn:ngsi-ld:parking:001;Antigone;240;239
                2026-07-10;10:00;urn:ngsi-ld:parking:001;Antigone;39;239
                """;

        Bilan bilan = publier(csv, "montpellier.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(5, 2, 3));
        assertThat(occupations.history()).extracting(r -> r.value().instant()).containsExactly(
                Instant.parse("2026-01-10T08:30:00Z"), Instant.parse("2026-07-10T08:00:00Z")); // winter, summer time
        assertThat(rejets.history()).extracting(r -> r.value().position(), r -> r.value().raison()).containsExactly(
                tuple("montpellier.csv:3", "date illisible : « 2026-02-30 » (AAAA-MM-JJ attendu)"),
                tuple("montpellier.csv:4", "heure illisible : « 9h30 » (HH:MM attendu, heure de Paris)"),
                tuple("montpellier.csv:5", "plus de places libres (240) que de places au total (239)"));
    }

    @Test
    void rejectsAHeaderWithoutTimeAsAWholeFile() throws IOException {
        Bilan bilan = publier("parking_id;places_libres\nP1;12\n", "sans-temps.csv");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(0, 0, 1));
        assertThat(rejets.history()).singleElement().extracting(r -> r.value().position(), r -> r.value().raison())
                .containsExactly("sans-temps.csv:1", "colonne manquante : horodatage (rôle instant ; ou date et"
                        + " heure_locale, rôles date et heure) ; colonnes du fichier : parking_id, places_libres ; si votre"
                        + " fichier les nomme autrement, indiquez-les avec --colonne ROLE=NOM, par exemple --colonne instant=NOM");
    }

    @Test
    void readsNdjsonFromStandardInputAndGoesOnAfterABrokenLine() throws IOException {
        String ndjson = """
                {"parking_id":"P1","horodatage":"2026-01-05T08:30:00+01:00","places_libres":120,"capacite":400}
                {"parking_id":"P1","horodatage":"2026-01-05T08:45:00+01:00","places_libres":
                {"parking_id":"P1","horodatage":"2026-01-05T09:00:00+01:00","places_libres":-1}
                ["pas un objet"]

                {"parking_id":"P2","horodatage":"2026-01-05T09:00:00Z","places_libres":"7","statut":"presque complet"}
                """;

        Bilan bilan = adaptateur.publier(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                "entrée standard", null, occupations, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(5, 2, 3));
        assertThat(occupations.history()).extracting(ProducerRecord::value).containsExactly(
                new OccupationParking("P1", Instant.parse("2026-01-05T07:30:00Z"), 120, 400, null, false),
                new OccupationParking("P2", Instant.parse("2026-01-05T09:00:00Z"), 7, null, "presque_complet", false));
        assertThat(rejets.history()).extracting(r -> r.value().position()).containsExactly(
                "entrée standard:2", "entrée standard:3", "entrée standard:4");
        assertThat(rejets.history().get(0).value().raison()).startsWith("JSON tronqué (fin de texte inattendue) colonne ");
        assertThat(rejets.history().get(1).value().raison()).isEqualTo("places libres négatives : -1");
        assertThat(rejets.history().get(2).value().raison()).isEqualTo("objet JSON attendu (un objet par observation)");
    }

    @Test
    void readsFiwareOffStreetParkingEntitiesInKeyValuesAndNormalisedForm() throws IOException {
        String json = """
                [
                  {"id": "urn:ngsi-ld:parking:001", "type": "OffStreetParking", "availableSpotNumber": 165,
                   "totalSpotNumber": 239, "status": ["open", "spacesAvailable"], "dateModified": "2025-12-28T20:57:00Z"},
                  {
                    "id": "urn:ngsi-ld:parking:003",
                    "type": "OffStreetParking",
                    "availableSpotNumber": {"type": "Property", "value": 12, "observedAt": "2025-12-28T21:00:00.000Z"},
                    "totalSpotNumber": {"type": "Property", "value": 664},
                    "status": {"type": "Property", "value": "almostFull"}
                  },
                  {"id": "urn:ngsi-ld:parking:004", "availableSpotNumber": 500, "totalSpotNumber": 480,
                   "dateModified": "2025-12-28T21:00:00Z"}
                ]
                """;

        Bilan bilan = publier(json, "entites.json");

        assertThat(bilan.comptes()).isEqualTo(new Bilan(3, 2, 1));
        assertThat(occupations.history()).extracting(ProducerRecord::value).containsExactly(
                new OccupationParking("urn:ngsi-ld:parking:001", Instant.parse("2025-12-28T20:57:00Z"), 165, 239, "ouvert", false),
                new OccupationParking("urn:ngsi-ld:parking:003", Instant.parse("2025-12-28T21:00:00Z"), 12, 664,
                        "presque_complet", false));
        assertThat(rejets.history()).singleElement().extracting(r -> r.value().position(), r -> r.value().raison())
                .containsExactly("entites.json:11", "plus de places libres (500) que de places au total (480)");
    }

    @Test
    void readsAJsonFileWhoseContentIsJsonWhateverItsName() throws IOException {
        OccupationAdapter.Observations lu = lire("""
                {"parking_id":"P1","horodatage":"2026-01-05T08:30:00+01:00","places_libres":12}
                """);

        assertThat(lu.valeurs()).extracting(OccupationParking::placesLibres).containsExactly(12);
        assertThat(lu.rejets()).isEmpty();
    }

    @Test
    void translatesDatexAndFiwareStatusesIntoOurWords() {
        assertThat(List.of("open", "spacesAvailable", "Ouvert", "almostFull", "Presque complet", "full", "fullAtEntrance",
                "COMPLET", "closed", "closedAbnormal", "Fermé", "unknown", " ", "en travaux"))
                .map(LectureOccupations::statut)
                .containsExactly("ouvert", "ouvert", "ouvert", "presque_complet", "presque_complet", "complet", "complet",
                        "complet", "ferme", "ferme", "ferme", null, null, "en travaux");
    }

    @Test
    void rejectsAnUnreadableObjectOfAJsonArrayWithItsLineAndReadsTheNextOnes() throws IOException {
        OccupationAdapter.Observations lu = lire("""
                [
                  {"parking_id":"P1","horodatage":"2026-01-05T08:30:00Z","places_libres":12},
                  {"parking_id":"P2","horodatage": "2026-01-05T08:30:00Z" "places_libres":3},
                  {"parking_id":"P3","horodatage":"2026-01-05T08:30:00Z","places_libres":7},
                  {"parking_id":"P4","horodatage":
                """);

        assertThat(lu.valeurs()).extracting(OccupationParking::parkingId).containsExactly("P1", "P3");
        assertThat(lu.rejets()).extracting(Signalement::ligne).containsExactly(3L, 5L);
        assertThat(lu.rejets().get(0).raison()).isEqualTo("JSON invalide ligne 3, colonne 59 : caractère « \" »"
                + " inattendu : virgule attendue entre deux champs de l'objet");
        assertThat(lu.rejets().get(1).raison()).startsWith("JSON tronqué");
    }

    @Test
    void warnsAboutACarParkIdTrimmedOfItsSpacesInCsvAndJson() throws IOException {
        Bilan csv = publier("parking_id,horodatage,places_libres\n P1,2026-01-05T08:30:00Z,12\n", "releves.csv");
        Bilan json = publier("{\"parking_id\": \"P2  \", \"horodatage\": \"2026-01-05T08:30:00Z\", \"places_libres\": 3}\n",
                "releves.ndjson");

        assertThat(csv.avertissements()).containsExactly("releves.csv:2 : parking_id « P1 » : espace en début de valeur retiré");
        assertThat(json.avertissements()).containsExactly("releves.ndjson:1 : parking_id « P2 » : 2 espaces en fin de valeur retirés");
        assertThat(occupations.history()).extracting(r -> r.value().parkingId()).containsExactly("P1", "P2");
    }

    private Bilan publier(String texte, String nom) throws IOException {
        return adaptateur.publier(new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8)), nom,
                OccupationAdapter.format(nom), occupations, rejets);
    }

    private OccupationAdapter.Observations lire(String texte) throws IOException {
        var dossier = java.nio.file.Files.createTempDirectory("occupation");
        var f = dossier.resolve("releves.txt");
        java.nio.file.Files.writeString(f, texte);
        try {
            return OccupationAdapter.lire(f);
        } finally {
            java.nio.file.Files.delete(f);
            java.nio.file.Files.delete(dossier);
        }
    }
}
