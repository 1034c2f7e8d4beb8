package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The INSEE figures of an import, for the communes of the territories only, joined on the commune
 * code (IRIS rows on the first 5 characters of their code). Each nature is optional and may come in
 * several files (national, departmental, extracts):
 *
 * <ul>
 *   <li>{@link NatureFichier#COMPARATEUR}: population, households, area, unemployed and labour force;</li>
 *   <li>{@link NatureFichier#DOSSIER_COMPLET}: age bands and household types, census 2022;</li>
 *   <li>{@link NatureFichier#FILOSOFI_COMMUNES}: median income and poverty rate, Filosofi 2021;</li>
 *   <li>{@link NatureFichier#FILOSOFI_IRIS}: declared income by IRIS, Filosofi 2021.</li>
 * </ul>
 *
 * Files are streamed and only the rows of the communes asked for are kept, so a national file of
 * several hundred megabytes needs no more memory than an extract. A commune of a nature without file,
 * or without a row in its files, simply lacks its figures. Immutable once read.
 */
final class FichiersInsee {

    private final Set<NatureFichier> natures;
    private final Map<String, LigneComparateur> comparateur;
    private final Map<String, LigneDossierComplet> dossierComplet;
    private final Map<String, LigneFilosofi> filosofi;
    private final Map<String, List<LigneFilosofi>> irisParCommune;

    private FichiersInsee(Set<NatureFichier> natures, Map<String, LigneComparateur> comparateur,
            Map<String, LigneDossierComplet> dossierComplet, Map<String, LigneFilosofi> filosofi,
            Map<String, List<LigneFilosofi>> irisParCommune) {
        this.natures = Collections.unmodifiableSet(natures);
        this.comparateur = comparateur;
        this.dossierComplet = dossierComplet;
        this.filosofi = filosofi;
        this.irisParCommune = irisParCommune;
    }

    /**
     * Reads the figure files of an import, keeping the rows of some communes; rows skipped or
     * repaired go to the journal.
     *
     * @param communes the codes of the communes to keep
     * @throws EntreeInvalide naming the file when one lacks a column, or a commune has two different rows
     * @throws java.io.UncheckedIOException naming the file when one cannot be read
     */
    static FichiersInsee lire(FichiersOfficiels fichiers, Set<String> communes, JournalLectures journal) {
        var natures = EnumSet.noneOf(NatureFichier.class);
        for (NatureFichier nature : List.of(NatureFichier.COMPARATEUR, NatureFichier.DOSSIER_COMPLET,
                NatureFichier.FILOSOFI_COMMUNES, NatureFichier.FILOSOFI_IRIS)) {
            if (fichiers.a(nature)) {
                natures.add(nature);
            }
        }
        var comparateur = lire(fichiers.de(NatureFichier.COMPARATEUR), forme -> row -> LigneComparateur.parse(row,
                forme == FormeFichier.COMPARATEUR_INSEE ? LigneComparateur.Colonnes.INSEE
                        : LigneComparateur.Colonnes.COMPILATION),
                LigneComparateur::codeInsee, LigneComparateur::codeInsee, communes, journal);
        var dossier = lire(fichiers.de(NatureFichier.DOSSIER_COMPLET), forme -> LigneDossierComplet::parse,
                LigneDossierComplet::codeInsee, LigneDossierComplet::codeInsee, communes, journal);
        var filosofi = lire(fichiers.de(NatureFichier.FILOSOFI_COMMUNES), forme -> LigneFilosofi::parseCommune,
                LigneFilosofi::code, LigneFilosofi::code, communes, journal);
        var iris = lire(fichiers.de(NatureFichier.FILOSOFI_IRIS), forme -> LigneFilosofi::parseIris,
                LigneFilosofi::code, LigneFilosofi::codeCommune, communes, journal);
        Map<String, List<LigneFilosofi>> irisParCommune = iris.values().stream().collect(
                Collectors.groupingBy(LigneFilosofi::codeCommune, TreeMap::new, Collectors.toList()));
        return new FichiersInsee(natures, comparateur, dossier, filosofi, irisParCommune);
    }

    /** Whether the import has a file of this nature. */
    boolean a(NatureFichier nature) {
        return natures.contains(nature);
    }

    /** Whether the files of a nature have a row for the commune. */
    boolean aUneLigne(NatureFichier nature, String codeInsee) {
        return switch (nature) {
            case COMPARATEUR -> comparateur.containsKey(codeInsee);
            case DOSSIER_COMPLET -> dossierComplet.containsKey(codeInsee);
            case FILOSOFI_COMMUNES -> filosofi.containsKey(codeInsee);
            case FILOSOFI_IRIS -> irisParCommune.containsKey(codeInsee);
            default -> throw new IllegalArgumentException("Not a nature of figures: " + nature);
        };
    }

    /** The figures and secrets of a commune; those of a nature without a row for it are absent. */
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

    /**
     * The rows of the communes asked for in the files of one nature, by key. A key twice in a file,
     * or in two files with different figures, is an error; the same row in two files (a national
     * file and an extract) is kept once.
     */
    private static <T> Map<String, T> lire(List<FichiersOfficiels.Reconnu> fichiers,
            Function<FormeFichier, Function<CSVRecord, Lecture<T>>> parse, Function<T, String> cle,
            Function<T, String> commune, Set<String> communes, JournalLectures journal) {
        var parCle = new TreeMap<String, T>();
        var origine = new TreeMap<String, Path>();
        for (FichiersOfficiels.Reconnu fichier : fichiers) {
            ImportCsv<T> lu = journal.lire(fichier, communes::contains, filtre -> fichier.importer(parse.apply(fichier.forme()),
                    ligne -> filtre.test(commune.apply(ligne))));
            journal.signaler(lu.signalements());
            for (T ligne : lu.valeurs()) {
                String code = cle.apply(ligne);
                T deja = parCle.putIfAbsent(code, ligne);
                if (deja == null) {
                    origine.put(code, fichier.chemin());
                } else if (origine.get(code).equals(fichier.chemin())) {
                    throw new EntreeInvalide(fichier.chemin().toString(), 0, "le code " + code + " y figure deux fois");
                } else if (!deja.equals(ligne)) {
                    throw new EntreeInvalide(fichier.chemin().toString(), 0, "le code " + code + " y a d'autres chiffres"
                            + " que dans " + origine.get(code).getFileName() + " (" + fichier.nature().libelle()
                            + " elle aussi) : ne garder qu'un des deux fichiers, ou choisir avec --fichier "
                            + fichier.nature().mot() + "=CHEMIN");
                }
            }
        }
        return Collections.unmodifiableMap(parCle);
    }
}
