package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.croisements.events.EntreeInvalide;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Official files recognised by their header or structure, never by their names; and why the others are not. */
class ReconnaissanceFichiersTest {

    @TempDir
    Path dossier;

    private void ecrire(String nom, String contenu) throws Exception {
        Path fichier = dossier.resolve(nom);
        Files.createDirectories(fichier.getParent());
        Files.writeString(fichier, contenu, StandardCharsets.UTF_8);
    }

    private FichiersOfficiels.Reconnu seul(FichiersOfficiels fichiers) {
        assertThat(fichiers.ignores()).isEmpty();
        assertThat(fichiers.reconnus()).hasSize(1);
        return fichiers.reconnus().get(0);
    }

    @Test
    void recognises_every_format_by_its_content_whatever_its_name() throws Exception {
        ecrire("a", "TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\nCOM,2A004,94,2A,,,0,AJACCIO,Ajaccio,Ajaccio,,\n");
        ecrire("b/c.txt", "typecom,com,reg,dep,arr,tncc,ncc,nccenr,libelle,can,comparent\n");
        ecrire("d.csv", "CODGEO;LIBGEO;EPCI;LIBEPCI;DEP;REG\n");
        ecrire("e.csv", "EPCI;LIBEPCI;NATURE_EPCI;NB_COM\n");
        ecrire("f.csv", "CODGEO;LIBGEO;P21_POP;P15_POP;SUPERF;P21_MEN;P21_CHOM1564;P21_ACT1564;MED21;TP6021\n");
        ecrire("g.csv", "insee_com,insee_dep,commune_article,population_2021,menages_2021,superficie_km2\n");
        ecrire("h.csv", "CODGEO;P22_POP;" + String.join(";", LigneDossierComplet.COLONNES_CHIFFRES) + ";MED21;SUPERF\n");
        ecrire("i.csv", "CODGEO;NBMENFISC21;MED21;TP6021\n");
        ecrire("j.csv", "IRIS;DEC_MED21;DEC_TP6021\n");
        ecrire("k.csv", "code_insee,nom,departement,epci_siren,epci_nom\n");
        ecrire("l.csv", "territoire,code_insee,nom,departement,epci_siren,epci_nom\n");
        ecrire("m.csv", "territoire,epci_siren,epci_nom,nb_communes\n");
        ecrire("n.json", TerritoireImporterTest.CONTOURS);
        ecrire("o.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},"
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"INSEE_COM\":\"54395\",\"NOM\":\"Nancy\"},\"geometry\":null}]}");
        ecrire("p.json", "[{\"code\":\"2A004\",\"nom\":\"Ajaccio\",\"type\":\"commune-actuelle\",\"departement\":\"2A\"}]");
        ecrire("q.json", "[\n {\"code\":\"242010056\",\"nom\":\"CA du Pays Ajaccien\",\"type\":\"CA\",\"membres\":[]}\n]");

        var fichiers = FichiersOfficiels.reconnaitre(dossier);

        assertThat(fichiers.ignores()).isEmpty();
        assertThat(fichiers.reconnus()).extracting(r -> dossier.relativize(r.chemin()).toString(), FichiersOfficiels.Reconnu::forme)
                .containsExactly(
                        tuple("a", FormeFichier.COMMUNES_COG),
                        tuple("b/c.txt", FormeFichier.COMMUNES_COG),
                        tuple("d.csv", FormeFichier.COMMUNES_EPCI_INSEE),
                        tuple("e.csv", FormeFichier.EPCI_INSEE),
                        tuple("f.csv", FormeFichier.COMPARATEUR_INSEE),
                        tuple("g.csv", FormeFichier.COMPARATEUR_COMPILATION),
                        tuple("h.csv", FormeFichier.DOSSIER_COMPLET_INSEE),
                        tuple("i.csv", FormeFichier.FILOSOFI_COMMUNES_INSEE),
                        tuple("j.csv", FormeFichier.FILOSOFI_IRIS_INSEE),
                        tuple("k.csv", FormeFichier.COMMUNES_PROJET),
                        tuple("l.csv", FormeFichier.TERRITOIRES_PROJET),
                        tuple("m.csv", FormeFichier.EPCI_PROJET),
                        tuple("n.json", FormeFichier.CONTOURS_GEOJSON),
                        tuple("o.geojson", FormeFichier.CONTOURS_GEOJSON),
                        tuple("p.json", FormeFichier.COMMUNES_ETALAB),
                        tuple("q.json", FormeFichier.EPCI_ETALAB));
    }

    @Test
    void says_why_a_file_is_not_recognised() throws Exception {
        Files.write(dossier.resolve("EPCI_au_01-01-2024.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0});
        ecrire("filo2020.csv", "CODGEO;NBMENFISC20;MED20;TP6020\n01001;300;22000;s\n");
        ecrire("iris.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"INSEE_COM\":\"92002\",\"IRIS\":\"0101\"},\"geometry\":null}]}");
        ecrire("departement.geojson", "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}");
        ecrire("notes.csv", "indicateur;valeur\n");
        ecrire("packs/sel.geojson", "{\n\"type\":\"FeatureCollection\",\n\"territoire\":{\"id\":\"sel\"},\n\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\"54159\"},\"geometry\":null}\n]\n}\n");
        ecrire("vide.csv", "");
        ecrire(".cache/comparateur.csv", "CODGEO;P21_POP;SUPERF;P21_MEN\n");

        var fichiers = FichiersOfficiels.reconnaitre(dossier);

        assertThat(fichiers.reconnus()).isEmpty();
        assertThat(fichiers.ignores()).extracting(i -> i.chemin().getFileName().toString(), FichiersOfficiels.Ignore::raison)
                .containsExactly(
                        tuple("EPCI_au_01-01-2024.xlsx", "archive zip ou classeur Excel (.xlsx) : décompresser l'archive,"
                                + " ou enregistrer la feuille utile du classeur en CSV"),
                        tuple("departement.geojson", "un seul contour (Feature) : une collection de contours de communes"
                                + " (FeatureCollection) est attendue"),
                        tuple("filo2020.csv", "ressemble à « Filosofi par commune (Insee, revenus disponibles) », mais"
                                + " colonnes manquantes : MED21, TP6021 (le fichier a MED20, TP6020 : un autre millésime ?)"),
                        tuple("iris.geojson", "contours d'IRIS sans code IRIS sur 9 caractères (propriété CODE_IRIS attendue)"),
                        tuple("notes.csv", "en-tête non reconnu (colonnes lues : indicateur, valeur)"),
                        tuple("sel.geojson", "pack de territoire (fait par croisements import), pas un fichier officiel"),
                        tuple("vide.csv", "fichier vide"));
    }

    @Test
    void a_file_imposed_as_a_nature_replaces_those_found_and_must_have_its_columns() throws Exception {
        ecrire("insee/filosofi.csv", "CODGEO;MED21;TP6021\n");
        ecrire("mon-filosofi.txt", "CODGEO;MED21;TP6021;NOTE\n");
        ecrire("autre.csv", "CODGEO;MEDIANE\n");
        var trouves = FichiersOfficiels.reconnaitre(dossier.resolve("insee"));

        var imposes = trouves.imposer(NatureFichier.FILOSOFI_COMMUNES, dossier.resolve("mon-filosofi.txt"));

        assertThat(seul(imposes)).extracting(FichiersOfficiels.Reconnu::chemin, FichiersOfficiels.Reconnu::impose)
                .containsExactly(dossier.resolve("mon-filosofi.txt"), true);
        assertThatThrownBy(() -> trouves.imposer(NatureFichier.FILOSOFI_COMMUNES, dossier.resolve("autre.csv")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessage(dossier.resolve("autre.csv") + ":1 : ne se lit pas comme « Filosofi par commune »"
                        + " (--fichier filosofi-communes) : colonnes manquantes : MED21, TP6021 (colonnes lues : CODGEO, MEDIANE)");
        assertThatThrownBy(() -> trouves.imposer(NatureFichier.CONTOURS, dossier.resolve("mon-filosofi.txt")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("un fichier JSON est attendu");
        assertThatThrownBy(() -> trouves.imposer(NatureFichier.COMPARATEUR, dossier.resolve("absent.csv")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessageContaining("absent.csv : fichier introuvable");
    }

    @Test
    void a_header_matching_two_natures_is_read_as_the_one_imposed() throws Exception {
        ecrire("dossier_complet.csv", "CODGEO;P21_POP;P21_MEN;SUPERF;" + String.join(";", LigneDossierComplet.COLONNES_CHIFFRES)
                + "\n");

        var fichiers = FichiersOfficiels.reconnaitre(dossier);
        var imposes = fichiers.imposer(NatureFichier.COMPARATEUR, dossier.resolve("dossier_complet.csv"));

        assertThat(seul(fichiers).nature()).isEqualTo(NatureFichier.DOSSIER_COMPLET);
        assertThat(seul(imposes).forme()).isEqualTo(FormeFichier.COMPARATEUR_INSEE);
    }

    @Test
    void the_report_says_what_was_recognised_and_what_the_pack_will_lack() throws Exception {
        ecrire("base_cc_comparateur.csv", "CODGEO;P21_POP;SUPERF;P21_MEN\n");
        ecrire("lisez-moi.txt", "Bonjour\n");

        var lignes = FichiersOfficiels.reconnaitre(dossier).compteRendu(TerritoireImporter.REQUISES_NOUVEAU);

        assertThat(lignes).containsExactly(
                "Fichiers reconnus :",
                "  base_cc_comparateur.csv → comparateur : base du comparateur de territoires (Insee)",
                "Fichiers non reconnus, ignorés :",
                "  lisez-moi.txt : pas un tableau CSV (une seule colonne lue : « Bonjour »)",
                "Manquant, obligatoire : aucun fichier « liste des communes » (--fichier communes=CHEMIN).",
                "Aucun fichier « dossier complet » : population_75_plus, part_75_plus, menages_une_personne et"
                        + " part_menages_une_personne seront absentes du pack.",
                "Aucun fichier « Filosofi par commune » : revenu_median et taux_pauvrete seront absentes du pack.",
                "Aucun fichier « Filosofi par IRIS » : revenu_declare_median, revenu_declare_d1, revenu_declare_d9,"
                        + " taux_bas_revenus_declares et gini_revenus_declares seront absentes du pack.",
                "Manquant, obligatoire : aucun fichier « contours des communes » (--fichier contours=CHEMIN).");
        assertThat(FichiersOfficiels.aucun().compteRendu(Set.of())).startsWith("Aucun fichier reconnu.");
    }

    @Test
    void a_missing_folder_is_named_with_what_to_give() {
        assertThatThrownBy(() -> FichiersOfficiels.reconnaitre(dossier.resolve("absent")))
                .isInstanceOf(EntreeInvalide.class)
                .hasMessage(dossier.resolve("absent") + " : dossier introuvable : donner le dossier des fichiers officiels"
                        + " (--depuis DOSSIER) ou chaque fichier (--fichier NATURE=CHEMIN)");
    }
}
