package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalisationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AXVcA2fIAARoPA==|0175 5C03 67C8 0004 683C",
            "lQ==|95",
            "AQID|010203",
            "ANPYAFkL|00D3 D800 590B"})
    void decodesCanonicalBase64(String texte, String hex) {
        assertThat(Octets.hex(Normalisation.base64(texte))).isEqualTo(hex.replace(" ", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AXVcA2fIAARoPA|longueur 14 non multiple de 4",
            "AXVc A2fI|caractère «   » interdit en position 5",
            "AXVc-2fI|caractère « - » interdit en position 5",
            "AXVc_2fI|caractère « _ » interdit en position 5",
            "AQ=A|« = » ailleurs qu'en fin de texte",
            "A===|« = » ailleurs qu'en fin de texte",
            "AR==|bits de remplissage non nuls (encodage non canonique)",
            "AQI=AQI=|« = » ailleurs qu'en fin de texte"})
    void refusesEverythingElseWithAReason(String texte, String raison) {
        assertThatThrownBy(() -> Normalisation.base64(texte)).isInstanceOf(IllegalArgumentException.class).hasMessage(raison);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1000000000000001|1000000000000001",
            "24e124136b316361|24E124136B316361",
            "24:E1:24:13:6B:31:63:61|24E124136B316361",
            "' 24-e1-24-13-6b-31-63-61 '|24E124136B316361"})
    void normalisesEuis(String brut, String eui) {
        assertThat(Normalisation.devEui(brut)).isEqualTo(eui);
    }

    @ParameterizedTest
    @CsvSource({"24E124136B31636", "24E124136B3163610", "24E124136B31636G", "eui-24e124136b316361"})
    void refusesWhatIsNotAnEui(String brut) {
        assertThat(Normalisation.devEui(brut)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "7076ff0056080a1b|mairie-toit|7076FF0056080A1B",
            "-|eui-7076ff0056080a1b|7076FF0056080A1B",
            "-|mairie-toit|mairie-toit",
            "pas-une-eui|mairie-toit|mairie-toit",
            "-|-|-"})
    void namesAGatewayByItsEuiWhereverItIsWritten(String eui, String identifiant, String nom) {
        assertThat(Normalisation.passerelle(eui, identifiant)).isEqualTo(nom);
    }

    @Test
    void keepsOneReceptionPerGatewayWithTheBestSignalAndAKnownPosition() {
        var toit = new Position(0.3404, 46.5802, 131.0);
        var receptions = List.of(
                new Reception("A", -104.0, 6.5, toit),
                new Reception("B", -118.0, null, null),
                new Reception("A", -103.0, 7.0, null),
                new Reception("B", -118.0, -3.75, null),
                new Reception("C", null, null, null),
                new Reception("A", -103.0, 5.0, null));

        assertThat(Normalisation.uneParPasserelle(receptions)).containsExactly(
                new Reception("A", -103.0, 7.0, toit),
                new Reception("B", -118.0, -3.75, null),
                new Reception("C", null, null, null));
    }
}
