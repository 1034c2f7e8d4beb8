package fr.croisements.ingest.parking;

import static fr.croisements.ingest.parking.DonneesParking.fichier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.datasets.Signalement;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.Rejet;
import fr.croisements.ingest.Bilan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OccupationAdapterTest {

    private final OccupationAdapter adaptateur = new OccupationAdapter(DonneesParking.HORLOGE);
    private final MockProducer<String, OccupationParking> occupations = DonneesParking.producteurOccupations();
    private final MockProducer<String, Rejet> rejets = DonneesParking.producteurRejets();

    @Test
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
                tuple("occupation.csv:5", "horodatage illisible : « 2026-01-05 09:15 » (ISO 8601 attendu, par exemple "
                        + "2026-01-05T08:30:00+01:00)"),
                tuple("occupation.csv:6", "horodatage sans fuseau horaire : « 2026-01-05T09:30:00 » (ajouter Z ou +01:00)"),
                tuple("occupation.csv:8", "places_libres illisible : « dix » (nombre entier attendu)"),
                tuple("occupation.csv:9", "capacité nulle ou négative : 0"),
                tuple("occupation.csv:10", "valeur manquante : parking_id"));
        assertThat(rejets.history().get(0).value().extrait()).isEqualTo("P1,2026-01-05T08:45:00+01:00,-3,400,");
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
                .containsExactly("sans-temps.csv:1", "colonne manquante : horodatage (ou date et heure_locale)");
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
