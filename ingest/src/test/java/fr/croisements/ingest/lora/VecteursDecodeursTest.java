package fr.croisements.ingest.lora;

import fr.croisements.datasets.DonneesOfficiellesRequises;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Mesure;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code shared/datasets/lora/ttn_device_repo_codec_examples.json} (TTN Device
 * Repository codec examples, MIT), {@code thingsboard_decoder_vectors.json} (ThingsBoard data
 * converters, Apache-2.0) and of the project's {@code src/test/resources/lora/vecteurs-constructeurs.json}
 * (the examples of the decoders added for issue #13, transcribed from the TTN repository and
 * Milesight), decoded by our registry: each expected field is either asserted against
 * the measure we make of it, or listed in {@link #NON_MESURES} with the reason we do not keep it.
 *
 * <p>Vectors we deliberately disagree with are in {@link #DESACCORDS}, each with our value and why
 * (also in ingest/README.md):
 * <ul>
 *   <li>ThingsBoard, Nwave G4 NPS SM heartbeat {@code 00D3D800590B}: battery 2.32 V for ThingsBoard,
 *       3.344 V for the TTN repository and for us (2500 + 4 x 0xD3 mV: ThingsBoard's TBEL reads the
 *       byte as signed, 0xD3 = -45, a bug); its {@code battery_health: critical} follows from it;
 *   <li>ThingsBoard, Milesight AM307 {@code payload_1}: after the 16-byte history record
 *       ({@code 0x20 0xCE}) come 4 bytes {@code 00 19 00 32} that form no AM307 channel. ThingsBoard
 *       skips unknown pairs silently; we refuse the payload and say where (the other AM307 vectors,
 *       with the same values, are decoded);
 *   <li>TTN repository, Elsys ELT Ultrasonic (an unverified example, commented out in its YAML): its
 *       pressure, 100 729 hPa, is no barometer's; our plausibility check ({@link Plausibilite})
 *       refuses the payload.
 * </ul>
 * Unverified vectors (commented out in the source YAML): Elsys ERS, decoded to the expected values.
 */
class VecteursDecodeursTest {

    private static final DecodeurRegistre REGISTRE = DecodeurRegistre.standard();

    /** Expected fields that are not measures, and why we do not keep them. */
    static final Map<String, String> NON_MESURES = Map.ofEntries(
            Map.entry("type", "type de trame, donné par le port"),
            Map.entry("Bat_status", "état de la pile codé 0-3 (la tension BatV est gardée)"),
            Map.entry("Ext_sensor", "libellé du mode du capteur externe"),
            Map.entry("debugCodes", "codes de diagnostic d'une trame de démarrage"),
            Map.entry("debugInfo", "codes de diagnostic d'une trame de démarrage"),
            Map.entry("firmwareVersion", "version du micrologiciel (ordre des octets différent entre TTN et ThingsBoard)"),
            Map.entry("firmware_version", "version du micrologiciel"),
            Map.entry("resetCause", "cause du redémarrage"),
            Map.entry("reset_cause", "cause du redémarrage"),
            Map.entry("previous_state_duration_error", "marge d'erreur de la durée compressée"),
            Map.entry("previous_state_duration_overflow", "débordement de la durée (la durée est alors omise)"),
            Map.entry("battery_health", "état déduit de la tension par le décodeur"),
            Map.entry("hw_health_status", "code d'état matériel"),
            Map.entry("tag_id", "identifiant du badge d'une personne : jamais conservé"),
            Map.entry("temperature_abnormal", "drapeau d'alarme du canal 0x83"),
            Map.entry("distance_alarming", "drapeau d'alarme du canal 0x84"),
            Map.entry("beep", "état du buzzer"),
            Map.entry("lora_frame_counter", "métadonnée d'enveloppe ajoutée par ThingsBoard, pas dans la charge utile"),
            Map.entry("lora_frame_port", "métadonnée d'enveloppe ajoutée par ThingsBoard"),
            Map.entry("lora_frequency", "métadonnée d'enveloppe ajoutée par ThingsBoard"),
            Map.entry("lora_spreading_factor", "métadonnée d'enveloppe ajoutée par ThingsBoard"),
            Map.entry("lora_rssi", "métadonnée d'enveloppe ajoutée par ThingsBoard"),
            Map.entry("lora_snr", "métadonnée d'enveloppe ajoutée par ThingsBoard"),
            Map.entry("protocol_version", "version du protocole Decentlab, vérifiée (2)"),
            Map.entry("device_id", "numéro de série Decentlab"),
            Map.entry("ambient_light_visible_infrared", "lecture brute du capteur de lumière (l'éclairement en lux est gardé)"),
            Map.entry("ambient_light_infrared", "lecture brute du capteur de lumière (l'éclairement en lux est gardé)"),
            Map.entry("co2_sensor_status", "état interne du capteur de CO2"),
            Map.entry("raw_ir_reading", "lecture brute infrarouge du capteur de CO2"));

    /** Vectors (source file and payload) whose expected values we deliberately do not reproduce. */
    static final Map<String, String> DESACCORDS = Map.of(
            "vendor/elsys/elt-ultrasonic-codec.yaml|0100E202290301270514060101110E2311",
            "refusé : pression 100 729,105 hPa hors de la plage plausible (exemple fabriqué, non vérifié par le dépôt TTN)",
            "VENDORS/Nwave/G4_NPS_SM/ChirpStack/uplink/payload_1.json|00D3D800590B",
            "batterie 3,344 V (ThingsBoard lit l'octet 0xD3 comme signé : 2,32 V)",
            "VENDORS/Milesight/AM307/ChirpStack/uplink/payload_1.json|0175550367EE0004687C05000106CB02077DA803087D2500097366270A7D04000B7D20000C7D30000D7D20000E015520CE6535CA0C00E1006E016401C2000A279700190032",
            "refusé : 4 octets après l'enregistrement d'historique ne forment aucun canal AM307");

    /** The project's transcription of the examples of the decoders added for issue #13 (see its description). */
    static final String VECTEURS_PROJET = "vecteurs-constructeurs.json";

    static Stream<Arguments> vecteurs() {
        var tous = new ArrayList<Arguments>();
        for (String fichier : List.of("ttn_device_repo_codec_examples.json", "thingsboard_decoder_vectors.json", VECTEURS_PROJET)) {
            JsonNode racine = fichier.equals(VECTEURS_PROJET) ? DonneesLora.echantillonProjet(fichier)
                    : DonneesLora.json(DonneesLora.dossier().resolve(fichier));
            int i = 0;
            for (JsonNode v : racine.get("vectors")) {
                i++;
                String origine = v.has("source_file") ? v.get("source_file").asText() : v.get("source").asText();
                tous.add(Arguments.of(fichier + " #" + i + " " + v.get("vendor").asText() + " " + v.get("model").asText()
                        + " port " + v.get("fPort").asInt(), origine, v));
            }
        }
        return tous.stream();
    }

    @Test
    @DonneesOfficiellesRequises
    void coversEveryVectorOfTheThreeFiles() {
        assertThat(vecteurs()).hasSize(23 + 21 + 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vecteurs")
    @DonneesOfficiellesRequises
    void decodesTheVectorToTheExpectedMeasures(String nom, String origine, JsonNode v) {
        String modele = REGISTRE.resoudre(v.get("vendor").asText() + " " + v.get("model").asText()).orElseThrow();
        byte[] octets = Base64.getDecoder().decode(v.get("payload_base64").asText());
        assertThat(Octets.hex(octets)).isEqualTo(v.get("payload_hex").asText().toUpperCase());
        int port = v.get("fPort").asInt();

        Decodage d = REGISTRE.decoder(modele, port, octets);

        String cle = origine + "|" + Octets.hex(octets);
        if (cle.startsWith("VENDORS/Milesight/AM307/ChirpStack/uplink/payload_1.json")) {
            assertThat(DESACCORDS).containsKey(cle);
            assertThat(d).isEqualTo(Decodage.refuse("canal inconnu 0x00 0x19 à l'octet 65 pour un AM307"));
            return;
        }
        if (cle.equals("vendor/elsys/elt-ultrasonic-codec.yaml|0100E202290301270514060101110E2311")) {
            assertThat(DESACCORDS).containsKey(cle);
            // 0x14 06010111: pressure 0x06010111 = 100 729 105 / 1000 hPa, no barometer reads that
            assertThat(v.get("expected").get("pressure").asDouble()).isEqualTo(100729.105);
            assertThat(d).isEqualTo(Decodage.refuse("pression = 100729,105 hPa hors de la plage plausible (300 à 1100 hPa) :"
                    + " la charge utile vient sans doute d'un autre modèle"));
            return;
        }
        if (v.has("expected_errors")) {
            assertThat(d).isInstanceOfSatisfying(Decodage.Refuse.class,
                    r -> assertThat(r.raison()).contains("port LoRaWAN " + port).contains("inattendu"));
            return;
        }
        assertThat(d).as("%s", d).isInstanceOf(Decodage.Reussi.class);
        Map<String, Mesure> mesures = ((Decodage.Reussi) d).mesures();
        JsonNode attendu = v.has("expected") ? v.get("expected") : v.get("decoded");
        for (var it = attendu.fields(); it.hasNext(); ) {
            var champ = it.next();
            String nomChamp = champ.getKey();
            JsonNode valeur = champ.getValue();
            if (NON_MESURES.containsKey(nomChamp)) {
                continue;
            }
            if (cle.startsWith("VENDORS/Nwave/G4_NPS_SM/ChirpStack/uplink/payload_1.json") && nomChamp.equals("battery_voltage")) {
                assertThat(DESACCORDS).containsKey(cle);
                assertThat(valeur.asDouble()).isEqualTo(2.32);
                assertThat(mesures.get(Mesures.BATTERIE)).isEqualTo(new Mesure(3.344, Mesures.VOLT));
                continue;
            }
            if (nomChamp.equals("distance") && valeur.isTextual()) {
                assertThat(valeur.asText()).isEqualTo("No Sensor");
                assertThat(mesures).doesNotContainKey(Mesures.DISTANCE);
                continue;
            }
            Attendu a = attendu(modele, nomChamp, valeur);
            assertThat(mesures).as("%s: %s", nomChamp, mesures).containsKey(a.mesure());
            assertThat(mesures.get(a.mesure()).valeur()).as(nomChamp).isCloseTo(a.valeur(), within(1e-9));
            assertThat(mesures.get(a.mesure()).unite()).as(nomChamp).isEqualTo(a.unite());
        }
    }

    /** Our measure for an expected field: its name, value (converted to our unit) and unit. */
    private record Attendu(String mesure, double valeur, String unite) {}

    private static Attendu attendu(String modele, String champ, JsonNode v) {
        boolean parking = modele.startsWith("bosch") || modele.startsWith("nwave");
        boolean elsys = modele.startsWith("elsys");
        return switch (champ) {
            case "temperature" -> parking ? new Attendu(Mesures.TEMPERATURE_INTERNE, v.asDouble(), "°C")
                    : new Attendu(Mesures.TEMPERATURE, v.asDouble(), "°C");
            case "TempC_SHT", "air_temperature", "ambient_temperature" -> new Attendu(Mesures.TEMPERATURE, v.asDouble(), "°C");
            case "TempC_DS" -> new Attendu(Mesures.TEMPERATURE_SONDE, v.asDouble(), "°C");
            case "humidity", "Hum_SHT", "air_humidity", "relative_humidity" -> new Attendu(Mesures.HUMIDITE, v.asDouble(), "%");
            case "co2", "co2_concentration" -> new Attendu(Mesures.CO2, v.asDouble(), "ppm");
            case "battery" -> new Attendu(Mesures.BATTERIE, v.asDouble(), "%");
            case "battery_voltage", "BatV" -> new Attendu(Mesures.BATTERIE, v.asDouble(), "V");
            case "vdd" -> new Attendu(Mesures.BATTERIE, v.asDouble() / 1000, "V");
            case "pressure" -> new Attendu(Mesures.PRESSION, v.asDouble(), "hPa");
            case "barometric_pressure" -> new Attendu(Mesures.PRESSION, v.asDouble() / 100, "hPa");
            case "distance" -> new Attendu(Mesures.DISTANCE, v.asDouble(), "mm");
            case "light", "illuminance" -> new Attendu(Mesures.LUMINOSITE, v.asDouble(), "lux");
            case "light_level" -> new Attendu(Mesures.NIVEAU_LUMIERE, v.asDouble(), "niveau (0 à 5)");
            case "motion", "activity_counter" -> new Attendu(Mesures.MOUVEMENT, v.asDouble(), "détections");
            case "pir" -> elsys ? new Attendu(Mesures.MOUVEMENT, v.asDouble(), "détections")
                    : new Attendu(Mesures.PRESENCE, v.asText().equals("trigger") ? 1 : 0, "0/1");
            case "tvoc" -> new Attendu(Mesures.COV, v.asDouble(), "µg/m³");
            case "total_voc" -> new Attendu(Mesures.COV, v.asDouble(), "ppb");
            case "x", "y", "z" -> new Attendu("acceleration_" + champ, v.asDouble() / 63, "g");
            case "tilt", "position" -> new Attendu(Mesures.INCLINAISON, v.asText().equals("tilt") ? 1 : 0, "0/1");
            case "occupied" -> new Attendu(Mesures.OCCUPATION, v.asBoolean() ? 1 : 0, "0/1");
            case "previous_state_duration" -> new Attendu(Mesures.DUREE_ETAT_PRECEDENT, v.asDouble(), "min");
            case "tag_battery_voltage" -> new Attendu("batterie_badge", v.asDouble(), "V");
            case "pm1_0_mass_concentration" -> new Attendu(Mesures.PM1, v.asDouble(), "µg/m³");
            case "pm2_5_mass_concentration" -> new Attendu(Mesures.PM2_5, v.asDouble(), "µg/m³");
            case "pm4_mass_concentration" -> new Attendu(Mesures.PM4, v.asDouble(), "µg/m³");
            case "pm10_mass_concentration" -> new Attendu(Mesures.PM10, v.asDouble(), "µg/m³");
            case "typical_particle_size" -> new Attendu("taille_particules", v.asDouble(), "nm");
            case "pm0_5_number_concentration" -> new Attendu("nombre_pm0_5", v.asDouble(), "par cm³");
            case "pm1_0_number_concentration" -> new Attendu("nombre_pm1", v.asDouble(), "par cm³");
            case "pm2_5_number_concentration" -> new Attendu("nombre_pm2_5", v.asDouble(), "par cm³");
            case "pm4_number_concentration" -> new Attendu("nombre_pm4", v.asDouble(), "par cm³");
            case "pm10_number_concentration" -> new Attendu("nombre_pm10", v.asDouble(), "par cm³");
            default -> throw new AssertionError("Expected field neither mapped to a measure nor listed as not kept: " + champ);
        };
    }
}
