package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Reads a JSON file whose root is an array of objects (Etalab's {@code communes.json},
 * {@code epci.json}) the way {@link TableCsv} reads a CSV: element by element (memory holds the
 * values kept, not the file), each through the importer's pure {@code parse} step, whose
 * rejections and warnings are reported with the element's rank and line.
 */
final class TableauJson {

    private TableauJson() {}

    /**
     * @throws EntreeInvalide naming the file and line, in French, when it is not a JSON array of objects
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static <T> ImportCsv<T> importer(Path fichier, Function<JsonNode, Lecture<T>> parse) {
        String nom = fichier.getFileName().toString();
        var valeurs = new ArrayList<T>();
        var signalements = new ArrayList<Signalement>();
        try (JsonParser json = JsonSerde.MAPPER.createParser(fichier.toFile())) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new EntreeInvalide(fichier.toString(), ligne(json), "tableau JSON attendu (« [ » au début du fichier)");
            }
            int rang = 0;
            for (JsonToken jeton = json.nextToken(); jeton != JsonToken.END_ARRAY; jeton = json.nextToken()) {
                rang++;
                long ligne = ligne(json);
                if (jeton == null) {
                    throw new EntreeInvalide(fichier.toString(), ligne, "JSON tronqué : tableau non fermé (« ] » manquant"
                            + " à la fin du fichier)");
                }
                if (jeton != JsonToken.START_OBJECT) {
                    throw new EntreeInvalide(fichier.toString(), ligne, "l'élément n° " + rang
                            + " du tableau n'est pas un objet JSON");
                }
                JsonNode element = json.readValueAsTree();
                Lecture<T> lecture = parse.apply(element);
                String ou = "élément n° " + rang + " : ";
                if (lecture.estRejet()) {
                    signalements.add(new Signalement(nom, ligne, Signalement.Gravite.REJET, ou + lecture.raison()));
                } else {
                    valeurs.add(lecture.valeur());
                    lecture.avertissements().forEach(a ->
                            signalements.add(new Signalement(nom, ligne, Signalement.Gravite.AVERTISSEMENT, ou + a)));
                }
            }
        } catch (JsonProcessingException e) {
            long ligne = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            throw new EntreeInvalide(fichier.toString(), ligne, RaisonJson.de(e), e);
        } catch (java.io.CharConversionException e) {
            // bytes Jackson takes for UTF-32 or another encoding it cannot decode (found by FichiersInseeFuzzTest)
            throw new EntreeInvalide(fichier.toString(), 0, RaisonJson.ENCODAGE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JSON file " + fichier, e);
        }
        return new ImportCsv<>(nom, valeurs, signalements);
    }

    private static long ligne(JsonParser json) {
        return Math.max(json.currentTokenLocation().getLineNr(), 0);
    }
}
