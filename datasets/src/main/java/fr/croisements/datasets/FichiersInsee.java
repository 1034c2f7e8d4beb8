package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The INSEE figure files of a folder of official files, read once, joined on the commune code
 * (IRIS rows on the first 5 characters of their code):
 *
 * <ul>
 *   <li>{@value #COMPARATEUR}: population, households, area, unemployed and labour force;</li>
 *   <li>{@value #DOSSIER_COMPLET}: age bands and household types, census 2022;</li>
 *   <li>{@value #FILOSOFI_COMMUNES}: median income and poverty rate, Filosofi 2021;</li>
 *   <li>{@value #FILOSOFI_IRIS}: declared income by IRIS, Filosofi 2021.</li>
 * </ul>
 *
 * Rows skipped and values repaired are kept as {@link Signalement}s. Immutable.
 */
final class FichiersInsee {

    static final String COMPARATEUR = "insee/comparateur_communes_dep_17_54_86_92.csv";
    static final String DOSSIER_COMPLET = "insee/dossier_complet_extrait_territoires.csv";
    static final String FILOSOFI_COMMUNES = "insee/filosofi2021_communes_dep_17_54_86_92.csv";
    static final String FILOSOFI_IRIS = "insee/filosofi2021_iris_revenus_declares_dep_17_54_86_92.csv";

    private final Path fichierComparateur;
    private final Map<String, LigneComparateur> comparateur;
    private final Map<String, LigneDossierComplet> dossierComplet;
    private final Map<String, LigneFilosofi> filosofi;
    private final Map<String, List<LigneFilosofi>> irisParCommune;
    private final List<Signalement> signalements;

    private FichiersInsee(Path fichierComparateur, Map<String, LigneComparateur> comparateur,
            Map<String, LigneDossierComplet> dossierComplet, Map<String, LigneFilosofi> filosofi,
            Map<String, List<LigneFilosofi>> irisParCommune, List<Signalement> signalements) {
        this.fichierComparateur = fichierComparateur;
        this.comparateur = comparateur;
        this.dossierComplet = dossierComplet;
        this.filosofi = filosofi;
        this.irisParCommune = irisParCommune;
        this.signalements = List.copyOf(signalements);
    }

    /**
     * Reads the four files of a folder.
     *
     * @throws EntreeInvalide naming the file when one lacks a column or holds a code twice
     * @throws java.io.UncheckedIOException naming the file when one cannot be read
     */
    static FichiersInsee lire(Path depuis) {
        var signalements = new ArrayList<Signalement>();
        Path fichierComparateur = depuis.resolve(COMPARATEUR);
        var comparateur = parCode(lire(fichierComparateur, LigneComparateur.COLONNES, LigneComparateur::parse,
                signalements), LigneComparateur::codeInsee, fichierComparateur);
        Path fichierDossier = depuis.resolve(DOSSIER_COMPLET);
        var dossier = parCode(lire(fichierDossier, LigneDossierComplet.COLONNES, LigneDossierComplet::parse,
                signalements), LigneDossierComplet::codeInsee, fichierDossier);
        Path fichierFilosofi = depuis.resolve(FILOSOFI_COMMUNES);
        var filosofi = parCode(lire(fichierFilosofi, List.of(LigneFilosofi.CODE_COMMUNE, LigneFilosofi.MED21,
                LigneFilosofi.TP6021), LigneFilosofi::parseCommune, signalements), LigneFilosofi::code, fichierFilosofi);
        Path fichierIris = depuis.resolve(FILOSOFI_IRIS);
        var iris = parCode(lire(fichierIris, List.of(LigneFilosofi.CODE_IRIS, LigneFilosofi.DEC_MED21),
                LigneFilosofi::parseIris, signalements), LigneFilosofi::code, fichierIris);
        Map<String, List<LigneFilosofi>> irisParCommune = iris.values().stream().collect(
                Collectors.groupingBy(LigneFilosofi::codeCommune, TreeMap::new, Collectors.toList()));
        return new FichiersInsee(fichierComparateur, comparateur, dossier, filosofi, irisParCommune, signalements);
    }

    /** Whether the comparateur has a row for the commune (the figures every pack needs). */
    boolean aUneLigne(String codeInsee) {
        return comparateur.containsKey(codeInsee);
    }

    Path fichierComparateur() {
        return fichierComparateur;
    }

    /** Whether the dossier complet extract has a row for the commune (it covers only the 82 territory communes). */
    boolean dansLeDossierComplet(String codeInsee) {
        return dossierComplet.containsKey(codeInsee);
    }

    /** The figures and secrets of a commune; those of a file without a row for it are absent. */
    ChiffresCommune chiffres(String codeInsee) {
        return ChiffresCommune.commune(comparateur.get(codeInsee), dossierComplet.get(codeInsee), filosofi.get(codeInsee));
    }

    /** The IRIS of a commune with their Filosofi figures, sorted by code (empty for a commune without IRIS). */
    List<Iris> iris(String codeInsee) {
        return irisParCommune.getOrDefault(codeInsee, List.of()).stream()
                .map(ligne -> {
                    ChiffresCommune chiffres = ChiffresCommune.iris(ligne);
                    return new Iris(ligne.code(), codeInsee, chiffres.chiffres(), chiffres.secrets());
                })
                .toList();
    }

    /** Rows skipped and values repaired in the four files. */
    List<Signalement> signalements() {
        return signalements;
    }

    private static <T> List<T> lire(Path fichier, List<String> colonnes,
            Function<org.apache.commons.csv.CSVRecord, Lecture<T>> parse, List<Signalement> signalements) {
        ImportCsv<T> lu = TableCsv.importer(fichier, null, colonnes, parse);
        signalements.addAll(lu.signalements());
        return lu.valeurs();
    }

    private static <T> Map<String, T> parCode(List<T> lignes, Function<T, String> code, Path fichier) {
        var parCode = new TreeMap<String, T>();
        for (T ligne : lignes) {
            if (parCode.put(code.apply(ligne), ligne) != null) {
                throw new EntreeInvalide(fichier.toString(), 0, "le code " + code.apply(ligne) + " y figure deux fois");
            }
        }
        return Collections.unmodifiableMap(parCode);
    }
}
