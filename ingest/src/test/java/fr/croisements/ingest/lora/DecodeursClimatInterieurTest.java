package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.croisements.events.Mesure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The indoor climate, CO2 and air quality decoders added for issue #13, on values re-derived by
 * hand from the bytes written here (the vendors' own examples are in {@code VecteursDecodeursTest}),
 * and what each refuses.
 */
class DecodeursClimatInterieurTest {

    private static final DecodeurRegistre REGISTRE = DecodeurRegistre.standard();

    private static Map<String, Mesure> mesures(String modele, Integer port, String hex) {
        Decodage d = REGISTRE.decoder(modele, port, Octets.depuisHex(hex));
        assertThat(d).as("%s", d).isInstanceOf(Decodage.Reussi.class);
        return ((Decodage.Reussi) d).mesures();
    }

    private static String refus(String modele, Integer port, String hex) {
        Decodage d = REGISTRE.decoder(modele, port, Octets.depuisHex(hex));
        assertThat(d).as("%s", d).isInstanceOf(Decodage.Refuse.class);
        return ((Decodage.Refuse) d).raison();
    }

    @Test
    void milesightAm103ReadsItsChannelsAndSkipsAHistoryRecord() {
        // 01 75 4B          battery 0x4B = 75 %
        // 03 67 E7 FF       temperature int16 LE 0xFFE7 = -25 → -2.5 °C
        // 04 68 5F          humidity 0x5F = 95 → 95 / 2 = 47.5 %
        // 07 7D 20 03       CO2 uint16 LE 0x0320 = 800 ppm
        // 20 CE + 9 bytes   history record (time 0x68951C80, -2.5 °C, 47.5 %, 800 ppm): not kept
        assertThat(mesures("milesight-am103", 85, "01754B0367E7FF04685F077D200320CE801C9568E7FF5F2003")).isEqualTo(Map.of(
                Mesures.BATTERIE, new Mesure(75, "%"),
                Mesures.TEMPERATURE, new Mesure(-2.5, "°C"),
                Mesures.HUMIDITE, new Mesure(47.5, "%"),
                Mesures.CO2, new Mesure(800, "ppm")));
        // the repository's example: 0x5C = 92 %; 0x0134 = 308 → 30.8 °C; 0x65 = 101 → 50.5 %; 0x04E7 = 1255 ppm
        assertThat(mesures("milesight-am103", 85, "01755C03673401046865077DE704")).isEqualTo(Map.of(
                Mesures.BATTERIE, new Mesure(92, "%"),
                Mesures.TEMPERATURE, new Mesure(30.8, "°C"),
                Mesures.HUMIDITE, new Mesure(50.5, "%"),
                Mesures.CO2, new Mesure(1255, "ppm")));
    }

    @Test
    void milesightAm102HasNoCo2Channel() {
        // 0x64 = 100 %; 0x0118 = 280 → 28.0 °C; 0x6D = 109 → 54.5 %
        assertThat(mesures("milesight-am102", 85, "0175640367180104686D")).isEqualTo(Map.of(
                Mesures.BATTERIE, new Mesure(100, "%"),
                Mesures.TEMPERATURE, new Mesure(28.0, "°C"),
                Mesures.HUMIDITE, new Mesure(54.5, "%")));
        assertThat(refus("milesight-am102", 85, "0175640367180104686D077DC501"))
                .isEqualTo("canal inconnu 0x07 0x7D à l'octet 10 pour un AM102");
    }

    @Test
    void draginoLht65nReadsATmp117Probe() {
        // CB F6: battery 0xCBF6 & 0x3FFF = 0x0BF6 = 3062 mV → 3.062 V
        // 0B 0D: SHT temperature 0x0B0D = 2829 → 28.29 °C;  03 76: humidity 0x376 = 886 → 88.6 %
        // 02: mode 2, TMP117 probe;  FD F3: int16 0xFDF3 = -525 → -5.25 °C;  7F FF: unused
        assertThat(mesures("dragino-lht65n", 2, "CBF60B0D037602FDF37FFF")).isEqualTo(Map.of(
                Mesures.BATTERIE, new Mesure(3.062, "V"),
                Mesures.TEMPERATURE, new Mesure(28.29, "°C"),
                Mesures.HUMIDITE, new Mesure(88.6, "%"),
                Mesures.TEMPERATURE_SONDE, new Mesure(-5.25, "°C")));
        assertThat(refus("dragino-lht65n", 2, "CBF60B0D0376030ADD7FFF"))
                .isEqualTo("mode de capteur externe inconnu 3 (octet 6 = 0x03) pour un Dragino LHT65N");
    }

    @Test
    void adeunisComfortKeepsTheNewestRecordOfADataFrame() {
        // 4C data frame; 96 = 100 1 0 1 1 0: frame counter 4, bit 2 → a 4-byte timestamp ends the frame
        // 24 - 2 - 4 = 18 bytes = 6 records of 3; the first (newest): 0x00C5 = 197 → 19.7 °C, 0x1F = 31 %
        assertThat(mesures("adeunis-comfort", 1, "4C9600C51F00C72000C82100CA2200CC2300CD2414ABA3E9")).isEqualTo(Map.of(
                Mesures.TEMPERATURE, new Mesure(19.7, "°C"),
                Mesures.HUMIDITE, new Mesure(31, "%")));
    }

    @Test
    void adeunisComfortReadsAnAlarmFrameAndAKeepAlive() {
        // 4D alarm; 00 status (no timestamp); 10 temperature alarm; FF 9C = -100 → -10.0 °C; 2D = 45 %
        assertThat(mesures("adeunis-comfort", 1, "4D0010FF9C2D")).isEqualTo(Map.of(
                Mesures.TEMPERATURE, new Mesure(-10.0, "°C"),
                Mesures.HUMIDITE, new Mesure(45, "%")));
        assertThat(mesures("adeunis-comfort", 1, "3000")).isEmpty();
    }

    @Test
    void adeunisComfortRefusesAnUnknownFrameAndATruncatedOne() {
        assertThat(refus("adeunis-comfort", 1, "4E0010FF9C2D")).isEqualTo("code de trame inconnu 0x4E pour un Adeunis Comfort");
        assertThat(refus("adeunis-comfort", 1, "4C9600C51F00C72000C82100CA2200CC2300CD14ABA3E9")).isEqualTo(
                "longueur incorrecte pour une trame 0x4C d'un Adeunis Comfort : 2 + 4 (horodatage) octets plus un multiple de 3"
                        + " attendus, 23 reçus");
        assertThat(refus("adeunis-comfort", 1, "4D0010FF9C")).isEqualTo(
                "longueur incorrecte pour une trame 0x4D d'un Adeunis Comfort : 6 attendus, 5 reçus");
        // a Comfort CO2 data frame is no Comfort frame
        assertThat(refus("adeunis-comfort", 1, "6A8001B33E01A401B43F01A5")).isEqualTo("code de trame inconnu 0x6A pour un Adeunis Comfort");
    }

    @Test
    void adeunisComfortCo2ReadsDataAndAlarmFrames() {
        // 6A data; 80: counter 4, no timestamp; 10 bytes = 2 records of 5, newest first:
        // 01 B3 = 435 → 43.5 °C; 3E = 62 %; 01 A4 = 420 ppm
        assertThat(mesures("adeunis-comfort-co2", 1, "6A8001B33E01A401B43F01A5")).isEqualTo(Map.of(
                Mesures.TEMPERATURE, new Mesure(43.5, "°C"),
                Mesures.HUMIDITE, new Mesure(62, "%"),
                Mesures.CO2, new Mesure(420, "ppm")));
        // 6B alarm; 04: a timestamp ends the frame; 20 CO2 alarm; 00 DC = 220 → 22.0 °C; 32 = 50 %; 0B B8 = 3000 ppm;
        // 14 AB A3 E9: seconds since 2013-01-01 (not a measure)
        assertThat(mesures("adeunis-comfort-co2", 1, "6B042000DC320BB814ABA3E9")).isEqualTo(Map.of(
                Mesures.TEMPERATURE, new Mesure(22.0, "°C"),
                Mesures.HUMIDITE, new Mesure(50, "%"),
                Mesures.CO2, new Mesure(3000, "ppm")));
        // 30: the 19-byte daily summary (icon, time in red, maxima 21.2 °C 1614 ppm 59 %, minima, averages): not kept
        assertThat(mesures("adeunis-comfort-co2", 1, "3000000000D4064E3B00C801A42100E6025832")).isEmpty();
    }

    @Test
    void decentlabDlIamReadsEverySensorOfTheRepositorysExample() {
        // 02 version; 0B BD device 3005; 00 7F flags: sensors 0 to 6
        // 0B 92 = 2962 mV → 2.962 V
        // 6A 51 = 27217 → 175 × 27217 / 65535 - 45 = 27.678 °C;  5D 48 = 23880 → 100 × 23880 / 65535 = 36.439 %
        // BC 4E = 48206 → × 2 = 96412 Pa = 964.12 hPa
        // 02 62 = 610, 00 69 = 105 → max(610 - 1.64 × 105, 0.59 × 610 - 0.86 × 105, 0) × 1.5504 = 437.8 × 1.5504 = 678.765 lux
        // 81 C7 = 33223 → 33223 - 32768 = 455 ppm (then status 00 00 and raw reading 93 D4, not kept)
        // 00 0B = 11 PIR detections;  01 11 = 273 ppb
        Map<String, Mesure> m = mesures("decentlab-dl-iam", 1, "020BBD007F0B926A515D48BC4E0262006981C7000093D4000B0111");

        assertThat(m).containsOnlyKeys(Mesures.BATTERIE, Mesures.TEMPERATURE, Mesures.HUMIDITE, Mesures.PRESSION,
                Mesures.LUMINOSITE, Mesures.CO2, Mesures.MOUVEMENT, Mesures.COV);
        assertThat(m.get(Mesures.BATTERIE)).isEqualTo(new Mesure(2.962, "V"));
        assertThat(m.get(Mesures.TEMPERATURE).valeur()).isCloseTo(27.678, within(0.001));
        assertThat(m.get(Mesures.HUMIDITE).valeur()).isCloseTo(36.439, within(0.001));
        assertThat(m.get(Mesures.PRESSION)).isEqualTo(new Mesure(964.12, "hPa"));
        assertThat(m.get(Mesures.LUMINOSITE).valeur()).isCloseTo(678.765, within(0.001));
        assertThat(m.get(Mesures.CO2)).isEqualTo(new Mesure(455, "ppm"));
        assertThat(m.get(Mesures.MOUVEMENT)).isEqualTo(new Mesure(11, "détections"));
        assertThat(m.get(Mesures.COV)).isEqualTo(new Mesure(273, "ppb"));
    }

    @Test
    void decentlabDlIamReadsOnlyTheSensorsItsFlagsName() {
        // 00 13 flags: sensors 0, 1 and 4 → 1 + 2 + 3 words, 5 + 12 = 17 bytes
        // 0B B8 = 3000 mV → 3.0 V; 5F 16 = 24342 → 175 × 24342 / 65535 - 45 = 65.001 - 45 = 20.001 °C;
        // 80 00 = 32768 → 100 × 32768 / 65535 = 50.001 %
        // 84 B0 = 33968 → 33968 - 32768 = 1200 ppm; 00 00 status, 12 34 raw reading
        Map<String, Mesure> m = mesures("decentlab-dl-iam", 1, "020BBD00130BB85F16800084B000001234");

        assertThat(m).containsOnlyKeys(Mesures.BATTERIE, Mesures.TEMPERATURE, Mesures.HUMIDITE, Mesures.CO2);
        assertThat(m.get(Mesures.BATTERIE)).isEqualTo(new Mesure(3.0, "V"));
        assertThat(m.get(Mesures.TEMPERATURE).valeur()).isCloseTo(20.001, within(0.001));
        assertThat(m.get(Mesures.HUMIDITE).valeur()).isCloseTo(50.001, within(0.001));
        assertThat(m.get(Mesures.CO2)).isEqualTo(new Mesure(1200, "ppm"));
    }

    @Test
    void decentlabDlIamRefusesAFlagItHasNoSensorForAndADlPmFrame() {
        assertThat(refus("decentlab-dl-iam", 1, "020BBD00800BB8"))
                .isEqualTo("capteur Decentlab inconnu dans les drapeaux 0x0080 (DL-IAM : 7 capteurs)");
        // a DL-PM frame with flags 0x000F: for a DL-IAM, sensors 0 to 3 are 1 + 2 + 1 + 2 words, 17 bytes, not 33
        assertThat(refus("decentlab-dl-iam", 1, "021B50000F0C25002500270027002701F50107012C012D012D012D67BD618DBD10"))
                .isEqualTo("longueur incorrecte pour un Decentlab DL-IAM : 17 octets attendus d'après les drapeaux 0x000F, 33 reçus");
    }

    @Test
    void tektelicKonaHomeReadsItsBigEndianChannelsOnPort10() {
        // 00 FF 01 2C battery int16 0x012C = 300 → 3.00 V
        // 03 67 FF 38 temperature int16 0xFF38 = -200 → -20.0 °C;  04 68 5B humidity 0x5B = 91 → 45.5 %
        // 0B 67 00 FA microcontroller 0x00FA = 250 → 25.0 °C;  0D 04 00 03 motion count, 01 00 01 reed state: not kept
        assertThat(mesures("tektelic-kona-home", 10, "00FF012C0367FF3804685B0B6700FA0D0400030100 01".replace(" ", "")))
                .isEqualTo(Map.of(
                        Mesures.BATTERIE, new Mesure(3.0, "V"),
                        Mesures.TEMPERATURE, new Mesure(-20.0, "°C"),
                        Mesures.HUMIDITE, new Mesure(45.5, "%"),
                        Mesures.TEMPERATURE_INTERNE, new Mesure(25.0, "°C")));
        // the repository's example: 0x000A = 10 → 1.0 °C; 0x28 = 40 → 20 %
        assertThat(mesures("tektelic-kona-home", 10, "0367000A046828")).isEqualTo(Map.of(
                Mesures.TEMPERATURE, new Mesure(1.0, "°C"),
                Mesures.HUMIDITE, new Mesure(20.0, "%")));
        assertThat(mesures("tektelic-kona-home", 100, "0012345678")).isEmpty();
    }

    @Test
    void tektelicKonaHomeRefusesOtherPortsAndAMilesightFrame() {
        assertThat(refus("tektelic-kona-home", 85, "0367000A046828")).isEqualTo("port LoRaWAN 85 inattendu pour un Tektelic"
                + " Kona Home Sensor : mesures sur le port 10, configuration sur le port 100");
        assertThat(refus("tektelic-kona-home", 10, "01755C03673401046865077DE704"))
                .isEqualTo("canal inconnu 0x01 0x75 à l'octet 0 pour un Tektelic Kona Home Sensor");
        // a Milesight temperature channel alone: 0x3401 read big-endian = 13313 → 1331.3 °C
        assertThat(refus("tektelic-kona-home", 10, "03673401")).isEqualTo(
                "temperature = 1331,3 °C hors de la plage plausible (-40 à 85 °C) : la charge utile vient sans doute d'un autre modèle");
    }
}
