package fr.croisements.datasets.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.catalogue.JeuDeDonnees.Periode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogueTexteTest {

    @Test
    void printsEveryDatasetWithItsNatureProducerMillesimeLicenceAndLinks() {
        String texte = CatalogueTexte.texte(
                ConstructeurCatalogue.construire(TerritoiresDeTest.TOUS, ConstructeurCatalogueTest.DEMO));

        assertThat(texte).startsWith("Catalogue des données de Croisements\n")
                .contains("Données de référence", "Flux en direct", "Indicateurs",
                        "■ Levées de bacs pucés (données simulées) — données simulées",
                        "■ Fragilité face à l'isolement — données réelles",
                        "  Producteur : Insee", "  Millésime : 2021", "  Licence : Licence Ouverte 2.0",
                        "  Mise à jour : chaque semaine",
                        "  CSV : CSV — Communauté d'agglomération de Test : "
                                + "http://localhost:7070/api/indicateurs/fragilite-isolement/territoires/agglo-de-test.csv",
                        "2 communes (Communauté d'agglomération de Test), à la commune",
                        "2 IRIS dans 1 commune (Communauté d'agglomération de Test), à l'IRIS (quartier statistique)",
                        "kafka://localhost:9092/dechets-levees")
                .doesNotContain("null");
    }

    @Test
    void periodsAreWordedInFrench() {
        assertThat(CatalogueTexte.periode(new Periode(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))))
                .isEqualTo("année 2021");
        assertThat(CatalogueTexte.periode(new Periode(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31))))
                .isEqualTo("de janvier 2021 à décembre 2022");
        assertThat(CatalogueTexte.periode(new Periode(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 3, 1))))
                .isEqualTo("du 6 janvier 2025 au 1er mars 2025");
    }
}
