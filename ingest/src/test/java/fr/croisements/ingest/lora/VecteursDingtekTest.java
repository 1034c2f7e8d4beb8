package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Mesure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code shared/datasets/antony/lora_dingtek_do20x_parking_vectors.json} (the codec
 * examples of the Dingtek DO200/DO201/DO202 in the TTN device repository, MIT) decoded by our
 * registry: telemetry fields are asserted against our measures or against the raw reading of the
 * frame (magnetometer, temperature, humidity, frame counter: not kept, see
 * {@link DingtekDo20xDecoder}); parameter fields against {@link DingtekDo20xDecoder#parametres}.
 * Skips where the shared data folder is absent.
 */
class VecteursDingtekTest {

    private static final DecodeurRegistre REGISTRE = DecodeurRegistre.standard();
    /** Parameter fields the decoder reads, by the vendor's names. */
    private static final Set<String> PARAMETRES = Set.of("firmware", "uploadInterval", "ultraDetectInterval",
            "magDetectInterval", "detectInterval", "levelThreshold", "magnetThreshold", "magThreshold", "batteryThreshold");

    static Path fichier() {
        return DonneesLora.dossier().getParent().resolve("antony").resolve("lora_dingtek_do20x_parking_vectors.json");
    }

    static Stream<Arguments> vecteurs() {
        if (!Files.isRegularFile(fichier())) {
            return Stream.of(Arguments.of("absent", null));
        }
        var tous = new ArrayList<Arguments>();
        for (JsonNode v : DonneesLora.json(fichier()).get("vectors")) {
            tous.add(Arguments.of(v.get("model").asText() + " " + v.get("description").asText(), v));
        }
        return tous.stream();
    }

    @Test
    void coversTheSixVectors() {
        assumeTrue(Files.isRegularFile(fichier()), "shared/datasets/antony absent : vecteurs Dingtek non vérifiés");
        assertThat(vecteurs()).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vecteurs")
    void decodesTheVendorsVector(String nom, JsonNode v) {
        assumeTrue(v != null, "shared/datasets/antony absent : vecteurs Dingtek non vérifiés");
        String modele = REGISTRE.resoudre(v.get("vendor").asText() + " " + v.get("model").asText()).orElseThrow();
        assertThat(modele).isEqualTo("dingtek-do20x");
        byte[] o = Base64.getDecoder().decode(v.get("payload_base64").asText());
        assertThat(Octets.hex(o)).isEqualTo(v.get("payload_hex").asText().toUpperCase());

        Decodage d = REGISTRE.decoder(modele, v.get("fPort").asInt(), o);

        assertThat(d).as("%s", d).isInstanceOf(Decodage.Reussi.class);
        Map<String, Mesure> mesures = ((Decodage.Reussi) d).mesures();
        JsonNode attendu = v.get("expected");
        if (attendu.has("firmware")) {
            assertThat(mesures).isEmpty();
            var p = DingtekDo20xDecoder.parametres(o);
            for (var it = attendu.fields(); it.hasNext(); ) {
                var champ = it.next();
                assertThat(PARAMETRES).contains(champ.getKey());
                Object lu = switch (champ.getKey()) {
                    case "firmware" -> p.firmware();
                    case "uploadInterval" -> p.uploadInterval();
                    case "ultraDetectInterval" -> p.ultraDetectInterval();
                    case "magDetectInterval" -> p.magDetectInterval();
                    case "detectInterval" -> p.detectInterval();
                    case "levelThreshold" -> p.levelThreshold();
                    case "magnetThreshold", "magThreshold" -> p.magnetThreshold();
                    default -> p.batteryThreshold();
                };
                assertThat(String.valueOf(lu)).as(champ.getKey()).isEqualTo(champ.getValue().asText());
            }
            return;
        }
        int[] xyz = DingtekDo20xDecoder.magnetometre(o);
        for (var it = attendu.fields(); it.hasNext(); ) {
            var champ = it.next();
            JsonNode val = champ.getValue();
            switch (champ.getKey()) {
                case "alarmPark" -> assertThat(mesures.get(Mesures.OCCUPATION)).isEqualTo(new Mesure(val.asBoolean() ? 1 : 0, "0/1"));
                case "level" -> assertThat(mesures.get(Mesures.DISTANCE)).isEqualTo(new Mesure(val.asDouble(), "mm"));
                case "volt" -> assertThat(mesures.get(Mesures.BATTERIE)).isEqualTo(new Mesure(val.asDouble(), "V"));
                case "xMagnet" -> assertThat(xyz[0]).isEqualTo(val.asInt());
                case "yMagnet" -> assertThat(xyz[1]).isEqualTo(val.asInt());
                case "zMagnet" -> assertThat(xyz[2]).isEqualTo(val.asInt());
                // raw bytes, not kept: int8 temperature then humidity after the magnetometer, frame counter after them
                case "temperature" -> assertThat((int) o[17]).isEqualTo(val.asInt());
                case "humidity" -> assertThat(Octets.u8(o, 18)).isEqualTo(val.asInt());
                case "frameCounter", "Frame_Counter" -> assertThat(Octets.u16be(o, o.length - 4)).isEqualTo(val.asInt());
                case "alarmLevel" -> assertThat(Octets.u8(o, 7) & 0x0F).isEqualTo(val.asBoolean() ? 1 : 0);
                case "alarmMagnet" -> assertThat(Octets.u8(o, 8) >> 4).isEqualTo(val.asBoolean() ? 1 : 0);
                case "alarmBattery" -> assertThat(Octets.u8(o, 8) & 0x0F).isEqualTo(val.asBoolean() ? 1 : 0);
                default -> throw new AssertionError("champ inattendu " + champ.getKey());
            }
        }
        if (v.get("model").asText().equals("DO202")) {
            assertThat(mesures).doesNotContainKey(Mesures.DISTANCE);
        }
    }

    @Test
    void readsAnOccupiedSpaceFromTheParkNibble() {
        // DO201 telemetry of the vendor's example with the park alarm set (0x10 in byte 7)
        byte[] o = Octets.depuisHex("800031021706B4100001610010FFF6FFF08B2D00010081");
        assertThat(((Decodage.Reussi) REGISTRE.decoder("dingtek-do20x", 3, o)).mesures())
                .containsEntry(Mesures.OCCUPATION, new Mesure(1, "0/1"));
    }

    @Test
    void refusesOtherPortsLengthsAndAnotherVendorsPayload() {
        byte[] o = Octets.depuisHex("800031021706B4000001610010FFF6FFF08B2D00010081");
        assertThat(REGISTRE.decoder("dingtek-do20x", 1, o))
                .isEqualTo(Decodage.refuse("port LoRaWAN 1 inattendu pour un Dingtek DO20x (port 3)"));
        // a Nwave parking status (1 byte) and a Bosch start-up frame are not Dingtek frames
        assertThat(REGISTRE.decoder("dingtek-do20x", 3, Octets.depuisHex("95")))
                .isInstanceOfSatisfying(Decodage.Refuse.class, r -> assertThat(r.raison()).contains("autre modèle"));
        // length byte 0x17 = 23 but one byte missing
        assertThat(REGISTRE.decoder("dingtek-do20x", 3, Octets.depuisHex("800031021706B4000001610010FFF6FFF08B2D000181")))
                .isEqualTo(Decodage.refuse("longueur annoncée 23 octets par la trame Dingtek, 22 reçus"));
        // unknown model 0x0099
        assertThat(REGISTRE.decoder("dingtek-do20x", 3, Octets.depuisHex("800099021706B4000001610010FFF6FFF08B2D00010081")))
                .isInstanceOfSatisfying(Decodage.Refuse.class, r -> assertThat(r.raison()).startsWith("modèle Dingtek inconnu"));
        // a DO200 frame announcing the DO201 length
        assertThat(REGISTRE.decoder("dingtek-do20x", 3, Octets.depuisHex("800002021706B4000001610010FFF6FFF08B2D00010081")))
                .isEqualTo(Decodage.refuse("longueur incorrecte pour une trame de mesure d'un Dingtek DO200 : 21 octets attendus, 23 reçus"));
    }
}
