package fr.croisements.ingest.parking;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static fr.croisements.ingest.parking.DonneesParking.fichier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.datasets.ImportCsv;
import fr.croisements.datasets.Parkings;
import fr.croisements.datasets.Signalement;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Rejet;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.csv.Correspondance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkingsAdapterTest {

    private static final String ENTETE_BNLS = "id;nom;insee;adresse;url;type_usagers;gratuit;nb_places;nb_pr;nb_pmr;"
            + "nb_voitures_electriques;nb_velo;nb_2r_el;nb_autopartage;nb_2_rm;nb_covoit;hauteur_max;num_siret;Xlong;Ylat;"
            + "tarif_pmr;tarif_1h;tarif_2h;tarif_3h;tarif_4h;tarif_24h;abo_resident;abo_non_resident;type_ouvrage;info;id_source";

    private final ParkingsAdapter adaptateur = new ParkingsAdapter(DonneesParking.HORLOGE);
    private final MockProducer<String, ParcStationnement> parcs = DonneesParking.producteurParcs();
    private final MockProducer<String, Rejet> rejets = DonneesParking.producteurRejets();

    @TempDir
    Path dossier;

    @Test
    @DonneesOfficiellesRequises
    void publishesTheTwentyCarParksOfLaRochelleKeyedByIdWithTheirProducer() throws IOException {
        Bilan bilan = adaptateur.publier(fichier(DonneesParking.LA_ROCHELLE), parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(20, 20, 0));
        assertThat(rejets.history()).isEmpty();
        assertThat(parcs.history()).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("ref-parkings");
            assertThat(r.key()).isEqualTo(r.value().id());
            assertThat(r.value().source().producteur()).isEqualTo("Communauté d'agglomération de La Rochelle");
            assertThat(r.value().source().simule()).isFalse();
        });
        Map<String, ParcStationnement> parId = parId(parcs);
        assertThat(parId.values()).extracting(ParcStationnement::codeInsee).containsOnly("17028", "17200", "17291", "17300", "17391");
        assertThat(parId.values()).filteredOn(p -> p.capacite() == null).extracting(ParcStationnement::id)
                .containsExactlyInAnyOrder("17028-P-004", "17300-P-522");
        assertThat(parId.values().stream().map(ParcStationnement::capacite).filter(Objects::nonNull).mapToInt(i -> i).sum())
                .isEqualTo(5304);
        ParcStationnement verdun = parId.get("17300-P-007");
        assertThat(verdun.nom()).isEqualTo("Verdun");
        assertThat(verdun.capacite()).isEqualTo(557);
        assertThat(verdun.position()).isEqualTo(new Position(-1.1533092, 46.1625275, null));
        assertThat(parId.get("17200-P-001").typeOuvrage()).isEqualTo("ouvrage"); // "Ouvrage" normalised, with a warning
        assertThat(parId.get("17200-P-001").gratuit()).isTrue(); // "Y", with a warning
    }

    @Test
    @DonneesOfficiellesRequises
    void publishesTheEightCarParksOfPoitiersWith3311Places() throws IOException {
        Bilan bilan = adaptateur.publier(fichier(DonneesParking.POITIERS), parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(8, 8, 0));
        assertThat(rejets.history()).isEmpty();
        List<ParcStationnement> lus = parcs.history().stream().map(ProducerRecord::value).toList();
        assertThat(lus).extracting(ParcStationnement::id)
                .containsExactly("86194-P-001", "86194-P-002", "86194-P-003", "86194-P-004", "86194-P-005", "86194-P-006",
                        "86194-P-007", "86194-P-008");
        assertThat(lus.stream().mapToInt(ParcStationnement::capacite).sum()).isEqualTo(3311);
        assertThat(lus).extracting(ParcStationnement::codeInsee).containsOnly("86194");
        assertThat(lus).extracting(ParcStationnement::gratuit).containsOnly(false);
        assertThat(lus.get(3)).extracting(ParcStationnement::nom, ParcStationnement::typeOuvrage, ParcStationnement::capacite)
                .containsExactly("PALAIS DE JUSTICE", "enclos_en_surface", 140); // hauteur_max N/A
        assertThat(lus.get(0).source()).extracting(s -> s.titre(), s -> s.millesime())
                .containsExactly("Base nationale des lieux de stationnement", "2022");
    }

    /** A fresh clone shows the car parks of the packs; the official file, ingested, gives exactly the same records. */
    @Test
    @DonneesOfficiellesRequises
    void theOfficialFilesIngestedGiveTheCarParksOfTheShippedPacks() throws IOException {
        assertThat(ParkingsAdapter.lire(fichier(DonneesParking.POITIERS)).valeurs())
                .isEqualTo(Parkings.charger("grand-poitiers"));
        assertThat(ParkingsAdapter.lire(fichier(DonneesParking.LA_ROCHELLE)).valeurs())
                .containsExactlyInAnyOrderElementsOf(Parkings.charger("la-rochelle"));
    }

    @Test
    void publishesTheCarParksOfTheShippedPacksKeyedById() {
        Bilan bilan = adaptateur.publier("packs de parkings", Parkings.livres(), parcs, rejets);

        assertThat(bilan).isEqualTo(new Bilan(28, 28, 0));
        assertThat(rejets.history()).isEmpty();
        assertThat(parcs.history()).hasSize(28).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("ref-parkings");
            assertThat(r.key()).isEqualTo(r.value().id());
            assertThat(r.timestamp()).isNull();
        });
        assertThat(parId(parcs).get("17300-P-007")).extracting(ParcStationnement::nom, ParcStationnement::capacite)
                .containsExactly("Verdun", 557);
    }

    @Test
    @DonneesOfficiellesRequises
    void readsTheMontpellierFeedListWithItsOwnIdsInMontpellier() throws IOException {
        Bilan bilan = adaptateur.publier(fichier(DonneesParking.MONTPELLIER_LISTE), parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(24, 24, 0));
        Map<String, ParcStationnement> parId = parId(parcs);
        assertThat(parId).containsKeys("urn:ngsi-ld:parking:001", "urn:ngsi-ld:parking:025")
                .doesNotContainKey("urn:ngsi-ld:parking:023");
        assertThat(parId.values()).extracting(ParcStationnement::codeInsee).containsOnly("34172");
        assertThat(parId.get("urn:ngsi-ld:parking:001")).extracting(ParcStationnement::nom, ParcStationnement::capacite,
                        ParcStationnement::position)
                .containsExactly("Antigone", 239, new Position(3.88881893, 43.60871606, null));
        assertThat(parId.get("urn:ngsi-ld:parking:003").capacite()).isEqualTo(666); // min 664, max 666: the larger
        assertThat(parId.get("urn:ngsi-ld:parking:024").capacite()).isEqualTo(1911);
        assertThat(parId.get("urn:ngsi-ld:parking:001").source().producteur()).isEqualTo("Montpellier Méditerranée Métropole");
    }

    @Test
    void rejectsHostileRowsWithTheirLineAndReasonAndKeepsTheOthers() throws IOException {
        Path csv = ecrire("hostile.csv", ENTETE_BNLS,
                // 2: a ';' inside a quoted name and a quoted info: a valid row
                "86194-P-101;\"Parking \"\"A; B\"\"\";86194;;;tous;0;120;;;;;;;;;200;21860194600658;0.34;46.58;;;;;;;;;ouvrage;\"ouvert 7h; fermé 20h\";X1",
                // 3: N/A height: no limit, a valid row
                "86194-P-102;Sans hauteur;86194;;;tous;1;80;;;;;;;;;N/A;21860194600658;0.35;46.58;;;;;;;;;enclos_en_surface;;X2",
                // 4: a wrong INSEE code
                "86194-P-103;Mauvais code;86X94;;;tous;0;50;;;;;;;;;N/A;21860194600658;0.35;46.58;;;;;;;;;ouvrage;;X3",
                // 5: an unquoted ';' in the name shifts every field
                "86194-P-104;Parking A; B;86194;;;tous;0;50;;;;;;;;;N/A;21860194600658;0.35;46.58;;;;;;;;;ouvrage;;X4",
                // 6: a longitude that is not a number
                "86194-P-105;Sans position;86194;;;tous;0;50;;;;;;;;;N/A;21860194600658;est;46.58;;;;;;;;;ouvrage;;X5",
                // 7: the same id again
                "86194-P-101;Doublon;86194;;;tous;0;50;;;;;;;;;N/A;21860194600658;0.35;46.58;;;;;;;;;ouvrage;;X6");

        Bilan bilan = adaptateur.publier(csv, parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(6, 2, 4));
        assertThat(parcs.history()).extracting(r -> r.value().nom(), r -> r.value().capacite())
                .containsExactly(tuple("Parking \"A; B\"", 120), tuple("Sans hauteur", 80));
        assertThat(parcs.history().get(0).value().source().producteur()).isEqualTo("fichier importé");
        assertThat(rejets.history()).extracting(ProducerRecord::topic, ProducerRecord::key).containsOnly(tuple("rejets", "hostile.csv"));
        List<Rejet> lus = rejets.history().stream().map(ProducerRecord::value).toList();
        assertThat(lus).extracting(Rejet::position)
                .containsExactly("hostile.csv:4", "hostile.csv:5", "hostile.csv:6", "hostile.csv:7");
        assertThat(lus.get(0).raison()).contains("86X94");
        assertThat(lus.get(0).extrait()).startsWith("86194-P-103;Mauvais code");
        assertThat(lus.get(1).raison()).contains("32 champs au lieu de 31");
        assertThat(lus.get(2).raison()).contains("« est » n'est pas un nombre dans la colonne Xlong");
        assertThat(lus.get(3).raison()).contains("86194-P-101", "déjà utilisé");
        assertThat(lus).extracting(Rejet::instant).containsOnly(DonneesParking.HORLOGE.instant());
    }

    @Test
    void rejectsAFileWithoutTheSchemaColumnsAsAWholeAtLineOne() throws IOException {
        Path csv = ecrire("parkings.csv", "identifiant,nom,places", "P1,Centre,100");

        Bilan bilan = adaptateur.publier(csv, parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(0, 0, 1));
        assertThat(parcs.history()).isEmpty();
        assertThat(rejets.history()).singleElement().satisfies(r -> {
            assertThat(r.value().position()).isEqualTo("parkings.csv:1");
            assertThat(r.value().raison()).isEqualTo("colonnes manquantes : id, insee, type_usagers, gratuit, nb_places,"
                    + " hauteur_max, num_siret, Xlong, Ylat (schéma stationnement 0.1.5) ; ou, pour une liste de parkings,"
                    + " colonnes manquantes : parking_id (rôle id), lat (rôle latitude), lon (rôle longitude) ; colonnes du"
                    + " fichier : identifiant, nom, places ; si votre fichier les nomme autrement, indiquez-les avec --colonne"
                    + " ROLE=NOM, par exemple --colonne id=identifiant --colonne latitude=NOM --colonne longitude=NOM"
                    + " --colonne capacite=places");
        });
    }

    /** Issue #13: a city's own list of car parks, its columns named with --colonne, decimal commas in quotes. */
    @Test
    void readsACitysOwnListOfCarParksThroughItsColumnsNamedWithColonne() throws IOException {
        Path csv = ecrire("parkings-ville.csv", "identifiant,libelle,places,x,y,commune",
                "LR-01,Parking de la Gare,320,\"-1,1450\",\"46,1530\",17300",
                "LR-02 ,Parking du Port,,\"-1,1560\",\"46,1550\",17300",
                "LR-03,Sans position,100,,\"46,1550\",17300",
                "LR-04,Trop de places,beaucoup,\"-1,1560\",\"46,1550\",17300");
        var colonnes = new Correspondance(Map.of("id", "identifiant", "nom", "libelle", "capacite", "places",
                "longitude", "x", "latitude", "y", "insee", "commune"));

        Bilan bilan = new ParkingsAdapter(DonneesParking.HORLOGE, colonnes).publier(csv, parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(4, 2, 2));
        assertThat(parcs.history()).extracting(ProducerRecord::value).containsExactly(
                new ParcStationnement("LR-01", "Parking de la Gare", "17300", 320, new Position(-1.145, 46.153, null), null,
                        null, ParkingsAdapter.sourceImportee("parkings-ville.csv")),
                new ParcStationnement("LR-02", "Parking du Port", "17300", null, new Position(-1.156, 46.155, null), null,
                        null, ParkingsAdapter.sourceImportee("parkings-ville.csv")));
        // messages name the columns as the file does
        assertThat(rejets.history()).extracting(r -> r.value().position(), r -> r.value().raison()).containsExactly(
                tuple("parkings-ville.csv:4", "valeur manquante : x"),
                tuple("parkings-ville.csv:5", "« beaucoup » n'est pas un nombre entier positif dans la colonne places"));
        assertThat(bilan.avertissements()).containsExactly(
                "parkings-ville.csv:3 : capacité absente (places ou places_totales_max) : laissée vide",
                "parkings-ville.csv:3 : identifiant « LR-02 » : espace en fin de valeur retiré");
    }

    @Test
    void refusesARoleOfAnotherAdapter() {
        assertThatThrownBy(() -> new ParkingsAdapter(new Correspondance(Map.of("places-libres", "free"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rôle inconnu pour l'adaptateur stationnement : « places-libres » dans --colonne"
                        + " places-libres=free (rôles : id, nom, longitude, latitude, capacite, insee)");
    }

    @Test
    void warnsAboutACommuneCodeTrimmedOfItsSpaceWithItsLine() throws IOException {
        Path csv = ecrire("liste.csv", "parking_id;nom;lat;lon;capacite;insee",
                "P1;Centre;48.69;6.18;100;54395",
                "P2 ;Gare;48.69;6.17;200;54431 ");

        Bilan bilan = adaptateur.publier(csv, parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(2, 2, 0));
        assertThat(parcs.history()).extracting(r -> r.value().id(), r -> r.value().codeInsee())
                .containsExactly(tuple("P1", "54395"), tuple("P2", "54431"));
        assertThat(bilan.avertissements()).containsExactly(
                "liste.csv:3 : parking_id « P2 » : espace en fin de valeur retiré",
                "liste.csv:3 : insee « 54431 » : espace en fin de valeur retiré");
    }

    @Test
    void readsAFeedListWithImpossibleRowsRejected() throws IOException {
        Path csv = ecrire("liste.csv", "parking_id,nom,lat,lon,capacite,insee",
                "P1,Centre,46.58,0.34,100,86194",
                "P2,Loin,146.58,0.34,100,86194",
                "P3,Sans places,46.58,0.34,beaucoup,86194",
                "P4,Mauvais code,46.58,0.34,10,8619",
                "P5,Sans capacité,46.58,0.34,,");

        ImportCsv<ParcStationnement> lu = ParkingsAdapter.lire(csv);

        assertThat(lu.valeurs()).extracting(ParcStationnement::id, ParcStationnement::capacite, ParcStationnement::codeInsee)
                .containsExactly(tuple("P1", 100, "86194"), tuple("P5", null, null));
        assertThat(lu.rejets()).extracting(Signalement::ligne).containsExactly(3L, 4L, 5L);
        assertThat(lu.rejets()).extracting(Signalement::raison).satisfiesExactly(
                r -> assertThat(r).startsWith("latitude illisible ou hors de [-90, 90]"),
                r -> assertThat(r).contains("« beaucoup » n'est pas un nombre entier positif"),
                r -> assertThat(r).startsWith("code INSEE invalide : « 8619 »"));
        assertThat(lu.avertissements()).singleElement().extracting(Signalement::ligne).isEqualTo(6L);
    }

    /** Issue #13: a national file ingested after a city's never replaces the city's car parks that share its ids. */
    @Test
    void aSecondFileSharingIdsNeverReplacesTheCarParksOfTheFirstAndSaysWhy() throws IOException {
        Path ville = ecrire("parkings-ville.csv", ENTETE_BNLS,
                "17300-P-001;Verdun;17300;;;tous;0;557;;;;;;;;;200;21170300100010;-1.1533;46.1625;;;;;;;;;ouvrage;;",
                "17300-P-002;Arsenal;17300;;;tous;0;300;;;;;;;;;200;21170300100010;-1.1560;46.1590;;;;;;;;;ouvrage;;");
        Path nationale = ecrire("base-nationale.csv", ENTETE_BNLS,
                // 2: another car park under the city's id
                "17300-P-001;Jean Moulin;17300;;;tous;1;120;;;;;;;;;N/A;21170300100010;-1.1400;46.1500;;;;;;;;;;;N1",
                // 3: the city's car park, as the city gives it (the name in capitals)
                "17300-P-002;ARSENAL;17300;;;tous;0;300;;;;;;;;;200;21170300100010;-1.1560;46.1590;;;;;;;;;ouvrage;;N2",
                // 4: a car park the city does not list
                "17300-P-003;Minimes;17300;;;tous;1;80;;;;;;;;;N/A;21170300100010;-1.1600;46.1450;;;;;;;;;;;N3");
        adaptateur.publier(ville, parcs, rejets);
        // what ref-parkings holds after the city's file, as the command line reads it back
        var dejaPublies = ParcsPublies.de(parcs.history().stream().map(ProducerRecord::value).toList());
        parcs.clear();

        Bilan bilan = adaptateur.publier(nationale, dejaPublies, parcs, rejets);

        assertThat(bilan.comptes()).isEqualTo(new Bilan(3, 1, 1));
        assertThat(parcs.history()).extracting(ProducerRecord::key).containsExactly("17300-P-003");
        assertThat(rejets.history()).singleElement().satisfies(r -> {
            assertThat(r.value().position()).isEqualTo("base-nationale.csv:2");
            assertThat(r.value().raison()).startsWith("conflit d'identifiant : « 17300-P-001 » est déjà publié par une"
                    + " autre source (fichier importé, parkings-ville.csv (non précisé)) pour un autre parking (« Verdun »"
                    + " et non « Jean Moulin », 557 places et non 120 places, à 1,7 km de celui-ci)");
            assertThat(r.value().extrait()).startsWith("17300-P-001;Jean Moulin;");
        });
        assertThat(bilan.raisons()).singleElement().asString().startsWith("base-nationale.csv:2 : conflit d'identifiant");
        assertThat(bilan.avertissements()).containsExactly(
                "base-nationale.csv:3 : parking « 17300-P-002 » déjà publié à l'identique par une autre source (fichier"
                        + " importé, parkings-ville.csv (non précisé)) : gardé avec cette source, pas publié à nouveau",
                "base-nationale.csv : commune 17300 : 1 parking de ce fichier s'ajoute aux 2 parkings d'une autre source"
                        + " (fichier importé, parkings-ville.csv (non précisé)) : les places pour 1 000 habitants de la"
                        + " commune les additionnent ; vérifiez qu'ils ne décrivent pas les mêmes parkings sous d'autres"
                        + " identifiants");
    }

    @Test
    void aNewEditionOfTheSameFileReplacesItsOwnCarParks() throws IOException {
        Path ville = ecrire("parkings-ville.csv", ENTETE_BNLS,
                "17300-P-001;Verdun;17300;;;tous;0;557;;;;;;;;;200;21170300100010;-1.1533;46.1625;;;;;;;;;ouvrage;;");
        adaptateur.publier(ville, parcs, rejets);
        var dejaPublies = ParcsPublies.de(parcs.history().stream().map(ProducerRecord::value).toList());
        ecrire("parkings-ville.csv", ENTETE_BNLS,
                "17300-P-001;Verdun (agrandi);17300;;;tous;0;600;;;;;;;;;200;21170300100010;-1.1533;46.1625;;;;;;;;;ouvrage;;");

        Bilan bilan = adaptateur.publier(ville, dejaPublies, parcs, rejets);

        assertThat(bilan).isEqualTo(new Bilan(1, 1, 0));
        assertThat(parcs.history().get(1).value()).extracting(ParcStationnement::nom, ParcStationnement::capacite)
                .containsExactly("Verdun (agrandi)", 600);
    }

    @Test
    @DonneesOfficiellesRequises
    void throwsWhenKafkaRefusesACarPark() {
        parcs.sendException = new KafkaException("producer closed");

        assertThatThrownBy(() -> adaptateur.publier(fichier(DonneesParking.POITIERS), parcs, rejets))
                .isInstanceOf(KafkaException.class);
    }

    private Path ecrire(String nom, String... lignes) throws IOException {
        Path f = dossier.resolve(nom);
        Files.writeString(f, String.join("\r\n", lignes) + "\r\n", StandardCharsets.UTF_8);
        return f;
    }

    private static Map<String, ParcStationnement> parId(MockProducer<String, ParcStationnement> parcs) {
        return parcs.history().stream().map(ProducerRecord::value)
                .collect(Collectors.toMap(ParcStationnement::id, Function.identity()));
    }
}
