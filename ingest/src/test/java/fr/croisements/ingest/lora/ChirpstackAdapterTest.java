package fr.croisements.ingest.lora;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static fr.croisements.ingest.lora.DonneesLora.echantillon;
import static fr.croisements.ingest.lora.DonneesLora.echantillonProjet;
import static fr.croisements.ingest.lora.DonneesLora.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChirpstackAdapterTest {

    private static final String DEV_EUI = "1000000000000001";
    private static final Instant TEMPS = Instant.parse("2023-05-22T07:47:05.404859Z");
    private static final Reception PASSERELLE = new Reception("6A7E111A10000000", -35.0, 11.5, null);
    private static final Position INSTALLATION = new Position(0.3404, 46.5802, null);

    private final ChirpstackAdapter sansAppareils = DonneesLora.chirpstack(Appareils.aucun());

    private static LoraUplink uplink(Lecture l) {
        assertThat(l).isInstanceOf(Lecture.Uplink.class);
        return ((Lecture.Uplink) l).uplink();
    }

    private static ChirpstackAdapter avecModele(String modele) {
        return DonneesLora.chirpstack(Appareils.de(List.of(new Appareils.Appareil(DEV_EUI, modele, INSTALLATION))));
    }

    @Test
    @DonneesOfficiellesRequises
    void readsEveryFieldOfTheEm500Co2Sample() {
        Lecture l = avecModele("milesight-em500-co2").lire(json(echantillon("chirpstack_v4_up_em500-co2.json")));

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink(DEV_EUI, TEMPS, 85, 4L, "AXVkA2cZAQRocwV9ZwQGc2gn",
                "milesight-em500-co2", Map.of(
                        Mesures.BATTERIE, new Mesure(100, "%"),
                        Mesures.TEMPERATURE, new Mesure(28.1, "°C"),
                        Mesures.HUMIDITE, new Mesure(57.5, "%"),
                        Mesures.CO2, new Mesure(1127, "ppm"),
                        Mesures.PRESSION, new Mesure(1008.8, "hPa")),
                List.of(PASSERELLE), INSTALLATION, "chirpstack", false), null));
    }

    @Test
    @DonneesOfficiellesRequises
    void readsEveryFieldOfTheEm310UdlSample() {
        Lecture l = avecModele("EM310-UDL").lire(json(echantillon("chirpstack_v4_up_em310-udl.json")), "up");

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink(DEV_EUI, TEMPS, 85, 4L, "AXVcA4JECAQAAQ==",
                "milesight-em310-udl", Map.of(
                        Mesures.BATTERIE, new Mesure(92, "%"),
                        Mesures.DISTANCE, new Mesure(2116, "mm"),
                        Mesures.INCLINAISON, new Mesure(1, "0/1")),
                List.of(PASSERELLE), INSTALLATION, "chirpstack", false), null));
    }

    @Test
    @DonneesOfficiellesRequises
    void readsEveryFieldOfTheNwaveSample() {
        Lecture l = avecModele("Nwave G4_NPS_SM").lire(json(echantillon("chirpstack_v4_up_nwave-nps-sm.json")));

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink(DEV_EUI, TEMPS, 1, 4L, "lQ==", "nwave-nps", Map.of(
                        Mesures.OCCUPATION, new Mesure(1, "0/1"),
                        Mesures.DUREE_ETAT_PRECEDENT, new Mesure(74, "min")),
                List.of(PASSERELLE), INSTALLATION, "chirpstack", false), null));
    }

    @Test
    @DonneesOfficiellesRequises
    void aGenericDeviceProfileLeavesThePayloadUndecodedWithAWarning() {
        Lecture l = sansAppareils.lire(json(echantillon("chirpstack_v4_up_em500-co2.json")));

        assertThat(l).isInstanceOfSatisfying(Lecture.Uplink.class, u -> {
            assertThat(u.uplink().modele()).isNull();
            assertThat(u.uplink().mesures()).isEmpty();
            assertThat(u.uplink().position()).isNull();
            assertThat(u.avertissement()).startsWith("modèle d'appareil inconnu");
        });
    }

    @Test
    void takesTheModelFromTheDeviceProfileNameAndTheMeasuresFromTheObject() {
        String parProfil = """
                {"time": "2025-07-14T12:00:01.123456+00:00",
                 "deviceInfo": {"deviceProfileName": "Milesight EM300-TH", "devEui": "24e124136b316361"},
                 "fCnt": 12, "fPort": 85, "data": "AXVcA2fIAARoPA==", "rxInfo": []}
                """;
        String avecObjet = """
                {"time": "2025-07-14T12:00:01Z", "deviceInfo": {"devEui": "24e124136b316361"},
                 "fCnt": 13, "fPort": 2, "data": "AQ==",
                 "object": {"occupied": true, "temperature": "18.5", "BatV": 3.05}}
                """;

        LoraUplink u1 = ((Lecture.Uplink) sansAppareils.lire(json(parProfil))).uplink();
        LoraUplink u2 = ((Lecture.Uplink) sansAppareils.lire(json(avecObjet))).uplink();

        assertThat(u1.devEui()).isEqualTo("24E124136B316361");
        assertThat(u1.modele()).isEqualTo("milesight-em300-th");
        assertThat(u1.mesures()).containsEntry(Mesures.HUMIDITE, new Mesure(30, "%"));
        assertThat(u1.instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.123456Z"));
        assertThat(u2.mesures()).isEqualTo(Map.of(
                Mesures.OCCUPATION, new Mesure(1, "0/1"),
                Mesures.TEMPERATURE, new Mesure(18.5, "°C"),
                Mesures.BATTERIE, new Mesure(3.05, "V")));
    }

    @Test
    void readsSeveralReceptionsAndLeavesAbsentCountersNull() {
        String message = """
                {"deviceInfo": {"devEui": "24e124136b316361"},
                 "rxInfo": [
                   {"gatewayId": "58a0cbfffe800001", "rssi": -97, "snr": 9.5, "nsTime": "2025-07-14T12:00:01.2+00:00",
                    "location": {"latitude": 46.5802, "longitude": 0.3404, "altitude": 150}},
                   {"gatewayId": "58a0cbfffe800004", "rssi": -116, "snr": -4.25, "location": {}},
                   {"rssi": -100}]}
                """;

        LoraUplink u = ((Lecture.Uplink) sansAppareils.lire(json(message))).uplink();

        assertThat(u.receptions()).containsExactly(
                new Reception("58A0CBFFFE800001", -97.0, 9.5, new Position(0.3404, 46.5802, 150.0)),
                new Reception("58A0CBFFFE800004", -116.0, -4.25, null));
        assertThat(u.instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.2Z"));
        assertThat(u.fPort()).isNull();
        assertThat(u.fCnt()).isNull();
        assertThat(u.payload()).isNull();
        assertThat(u.mesures()).isEmpty();
    }

    @Test
    void datesAnUplinkByItsTimeElseTheNetworkServersElseTheGatewaysElseTheIngestion() {
        ObjectNode message = echantillonProjet("chirpstack-up-deux-antennes.json");
        LoraUplink parTime = uplink(sansAppareils.lire(message));
        message.remove("time");
        LoraUplink parNsTime = uplink(sansAppareils.lire(message));
        message.withArray("rxInfo").forEach(rx -> ((ObjectNode) rx).remove("nsTime"));
        LoraUplink parGwTime = uplink(sansAppareils.lire(message));
        message.withArray("rxInfo").forEach(rx -> ((ObjectNode) rx).remove("gwTime"));
        LoraUplink parIngestion = uplink(sansAppareils.lire(message));

        assertThat(parTime.instant()).isEqualTo(Instant.parse("2025-07-14T09:15:02.318274Z"));
        assertThat(parTime.origineInstant()).isEqualTo(LoraUplink.ORIGINE_RESEAU);
        assertThat(parNsTime.instant()).isEqualTo(Instant.parse("2025-07-14T09:15:02.291Z"));
        assertThat(parNsTime.origineInstant()).isEqualTo(LoraUplink.ORIGINE_RESEAU);
        assertThat(parGwTime.instant()).isEqualTo(Instant.parse("2025-07-14T09:15:02.201Z"));
        assertThat(parGwTime.origineInstant()).isEqualTo(LoraUplink.ORIGINE_PASSERELLE);
        assertThat(parIngestion.instant()).isEqualTo(DonneesLora.HORLOGE.instant());
        assertThat(parIngestion.origineInstant()).isEqualTo(LoraUplink.ORIGINE_INGESTION);
    }

    @Test
    void listsAGatewayHeardByTwoAntennasOnceWithItsBetterSignal() {
        LoraUplink u = uplink(sansAppareils.lire(echantillonProjet("chirpstack-up-deux-antennes.json")));

        assertThat(u.receptions()).containsExactly(
                new Reception("7076FF0056080A1B", -91.0, 9.5, new Position(0.3404, 46.5802, 131.0)),
                new Reception("7076FF0056080C2D", -119.0, -6.0, null));
    }

    @Test
    void turnsAStatusEventIntoADeviceStatus() {
        String status = """
                {"deduplicationId": "8f0d3a4e-0c52-4e3c-9a8c-3c1f0b6d2a11", "time": "2025-07-14T06:00:00+00:00",
                 "deviceInfo": {"devEui": "24e124136b316361", "tags": {"croisements": "simulation"}},
                 "margin": 17, "externalPowerSource": false, "batteryLevelUnavailable": false, "batteryLevel": 87.4}
                """;
        String secteur = """
                {"time": "2025-07-14T06:00:00+00:00", "deviceInfo": {"devEui": "24e124136b316361"},
                 "margin": 5, "externalPowerSource": true}
                """;

        assertThat(sansAppareils.lire(json(status))).isEqualTo(new Lecture.Statut(new LoraStatut("24E124136B316361",
                Instant.parse("2025-07-14T06:00:00Z"), 87.4, 17, "chirpstack", true)));
        assertThat(sansAppareils.lire(json(secteur), "status")).isEqualTo(new Lecture.Statut(new LoraStatut("24E124136B316361",
                Instant.parse("2025-07-14T06:00:00Z"), null, 5, "chirpstack", false)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "join|{\"deduplicationId\": \"a\", \"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"devAddr\": \"260b1234\"}",
            "ack|{\"queueItemId\": \"q\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"acknowledged\": true, \"fCntDown\": 3}",
            "txack|{\"downlinkId\": 42, \"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"queueItemId\": \"q\", \"fCntDown\": 3, \"gatewayId\": \"58a0cbfffe800001\", \"txInfo\": {}}",
            "log|{\"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"level\": \"ERROR\", \"code\": \"UPLINK_CODEC\", \"description\": \"js error\"}",
            "location|{\"deduplicationId\": \"a\", \"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"location\": {\"latitude\": 46.58, \"longitude\": 0.34}}",
            "integration|{\"deduplicationId\": \"a\", \"time\": \"2025-07-14T06:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"integrationName\": \"loracloud\", \"eventType\": \"geoloc\", \"object\": {}}"})
    void recognisesTheOtherEventsByShapeAndByTheirGivenType(String type, String evenement) {
        assertThat(sansAppareils.lire(json(evenement))).isEqualTo(new Lecture.Ignore(type));
        assertThat(sansAppareils.lire(json(evenement), type.toUpperCase())).isEqualTo(new Lecture.Ignore(type));
    }

    @Test
    void issue13AStatusPostedToTheUplinkRouteIsAStatus() {
        ObjectNode status = echantillonProjet("chirpstack-status.json");

        assertThat(sansAppareils.lire(status, "up")).isEqualTo(new Lecture.Statut(new LoraStatut("A81758FFFE0A1B2C",
                Instant.parse("2025-07-14T06:00:00.125Z"), 76.38, 12, "chirpstack", false)));
    }

    @Test
    @DonneesOfficiellesRequises
    void issue13TheContentWinsOverTheGivenTypeWhateverItSays() {
        ObjectNode up = echantillonProjet("chirpstack-up-deux-antennes.json");

        assertThat(sansAppareils.lire(up, "status")).isInstanceOf(Lecture.Uplink.class);
        assertThat(sansAppareils.lire(up, "join")).isInstanceOf(Lecture.Uplink.class);
        assertThat(sansAppareils.lire(up, "uplink")).isInstanceOf(Lecture.Uplink.class);
        assertThat(sansAppareils.lire(json(echantillon("chirpstack_v4_up_em500-co2.json")), "join"))
                .isInstanceOf(Lecture.Uplink.class);
    }

    @Test
    void anEventWithoutTellingFieldsTakesTheGivenTypeButNeverBecomesAnUplink() {
        // a status whose margin and battery level are 0: proto3 JSON leaves them all out
        String vide = """
                {"deduplicationId": "3f9a6c1e-8b2d-4e7a-9c41-5d0b7e2f1a63", "time": "2025-07-14T06:00:00+00:00",
                 "deviceInfo": {"devEui": "a81758fffe0a1b2c"}}
                """;

        assertThat(sansAppareils.lire(json(vide), "status")).isEqualTo(new Lecture.Statut(new LoraStatut("A81758FFFE0A1B2C",
                Instant.parse("2025-07-14T06:00:00Z"), null, null, "chirpstack", false)));
        assertThat(sansAppareils.lire(json(vide), "up")).isEqualTo(new Lecture.Invalide("événement annoncé « up » sans aucun"
                + " champ d'uplink (rxInfo, data, fCnt, fPort, object, confirmed, dr, adr) : ce n'est pas un uplink"));
    }

    @Test
    void aStatusPostedToTheUplinkRouteIsPublishedAsAStatus() {
        var uplinks = DonneesLora.producteurUplinks();
        var statuts = DonneesLora.producteurStatuts();
        var rejets = DonneesLora.producteurRejets();

        BilanLora bilan = sansAppareils.publier(echantillonProjet("chirpstack-status.json"), "POST /ingest/chirpstack",
                "POST /ingest/chirpstack", "up", uplinks, statuts, rejets);

        assertThat(bilan.uplinks()).isZero();
        assertThat(bilan.statuts()).isEqualTo(1);
        assertThat(uplinks.history()).isEmpty();
        assertThat(statuts.history()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("A81758FFFE0A1B2C");
            assertThat(r.value().batteriePourcent()).isEqualTo(76.38);
        });
        assertThat(rejets.history()).isEmpty();
    }

    @Test
    @DonneesOfficiellesRequises
    void rejectsAnUnknownTypeAnUnknownShapeAndForeignFormats() {
        assertThat(sansAppareils.lire(json("{\"deviceInfo\": {\"devEui\": \"24e124136b316361\"}}"), "uplink"))
                .isEqualTo(new Lecture.Invalide("type d'événement ChirpStack inconnu : « uplink » (up, status, join, ack, txack, log, location, integration)"));
        assertThat(sansAppareils.lire(json("{\"deviceInfo\": {\"devEui\": \"24e124136b316361\"}, \"foo\": 1}")))
                .isEqualTo(new Lecture.Invalide("événement ChirpStack non reconnu (ni up, status, join, ack, txack, log, location, integration)"));
        assertThat(sansAppareils.lire(json(echantillon("tts_v3_uplink_em500-co2.json"))))
                .isEqualTo(new Lecture.Invalide("message The Things Stack reçu par l'adaptateur ChirpStack : utiliser l'adaptateur tts"));
        assertThat(sansAppareils.lire(json("{\"applicationID\": \"1\", \"devEUI\": \"JBIkE2sxY2E=\", \"data\": \"AQ==\"}")))
                .isEqualTo(new Lecture.Invalide("format ChirpStack v3 non pris en charge : événement ChirpStack v4 attendu (deviceInfo.devEui)"));
    }

    @Test
    void rejectsInvalidBase64AndMissingFields() {
        assertThat(sansAppareils.lire(json("""
                {"time": "2025-07-14T12:00:01Z", "deviceInfo": {"devEui": "24e124136b316361"}, "fPort": 85, "data": "AXVcA2fIAARoPA="}
                """))).isEqualTo(new Lecture.Invalide("data n'est pas du base64 valide : longueur 15 non multiple de 4"));
        assertThat(sansAppareils.lire(json("""
                {"time": "2025-07-14T12:00:01Z", "deviceInfo": {"devEui": "24e124136b316361"}, "fPort": 85, "data": "AR=="}
                """))).isEqualTo(new Lecture.Invalide("data n'est pas du base64 valide : bits de remplissage non nuls (encodage non canonique)"));
        assertThat(sansAppareils.lire(json("""
                {"time": "2025-07-14T12:00:01Z", "deviceInfo": {"deviceName": "x"}, "fPort": 85}
                """))).isEqualTo(new Lecture.Invalide("deviceInfo.devEui manquant"));
        assertThat(sansAppareils.lire(json("""
                {"deviceInfo": {"devEui": "24e124136b316361"}, "margin": 7, "batteryLevel": 50}
                """))).isEqualTo(new Lecture.Invalide("time manquant"));
    }
}
