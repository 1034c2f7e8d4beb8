package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Source;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The car-park pack format on small inline packs. */
class PackParkingsTest {

    private static final Source SOURCE = new Source("Parkings", "Ville de Test", "2024", "Licence Ouverte 2.0", false);
    private static final ParcStationnement MAIRIE = new ParcStationnement("54430-P-001", "Parking de la « Mairie »", "54430",
            420, new Position(6.12, 48.7400001, null), "ouvrage", false, SOURCE);
    private static final ParcStationnement SANS_PLACES = new ParcStationnement("54430-P-002", "Place du Marché", "54430",
            null, new Position(6.1, 48.74, null), null, null, SOURCE);

    private static PackParkings pack(Map<String, List<ParcStationnement>> parFichier) {
        return new PackParkings("val-de-test", new TreeMap<>(parFichier));
    }

    @Test
    void writes_one_line_per_car_park_sorted_by_id_leaving_out_what_the_file_leaves_empty() {
        String texte = pack(Map.of("test.csv", List.of(SANS_PLACES, MAIRIE))).ecrire();

        assertThat(texte).isEqualTo("""
                {
                "type":"FeatureCollection",
                "territoire":"val-de-test",
                "sources":{
                "test.csv":{"titre":"Parkings","producteur":"Ville de Test","millesime":"2024","licence":"Licence Ouverte 2.0","simule":false}
                },
                "features":[
                {"type":"Feature","properties":{"id":"54430-P-001","nom":"Parking de la « Mairie »","insee":"54430","nb_places":420,"type_ouvrage":"ouvrage","gratuit":false,"fichier":"test.csv"},"geometry":{"type":"Point","coordinates":[6.12,48.7400001]}},
                {"type":"Feature","properties":{"id":"54430-P-002","nom":"Place du Marché","insee":"54430","fichier":"test.csv"},"geometry":{"type":"Point","coordinates":[6.1,48.74]}}
                ]
                }
                """);
        assertThat(PackParkings.lire(texte).parkings()).containsExactly(MAIRIE, SANS_PLACES);
    }

    @Test
    void keeps_the_source_of_each_file() {
        Source autre = new Source("Base nationale des lieux de stationnement", "transport.data.gouv.fr", "2022",
                "Licence Ouverte 2.0", false);
        var gare = new ParcStationnement("54215-P-001", "Gare", "54215", 80, new Position(6.13, 48.77, null), null, true, autre);
        var pack = pack(Map.of("test.csv", List.of(MAIRIE), "bnls.csv", List.of(gare)));

        PackParkings relu = PackParkings.lire(pack.ecrire());

        assertThat(relu).isEqualTo(pack);
        assertThat(relu.parkings()).extracting(ParcStationnement::source).containsExactly(autre, SOURCE);
    }

    @Test
    void refuses_a_car_park_twice_or_two_sources_in_one_file_or_an_unknown_file() {
        var autreSource = new ParcStationnement("54430-P-003", "Halle", "54430", 10, new Position(6.1, 48.7, null), null, null,
                new Source("Autre", "Autre", "2020", "?", false));

        assertThatThrownBy(() -> pack(Map.of("a.csv", List.of(MAIRIE), "b.csv", List.of(MAIRIE))).ecrire())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("54430-P-001");
        assertThatThrownBy(() -> pack(Map.of("a.csv", List.of(MAIRIE, autreSource))).ecrire())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.csv");
        String inconnu = pack(Map.of("a.csv", List.of(MAIRIE))).ecrire().replace("\"fichier\":\"a.csv\"", "\"fichier\":\"b.csv\"");
        assertThatThrownBy(() -> PackParkings.lire(inconnu)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.csv");
    }
}
