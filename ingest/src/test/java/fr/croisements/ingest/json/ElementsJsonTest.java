package fr.croisements.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Elements of a JSON document read one by one: a bad element is reported with its place, the next ones are read. */
class ElementsJsonTest {

    private final List<String> lus = new ArrayList<>();

    private void lire(String texte) {
        ElementsJson.lire(texte, new ElementsJson.Destinataire() {
            @Override
            public void element(int numero, long ligne, JsonNode valeur, String texteElement) {
                lus.add(numero + " ligne " + ligne + " : " + valeur);
            }

            @Override
            public void illisible(int numero, long ligne, String raison, String extrait) {
                lus.add(numero + " ligne " + ligne + " illisible : " + raison);
            }
        });
    }

    @Test
    void readsTheElementsAfterAnElementWithAMissingComma() {
        lire("[\n {\"a\": 1},\n {\"a\": 2 \"b\": 3},\n {\"a\": 4}\n]\n");

        assertThat(lus).containsExactly(
                "1 ligne 2 : {\"a\":1}",
                "2 ligne 3 illisible : JSON invalide ligne 3, colonne 10 : caractère « \" » inattendu :"
                        + " virgule attendue entre deux champs de l'objet",
                "3 ligne 4 : {\"a\":4}");
    }

    @Test
    void anUnclosedQuoteSpoilsItsOwnElementOnly() {
        lire("[\n{\"id\": \"a, \"n\": 1},\n{\"id\": \"b\", \"n\": 2}\n]");

        assertThat(lus).hasSize(2);
        assertThat(lus.get(0)).startsWith("1 ligne 2 illisible : JSON invalide ligne 2, colonne ");
        assertThat(lus.get(1)).isEqualTo("2 ligne 3 : {\"id\":\"b\",\"n\":2}");
    }

    /** Found by the fuzz suites: a stray closing brace or comma between elements made the reading loop for ever. */
    @Test
    void aStrayClosingBraceOrCommaBetweenElementsIsReportedAndReadingMovesOn() {
        lire("{\"a\": 1}\n}\n{\"b\": 2}\n");
        lire("[{\"a\": 1}, }, {\"b\": 2}]");
        lire("{\"a\": 1}\n,\n{\"b\": 2}");

        assertThat(lus).hasSize(9);
        assertThat(lus.get(0)).isEqualTo("1 ligne 1 : {\"a\":1}");
        assertThat(lus.get(1)).startsWith("2 ligne 2 illisible : JSON invalide ligne 2, colonne 1 : ");
        assertThat(lus.get(2)).isEqualTo("3 ligne 3 : {\"b\":2}");
        assertThat(lus.get(3)).isEqualTo("1 ligne 1 : {\"a\":1}");
        assertThat(lus.get(4)).startsWith("2 ligne 1 illisible : JSON invalide ligne 1, colonne 12 : fermeture inattendue");
        assertThat(lus.get(5)).isEqualTo("3 ligne 1 : {\"b\":2}");
        assertThat(lus.get(7)).startsWith("2 ligne 2 illisible : ");
        assertThat(lus.get(8)).isEqualTo("3 ligne 3 : {\"b\":2}");
    }

    /** Found by the fuzz suites: Jackson's English came through in the reasons for these. */
    @Test
    void aControlCharacterAndTooDeepANestingAreExplainedInFrench() {
        lire("[{\"a\": 1}, \u0000{\"b\": 2}, " + "[".repeat(1500) + "]".repeat(1500) + "]");

        assertThat(lus).hasSize(3);
        assertThat(lus.get(1)).isEqualTo("2 ligne 1 illisible : JSON invalide ligne 1, colonne 13 : caractère de contrôle"
                + " hors d'un texte (seuls espaces, tabulations et fins de ligne sont permis entre les valeurs)");
        assertThat(lus.get(2)).startsWith("3 ligne 1 illisible : JSON invalide ligne 1, colonne ")
                .endsWith(" : valeurs imbriquées trop profondément (au plus 1 000 niveaux)");
    }

    @Test
    void readsPrettyPrintedObjectsOneAfterTheOtherAndScalarsOfAnArray() {
        lire("{\n  \"a\": [1, {\"b\": \"}\"}]\n}\n{\"c\": true}\n");
        lire("[1, \"deux\", null]");

        assertThat(lus).containsExactly("1 ligne 1 : {\"a\":[1,{\"b\":\"}\"}]}", "2 ligne 4 : {\"c\":true}",
                "1 ligne 1 : 1", "2 ligne 1 : \"deux\"", "3 ligne 1 : null");
    }

    @Test
    void saysWhatIsWrongAroundTheElements() {
        lire("[{\"a\": 1},, {\"a\": 2}] x");
        lire("[{\"a\": 1}, {\"a\": ");
        lire("[{\"a\": 1},\n");

        assertThat(lus).containsExactly(
                "1 ligne 1 : {\"a\":1}",
                "2 ligne 1 illisible : élément vide dans le tableau JSON (deux virgules à la suite ?), ligne 1, colonne 11",
                "3 ligne 1 : {\"a\":2}",
                "4 ligne 1 illisible : contenu après la fin du tableau JSON, ligne 1, colonne 23",
                "1 ligne 1 : {\"a\":1}",
                "2 ligne 1 illisible : JSON tronqué (fin de texte inattendue) ligne 1, colonne 17 :"
                        + " le texte s'arrête avant la fin de l'objet ou du tableau",
                "1 ligne 1 : {\"a\":1}",
                "2 ligne 2 illisible : JSON tronqué : tableau non fermé (« ] » manquant à la fin du fichier)");
    }

    @Test
    void explainsJacksonErrorsInFrench() {
        assertThat(ElementsJson.explication("Unrecognized token 'abc': was expecting (JSON String, Number, Array, Object"
                + " or token 'null', 'true' or 'false')")).startsWith("mot inconnu « abc »");
        assertThat(ElementsJson.explication("Unexpected character ('}' (code 125)): was expecting double-quote to start"
                + " field name")).isEqualTo("caractère « } » inattendu : nom de champ attendu, entre guillemets (virgule en trop ?)");
    }

    /** Found by the webhooks' fuzz suite: half an emoji in a reason became « ? » in the HTTP answer. */
    @Test
    void namesHalfOfASurrogatePairByItsCode() {
        String raison = ElementsJson.explication("Unexpected character ('\uD83D' (code 55357 / 0xd83d)): expected a value");

        assertThat(raison).startsWith("caractère « U+D83D » inattendu");
        assertThat(raison.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }
}
