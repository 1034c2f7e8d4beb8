package fr.croisements.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topics of the network servers, and the settings of a broker as a person types them. */
class SujetTest {

    @Test
    void tellsTheNetworkServerAndTheEventFromTheTopic() {
        assertThat(Sujet.reconnaitre("application/0e3d3c2a-7b1f/device/a81758fffe0a1b2c/event/up"))
                .contains(new Sujet("chirpstack", "up"));
        assertThat(Sujet.reconnaitre("application/1/device/a81758fffe0a1b2c/event/status")).contains(new Sujet("chirpstack", "status"));
        assertThat(Sujet.reconnaitre("v3/qualite-air@ttn/devices/eui-a840410000000001/up")).contains(new Sujet("tts", "up"));
        assertThat(Sujet.reconnaitre("v3/app@ttn/devices/capteur/down/sent")).contains(new Sujet("tts", "down/sent"));
        assertThat(Sujet.reconnaitre("capteurs/salle-1")).isEmpty();
        assertThat(Sujet.reconnaitre("application/1/device/x/event")).isEmpty();
        assertThat(Sujet.evenement("application/1/device/x/event/up", "tts")).isNull();
        assertThat(Sujet.evenement("application/1/device/x/event/up", "chirpstack")).isEqualTo("up");
    }

    @Test
    void readsTheBrokersAddressWithTheDefaultPortOfItsScheme() {
        assertThat(ConfigurationMqtt.adresse("tcp://localhost")).isEqualTo(new ConfigurationMqtt.Adresse("localhost", 1883, false));
        assertThat(ConfigurationMqtt.adresse("ssl://eu1.cloud.thethings.network")).hasToString("ssl://eu1.cloud.thethings.network:8883");
        assertThat(ConfigurationMqtt.adresse("mqtts://10.0.0.5:8884")).isEqualTo(new ConfigurationMqtt.Adresse("10.0.0.5", 8884, true));
        assertThatThrownBy(() -> ConfigurationMqtt.adresse("http://localhost:1883")).hasMessageContaining("tcp://HOTE:PORT ou ssl://");
        assertThatThrownBy(() -> ConfigurationMqtt.adresse("localhost:1883")).hasMessageContaining("tcp://HOTE:PORT ou ssl://");
        assertThatThrownBy(() -> ConfigurationMqtt.adresse("tcp://localhost:1883/application/#")).hasMessageContaining("--mqtt-sujet");
    }

    @Test
    void defaultFiltersFollowTheFormatAndAWrongFilterIsRefused() {
        assertThat(config(List.of(), "chirpstack").filtres()).containsExactly("application/+/device/+/event/up",
                "application/+/device/+/event/status");
        assertThat(config(List.of(), "tts").filtres()).containsExactly("v3/+/devices/+/up");
        assertThat(config(List.of(), null).filtres()).hasSize(3);
        assertThat(config(List.of("ville/#"), null).filtres()).containsExactly("ville/#");
        assertThatThrownBy(() -> config(List.of("ville/#/up"), null)).hasMessageContaining("# seulement en dernier");
        assertThatThrownBy(() -> config(List.of("application/ab+/x"), null)).hasMessageContaining("+ remplace un niveau entier");
        assertThatThrownBy(() -> config(List.of(), "loriot")).hasMessageContaining("tts ou chirpstack");
        assertThat(config(List.of(), null).toString()).doesNotContain("secret");
    }

    private static ConfigurationMqtt config(List<String> filtres, String format) {
        return new ConfigurationMqtt("localhost", 1883, false, filtres, format, "croisements-test", "u", "secret", null, null,
                Duration.ofDays(1));
    }
}
