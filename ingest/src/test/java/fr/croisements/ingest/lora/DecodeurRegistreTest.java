package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.croisements.events.Mesure;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodeurRegistreTest {

    private static final DecodeurRegistre REGISTRE = DecodeurRegistre.standard();

    @Test
    void knowsTheModelsOfTheTestVectors() {
        assertThat(REGISTRE.modeles()).containsExactly("adeunis-comfort", "adeunis-comfort-co2", "bosch-tps110",
                "decentlab-dl-iam", "decentlab-dl-pm", "dingtek-do20x", "dragino-ldds75", "dragino-lht65", "dragino-lht65n",
                "elsys-elt-ultrasonic", "elsys-ers", "elsys-ers-co2", "milesight-am102", "milesight-am103", "milesight-am307",
                "milesight-em300-th", "milesight-em310-udl", "milesight-em400-udl", "milesight-em500-co2", "milesight-em500-udl",
                "nwave-nps", "nwave-nps310", "tektelic-kona-home");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "milesight-em500-co2|milesight-em500-co2",
            "EM500-CO2|milesight-em500-co2",
            "Milesight EM300-TH (EU868)|milesight-em300-th",
            "milesight-iot em310-udl|milesight-em310-udl",
            "Elsys ERS CO2|elsys-ers-co2",
            "elsys ERS|elsys-ers",
            "Elsys ERS2_CO2|elsys-ers-co2",
            "bosch Parking Lot Sensor (TPS110)|bosch-tps110",
            "Nwave G4_NPS_SM|nwave-nps",
            "nwave NPS310SM|nwave-nps310",
            "AM319|milesight-am307",
            "milesight-iot am103l|milesight-am103",
            "Milesight AM102L (EU868)|milesight-am102",
            "Dragino LHT65N|dragino-lht65n",
            "dragino LHT65|dragino-lht65",
            "Adeunis Comfort CO2|adeunis-comfort-co2",
            "Adeunis COMFORT 2|adeunis-comfort",
            "Decentlab DL-IAM-001|decentlab-dl-iam",
            "tektelic t000489x-home-base|tektelic-kona-home",
            "Tektelic Kona Home Sensor|tektelic-kona-home"})
    void resolvesIdsAliasesAndLongerNames(String nom, String modele) {
        assertThat(REGISTRE.resoudre(nom)).contains(modele);
    }

    @Test
    void resolvesNothingForAGenericProfileName() {
        assertThat(REGISTRE.resoudre("Chirpstack default device profile")).isEmpty();
        assertThat(REGISTRE.resoudre("")).isEmpty();
        assertThat(REGISTRE.resoudre(null)).isEmpty();
    }

    @Test
    void refusesAnUnknownModel() {
        assertThat(REGISTRE.decoder("acme-thermo", 1, new byte[] {1})).isEqualTo(Decodage.refuse("modèle d'appareil inconnu : « acme-thermo »"));
    }

    @Test
    void milesightRefusesAnUnknownChannelATruncatedOneAndAnEmptyPayload() {
        assertThat(REGISTRE.decoder("milesight-em300-th", 85, Octets.depuisHex("01755C057D6704")))
                .isEqualTo(Decodage.refuse("canal inconnu 0x05 0x7D à l'octet 3 pour un EM300-TH"));
        assertThat(REGISTRE.decoder("milesight-em500-co2", 85, Octets.depuisHex("01755C0367")))
                .isEqualTo(Decodage.refuse("canal 0x03 0x67 tronqué à l'octet 3 : 2 octet(s) de données attendu(s), 0 reçu(s)"));
        assertThat(REGISTRE.decoder("milesight-em500-co2", 85, Octets.depuisHex("01755C03")))
                .isEqualTo(Decodage.refuse("octet isolé 0x03 en fin de charge utile (octet 3) : canal EM500-CO2 incomplet"));
        assertThat(REGISTRE.decoder("milesight-em500-co2", 85, new byte[0])).isEqualTo(Decodage.refuse("charge utile vide"));
    }

    @Test
    void milesightSkipsTheDeviceInformationSentAfterAJoin() {
        // ff0bff: power on; ff0101: IPSO version; ff166...: serial number; then a normal reading
        var d = REGISTRE.decoder("milesight-em300-th", 85, Octets.depuisHex("FF0BFFFF0101FF166136C4440665000001755C0367C80004683C"));
        assertThat(d).isEqualTo(Decodage.reussi(Map.of(
                Mesures.BATTERIE, new Mesure(92, "%"),
                Mesures.TEMPERATURE, new Mesure(20.0, "°C"),
                Mesures.HUMIDITE, new Mesure(30.0, "%"))));
    }

    @Test
    void readsNegativeTemperatures() {
        // -5.5 °C = -55 = 0xFFC9 little-endian
        var d = (Decodage.Reussi) REGISTRE.decoder("milesight-em300-th", 85, Octets.depuisHex("0367C9FF"));
        assertThat(d.mesures()).containsEntry(Mesures.TEMPERATURE, new Mesure(-5.5, "°C"));
        var e = (Decodage.Reussi) REGISTRE.decoder("elsys-ers", 5, Octets.depuisHex("01FFC9"));
        assertThat(e.mesures()).containsEntry(Mesures.TEMPERATURE, new Mesure(-5.5, "°C"));
    }

    @Test
    void elsysRefusesAnUnknownTypeAndATruncatedValue() {
        assertThat(REGISTRE.decoder("elsys-ers", 5, Octets.depuisHex("0100E27F00")))
                .isEqualTo(Decodage.refuse("type de donnée Elsys inconnu 0x7F à l'octet 3"));
        assertThat(REGISTRE.decoder("elsys-ers-co2", 5, Octets.depuisHex("0100E20603")))
                .isEqualTo(Decodage.refuse("donnée Elsys 0x06 tronquée à l'octet 3 : 2 octet(s) attendu(s), 1 reçu(s)"));
    }

    @Test
    void portAndLengthDependentDecodersSayWhatTheyExpected() {
        assertThat(REGISTRE.decoder("dragino-lht65", 2, Octets.depuisHex("CBF60B0D0376010ADD7F")))
                .isEqualTo(Decodage.refuse("longueur incorrecte pour un Dragino LHT65 : 11 octets attendus, 10 reçus"));
        assertThat(REGISTRE.decoder("dragino-ldds75", 2, Octets.depuisHex("0E1C0B")))
                .isEqualTo(Decodage.refuse("longueur incorrecte pour un Dragino LDDS75 : 4, 5 ou 8 octets attendus, 3 reçus"));
        assertThat(REGISTRE.decoder("nwave-nps", 2, Octets.depuisHex("00D3D8")))
                .isEqualTo(Decodage.refuse("longueur incorrecte pour un Nwave G4 (NPS405) sur le port 2 : 6 octet(s) attendu(s), 3 reçu(s)"));
        assertThat(REGISTRE.decoder("nwave-nps310", 10, Octets.depuisHex("D1201F345678")))
                .isEqualTo(Decodage.refuse("port LoRaWAN 10 inconnu pour un Nwave NPS310SM"));
        assertThat(REGISTRE.decoder("bosch-tps110", null, Octets.depuisHex("01")))
                .isEqualTo(Decodage.refuse("port LoRaWAN absent : un Bosch TPS110 se décode d'après son port"));
        assertThat(REGISTRE.decoder("decentlab-dl-pm", 1, Octets.depuisHex("021B5000010C")))
                .isEqualTo(Decodage.refuse("longueur incorrecte pour un Decentlab DL-PM : 7 octets attendus d'après les drapeaux 0x0001, 6 reçus"));
        assertThat(REGISTRE.decoder("decentlab-dl-pm", 1, Octets.depuisHex("011B5000010C25")))
                .isEqualTo(Decodage.refuse("version de protocole Decentlab 1 inconnue (2 attendue)"));
    }

    @Test
    void issue13RefusesAnotherVendorsPayloadWhoseValuesNoSensorCouldReport() {
        // A Milesight EM300-TH frame 01 75 5C | 03 67 C8 00 | 04 68 3C read as Elsys: type 0x01 (temperature)
        // takes the next 2 bytes big-endian, 0x755C = 30044, / 10 = 3004.4 °C.
        assertThat(REGISTRE.decoder("elsys-ers", 85, Octets.depuisHex("01755C0367C80004683C")))
                .isEqualTo(Decodage.refuse("temperature = 3004,4 °C hors de la plage plausible (-40 à 85 °C) :"
                        + " la charge utile vient sans doute d'un autre modèle"));
        // A Tektelic Kona frame 03 67 00 0A | 04 68 28 read as Milesight: channel 03 67 is little-endian there,
        // 0x0A00 = 2560, / 10 = 256 °C (Tektelic writes 0x000A = 10, / 10 = 1 °C).
        assertThat(REGISTRE.decoder("milesight-em300-th", 10, Octets.depuisHex("0367000A046828")))
                .isEqualTo(Decodage.refuse("temperature = 256 °C hors de la plage plausible (-40 à 85 °C) :"
                        + " la charge utile vient sans doute d'un autre modèle"));
        // Humidity 12 bits / 10 in a Dragino frame: 0x0FFF = 4095 → 409.5 %.
        assertThat(REGISTRE.decoder("dragino-lht65", 2, Octets.depuisHex("CBF60B0D0FFF010ADD7FFF")))
                .isEqualTo(Decodage.refuse("humidite = 409,5 % hors de la plage plausible (0 à 100 %) :"
                        + " la charge utile vient sans doute d'un autre modèle"));
    }

    @Test
    void lht65RefusesAnUnknownExternalSensorModeAndADatalogReply() {
        // byte 6 = 0x03: no LHT65 external sensor mode 3
        assertThat(REGISTRE.decoder("dragino-lht65", 2, Octets.depuisHex("CBF60B0D0376030ADD7FFF")))
                .isEqualTo(Decodage.refuse("mode de capteur externe inconnu 3 (octet 6 = 0x03) pour un Dragino LHT65"));
        // byte 6 = 0x41: bit 6, a reply to a datalog poll
        assertThat(REGISTRE.decoder("dragino-lht65", 2, Octets.depuisHex("CBF60B0D0376410ADD7FFF")))
                .isEqualTo(Decodage.refuse("réponse à une interrogation du journal d'un Dragino LHT65 (bit 6 de l'octet 6) :"
                        + " relevés d'historique non décodés"));
        // mode 2 (TMP117 probe) is an LHT65N's, not an LHT65's
        assertThat(REGISTRE.decoder("dragino-lht65", 2, Octets.depuisHex("CBF60B0D0376020ADD7FFF")))
                .isEqualTo(Decodage.refuse("mode de capteur externe inconnu 2 (octet 6 = 0x02) pour un Dragino LHT65"));
    }

    @Test
    void ldds75KeepsTheDistanceOfAFiveByteFrameAndDropsAnInvalidReading() {
        assertThat(REGISTRE.decoder("dragino-ldds75", 2, Octets.depuisHex("0B450B0500"))).isEqualTo(Decodage.reussi(Map.of(
                Mesures.BATTERIE, new Mesure(2.885, "V"), Mesures.DISTANCE, new Mesure(2821, "mm"))));
        assertThat(REGISTRE.decoder("dragino-ldds75", 2, Octets.depuisHex("0B45000A00"))).isEqualTo(Decodage.reussi(Map.of(
                Mesures.BATTERIE, new Mesure(2.885, "V"))));
    }

    @Test
    void nwaveLeavesOutAnOverflowingDuration() {
        // 0xFF: occupied, compressed duration 127 = overflow
        assertThat(REGISTRE.decoder("nwave-nps", 1, Octets.depuisHex("FF")))
                .isEqualTo(Decodage.reussi(Map.of(Mesures.OCCUPATION, new Mesure(1, "0/1"))));
        // 0xF1: occupied, 120 → 240 min
        assertThat(((Decodage.Reussi) REGISTRE.decoder("nwave-nps", 1, Octets.depuisHex("F1"))).mesures())
                .containsEntry(Mesures.DUREE_ETAT_PRECEDENT, new Mesure(240, "min"));
    }

    @Test
    void decodesTheSimulatorsOwnFrames() {
        assertThat(REGISTRE.decoder("milesight-em500-co2", 85, LoraSimulateur.chargeEm500Co2(87, 31.46, 40.3, 431.4, 1013.27)))
                .isEqualTo(Decodage.reussi(Map.of(
                        Mesures.BATTERIE, new Mesure(87, "%"),
                        Mesures.TEMPERATURE, new Mesure(31.5, "°C"),
                        Mesures.HUMIDITE, new Mesure(40.5, "%"),
                        Mesures.CO2, new Mesure(431, "ppm"),
                        Mesures.PRESSION, new Mesure(1013.3, "hPa"))));
        assertThat(REGISTRE.decoder("milesight-em300-th", 85, LoraSimulateur.chargeEm300Th(5, -3.04, 97.8)))
                .isEqualTo(Decodage.reussi(Map.of(
                        Mesures.BATTERIE, new Mesure(5, "%"),
                        Mesures.TEMPERATURE, new Mesure(-3.0, "°C"),
                        Mesures.HUMIDITE, new Mesure(98.0, "%"))));
    }

    @Test
    void neverThrowsWhateverTheBytesAndPort() {
        var rng = new SplittableRandom(7);
        for (String modele : REGISTRE.modeles()) {
            for (int essai = 0; essai < 2000; essai++) {
                byte[] octets = new byte[rng.nextInt(0, 40)];
                rng.nextBytes(octets);
                Integer port = rng.nextInt(20) == 0 ? null : rng.nextInt(0, 12);
                assertThatCode(() -> assertThat(REGISTRE.decoder(modele, port, octets)).isNotNull()).doesNotThrowAnyException();
                assertThat(REGISTRE.decodeur(modele).orElseThrow().decode(port, octets)).isNotNull();
            }
        }
    }
}
