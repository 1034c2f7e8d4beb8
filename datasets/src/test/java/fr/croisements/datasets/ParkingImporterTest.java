package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema-stationnement importer: its rules against the published schema, the real files, hostile rows. */
class ParkingImporterTest {

    private static final Path OFFICIELS = DonneesOfficielles.dossier();
    private static final String ENTETE = String.join(";", SchemaStationnement.CHAMPS) + ";" + SchemaStationnement.ID_SOURCE;

    @TempDir
    Path dossier;

    private static List<JsonNode> champsDuSchema() throws Exception {
        JsonNode schema = JsonSerde.MAPPER.readTree(OFFICIELS.resolve("schemas/schema-stationnement-0.1.5.json").toFile());
        assertThat(schema.path("version").asText()).isEqualTo(SchemaStationnement.VERSION);
        var champs = new ArrayList<JsonNode>();
        schema.path("fields").forEach(champs::add);
        return champs;
    }

    @Test
    @DonneesOfficiellesRequises
    void the_rules_checked_are_those_of_the_published_schema() throws Exception {
        List<JsonNode> champs = champsDuSchema();
        var requis = new ArrayList<String>();
        var entiers = new ArrayList<String>();
        var nombres = new HashMap<String, List<Double>>();
        var enums = new HashMap<String, List<String>>();
        var motifs = new HashMap<String, String>();
        var uris = new ArrayList<String>();
        for (JsonNode champ : champs) {
            String nom = champ.path("name").asText();
            JsonNode contraintes = champ.path("constraints");
            if (contraintes.path("required").asBoolean()) {
                requis.add(nom);
            }
            switch (champ.path("type").asText()) {
                case "integer" -> entiers.add(nom);
                case "number" -> nombres.put(nom, java.util.Arrays.asList(
                        contraintes.has("minimum") ? contraintes.path("minimum").asDouble() : null,
                        contraintes.has("maximum") ? contraintes.path("maximum").asDouble() : null));
                case "boolean" -> {
                    assertThat(nom).isEqualTo(SchemaStationnement.GRATUIT);
                    assertThat(champ.path("trueValues")).extracting(JsonNode::asText)
                            .containsExactlyElementsOf(SchemaStationnement.VRAI);
                    assertThat(champ.path("falseValues")).extracting(JsonNode::asText)
                            .containsExactlyElementsOf(SchemaStationnement.FAUX);
                }
                default -> assertThat(champ.path("type").asText()).isEqualTo("string");
            }
            if (contraintes.has("enum")) {
                var valeurs = new ArrayList<String>();
                contraintes.path("enum").forEach(v -> valeurs.add(v.asText()));
                enums.put(nom, valeurs);
            }
            if (contraintes.has("pattern")) {
                motifs.put(nom, contraintes.path("pattern").asText());
            }
            if ("uri".equals(champ.path("format").asText())) {
                uris.add(nom);
            }
        }

        assertThat(champs).extracting(c -> c.path("name").asText()).containsExactlyElementsOf(SchemaStationnement.CHAMPS);
        assertThat(requis).containsExactlyElementsOf(SchemaStationnement.REQUIS);
        assertThat(entiers).containsExactlyElementsOf(SchemaStationnement.ENTIERS);
        var nosNombres = new HashMap<String, List<Double>>();
        SchemaStationnement.NOMBRES.forEach((k, v) -> nosNombres.put(k, java.util.Arrays.asList(v)));
        assertThat(nombres).isEqualTo(nosNombres);
        assertThat(enums).isEqualTo(SchemaStationnement.ENUMS);
        assertThat(motifs).isEqualTo(SchemaStationnement.MOTIFS);
        assertThat(motifs.get("insee")).isEqualTo(fr.croisements.events.Zone.CODE_COMMUNE);
        assertThat(uris).containsExactlyElementsOf(SchemaStationnement.URIS);
    }

    @Test
    @DonneesOfficiellesRequises
    void the_schema_example_is_read_without_any_remark() {
        var lu = ParkingImporter.lire(OFFICIELS.resolve("schemas/schema-stationnement-exemple-valide.csv"));

        assertThat(lu.valeurs()).hasSize(2);
        assertThat(lu.signalements()).isEmpty();
        assertThat(lu.valeurs()).extracting(Parking::hauteurMaxCm).containsExactly(290, null);
        assertThat(lu.valeurs().get(0).tarifs()).isEqualTo(
                new Parking.Tarifs("gratuit", 5.5, 7.5, 10.5, 13.5, 40.0, 60.99, 79.99));
    }

    @Test
    @DonneesOfficiellesRequises
    void la_rochelle_has_20_car_parks_2_without_capacity_and_5304_places_in_the_others() {
        var lu = ParkingImporter.lire(OFFICIELS.resolve("parking/la_rochelle_parkings_schema_stationnement.csv"));

        assertThat(lu.rejets()).isEmpty();
        assertThat(lu.valeurs()).hasSize(20);
        assertThat(lu.valeurs()).filteredOn(p -> p.nbPlaces() == null).extracting(Parking::id)
                .containsExactly("17028-P-004", "17300-P-522");
        assertThat(lu.valeurs().stream().filter(p -> p.nbPlaces() != null).mapToInt(Parking::nbPlaces).sum())
                .isEqualTo(5304);
        assertThat(lu.valeurs()).extracting(Parking::codeInsee).containsOnly("17028", "17200", "17291", "17300", "17391");
        Map<String, Parking> parId = new HashMap<>();
        lu.valeurs().forEach(p -> parId.put(p.id(), p));
        assertThat(parId.get("17200-P-001")).extracting(Parking::nom, Parking::gratuit, Parking::typeOuvrage, Parking::nbPr)
                .containsExactly("Les Greffières", true, "ouvrage", 350);
        assertThat(parId.get("17300-P-002").hauteurMaxCm()).isEqualTo(200);
        assertThat(parId.get("17300-P-008").hauteurMaxCm()).isNull();
        assertThat(parId.get("17300-P-003").tarifs().tarif1h()).isEqualTo(1.1);
        // the departures from the schema are reported, each with its line
        assertThat(lu.avertissements()).hasSize(102);
        assertThat(lu.avertissements()).extracting(Signalement::toString).contains(
                "la_rochelle_parkings_schema_stationnement.csv:2 : gratuit « Y » lu comme true (le schéma attend"
                        + " true/false, 1/0 ou vrai/faux)",
                "la_rochelle_parkings_schema_stationnement.csv:7 : hauteur « 2.00m » lue comme 200 cm (le schéma"
                        + " attend des centimètres)",
                "la_rochelle_parkings_schema_stationnement.csv:12 : « Souterrain » hors des valeurs du schéma pour la"
                        + " colonne type_ouvrage (enclos_en_surface, ouvrage) : laissé vide",
                "la_rochelle_parkings_schema_stationnement.csv:13 : hauteur « 2.20m niveau-1; 1.90m niveau -2, -3, -4,"
                        + " -5 » hors du format du schéma (centimètres ou N/A) : laissée vide",
                "la_rochelle_parkings_schema_stationnement.csv:20 : nombre de places absent (colonne nb_places,"
                        + " obligatoire) : laissé vide");
    }

    @Test
    @DonneesOfficiellesRequises
    void poitiers_national_base_has_8_car_parks_and_3311_places_without_any_remark() {
        var lu = ParkingImporter.lire(OFFICIELS.resolve("parking/poitiers_parkings_bnls_2022.csv"));

        assertThat(lu.signalements()).isEmpty();
        assertThat(lu.valeurs()).hasSize(8);
        assertThat(lu.valeurs().stream().mapToInt(Parking::nbPlaces).sum()).isEqualTo(3311);
        Parking gare = lu.valeurs().get(0);
        assertThat(gare).extracting(Parking::id, Parking::nom, Parking::codeInsee, Parking::gratuit, Parking::hauteurMaxCm,
                Parking::idSource).containsExactly("86194-P-001", "GARE TOUMAI", "86194", false, 200, "F4604__1943");
        assertThat(gare.longitude()).isEqualTo(0.33483488);
        assertThat(gare.tarifs().tarif24h()).isEqualTo(17.0);
        assertThat(lu.valeurs().get(3)).extracting(Parking::hauteurMaxCm, Parking::typeOuvrage)
                .containsExactly(null, "enclos_en_surface");
    }

    @Test
    void hostile_rows_are_reported_with_their_line_and_skipped() throws Exception {
        String ligne = "86194-P-%s;%s;%s;;https://www.poitiers.fr/;tous;0;%s;;2;0;0;0;0;0;0;%s;21860194600658;%s;46.58;;2.00;"
                + "4.00;6.00;7.60;17.00;;;ouvrage;%s;F4604__%s\r\n";
        String contenu = ENTETE + "\r\n"
                + String.format(ligne, "001", "GARE", "86194", "632", "N/A", "0.33", "\"Nuit 19h-8h; 1 €\"", "1")
                + String.format(ligne, "002", "WRONG CODE", "86 194", "100", "200", "0.33", "", "2")
                + String.format(ligne, "003", "LOST ZERO", "1053", "100", "200", "0.33", "", "3")
                + String.format(ligne, "004", "BAD COUNT", "86194", "beaucoup", "200", "0.33", "", "4")
                + String.format(ligne, "005", "OUT OF RANGE", "86194", "10", "200", "233.5", "", "5")
                + String.format(ligne, "001", "DUPLICATE", "86194", "10", "200", "0.33", "", "6")
                + "86194-P-007;SHORT;86194;;;tous;0;10\r\n"
                + String.format(ligne, "008", "HEIGHT N/A", "86194", "12", "N/A", "0.34", "", "8")
                        .replace("86194-P-008", "86194-P-08");
        Path fichier = dossier.resolve("hostile.csv");
        Files.write(fichier, contenu.getBytes(TableCsv.WINDOWS_1252));

        var lu = ParkingImporter.lire(fichier);

        assertThat(lu.valeurs()).extracting(Parking::id, Parking::codeInsee, Parking::hauteurMaxCm)
                .containsExactly(tuple("86194-P-001", "86194", null), tuple("86194-P-003", "01053", 200));
        assertThat(lu.valeurs().get(0).nbPlaces()).isEqualTo(632);
        assertThat(lu.rejets()).extracting(Signalement::ligne, Signalement::raison).containsExactly(
                tuple(3L, "code commune invalide « 86 194 » dans la colonne insee (attendu 5 caractères, par exemple"
                        + " 01053, 2A004, 97411)"),
                tuple(5L, "« beaucoup » n'est pas un nombre entier positif dans la colonne nb_places"),
                tuple(6L, "233.5 hors des bornes de la colonne Xlong (minimum -180.0, maximum 180.0)"),
                tuple(7L, "identifiant « 86194-P-001 » déjà utilisé plus haut dans le fichier (clé primaire du schéma)"),
                tuple(8L, "8 champs au lieu de 31 (séparateur « ; »)"),
                tuple(9L, "identifiant « 86194-P-08 » hors du format du schéma (<code INSEE>-P-<3 chiffres>, par exemple"
                        + " 86194-P-001)"));
        assertThat(lu.avertissements()).extracting(Signalement::ligne).containsExactly(0L, 4L);
    }

    /** Found by the car-park fuzz suite: a height of billions of metres overflowed the centimetres (an exception, not a warning). */
    @Test
    void an_absurd_height_in_metres_is_left_empty_with_a_warning() throws Exception {
        String ligne = "86194-P-%s;%s;%s;;https://www.poitiers.fr/;tous;0;%s;;2;0;0;0;0;0;0;%s;21860194600658;%s;46.58;;2.00;"
                + "4.00;6.00;7.60;17.00;;;ouvrage;%s;F4604__%s\r\n";
        Path fichier = dossier.resolve("hauteur.csv");
        Files.write(fichier, (ENTETE + "\r\n" + String.format(ligne, "001", "GARE", "86194", "632", "99999999999m", "0.33",
                "", "1")).getBytes(TableCsv.WINDOWS_1252));

        var lu = ParkingImporter.lire(fichier);

        assertThat(lu.valeurs()).extracting(Parking::id, Parking::hauteurMaxCm).containsExactly(tuple("86194-P-001", null));
        assertThat(lu.avertissements()).extracting(Signalement::raison)
                .anySatisfy(r -> assertThat(r).contains("« 99999999999m » invraisemblable"));
    }

    @Test
    void a_quoted_separator_and_an_utf8_bom_are_read_as_data() throws Exception {
        Path fichier = dossier.resolve("bom.csv");
        Files.writeString(fichier, "\uFEFF" + String.join(",", SchemaStationnement.CHAMPS) + "\n"
                + "17300-P-001,\"Vieux-Port, quai\",17300,,,tous,vrai,10,,,,,,,,,N/A,21170300100010,-1.15,46.15,,,,,,,,,"
                + "ouvrage,\"Tarif; nuit, 1 €\"\n", StandardCharsets.UTF_8);

        var lu = ParkingImporter.lire(fichier);

        assertThat(lu.signalements()).isEmpty();
        assertThat(lu.valeurs()).singleElement().extracting(Parking::nom, Parking::gratuit, Parking::hauteurMaxCm)
                .containsExactly("Vieux-Port, quai", true, null);
    }
}
