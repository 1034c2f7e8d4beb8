package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Perimetre;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.TerritoireImporter;
import fr.croisements.datasets.Territoires;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue #9: a territory that is none of the four shipped ones, the CC Aunis Sud (17, SIREN
 * 200041614, 24 communes), made by one command from the official files copied under the names they
 * are published with (not the project's extract names), in other folders, without a dossier complet.
 * The pack's figures are checked against the official files, read here on their own.
 */
class NouveauTerritoireSousAutresNomsTest {

    static final String SIREN = "200041614";

    private static final String LISTE = "insee/communes_dep_17_54_86_92.csv";
    private static final String COMPARATEUR = "insee/comparateur_communes_dep_17_54_86_92.csv";
    private static final String FILOSOFI = "insee/filosofi2021_communes_dep_17_54_86_92.csv";
    private static final String FILOSOFI_IRIS = "insee/filosofi2021_iris_revenus_declares_dep_17_54_86_92.csv";

    @TempDir
    Path depuis;

    @TempDir
    Path vers;

    private Path officiels;
    private final StringWriter sortie = new StringWriter();
    private final StringWriter erreurs = new StringWriter();

    @BeforeEach
    void copierLesFichiersOfficielsSousDAutresNoms() throws IOException {
        officiels = TerritoireImporter.dossierOfficielParDefaut().toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(officiels.resolve(LISTE)), () -> "Official files not found in " + officiels
                + " (clone beside ../shared, or set -D" + TerritoireImporter.PROPRIETE_DOSSIER + "=DIR): test skipped");
        copier(LISTE, "cog/liste_des_communes_2026.csv");
        copier(COMPARATEUR, "insee/base_cc_comparateur.csv");
        copier(FILOSOFI, "insee/filosofi/cc_filosofi_2021_COM.csv");
        copier(FILOSOFI_IRIS, "insee/filosofi/BASE_TD_FILO_IRIS_2021_DEC.csv");
        copier("geo/communes-17-charente-maritime.geojson", "ign/17/COMMUNE.json");
        copier("geo/communes-86-vienne.geojson", "ign/86/COMMUNE.json");
    }

    private void copier(String officiel, String nom) throws IOException {
        Path cible = depuis.resolve(nom);
        Files.createDirectories(cible.getParent());
        Files.copy(officiels.resolve(officiel), cible);
    }

    private int executer(String... arguments) {
        CommandLine ligne = Croisements.ligneDeCommande();
        ligne.setOut(new PrintWriter(sortie, true));
        ligne.setErr(new PrintWriter(erreurs, true));
        return ligne.execute(arguments);
    }

    @Test
    void one_command_makes_the_pack_from_the_files_whatever_their_names_without_dossier_complet() throws IOException {
        int code = executer("import", "--epci", SIREN, "--depuis", depuis.toString(), "--vers", vers.toString());

        assertThat(erreurs.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(sortie.toString()).contains(
                "  cog/liste_des_communes_2026.csv → communes : liste des communes",
                "  ign/17/COMMUNE.json → contours : contours des communes (GeoJSON)",
                "  ign/86/COMMUNE.json → contours : contours des communes (GeoJSON)",
                "  insee/base_cc_comparateur.csv → comparateur : base du comparateur de territoires",
                "  insee/filosofi/BASE_TD_FILO_IRIS_2021_DEC.csv → filosofi-iris : Filosofi par IRIS",
                "  insee/filosofi/cc_filosofi_2021_COM.csv → filosofi-communes : Filosofi par commune",
                "Aucun fichier « dossier complet » : population_75_plus, part_75_plus, menages_une_personne et"
                        + " part_menages_une_personne seront absentes du pack.",
                "Pack écrit : " + vers.resolve("aunis-sud.geojson"),
                "Territoire aunis-sud (Communauté de communes Aunis Sud) : 24 communes, 3 IRIS.",
                "    population_75_plus, part_75_plus, menages_une_personne et part_menages_une_personne : les 24 communes,"
                        + " aucun fichier « dossier complet ».");
        assertThat(sortie.toString()).containsPattern("  base_cc_comparateur\\.csv : 1355 lignes lues, 24 gardées pour le"
                + " territoire, en \\d");

        Territoire territoire = Territoires.lire(vers.resolve("aunis-sud.geojson"));
        Map<String, CSVRecord> comparateur = parCode(COMPARATEUR, ',', "insee_com");
        Map<String, CSVRecord> filosofi = parCode(FILOSOFI, ';', "CODGEO");
        List<String> membres = lire(LISTE, ',').stream().filter(r -> r.get("epci_siren").equals(SIREN))
                .map(r -> r.get("code_insee")).sorted().toList();

        assertThat(territoire.epciSiren()).isEqualTo(SIREN);
        assertThat(territoire.communes()).extracting(Commune::codeInsee).containsExactlyElementsOf(membres).hasSize(24);
        for (Commune commune : territoire.communes()) {
            String c = commune.codeInsee();
            assertThat(commune.contour().isValid()).as("contour of %s", c).isTrue();
            assertThat(commune.contour().getArea()).as("contour of %s", c).isPositive();
            CSVRecord f = filosofi.get(c);
            assertThat(commune.chiffre(Commune.REVENU_MEDIAN)).as("revenu_median of %s", c).isEqualTo(nombre(f.get("MED21")));
            if (f.get("TP6021").equals("s")) {
                assertThat(commune.estSecret(Commune.TAUX_PAUVRETE)).as("taux_pauvrete of %s is secret", c).isTrue();
                assertThat(commune.chiffre(Commune.TAUX_PAUVRETE)).isNull();
            } else {
                assertThat(commune.chiffre(Commune.TAUX_PAUVRETE)).as("taux_pauvrete of %s", c).isEqualTo(nombre(f.get("TP6021")));
            }
            CSVRecord r = comparateur.get(c);
            assertThat(commune.chiffre(Commune.TAUX_CHOMAGE)).as("taux_chomage of %s", c).isEqualTo(
                    arrondi(100 * nombre(r.get("pop_15_64_chomage_2021")) / nombre(r.get("pop_15_64_active_2021"))));
            assertThat(commune.chiffre(Commune.DENSITE)).as("densite of %s", c).isEqualTo(
                    arrondi(nombre(r.get("population_2021")) / nombre(r.get("superficie_km2"))));
            assertThat(commune.chiffres()).doesNotContainKeys(Commune.POPULATION_75_PLUS, Commune.PART_75_PLUS,
                    Commune.MENAGES_UNE_PERSONNE, Commune.PART_MENAGES_UNE_PERSONNE);
        }
        assertThat(territoire.communes()).filteredOn(c -> c.estSecret(Commune.TAUX_PAUVRETE)).hasSize(22);
        assertThat(territoire.iris()).isNotEmpty();
    }

    @Test
    void the_names_of_the_files_change_nothing_in_the_pack() throws IOException {
        int code = executer("import", "--epci", SIREN, "--depuis", depuis.toString(), "--vers", vers.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(vers.resolve("aunis-sud.geojson"), StandardCharsets.UTF_8))
                .isEqualTo(TerritoireImporter.generer(officiels, Perimetre.epci(SIREN)));
    }

    private static double nombre(String valeur) {
        return Double.parseDouble(valeur.replace(',', '.'));
    }

    private static double arrondi(double valeur) {
        return BigDecimal.valueOf(valeur).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private List<CSVRecord> lire(String fichier, char separateur) {
        var format = CSVFormat.RFC4180.builder().setDelimiter(separateur).setHeader().setSkipHeaderRecord(true).get();
        try (Reader lecteur = Files.newBufferedReader(officiels.resolve(fichier), StandardCharsets.UTF_8)) {
            return format.parse(lecteur).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, CSVRecord> parCode(String fichier, char separateur, String colonne) {
        return lire(fichier, separateur).stream().collect(Collectors.toMap(r -> r.get(colonne), Function.identity()));
    }
}
