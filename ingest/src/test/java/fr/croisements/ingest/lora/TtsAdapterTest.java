package fr.croisements.ingest.lora;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static fr.croisements.ingest.lora.DonneesLora.echantillon;
import static fr.croisements.ingest.lora.DonneesLora.echantillonProjet;
import static fr.croisements.ingest.lora.DonneesLora.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TtsAdapterTest {

    private static final String DEV_EUI = "1000000000000001";
    private static final Instant RECU = Instant.parse("2023-05-19T05:33:35.641841782Z");
    private static final Reception PASSERELLE = new Reception("6A7E111A10000000", -35.0, 13.2, null);

    private final TtsAdapter sansAppareils = DonneesLora.tts(Appareils.aucun());

    private static TtsAdapter avecModele(String modele) {
        return DonneesLora.tts(Appareils.de(List.of(new Appareils.Appareil(DEV_EUI, modele, null))));
    }

    private static LoraUplink uplink(Lecture l) {
        assertThat(l).isInstanceOf(Lecture.Uplink.class);
        return ((Lecture.Uplink) l).uplink();
    }

    @Test
    @DonneesOfficiellesRequises
    void readsEveryFieldOfTheEm500Co2SampleDecodedByTheDevicesModel() {
        Lecture l = avecModele("milesight-em500-co2").lire(json(echantillon("tts_v3_uplink_em500-co2.json")));

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink(DEV_EUI, RECU, 85, 10335L, "AXVkA2cZAQRocwV9ZwQGc2gn",
                "milesight-em500-co2", Map.of(
                        Mesures.BATTERIE, new Mesure(100, "%"),
                        Mesures.TEMPERATURE, new Mesure(28.1, "°C"),
                        Mesures.HUMIDITE, new Mesure(57.5, "%"),
                        Mesures.CO2, new Mesure(1127, "ppm"),
                        Mesures.PRESSION, new Mesure(1008.8, "hPa")),
                List.of(PASSERELLE), null, "tts", false), null));
    }

    @Test
    @DonneesOfficiellesRequises
    void readsEveryFieldOfTheEm310UdlSample() {
        Lecture l = avecModele("milesight-em310-udl").lire(json(echantillon("tts_v3_uplink_em310-udl.json")));

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink(DEV_EUI, RECU, 85, 10335L, "AXVcA4JECAQAAQ==",
                "milesight-em310-udl", Map.of(
                        Mesures.BATTERIE, new Mesure(92, "%"),
                        Mesures.DISTANCE, new Mesure(2116, "mm"),
                        Mesures.INCLINAISON, new Mesure(1, "0/1")),
                List.of(PASSERELLE), null, "tts", false), null));
    }

    @Test
    @DonneesOfficiellesRequises
    void readsEveryFieldOfTheNwaveSample() {
        Lecture l = avecModele("nwave-nps").lire(json(echantillon("tts_v3_uplink_nwave-nps-sm.json")));

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink(DEV_EUI, RECU, 1, 10335L, "lQ==", "nwave-nps", Map.of(
                        Mesures.OCCUPATION, new Mesure(1, "0/1"),
                        Mesures.DUREE_ETAT_PRECEDENT, new Mesure(74, "min")),
                List.of(PASSERELLE), null, "tts", false), null));
    }

    @Test
    @DonneesOfficiellesRequises
    void publishesTheSampleWithoutMeasuresAndAWarningWhenTheModelIsUnknown() {
        Lecture l = sansAppareils.lire(json(echantillon("tts_v3_uplink_em500-co2.json")));

        assertThat(l).isInstanceOfSatisfying(Lecture.Uplink.class, u -> {
            assertThat(u.uplink().mesures()).isEmpty();
            assertThat(u.uplink().modele()).isNull();
            assertThat(u.uplink().receptions()).containsExactly(PASSERELLE);
            assertThat(u.avertissement()).startsWith("modèle d'appareil inconnu : charge utile non décodée");
        });
    }

    @Test
    @DonneesOfficiellesRequises
    void publishesWithAWarningWhenTheDecoderRefusesThePayload() {
        Lecture l = avecModele("milesight-em300-th").lire(json(echantillon("tts_v3_uplink_em500-co2.json")));

        assertThat(((Lecture.Uplink) l).avertissement())
                .isEqualTo("charge utile non décodée (milesight-em300-th) : canal inconnu 0x05 0x7D à l'octet 10 pour un EM300-TH ;"
                        + " uplink publié sans mesure");
    }

    @Test
    void treatsOmittedZeroValuesAsZeroAndAnOmittedPayloadAsNoMeasure() {
        // A first frame after a join (f_cnt 0), on port 0 (MAC commands only), SNR 0: TTS omits all three.
        String message = """
                {"end_device_ids": {"device_id": "capteur-1", "dev_eui": "a8-40-41-00-00-00-00-01"},
                 "received_at": "2025-07-14T12:00:01.5Z",
                 "uplink_message": {
                   "rx_metadata": [{"gateway_ids": {"gateway_id": "ma-passerelle"}, "rssi": -110}],
                   "settings": {"data_rate": {"lora": {"bandwidth": 125000, "spreading_factor": 12}}}}}
                """;

        Lecture l = sansAppareils.lire(json(message));

        assertThat(l).isEqualTo(new Lecture.Uplink(new LoraUplink("A840410000000001", Instant.parse("2025-07-14T12:00:01.5Z"),
                0, 0L, null, null, Map.of(), List.of(new Reception("ma-passerelle", -110.0, 0.0, null)), null, "tts", false), null));
    }

    @Test
    void issue13DatesAnUplinkWithoutReceivedAtByTheEarliestGatewayTime() {
        // TTS leaves out received_at at both levels (proto3 omits unset fields): only rx_metadata[].time remains.
        LoraUplink u = uplink(sansAppareils.lire(echantillonProjet("tts-uplink-sans-received-at.json")));

        assertThat(u.instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.409Z"));
        assertThat(u.origineInstant()).isEqualTo(LoraUplink.ORIGINE_PASSERELLE);
        assertThat(u.devEui()).isEqualTo("24E124710C408089");
        assertThat(u.fCnt()).isEqualTo(4211L);
        assertThat(u.receptions()).hasSize(2);
    }

    @Test
    void issue13ThenByTheEarliestGatewayClockThenByTheIngestionTime() {
        ObjectNode sansTime = echantillonProjet("tts-uplink-sans-received-at.json");
        sansTime.withArray("/uplink_message/rx_metadata").forEach(rx -> ((ObjectNode) rx).remove("time"));
        ObjectNode sansDate = sansTime.deepCopy();
        sansDate.withArray("/uplink_message/rx_metadata").forEach(rx -> ((ObjectNode) rx).remove("gw_time"));

        LoraUplink parHorloge = uplink(sansAppareils.lire(sansTime));
        LoraUplink parIngestion = uplink(sansAppareils.lire(sansDate));

        assertThat(parHorloge.instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.398Z"));
        assertThat(parHorloge.origineInstant()).isEqualTo(LoraUplink.ORIGINE_HORLOGE_PASSERELLE);
        assertThat(parIngestion.instant()).isEqualTo(DonneesLora.HORLOGE.instant());
        assertThat(parIngestion.origineInstant()).isEqualTo(LoraUplink.ORIGINE_INGESTION);
    }

    @Test
    void theNetworkServersReceptionTimeWinsWhenThereIsOne() {
        ObjectNode message = echantillonProjet("tts-uplink-sans-received-at.json");
        message.put("received_at", "2025-07-14T12:00:01.652Z");
        LoraUplink auPremierNiveau = uplink(sansAppareils.lire(message));
        message.with("uplink_message").put("received_at", "2025-07-14T12:00:01.448Z");
        LoraUplink dansLUplink = uplink(sansAppareils.lire(message));

        assertThat(auPremierNiveau.instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.652Z"));
        assertThat(auPremierNiveau.origineInstant()).isEqualTo(LoraUplink.ORIGINE_RESEAU);
        assertThat(dansLUplink.instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.448Z"));
        assertThat(dansLUplink.origineInstant()).isEqualTo(LoraUplink.ORIGINE_RESEAU);
    }

    @Test
    void skipsAnUnreadableGatewayTime() {
        ObjectNode message = echantillonProjet("tts-uplink-sans-received-at.json");
        ((ObjectNode) message.withArray("/uplink_message/rx_metadata").get(1)).put("time", "14/07/2025 12:00");

        assertThat(uplink(sansAppareils.lire(message)).instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.412Z"));
    }

    /** Found by the fuzz suites: a date before 1970 made the producer throw (a Kafka timestamp is never negative). */
    @Test
    void skipsAGatewayTimeBefore1970AndRejectsSuchANetworkTime() {
        ObjectNode message = echantillonProjet("tts-uplink-sans-received-at.json");
        ((ObjectNode) message.withArray("/uplink_message/rx_metadata").get(1)).put("time", "0001-01-01T00:00:00Z");

        assertThat(uplink(sansAppareils.lire(message)).instant()).isEqualTo(Instant.parse("2025-07-14T12:00:01.412Z"));

        message.put("received_at", "0025-07-14T12:00:01Z");
        assertThat(sansAppareils.lire(message)).isEqualTo(new Lecture.Invalide("received_at hors des dates possibles :"
                + " « 0025-07-14T12:00:01Z » (attendu entre le 1er janvier 1970 et l'an 9999 : un enregistrement Kafka ne"
                + " peut pas être daté avant 1970)"));
    }

    @Test
    void readsSeveralReceptionsWithTheirLocationsIncludingPacketBroker() {
        String message = """
                {"end_device_ids": {"device_id": "eui-24e124136b316361"},
                 "uplink_message": {"f_port": 85, "f_cnt": 7, "frm_payload": "AXVcA2fIAARoPA==",
                   "received_at": "2025-07-14T12:00:01Z",
                   "version_ids": {"brand_id": "milesight-iot", "model_id": "em300-th"},
                   "rx_metadata": [
                     {"gateway_ids": {"gateway_id": "gp-hdv", "eui": "58a0cbfffe800001"}, "rssi": -97, "channel_rssi": -97, "snr": 9.25,
                      "location": {"latitude": 46.5802, "longitude": 0.3404, "altitude": 150, "source": "SOURCE_REGISTRY"}},
                     {"gateway_ids": {"gateway_id": "packetbroker"}, "channel_rssi": -118, "snr": -6.5,
                      "packet_broker": {"forwarder_net_id": "000013", "forwarder_gateway_eui": "AA555A0000000101", "forwarder_gateway_id": "eui-aa555a0000000101"}},
                     {"gateway_ids": {"gateway_id": "sans-eui"}, "snr": -2}],
                   "settings": {"data_rate": {"lora": {"spreading_factor": 7}}}}}
                """;

        LoraUplink u = uplink(sansAppareils.lire(json(message)));

        assertThat(u.devEui()).isEqualTo("24E124136B316361");
        assertThat(u.receptions()).containsExactly(
                new Reception("58A0CBFFFE800001", -97.0, 9.25, new Position(0.3404, 46.5802, 150.0)),
                new Reception("AA555A0000000101", -118.0, -6.5, null),
                new Reception("sans-eui", null, -2.0, null));
        assertThat(u.modele()).isEqualTo("milesight-em300-th");
        assertThat(u.mesures()).containsEntry(Mesures.TEMPERATURE, new Mesure(20.0, "°C"));
    }

    @Test
    void issue13ListsAGatewayHeardDirectlyAndThroughPacketBrokerOnce() {
        LoraUplink u = uplink(sansAppareils.lire(echantillonProjet("tts-uplink-packet-broker.json")));

        // mairie-toit: direct -104 dBm / 6.5 dB (with its location), Packet Broker -103 dBm / 7 dB: the better one,
        // with the location the other gave; eui-7076ff0056080c2d: same RSSI both ways, the better SNR is kept.
        assertThat(u.receptions()).containsExactly(
                new Reception("7076FF0056080A1B", -103.0, 7.0, new Position(0.3404, 46.5802, 131.0)),
                new Reception("7076FF0056080C2D", -118.0, -3.75, null));
    }

    @Test
    void takesTheMeasuresTheNetworkServerDecodedWhenThereAreSome() {
        String message = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"}, "received_at": "2025-07-14T12:00:02Z",
                 "uplink_message": {"f_port": 85, "f_cnt": 8, "frm_payload": "AXVcA2fIAARoPA==",
                   "received_at": "2025-07-14T12:00:01Z",
                   "decoded_payload": {"battery": 92, "temperature": 30.8, "humidity": 50.5, "firmware": "1.3"}}}
                """;

        LoraUplink u = uplink(sansAppareils.lire(json(message)));

        assertThat(u.mesures()).isEqualTo(Map.of(
                Mesures.BATTERIE, new Mesure(92, "%"),
                Mesures.TEMPERATURE, new Mesure(30.8, "°C"),
                Mesures.HUMIDITE, new Mesure(50.5, "%")));
        assertThat(u.modele()).isNull();
    }

    @Test
    void fallsBackToTheNormalizedPayload() {
        String message = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"},
                 "uplink_message": {"f_port": 85, "frm_payload": "AQ==", "received_at": "2025-07-14T12:00:01Z",
                   "normalized_payload": [{"air": {"temperature": 21.3, "relativeHumidity": 40, "co2": 612}}]}}
                """;

        assertThat(uplink(sansAppareils.lire(json(message))).mesures()).isEqualTo(Map.of(
                Mesures.TEMPERATURE, new Mesure(21.3, "°C"),
                Mesures.HUMIDITE, new Mesure(40, "%"),
                Mesures.CO2, new Mesure(612, "ppm")));
    }

    @Test
    void warnsWhenNoDecodedFieldIsKnownAndNoModelEither() {
        String message = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"},
                 "uplink_message": {"f_port": 85, "frm_payload": "AQ==", "received_at": "2025-07-14T12:00:01Z",
                   "decoded_payload": {"bytes": [1], "etat": "ok"}}}
                """;

        assertThat(((Lecture.Uplink) sansAppareils.lire(json(message))).avertissement())
                .startsWith("aucun champ décodé par le serveur de réseau n'est reconnu (bytes, etat)");
    }

    @Test
    void prefersTheLocationFromThePayloadThenTheRegisteredOneThenTheDevicesFile() {
        String deuxLieux = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"},
                 "uplink_message": {"received_at": "2025-07-14T12:00:01Z",
                   "locations": {"user": {"latitude": 46.58, "longitude": 0.34, "source": "SOURCE_REGISTRY"},
                                 "frm-payload": {"latitude": 46.59, "longitude": 0.35, "altitude": 120}}}}
                """;
        String sansLieu = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"}, "uplink_message": {"received_at": "2025-07-14T12:00:01Z"}}
                """;
        var adapter = DonneesLora.tts(Appareils.de(List.of(
                new Appareils.Appareil("24E124136B316361", null, new Position(0.36, 46.6, null)))));

        assertThat(uplink(adapter.lire(json(deuxLieux))).position()).isEqualTo(new Position(0.35, 46.59, 120.0));
        assertThat(uplink(adapter.lire(json(sansLieu))).position()).isEqualTo(new Position(0.36, 46.6, null));
    }

    @Test
    @DonneesOfficiellesRequises
    void unwrapsStorageIntegrationAndEventStreamMessages() {
        String brut = DonneesLora.texte(echantillon("tts_v3_uplink_em310-udl.json"));
        String stockage = "{\"result\": " + brut + "}";
        String flux = "{\"result\": {\"name\": \"as.up.data.forward\", \"time\": \"2023-05-19T05:33:35.85Z\","
                + " \"data\": {\"@type\": \"type.googleapis.com/ttn.lorawan.v3.ApplicationUp\", "
                + brut.strip().substring(1) + "}}";
        LoraUplink attendu = uplink(sansAppareils.lire(json(brut)));

        assertThat(uplink(sansAppareils.lire(json(stockage)))).isEqualTo(attendu);
        assertThat(uplink(sansAppareils.lire(json(flux)))).isEqualTo(attendu);
    }

    @Test
    void recognisesAndIgnoresTheOtherMessages() {
        String join = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"}, "received_at": "2025-07-14T12:00:01Z",
                 "join_accept": {"session_key_id": "AYfqmb0pc/1uRZv9xUydgQ==", "received_at": "2025-07-14T12:00:00.9Z"}}
                """;
        String ack = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"}, "downlink_ack": {"f_port": 10, "frm_payload": "AQ=="}}
                """;

        assertThat(sansAppareils.lire(json(join))).isEqualTo(new Lecture.Ignore("join_accept"));
        assertThat(sansAppareils.lire(json(ack))).isEqualTo(new Lecture.Ignore("downlink_ack"));
    }

    @Test
    void rejectsInvalidBase64AndSaysWhy() {
        String message = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"},
                 "uplink_message": {"f_port": 85, "frm_payload": "AXVc*2fIAARoPA==", "received_at": "2025-07-14T12:00:01Z"}}
                """;

        assertThat(sansAppareils.lire(json(message)))
                .isEqualTo(new Lecture.Invalide("frm_payload n'est pas du base64 valide : caractère « * » interdit en position 5"));
    }

    @Test
    void rejectsMessagesWithoutDevEuiOrDateOrWithBadValues() {
        assertThat(sansAppareils.lire(json("""
                {"end_device_ids": {"device_id": "capteur-1"}, "uplink_message": {"received_at": "2025-07-14T12:00:01Z"}}
                """))).isEqualTo(new Lecture.Invalide("end_device_ids.dev_eui manquant"));
        assertThat(sansAppareils.lire(json("""
                {"end_device_ids": {"dev_eui": "XYZ"}, "uplink_message": {"received_at": "2025-07-14T12:00:01Z"}}
                """))).isEqualTo(new Lecture.Invalide("DevEUI invalide : « XYZ » (16 caractères hexadécimaux attendus)"));
        assertThat(sansAppareils.lire(json("""
                {"end_device_ids": {"dev_eui": "24E124136B316361"}, "uplink_message": {"received_at": "14/07/2025 12:00"}}
                """))).isEqualTo(new Lecture.Invalide("received_at illisible : « 14/07/2025 12:00 » (date RFC 3339 avec fuseau attendue)"));
        assertThat(sansAppareils.lire(json("""
                {"end_device_ids": {"dev_eui": "24E124136B316361"}, "uplink_message": {"received_at": "2025-07-14T12:00:01Z", "f_port": 300}}
                """))).isEqualTo(new Lecture.Invalide("f_port invalide : « 300 » (entier de 0 à 255 attendu)"));
    }

    @Test
    @DonneesOfficiellesRequises
    void pointsAChirpstackEventToTheRightAdapter() {
        assertThat(sansAppareils.lire(json(echantillon("chirpstack_v4_up_em500-co2.json"))))
                .isEqualTo(new Lecture.Invalide("événement ChirpStack reçu par l'adaptateur The Things Stack : utiliser l'adaptateur chirpstack"));
        assertThat(sansAppareils.lire(json("[1, 2]")))
                .isEqualTo(new Lecture.Invalide("objet JSON attendu (message The Things Stack), trouvé : tableau"));
    }

    @Test
    void marksSimulatedUplinks() {
        String message = """
                {"end_device_ids": {"dev_eui": "24E124136B316361"},
                 "uplink_message": {"received_at": "2025-07-14T12:00:01Z", "simulated": true}}
                """;

        assertThat(uplink(sansAppareils.lire(json(message))).simule()).isTrue();
    }
}
