package fr.croisements.ingest.lora;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static fr.croisements.ingest.lora.DonneesLora.echantillon;
import static fr.croisements.ingest.lora.DonneesLora.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code publier} methods: NDJSON, arrays, documents, wrappers, truncated input, what goes where. */
class PublicationLoraTest {

    private static final Appareils APPAREILS = Appareils.de(List.of(
            new Appareils.Appareil("1000000000000001", "milesight-em500-co2", null)));

    private final MockProducer<String, LoraUplink> uplinks = DonneesLora.producteurUplinks();
    private final MockProducer<String, LoraStatut> statuts = DonneesLora.producteurStatuts();
    private final MockProducer<String, Rejet> rejets = DonneesLora.producteurRejets();
    private final TtsAdapter tts = DonneesLora.tts(APPAREILS);
    private final ChirpstackAdapter chirpstack = DonneesLora.chirpstack(APPAREILS);

    private BilanLora publier(LoraAdapter adapter, String texte, String nom) throws IOException {
        return adapter.publier(new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8)), nom, uplinks, statuts, rejets);
    }

    private static String compact(String echantillon) {
        return json(echantillon(echantillon)).toString();
    }

    @Test
    @DonneesOfficiellesRequises
    void readsStorageIntegrationNdjsonLineByLineAndGoesOnAfterATruncatedLine() throws IOException {
        String ndjson = "\uFEFF{\"result\": " + compact("tts_v3_uplink_em500-co2.json") + "}\n"
                + "\n"
                + "{\"result\": {\"end_device_ids\": {\"dev_eui\": \"1000000000000001\"}, \"uplink_message\": {\"f_port\": 85\n"
                + "{\"result\": {\"end_device_ids\": {\"dev_eui\": \"1000000000000001\"}, \"received_at\": \"2023-05-19T05:30:00Z\", \"join_accept\": {}}}\n"
                + "{\"result\": " + compact("tts_v3_uplink_em310-udl.json") + "}\n";

        BilanLora bilan = publier(tts, ndjson, "export.ndjson");

        assertThat(bilan.lus()).isEqualTo(4);
        assertThat(bilan.uplinks()).isEqualTo(2);
        assertThat(bilan.nonDecodes()).isEqualTo(1);
        assertThat(bilan.statuts()).isZero();
        assertThat(bilan.ignores()).isEqualTo(Map.of("join_accept", 1L));
        assertThat(bilan.rejetes()).isEqualTo(1);
        assertThat(bilan.raisons()).hasSize(2);
        assertThat(bilan.raisons().get(0)).startsWith("export.ndjson:3 : JSON tronqué (fin de texte inattendue) colonne ");
        assertThat(bilan.raisons().get(1)).isEqualTo("export.ndjson:5 : charge utile non décodée (milesight-em500-co2) :"
                + " canal inconnu 0x03 0x82 à l'octet 3 pour un EM500-CO2 ; uplink publié sans mesure");
        assertThat(bilan.bilan()).isEqualTo(new Bilan(4, 2, 1));
        assertThat(uplinks.history()).extracting(ProducerRecord::topic).containsOnly(Topics.LORA_UPLINKS.name());
        assertThat(uplinks.history()).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("1000000000000001");
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2023-05-19T05:33:35.641841782Z").toEpochMilli());
        });
        assertThat(uplinks.history().get(0).value().mesures()).hasSize(5);
        assertThat(uplinks.history().get(1).value().mesures()).isEmpty();
        assertThat(rejets.history()).extracting(ProducerRecord::value).extracting(Rejet::source, Rejet::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("export.ndjson", "export.ndjson:3"),
                        org.assertj.core.groups.Tuple.tuple("export.ndjson", "export.ndjson:5"));
        Rejet tronque = rejets.history().get(0).value();
        assertThat(tronque.extrait()).startsWith("{\"result\": {\"end_device_ids\"");
        assertThat(tronque.instant()).isEqualTo(DonneesLora.HORLOGE.instant());
        assertThat(rejets.history().get(0).key()).isEqualTo("export.ndjson");
        assertThat(rejets.history().get(1).value().extrait()).isEqualTo("DevEUI 1000000000000001, fPort 85, frm_payload AXVcA4JECAQAAQ==");
        assertThat(uplinks.flushed() && statuts.flushed() && rejets.flushed()).isTrue();
    }

    @Test
    @DonneesOfficiellesRequises
    void readsAJsonArrayOfChirpstackEventsWithTheirRanks() throws IOException {
        String tableau = "[\n" + compact("chirpstack_v4_up_em500-co2.json") + ",\n"
                + "{\"time\": \"2023-05-22T08:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"1000000000000001\"}, \"margin\": 9, \"batteryLevel\": 71.5},\n"
                + "{\"time\": \"2023-05-22T07:40:00+00:00\", \"deviceInfo\": {\"devEui\": \"1000000000000001\"}, \"devAddr\": \"20000001\"},\n"
                + "{\"time\": \"2023-05-22T08:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"1000000000000001\"}, \"fPort\": 85, \"data\": \"%%%\"}\n"
                + "]\n";

        BilanLora bilan = publier(chirpstack, tableau, "evenements.json");

        assertThat(bilan).isEqualTo(new BilanLora(4, 1, 0, 1, Map.of("join", 1L), 1,
                List.of("evenements.json:objet 4 : data n'est pas du base64 valide : caractère « % » interdit en position 1")));
        assertThat(statuts.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.LORA_STATUTS.name());
            assertThat(r.key()).isEqualTo("1000000000000001");
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2023-05-22T08:00:00Z").toEpochMilli());
            assertThat(r.value()).isEqualTo(new LoraStatut("1000000000000001", Instant.parse("2023-05-22T08:00:00Z"), 71.5, 9,
                    "chirpstack", false));
        });
        assertThat(rejets.history()).singleElement().satisfies(r ->
                assertThat(r.value().extrait()).contains("\"data\":\"%%%\""));
    }

    @Test
    @DonneesOfficiellesRequises
    void readsAPrettyPrintedFileAsItIsAndSeveralOfThemOneAfterTheOther(@TempDir Path dossier) throws IOException {
        Path fichier = Files.writeString(dossier.resolve("uplink.json"), DonneesLora.texte(echantillon("chirpstack_v4_up_em310-udl.json"))
                + "\n" + DonneesLora.texte(echantillon("chirpstack_v4_up_nwave-nps-sm.json")));

        BilanLora bilan = DonneesLora.chirpstack(Appareils.aucun()).publier(fichier, uplinks, statuts, rejets);

        assertThat(bilan.lus()).isEqualTo(2);
        assertThat(bilan.uplinks()).isEqualTo(2);
        assertThat(bilan.nonDecodes()).isEqualTo(2);
        assertThat(bilan.rejetes()).isZero();
        assertThat(uplinks.history()).extracting(r -> r.value().payload()).containsExactly("AXVcA4JECAQAAQ==", "lQ==");
        assertThat(rejets.history()).extracting(r -> r.value().position()).containsExactly("uplink.json:objet 1", "uplink.json:objet 2");
    }

    @Test
    @DonneesOfficiellesRequises
    void rejectsATruncatedDocumentWithItsPlaceAndKeepsWhatCameBefore() throws IOException {
        String premier = DonneesLora.texte(echantillon("tts_v3_uplink_em500-co2.json"));
        String tronque = DonneesLora.texte(echantillon("tts_v3_uplink_em310-udl.json"));
        tronque = tronque.substring(0, tronque.indexOf("\"rx_metadata\""));

        BilanLora bilan = publier(tts, premier + "\n" + tronque, "deux.json");

        assertThat(bilan.lus()).isEqualTo(2);
        assertThat(bilan.uplinks()).isEqualTo(1);
        assertThat(bilan.rejetes()).isEqualTo(1);
        assertThat(bilan.raisons()).singleElement().asString()
                .startsWith("deux.json:objet 2 : JSON tronqué (fin de texte inattendue) ligne ")
                .endsWith(" : le texte s'arrête avant la fin de l'objet ou du tableau");
        assertThat(rejets.history()).singleElement().satisfies(r -> assertThat(r.value().extrait()).contains("\"end_device_ids\""));
    }

    @Test
    void rejectsTheUnreadableElementsOfAnArrayWithTheirRankAndPlaceAndPublishesTheOthers() throws Exception {
        // a hand-written fixture: a missing comma in element 2, an unclosed quote in element 4
        Path fichier = Path.of(getClass().getResource("tableau-avec-elements-invalides.json").toURI());

        BilanLora bilan = DonneesLora.tts(Appareils.aucun()).publier(fichier, uplinks, statuts, rejets);

        assertThat(bilan.lus()).isEqualTo(5);
        assertThat(bilan.uplinks()).isEqualTo(3);
        assertThat(bilan.rejetes()).isEqualTo(2);
        assertThat(uplinks.history()).extracting(r -> r.value().devEui())
                .containsExactly("70B3D57ED0000001", "70B3D57ED0000003", "70B3D57ED0000005");
        assertThat(bilan.raisons()).containsExactly(
                "tableau-avec-elements-invalides.json:objet 2 : JSON invalide ligne 15, colonne 7 : caractère « \" »"
                        + " inattendu : virgule attendue entre deux champs de l'objet",
                "tableau-avec-elements-invalides.json:objet 4 : JSON invalide ligne 30, colonne 50 : caractère « d »"
                        + " inattendu : virgule attendue entre deux champs de l'objet");
        assertThat(rejets.history()).extracting(r -> r.value().position()).containsExactly(
                "tableau-avec-elements-invalides.json:objet 2", "tableau-avec-elements-invalides.json:objet 4");
        assertThat(rejets.history().get(0).value().extrait()).contains("capteur-2").doesNotContain("capteur-3");
    }

    @Test
    @DonneesOfficiellesRequises
    void rejectsAnArrayCutAfterTwoElements() throws IOException {
        String tableau = "[" + compact("tts_v3_uplink_em500-co2.json") + ", " + compact("tts_v3_uplink_em310-udl.json") + ", {\"end_dev";

        BilanLora bilan = publier(tts, tableau, "coupe.json");

        assertThat(bilan.lus()).isEqualTo(3);
        assertThat(bilan.uplinks()).isEqualTo(2);
        assertThat(bilan.rejetes()).isEqualTo(1);
        assertThat(rejets.history()).extracting(r -> r.value().position()).contains("coupe.json:objet 3");
    }

    @Test
    @DonneesOfficiellesRequises
    void rejectsALineWithTwoValuesAndAValueThatIsNotAnObject() throws IOException {
        String ndjson = compact("tts_v3_uplink_em500-co2.json") + " {}\n42\n";

        BilanLora bilan = publier(tts, ndjson, "bizarre.ndjson");

        assertThat(bilan.raisons()).hasSize(2);
        assertThat(bilan.raisons().get(0))
                .matches("bizarre.ndjson:1 : JSON invalide colonne \\d+ : plusieurs valeurs JSON à la suite \\(une seule attendue\\)");
        assertThat(bilan.raisons().get(1)).isEqualTo("bizarre.ndjson:2 : objet JSON attendu (message The Things Stack), trouvé : nombre");
    }

    @Test
    @DonneesOfficiellesRequises
    void whatIsPublishedReadsBackThroughTheTopicsSerdes() throws IOException {
        publier(chirpstack, compact("chirpstack_v4_up_em500-co2.json") + "\n"
                + "{\"time\": \"2023-05-22T08:00:00+00:00\", \"deviceInfo\": {\"devEui\": \"1000000000000001\"}, \"margin\": 9}\n",
                "serdes.ndjson");
        LoraUplink uplink = uplinks.history().get(0).value();
        LoraStatut statut = statuts.history().get(0).value();
        var serdeUplink = Topics.LORA_UPLINKS.valueSerde();
        var serdeStatut = Topics.LORA_STATUTS.valueSerde();

        assertThat(serdeUplink.deserializer().deserialize("t", serdeUplink.serializer().serialize("t", uplink))).isEqualTo(uplink);
        assertThat(serdeStatut.deserializer().deserialize("t", serdeStatut.serializer().serialize("t", statut))).isEqualTo(statut);
        assertThat(uplink.mesures()).hasSize(5);
        assertThat(statut.batteriePourcent()).isNull();
    }

    @Test
    void anEmptyInputPublishesNothing() throws IOException {
        assertThat(publier(tts, "\n  \n", "vide.ndjson")).isEqualTo(new BilanLora(0, 0, 0, 0, Map.of(), 0, List.of()));
        assertThat(publier(tts, "", "vide.ndjson").aPublie()).isFalse();
    }

    @Test
    @DonneesOfficiellesRequises
    void publishesOneParsedMessageOrEachElementOfAnArray() {
        var un = tts.publier(json(echantillon("tts_v3_uplink_em500-co2.json")), "webhook tts", "POST /ingest/tts", null,
                uplinks, statuts, rejets);
        var plusieurs = chirpstack.publier(json("[" + compact("chirpstack_v4_up_em500-co2.json") + ", {\"x\": 1}]"),
                "webhook chirpstack", "POST /ingest/chirpstack", "up", uplinks, statuts, rejets);

        assertThat(un).isEqualTo(new BilanLora(1, 1, 0, 0, Map.of(), 0, List.of()));
        assertThat(plusieurs.raisons()).containsExactly(
                "POST /ingest/chirpstack:objet 2 : deviceInfo manquant : événement d'intégration ChirpStack v4 attendu");
        assertThat(rejets.history()).singleElement().satisfies(r -> {
            assertThat(r.value().source()).isEqualTo("webhook chirpstack");
            assertThat(r.value().extrait()).isEqualTo("{\"x\":1}");
        });
    }

    @Test
    @DonneesOfficiellesRequises
    void throwsTheFirstSendFailureInsteadOfLosingIt() {
        // the broker answers at flush time: the first record fails
        var enPanne = new MockProducer<>(false, null, new StringSerializer(), Topics.LORA_UPLINKS.valueSerde().serializer()) {
            @Override
            public synchronized void flush() {
                errorNext(new TimeoutException("broker injoignable"));
                super.flush();
            }
        };
        var texte = compact("tts_v3_uplink_em500-co2.json") + "\n" + compact("tts_v3_uplink_em500-co2.json") + "\n";

        assertThatThrownBy(() -> tts.publier(new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8)), "panne.ndjson",
                enPanne, statuts, rejets))
                .isInstanceOf(KafkaException.class)
                .hasMessage("Failed to publish panne.ndjson:1: broker injoignable");
    }

    @Test
    void issue13APayloadOfAnotherVendorUnderAForcedModelGoesToTheRejectsWithItsValuesUnpublished() {
        // --modele elsys-ers on a Milesight EM300-TH: the uplink keeps its radio metadata, no measure, one reject
        var force = DonneesLora.tts(Appareils.aucun().avecModeleParDefaut("elsys-ers"));

        BilanLora bilan = force.publier(DonneesLora.echantillonProjet("tts-uplink-sans-received-at.json"), "mon-flux",
                "mon-flux:1", null, uplinks, statuts, rejets);

        assertThat(bilan.uplinks()).isEqualTo(1);
        assertThat(bilan.nonDecodes()).isEqualTo(1);
        assertThat(uplinks.history()).singleElement().satisfies(r -> {
            assertThat(r.value().modele()).isEqualTo("elsys-ers");
            assertThat(r.value().mesures()).isEmpty();
            assertThat(r.value().receptions()).hasSize(2);
        });
        assertThat(rejets.history()).singleElement().satisfies(r -> {
            assertThat(r.value().position()).isEqualTo("mon-flux:1");
            assertThat(r.value().raison()).isEqualTo("charge utile non décodée (elsys-ers) : temperature = 3004,4 °C"
                    + " hors de la plage plausible (-40 à 85 °C) : la charge utile vient sans doute d'un autre modèle ; uplink publié sans mesure");
        });
    }
}
