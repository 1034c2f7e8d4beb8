package fr.croisements.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.croisements.events.EntreeInvalide;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The escapes {@link FichiersInseeFuzzTest} found (issue #13), each on a made-up row or file of the project. */
class EchappeesFuzzInseeTest {

    @Test
    void un_type_de_commune_vide_du_cog_est_une_ligne_rejetee() {
        var row = CsvDeTest.ligne("TYPECOM,COM,DEP,LIBELLE,COMPARENT", ",01001,01,L'Abergement-Clémenciat,", ',');

        Lecture<LigneCog> lu = LigneCog.parse(row);

        assertThat(lu.estRejet()).isTrue();
        assertThat(lu.raison()).contains("type de commune absent", "TYPECOM");
    }

    @Test
    void un_nombre_de_communes_trop_grand_est_une_ligne_rejetee() {
        var row = CsvDeTest.ligne("EPCI;LIBEPCI;NATURE_EPCI;NB_COM", "241700434;CA de La Rochelle;CA;2147483648", ';');

        Lecture<LigneEpci> lu = LigneEpci.parseInsee(row);

        assertThat(lu.raison()).isEqualTo("« 2147483648 » est un nombre trop grand dans la colonne NB_COM");
        assertThat(LigneEpci.parseInsee(CsvDeTest.ligne("EPCI;LIBEPCI;NATURE_EPCI;NB_COM",
                "241700434;CA de La Rochelle;CA;00000000000028", ';')).valeur().nombreCommunes()).isEqualTo(28);
    }

    @Test
    void une_population_de_commune_trop_grande_est_une_ligne_rejetee() {
        var row = CsvDeTest.ligne("code_insee,nom,departement,epci_siren,epci_nom,population_municipale",
                "17300,La Rochelle,17,241700434,CA de La Rochelle,99999999999999999999", ',');

        Lecture<LigneCommune> lu = LigneCommune.parse(row);

        assertThat(lu.raison()).contains("trop grande", "population_municipale");
    }

    @Test
    void un_chiffre_iris_infini_ou_nan_est_une_ligne_rejetee() {
        String entete = "code_iris,nom_iris,surface_km2,pop_rp2021";
        assertThat(LigneIris.parse(CsvDeTest.ligne(entete, "173000101,Centre,NaN,3200", ',')).raison())
                .isEqualTo("« NaN » n'est pas un nombre (colonne surface_km2)");
        assertThat(LigneIris.parse(CsvDeTest.ligne(entete, "173000101,Centre,0.8,Infinity", ',')).estRejet()).isTrue();
        assertThat(LigneIris.parse(CsvDeTest.ligne(entete, "173000101,Centre,0.8,12f", ',')).estRejet()).isTrue();
        assertThat(LigneIris.parse(CsvDeTest.ligne(entete, "173000101,Centre,1e400,3200", ',')).raison())
                .contains("trop grand");
        assertThat(LigneIris.parse(CsvDeTest.ligne(entete, "173000101,Centre,\"0,81\",3200", ',')).valeur().chiffres())
                .containsEntry(Iris.SUPERFICIE_KM2, 0.81);
    }

    @Test
    void un_chiffre_insee_de_400_chiffres_est_une_ligne_rejetee() {
        var row = CsvDeTest.ligne("CODGEO;MED21;TP6021", "17300;" + "9".repeat(400) + ";17,5", ';');

        Lecture<LigneFilosofi> lu = LigneFilosofi.parseCommune(row);

        assertThat(lu.raison()).startsWith("valeur « 999").endsWith(" » trop grande dans la colonne MED21");
    }

    @Test
    void un_geojson_mal_forme_est_refuse_en_francais(@TempDir Path dossier) throws IOException {
        Path fichier = dossier.resolve("contours.geojson");
        Files.writeString(fichier, "{\"type\":\"FeatureCollection\",\"features\":[,]}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ContoursCommunes.lire(fichier, code -> true))
                .isInstanceOf(EntreeInvalide.class)
                .satisfies(e -> assertThat(((EntreeInvalide) e).raison())
                        .isEqualTo("JSON illisible : caractère « , » inattendu (colonne 41)"));
        Files.writeString(fichier, "{\"type\":\"FeatureCollection\",\"features\":[", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ContoursCommunes.lire(fichier, code -> true))
                .hasMessageEndingWith("JSON tronqué (fin de texte inattendue)");
        Files.writeString(fichier, "{\"crs\":" + "[".repeat(5000), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ContoursCommunes.lire(fichier, code -> true))
                .satisfies(e -> assertThat(((EntreeInvalide) e).raison()).startsWith("JSON hors des limites acceptées"));
    }

    @Test
    void un_json_que_jackson_prend_pour_de_l_utf32_est_refuse_en_francais(@TempDir Path dossier) throws IOException {
        Path fichier = dossier.resolve("contours.geojson");
        // "{" in UTF-32LE, then a code point above U+10FFFF
        Files.write(fichier, new byte[] {0x7B, 0, 0, 0, 0x31, 0, 0x18, 0});

        assertThatThrownBy(() -> ContoursCommunes.lire(fichier, code -> true))
                .isInstanceOf(EntreeInvalide.class).hasMessageEndingWith(RaisonJson.ENCODAGE);
        assertThatThrownBy(() -> ContoursCommunes.proprietes(fichier))
                .isInstanceOf(EntreeInvalide.class).hasMessageEndingWith(RaisonJson.ENCODAGE);
        assertThatThrownBy(() -> TableauJson.importer(fichier, element -> Lecture.de(element)))
                .isInstanceOf(EntreeInvalide.class).hasMessageEndingWith(RaisonJson.ENCODAGE);
    }
}
