package fr.croisements.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoraUplinkTest {

    private static final JsonSerde<LoraUplink> SERDE = JsonSerde.of(LoraUplink.class);

    @Test
    void readsAnUplinkWrittenBeforeTheOriginOfItsInstantWasRecorded() {
        String ancien = """
                {"devEui":"24E124136B316361","instant":"2025-07-14T12:00:01Z","fPort":85,"fCnt":7,"payload":"AXVcA2fIAARoPA==",
                 "modele":"milesight-em300-th","mesures":{"temperature":{"valeur":20.0,"unite":"°C"}},
                 "receptions":[{"gatewayId":"58A0CBFFFE800001","rssi":-97.0,"snr":9.25,"position":null}],
                 "position":null,"source":"tts","simule":false}
                """;

        LoraUplink u = SERDE.deserialize("lora-uplinks", ancien.getBytes(StandardCharsets.UTF_8));

        assertThat(u.devEui()).isEqualTo("24E124136B316361");
        assertThat(u.mesures()).containsEntry("temperature", new Mesure(20.0, "°C"));
        assertThat(u.origineInstant()).isNull();
    }

    @Test
    void keepsTheOriginOfItsInstantThroughJson() {
        var u = new LoraUplink("24E124136B316361", Instant.parse("2025-07-14T12:00:01Z"), 85, 7L, null, null, Map.of(),
                List.of(), null, "tts", false, LoraUplink.ORIGINE_PASSERELLE);

        LoraUplink relu = SERDE.deserialize("lora-uplinks", SERDE.serialize("lora-uplinks", u));

        assertThat(relu).isEqualTo(u);
        assertThat(new String(SERDE.serialize("lora-uplinks", u), StandardCharsets.UTF_8))
                .contains("\"origineInstant\":\"passerelle\"");
    }

    @Test
    void anUplinkBuiltTheFormerWayIsDatedByItsNetworkServer() {
        var u = new LoraUplink("24E124136B316361", Instant.parse("2025-07-14T12:00:01Z"), 85, 7L, null, null, Map.of(),
                List.of(), null, "chirpstack", false);

        assertThat(u.origineInstant()).isEqualTo(LoraUplink.ORIGINE_RESEAU);
    }
}
