package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Smoke tests of the shipped car-park packs, read through the public loader: no official file needed. */
class ParkingsTest {

    private static int places(List<ParcStationnement> parcs) {
        return parcs.stream().filter(p -> p.capacite() != null).mapToInt(ParcStationnement::capacite).sum();
    }

    @Test
    void grand_poitiers_has_the_8_car_parks_of_poitiers_and_their_3311_places() {
        List<ParcStationnement> parcs = Parkings.charger("grand-poitiers");

        assertThat(parcs).hasSize(8).extracting(ParcStationnement::codeInsee).containsOnly("86194");
        assertThat(places(parcs)).isEqualTo(3311);
        assertThat(parcs.get(0)).extracting(ParcStationnement::id, ParcStationnement::nom, ParcStationnement::capacite,
                ParcStationnement::typeOuvrage, ParcStationnement::gratuit)
                .containsExactly("86194-P-001", "GARE TOUMAI", 632, "ouvrage", false);
        assertThat(parcs.get(0).position().longitude()).isEqualTo(0.33483488);
        assertThat(parcs).extracting(ParcStationnement::source).containsOnly(new Source(
                "Base nationale des lieux de stationnement", "transport.data.gouv.fr (données de la Ville de Poitiers)",
                "2022", "Licence Ouverte 2.0 (non vérifiée)", false));
    }

    @Test
    void la_rochelle_has_20_car_parks_2_without_capacity_and_5304_places_in_the_others() {
        List<ParcStationnement> parcs = Parkings.charger("la-rochelle");

        assertThat(parcs).hasSize(20);
        assertThat(parcs).filteredOn(p -> p.capacite() == null).extracting(ParcStationnement::id)
                .containsExactly("17028-P-004", "17300-P-522");
        assertThat(places(parcs)).isEqualTo(5304);
        assertThat(parcs).extracting(ParcStationnement::codeInsee).containsOnly("17028", "17200", "17291", "17300", "17391");
        assertThat(parcs).extracting(p -> p.source().millesime() + ", " + p.source().licence())
                .containsOnly("2024, Licence Ouverte 2.0");
    }

    @Test
    void every_car_park_lies_in_a_commune_of_its_territory_and_is_real() {
        var geometries = new GeometryFactory();
        for (String id : Parkings.ids()) {
            Territoire territoire = Territoires.charger(id);
            assertThat(Parkings.charger(id)).as(id).isSortedAccordingTo((a, b) -> a.id().compareTo(b.id()))
                    .allSatisfy(p -> {
                        Commune commune = territoire.commune(p.codeInsee()).orElseThrow();
                        var point = geometries.createPoint(new Coordinate(p.position().longitude(), p.position().latitude()));
                        assertThat(commune.contour().isWithinDistance(point, 0.001)).as(p.id() + " in " + commune.nom()).isTrue();
                        assertThat(p.source().simule()).isFalse();
                        assertThat(p.capacite() == null || p.capacite() > 0).as("capacity absent, never 0").isTrue();
                    });
        }
    }

    @Test
    void territories_without_a_pack_have_no_shipped_car_park() {
        assertThat(Parkings.charger("antony")).isEmpty();
        assertThat(Parkings.charger("bassin-de-pompey")).isEmpty();
        assertThat(Parkings.charger("pays-du-sel-et-du-vermois")).isEmpty();
        assertThat(Parkings.livres()).hasSize(28);
    }

    @Test
    void reading_a_pack_and_writing_it_again_gives_the_same_bytes() {
        for (String id : Parkings.ids()) {
            String texte = Parkings.texte(id);
            assertThat(PackParkings.lire(texte).ecrire()).isEqualTo(texte);
            assertThat(texte).doesNotContain("\r").endsWith("}\n");
            assertThat(texte.getBytes(StandardCharsets.UTF_8).length).isLessThan(10 * 1024);
        }
    }
}
