package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppareilsTest {

    @Test
    void readsADevicesFileWithOptionalModelAndPosition(@TempDir Path dossier) throws IOException {
        Path fichier = Files.writeString(dossier.resolve("appareils.csv"), """
                \uFEFFdev_eui;modele;longitude;latitude
                24-E1-24-13-6B-31-63-61;EM300-TH;0,3404;46,5802
                a840410000000001;;;
                """);

        Appareils appareils = Appareils.lire(fichier);

        assertThat(appareils.appareil("24E124136B316361")).contains(
                new Appareils.Appareil("24E124136B316361", "EM300-TH", new Position(0.3404, 46.5802, null)));
        assertThat(appareils.appareil("A840410000000001")).contains(new Appareils.Appareil("A840410000000001", null, null));
        assertThat(appareils.modeleParDefaut()).isEmpty();
        assertThat(appareils.avecModeleParDefaut("elsys-ers").modeleParDefaut()).contains("elsys-ers");
    }

    @Test
    void saysWhichLineIsWrong() {
        assertThatThrownBy(() -> Appareils.lire(new StringReader("modele\nx\n"), "a.csv"))
                .hasMessage("a.csv:1 : colonne manquante : dev_eui");
        assertThatThrownBy(() -> Appareils.lire(new StringReader("dev_eui,modele\n24E124136B316361,x\n24E12413,y\n"), "a.csv"))
                .hasMessage("a.csv:3 : DevEUI invalide : « 24E12413 » (16 caractères hexadécimaux attendus)");
        assertThatThrownBy(() -> Appareils.lire(new StringReader("dev_eui,longitude,latitude\n24E124136B316361,200,46\n"), "a.csv"))
                .hasMessage("a.csv:2 : longitude illisible ou hors de [-180, 180] : « 200 »");
        assertThatThrownBy(() -> Appareils.lire(new StringReader("dev_eui\n24E124136B316361\n24e124136b316361\n"), "a.csv"))
                .hasMessage("a.csv:3 : appareil en double : 24E124136B316361");
    }

    @Test
    void aDevicesFileNamesTheIndoorClimateModelsAsUsersWriteThem() throws IOException {
        Appareils appareils = Appareils.lire(new StringReader("""
                dev_eui;modele
                24E124710C408089;Milesight AM103L
                24E124710C408090;AM102
                A840410000000002;dragino-lht65n
                0018B21000000001;Adeunis Comfort CO2
                0004A30B00000001;decentlab-dl-iam
                647FDA0000000001;Tektelic Kona Home Sensor
                """), "appareils.csv");
        var adapter = DonneesLora.tts(appareils);
        String message = """
                {"end_device_ids": {"dev_eui": "0018B21000000001"}, "received_at": "2025-07-14T12:00:01Z",
                 "uplink_message": {"f_port": 1, "frm_payload": "aoABsz4BpAG0PwGl"}}
                """;

        LoraUplink u = ((Lecture.Uplink) adapter.lire(DonneesLora.json(message))).uplink();

        assertThat(u.modele()).isEqualTo("adeunis-comfort-co2");
        assertThat(u.mesures()).containsEntry(Mesures.CO2, new Mesure(420, "ppm"));
    }

    @Test
    void anAdapterRefusesAnUnknownModelAtOnce() {
        var appareils = Appareils.de(List.of(new Appareils.Appareil("24E124136B316361", "thermo-inconnu", null)));
        assertThatThrownBy(() -> new TtsAdapter(DecodeurRegistre.standard(), appareils))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("modèle inconnu « thermo-inconnu » pour l'appareil 24E124136B316361 ; modèles connus : adeunis-comfort, adeunis-comfort-co2, bosch-tps110,");
        assertThatThrownBy(() -> new ChirpstackAdapter(DecodeurRegistre.standard(), Appareils.aucun().avecModeleParDefaut("x")))
                .hasMessageStartingWith("modèle inconnu « x » pour --modele");
    }

    @Test
    void theDefaultModelComesAfterWhatTheMessageSays() {
        var adapter = DonneesLora.chirpstack(Appareils.aucun().avecModeleParDefaut("milesight-em500-co2"));
        String profilConnu = """
                {"time": "2025-07-14T12:00:01Z", "deviceInfo": {"deviceProfileName": "EM300-TH", "devEui": "24e124136b316361"},
                 "fPort": 85, "data": "AXVcA2fIAARoPA=="}
                """;
        String profilInconnu = profilConnu.replace("EM300-TH", "profil par défaut");

        assertThat(((Lecture.Uplink) adapter.lire(DonneesLora.json(profilConnu))).uplink().modele()).isEqualTo("milesight-em300-th");
        assertThat(((Lecture.Uplink) adapter.lire(DonneesLora.json(profilInconnu))).uplink().modele()).isEqualTo("milesight-em500-co2");
    }
}
