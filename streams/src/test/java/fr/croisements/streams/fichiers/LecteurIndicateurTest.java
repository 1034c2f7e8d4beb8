package fr.croisements.streams.fichiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.events.Zone;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LecteurIndicateurTest {

    private final LecteurIndicateur lecteur = new LecteurIndicateur(Set.of("population", "menages"));

    private static final String VALIDE = """
            id: essai
            libelle: Essai
            unite: kg
            question: Combien ?
            methode: Une somme.
            limites: Aucune.
            source:
              topic: dechets-levees
              cle: /idBac
            localisation:
              longitude: /longitude
              latitude: /latitude
            fenetre:
              duree: semaine
              grace: P2D
            agregation:
              fonction: somme
              champ: /poidsKg
            denominateur:
              variable: population
            """;

    @Test
    void theShippedExampleIsValidAndDescribesItsIndicator() {
        var lu = new LecteurIndicateur(Set.of("population")).lire(Path.of("../indicateurs/ordures-menageres-par-habitant.yaml"));
        assertThat(lu.problemes()).isEmpty();
        var d = lu.indicateur().definition();
        assertThat(d.id()).isEqualTo("ordures-menageres-par-habitant");
        assertThat(d.topic()).isEqualTo("indicateurs-ordures-menageres-par-habitant");
        assertThat(d.niveau()).isEqualTo(Zone.COMMUNE);
        assertThat(d.seuilSecret()).isEqualTo(11);
        assertThat(d.dominance()).isEqualTo(0.85);
        assertThat(d.fichier()).isEqualTo("ordures-menageres-par-habitant.yaml");
        assertThat(d.estDeclareParFichier()).isTrue();
        assertThat(d.entrees()).containsExactly("dechets-levees", "ref-insee-communes");
        assertThat(d.bornes()).containsExactly(2.0, 2.4, 2.8, 3.2);
        assertThat(d.libelles().sansDonnee()).isEqualTo("pas encore de levée pesée");
        assertThat(d.conservation()).isEqualTo(java.time.Duration.ofDays(400));
    }

    @Test
    void aFileMayDeclareHowLongItsCellsAreKeptOrGetsTheDefaultOfItsWindow() {
        var declaree = lecteur.lire("essai.yaml", VALIDE + "conservation: P90D\n");
        assertThat(declaree.problemes()).isEmpty();
        assertThat(declaree.indicateur().definition().conservation()).isEqualTo(java.time.Duration.ofDays(90));

        assertThat(lecteur.lire("essai.yaml", VALIDE).indicateur().definition().conservation())
                .as("weeks, like the built-in crossings").isEqualTo(java.time.Duration.ofDays(400));
        assertThat(lecteur.lire("essai.yaml", VALIDE.replace("duree: semaine", "duree: heure")).indicateur().definition()
                .conservation()).as("hours, like the car parks'").isEqualTo(java.time.Duration.ofDays(35));
    }

    @Test
    void anUnreadableOrNullRetentionIsRefusedInFrenchWithItsLine() {
        var illisible = lecteur.lire("essai.yaml", VALIDE + "conservation: 400 jours\n");
        assertThat(illisible.valide()).isFalse();
        assertThat(illisible.problemes()).extracting(Probleme::toString).containsExactly("essai.yaml:21:1 : durée de "
                + "conservation « 400 jours » illisible : écrivez une durée ISO 8601 en jours ou en heures, ex. P400D "
                + "(400 jours), PT72H (72 heures)");

        var nulle = lecteur.lire("essai.yaml", VALIDE + "conservation: P0D\n");
        assertThat(nulle.problemes()).extracting(Probleme::message).singleElement().asString()
                .startsWith("durée de conservation « P0D » nulle ou négative");
        assertThat(nulle.problemes().get(0).ligne()).isEqualTo(21);
    }

    @Test
    void aValidFileHasNoProblem() {
        assertThat(lecteur.lire("essai.yaml", VALIDE).problemes()).isEmpty();
    }

    @Test
    void everyUnknownFieldIsReportedWithItsLineColumnAndTheFieldsAllowedThere() {
        var lu = lecteur.lire("essai.yaml", VALIDE.replace("  cle: /idBac", "  clef: /idBac")
                .replace("  duree: semaine", "  duree: semaine\n  fuseaux: UTC"));
        assertThat(lu.valide()).isFalse();
        assertThat(lu.problemes()).extracting(Probleme::toString).contains(
                "essai.yaml:9:3 : champ inconnu « clef » ; champs possibles ici : cle, instant, licence, millesime, producteur, "
                        + "simule, titre, topic",
                "essai.yaml:15:3 : champ inconnu « fuseaux » ; champs possibles ici : duree, fuseau, grace");
    }

    @Test
    void aWindowWithoutGraceAnUnknownVariableAndABadPointerAreEachReportedWhereTheyAre() {
        var lu = lecteur.lire("essai.yaml", VALIDE.replace("  grace: P2D\n", "")
                .replace("variable: population", "variable: habitants")
                .replace("champ: /poidsKg", "champ: poidsKg"));
        assertThat(lu.problemes()).extracting(Probleme::ligne).containsExactlyInAnyOrder(13, 17, 19);
        assertThat(lu.problemes()).extracting(Probleme::message).anyMatch(m -> m.startsWith("fenêtre sans délai de grâce"))
                .anyMatch(m -> m.startsWith("« poidsKg » n'est pas un pointeur JSON"))
                .anyMatch(m -> m.equals("variable Insee « habitants » inconnue ; variables des packs : menages, population"));
    }

    @Test
    void missingFieldsUnknownFunctionsAndBuiltInIdsAreRefused() {
        var lu = lecteur.lire("essai.yaml", VALIDE.replace("id: essai", "id: taux-presentation-bacs")
                .replace("libelle: Essai\n", "").replace("fonction: somme", "fonction: mediane"));
        assertThat(lu.problemes()).extracting(Probleme::message)
                .anyMatch(m -> m.contains("celui d'un indicateur intégré"))
                .anyMatch(m -> m.startsWith("champ « libelle » manquant"))
                .anyMatch(m -> m.startsWith("fonction « mediane » inconnue : centile, compte, compte-distinct, max, min, moyenne, somme"));
    }

    @Test
    void yamlThatCannotBeReadSaysWhere() {
        var lu = lecteur.lire("essai.yaml", "id: essai\nsource:\n  topic: [dechets\n");
        assertThat(lu.valide()).isFalse();
        assertThat(lu.problemes()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("YAML illisible");
            assertThat(p.ligne()).isGreaterThan(2);
        });
    }

    @Test
    void aWrongTypeIsReportedInFrench() {
        var lu = lecteur.lire("essai.yaml", VALIDE.replace("variable: population", "variable: population\n  multiplicateur: mille"));
        assertThat(lu.problemes()).singleElement().satisfies(p -> {
            assertThat(p.ligne()).isEqualTo(21);
            assertThat(p.message()).isEqualTo("valeur inattendue pour « denominateur.multiplicateur » : un nombre est attendu");
        });
    }

    @Test
    void wasteLiftsCannotBePublishedBelowTheHouseholdThreshold() {
        var lu = lecteur.lire("essai.yaml", VALIDE + "secret:\n  seuil: 3\n");
        assertThat(lu.problemes()).extracting(Probleme::message).anyMatch(m -> m.contains("ne peut pas être inférieur à 11"));
    }
}
