package fr.croisements.datasets.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Territoires;
import fr.croisements.datasets.catalogue.ConstructeurCatalogue.Options;
import fr.croisements.datasets.catalogue.JeuDeDonnees.Periode;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstructeurCatalogueTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2025, 3, 3);
    static final String BASE = "http://localhost:7070";
    static final Options DEMO = new Options(BASE, "localhost:9092", true, "val-de-test", LocalDate.of(2025, 1, 6),
            AUJOURDHUI);

    private final CatalogueDonnees catalogue = ConstructeurCatalogue.construire(TerritoiresDeTest.TOUS, DEMO);

    @Test
    void makesOneReferenceDatasetPerSourceAndZoneLevelPlusTheContours() {
        List<JeuDeDonnees> references = catalogue.jeux(Genre.REFERENCE);

        assertThat(references).extracting(JeuDeDonnees::titre).containsExactlyInAnyOrder(
                "Base du comparateur de territoires (recensement de la population), millésime 2021",
                "Admin Express COG 2018, contours des communes, millésime 2018",
                "Dossier complet (recensement de la population), millésime 2022",
                "Filosofi, revenus et pauvreté des communes, millésime 2021",
                "Filosofi, revenus déclarés par IRIS, millésime 2021");
        JeuDeDonnees comparateur = jeu("Base du comparateur");
        assertThat(comparateur.variables()).containsExactlyInAnyOrder("nombre de ménages", "population municipale");
        assertThat(comparateur.couverture().idsTerritoires()).containsExactly("val-de-test", "agglo-de-test");
        assertThat(comparateur.couverture().communes()).containsExactly("54215", "54430", "17010", "17300", "17999");
        assertThat(comparateur.producteur()).isEqualTo("Insee");
        assertThat(comparateur.millesime()).isEqualTo("2021");
        assertThat(comparateur.licence().dataGouv()).isEqualTo("lov2");
        assertThat(comparateur.periode()).isEqualTo(new Periode(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
        assertThat(comparateur.frequence()).isEqualTo(Frequence.ANNUELLE);
        assertThat(comparateur.distributions()).extracting(Distribution::adresse).containsExactly(
                BASE + "/api/territoires/val-de-test/communes.csv", BASE + "/api/territoires/agglo-de-test/communes.csv");
    }

    @Test
    void aSecretFigureCountsAsCoveredAndAnIrisSourceIsAtTheIrisLevel() {
        JeuDeDonnees filosofi = jeu("Filosofi, revenus et pauvreté");
        assertThat(filosofi.couverture().communes()).as("Angoulins: taux_pauvrete secret, still covered")
                .containsExactly("17010", "17300");
        assertThat(filosofi.couverture().territoires().get(0).complet()).isFalse();

        JeuDeDonnees iris = jeu("Filosofi, revenus déclarés par IRIS");
        assertThat(iris.couverture().granularite()).isEqualTo(Granularite.IRIS);
        assertThat(iris.couverture().territoires().get(0).iris()).containsExactly("173000101", "173000102");
        assertThat(iris.couverture().communes()).containsExactly("17300");
        assertThat(iris.distributions().get(0).adresse()).isEqualTo(BASE + "/api/territoires/agglo-de-test/iris.csv");

        JeuDeDonnees contours = jeu("Admin Express");
        assertThat(contours.distributions()).allSatisfy(d -> assertThat(d.format()).isEqualTo(Format.GEOJSON));
        assertThat(contours.normes()).containsExactly(Norme.GEOJSON);
        assertThat(contours.licence().dataGouv()).isEqualTo("fr-lo");
    }

    @Test
    void theLiftFeedIsSimulatedOnItsTerritoryAndTheInseeFeedIsReal() {
        JeuDeDonnees levees = catalogue.jeu(BASE + "/catalogue#flux-dechets-levees").orElseThrow();
        assertThat(levees.simule()).isTrue();
        assertThat(levees.titre()).isEqualTo("Levées de bacs pucés (données simulées)");
        assertThat(levees.provenance()).startsWith("Données simulées");
        assertThat(levees.couverture().idsTerritoires()).containsExactly("val-de-test");
        assertThat(levees.periode()).isEqualTo(new Periode(LocalDate.of(2025, 1, 6), AUJOURDHUI));
        assertThat(levees.frequence()).isEqualTo(Frequence.CONTINUE);
        assertThat(levees.distributions().get(0).service()).isEqualTo(BASE + "/catalogue#service-kafka-dechets-levees");

        JeuDeDonnees insee = catalogue.jeu(BASE + "/catalogue#flux-ref-insee-communes").orElseThrow();
        assertThat(insee.simule()).isFalse();
        assertThat(insee.titre()).doesNotContain("simulées");
        assertThat(insee.provenance()).startsWith("Données réelles");
        assertThat(insee.sources()).as("the figures, not the contours").hasSize(4)
                .allSatisfy(s -> assertThat(s).contains("#reference-insee-"));
        assertThat(insee.periode()).isEqualTo(new Periode(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31)));
        assertThat(catalogue.jeux(Genre.FLUX)).extracting(JeuDeDonnees::id).doesNotContain(BASE + "/catalogue#flux-rejets");
    }

    @Test
    void theBinIndicatorIsSimulatedWeeklyAndOnlyWhereLiftsAre() {
        JeuDeDonnees taux = indicateur(Indicateurs.TAUX_PRESENTATION_BACS.id());

        assertThat(taux.titre()).isEqualTo("Taux de présentation des bacs (données simulées)");
        assertThat(taux.simule()).isTrue();
        assertThat(taux.frequence()).isEqualTo(Frequence.HEBDOMADAIRE);
        assertThat(taux.couverture().communes()).containsExactly("54215", "54430");
        assertThat(taux.periode()).isEqualTo(new Periode(LocalDate.of(2025, 1, 6), AUJOURDHUI));
        assertThat(taux.sources()).containsExactly(BASE + "/catalogue#flux-dechets-levees",
                BASE + "/catalogue#flux-ref-insee-communes");
        assertThat(taux.distributions()).extracting(Distribution::adresse).containsExactly(
                BASE + "/api/territoires/val-de-test/communes.geojson?indicateur=taux-presentation-bacs",
                BASE + "/api/indicateurs/taux-presentation-bacs/territoires/val-de-test.csv",
                "kafka://localhost:9092/indicateurs-taux-presentation-bacs",
                BASE + "/api/direct");
        assertThat(taux.variables()).containsExactly("Taux de présentation des bacs (%)", "bacs présentés", "ménages (Insee)");
    }

    @Test
    void theFragilityIndexIsRealAndCoversTheCommunesWithEveryComponentEvenSecret() {
        JeuDeDonnees fragilite = indicateur(Indicateurs.FRAGILITE_ISOLEMENT.id());

        assertThat(fragilite.titre()).isEqualTo("Fragilité face à l'isolement");
        assertThat(fragilite.simule()).isFalse();
        assertThat(fragilite.provenance()).startsWith("Données réelles");
        assertThat(fragilite.couverture().idsTerritoires()).containsExactly("agglo-de-test");
        assertThat(fragilite.couverture().communes()).containsExactly("17010", "17300");
        assertThat(fragilite.millesime()).isEqualTo("2021, 2022");
        assertThat(fragilite.periode()).isEqualTo(new Periode(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31)));
        assertThat(fragilite.frequence()).isEqualTo(Frequence.ANNUELLE);
        assertThat(fragilite.variables()).containsExactly("Fragilité face à l'isolement (%)", "part des 75 ans et plus",
                "part des ménages d'une seule personne", "taux de pauvreté");
        assertThat(fragilite.description()).contains(Indicateurs.FRAGILITE_ISOLEMENT.question(), "Limites : ");
    }

    @Test
    void everyDatasetSaysWhetherItIsRealOrSimulated() {
        assertThat(catalogue.jeux()).hasSize(5 + nombreDeFlux() + Indicateurs.TOUS.size()).allSatisfy(j -> {
            assertThat(j.titre().contains("(données simulées)")).as(j.titre()).isEqualTo(j.simule());
            assertThat(j.provenance()).as(j.titre()).startsWith(j.simule() ? "Données simulées" : "Données réelles");
            assertThat(j.motsCles()).as(j.titre()).contains(j.nature());
        });
    }

    @Test
    void liveFeedsAreServicesOnKafkaTopicsAndServerSentEvents() {
        assertThat(catalogue.services()).hasSize(nombreDeFlux() + Indicateurs.TOUS.size() + 1);
        assertThat(catalogue.services()).extracting(ServiceDonnees::adresse).contains(
                "kafka://localhost:9092/dechets-levees", "kafka://localhost:9092/ref-insee-communes",
                "kafka://localhost:9092/indicateurs-taux-presentation-bacs",
                "kafka://localhost:9092/indicateurs-fragilite-isolement", BASE + "/api/direct");
        ServiceDonnees direct = catalogue.service(BASE + "/catalogue#service-direct").orElseThrow();
        assertThat(direct.jeux()).hasSize(Indicateurs.TOUS.size());
        assertThat(direct.simule()).isTrue();
        assertThat(catalogue.services()).allSatisfy(s ->
                assertThat(s.jeux()).allSatisfy(j -> assertThat(catalogue.jeu(j)).isPresent()));
    }

    @Test
    void withoutSimulatorTheLiftsAreRealAndCoverEveryTerritory() {
        var reel = ConstructeurCatalogue.construire(TerritoiresDeTest.TOUS,
                new Options(BASE + "/", "kafka1:9092,kafka2:9092", false, null, null, AUJOURDHUI));

        JeuDeDonnees levees = reel.jeu(BASE + "/catalogue#flux-dechets-levees").orElseThrow();
        assertThat(levees.simule()).isFalse();
        assertThat(levees.titre()).isEqualTo("Levées de bacs pucés");
        assertThat(levees.couverture().idsTerritoires()).containsExactly("val-de-test", "agglo-de-test");
        assertThat(levees.distributions().get(0).adresse()).isEqualTo("kafka://kafka1:9092/dechets-levees");
        assertThat(reel.jeux()).noneMatch(JeuDeDonnees::simule);
    }

    @Test
    void theShippedPacksGiveEveryTerritoryItsReferencesAndContours() {
        var packs = Territoires.ids().stream().map(Territoires::charger).toList();

        var reel = ConstructeurCatalogue.construire(packs, Options.demo(BASE, AUJOURDHUI));

        JeuDeDonnees contours = reel.jeux(Genre.REFERENCE).stream().filter(j -> j.producteur().equals("IGN"))
                .findFirst().orElseThrow();
        assertThat(contours.couverture().idsTerritoires()).containsExactlyInAnyOrderElementsOf(Territoires.ids());
        assertThat(contours.couverture().communes()).hasSize(1 + 13 + 40 + 28);
        JeuDeDonnees contoursIris = reel.jeux(Genre.REFERENCE).stream().filter(j -> j.titre().contains("Contours…IRIS (édition"))
                .findFirst().orElseThrow();
        assertThat(contoursIris.couverture().granularite()).isEqualTo(Granularite.IRIS);
        assertThat(contoursIris.couverture().idsTerritoires()).containsExactlyInAnyOrder("antony", "grand-poitiers");
        assertThat(contoursIris.millesime()).isEqualTo("2016");
        assertThat(indicateur(reel, Indicateurs.TAUX_PRESENTATION_BACS.id()).couverture().communes()).hasSize(13);
        assertThat(reel.jeux()).allSatisfy(j -> assertThat(j.couverture().estVide() && j.genre() == Genre.REFERENCE)
                .as(j.titre()).isFalse());
    }

    @Test
    void slugsAreAsciiLowerCaseWithDashes() {
        assertThat(ConstructeurCatalogue.slug("Insee Base du comparateur (recensement) 2021"))
                .isEqualTo("insee-base-du-comparateur-recensement-2021");
        assertThat(ConstructeurCatalogue.slug("Fragilité face à l'isolement")).isEqualTo("fragilite-face-a-l-isolement");
    }

    @Test
    void licencesAndFrequenciesMapToTheirVocabularies() {
        assertThat(Licence.depuis("Licence Ouverte 2.0").uri()).isEqualTo(Licence.OUVERTE_2.uri());
        assertThat(Licence.depuis("Licence Ouverte / Open Licence version 2.0").dataGouv()).isEqualTo("lov2");
        assertThat(Licence.depuis("ODbL").dataGouv()).isEqualTo("odc-odbl");
        assertThat(Licence.depuis("propriétaire").uri()).isNull();
        assertThat(Licence.depuis(null).dataGouv()).isEqualTo("notspecified");
        assertThat(Frequence.HEBDOMADAIRE.uri()).isEqualTo("http://publications.europa.eu/resource/authority/frequency/WEEKLY");
        assertThat(Frequence.pourFenetre(Indicateurs.FRAGILITE_ISOLEMENT.fenetre())).isEqualTo(Frequence.ANNUELLE);
    }

    /** Feeds: every topic but the indicators' and the rejects. */
    static int nombreDeFlux() {
        var sorties = Indicateurs.TOUS.stream().map(d -> d.topic()).toList();
        return (int) Topics.TOUS.stream().map(Topic::name)
                .filter(t -> !sorties.contains(t) && !t.equals(Topics.REJETS.name())).count();
    }

    private JeuDeDonnees jeu(String debutTitre) {
        return catalogue.jeux().stream().filter(j -> j.titre().startsWith(debutTitre)).findFirst().orElseThrow();
    }

    private JeuDeDonnees indicateur(String id) {
        return indicateur(catalogue, id);
    }

    private static JeuDeDonnees indicateur(CatalogueDonnees catalogue, String id) {
        return catalogue.jeu(BASE + "/catalogue#indicateur-" + id).orElseThrow();
    }
}
