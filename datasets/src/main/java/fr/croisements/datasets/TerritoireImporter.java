package fr.croisements.datasets;

import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates territory packs from official files recognised by their content ({@link FichiersOfficiels}),
 * whatever their names: a list of the shipped territories' communes ({@link NatureFichier#TERRITOIRES})
 * to regenerate them, or a list of communes ({@link NatureFichier#COMMUNES}, with their EPCI) to make
 * the pack of any EPCI or list of communes ({@code croisements import --epci}); the figures of the
 * comparateur, dossier complet and Filosofi files ({@link FichiersInsee}, derived figures in
 * {@link ChiffresCommune}); the contours ({@link ContoursLus}); all joined on the INSEE code.
 *
 * <p>Only the list of communes and the contours are required: a commune without a contour stops the
 * import with an {@link EntreeInvalide} naming the files and the code, in French; figures that the
 * files do not have (a nature without file, a commune without row) are absent, the pack lists them
 * under {@code absences} and the {@link BilanImport} says why. The contours of each territory are
 * simplified together ({@link #TOLERANCE_DEGRES}) so that neighbouring communes still share their
 * boundaries. The output is deterministic: the same files give the same bytes. Rows of the official
 * files that are skipped or repaired are logged as warnings with their file and line, and listed in
 * the report. Stateless and thread-safe.
 */
public final class TerritoireImporter {

    private static final Logger log = LoggerFactory.getLogger(TerritoireImporter.class);

    /** System property naming the folder of official files. */
    public static final String PROPRIETE_DOSSIER = "croisements.donnees.officielles";
    /** Environment variable naming the folder of official files, when the property is not set. */
    public static final String VARIABLE_DOSSIER = "CROISEMENTS_DONNEES_OFFICIELLES";

    /**
     * Coverage simplification tolerance, in degrees (0.0005° is about 55 m north-south and 37 m
     * east-west in France). The source contours are already simplified, so it removes only a
     * handful of vertices; see datasets/README.md.
     */
    static final double TOLERANCE_DEGRES = 0.0005;

    /**
     * Coverage simplification tolerance of the IRIS contours, in degrees (0.0001° is about 11 m
     * north-south and 7 m east-west): the IRIS of one commune are simplified together, so that
     * neighbouring IRIS still share their boundaries; an IRIS of a town centre is a few streets wide.
     */
    static final double TOLERANCE_IRIS_DEGRES = 0.0001;

    /** The files without which the shipped territories cannot be regenerated. */
    public static final Set<NatureFichier> REQUISES_LIVRES = Collections.unmodifiableSet(
            EnumSet.of(NatureFichier.TERRITOIRES, NatureFichier.CONTOURS));
    /** The files without which a new territory cannot be made: only the list of communes and the contours. */
    public static final Set<NatureFichier> REQUISES_NOUVEAU = Collections.unmodifiableSet(
            EnumSet.of(NatureFichier.COMMUNES, NatureFichier.CONTOURS));

    private static final String LICENCE = "Licence Ouverte 2.0";

    static final Source SOURCE_RECENSEMENT = new Source(
            "Base du comparateur de territoires (recensement de la population)", "Insee", "2021", LICENCE, false);
    static final Source SOURCE_SUPERFICIE = new Source(
            "Base du comparateur de territoires (superficie)", "Insee", "2024", LICENCE, false);
    static final Source SOURCE_DENSITE = new Source(
            "Base du comparateur de territoires (population 2021 rapportée à la superficie)", "Insee", "2021",
            LICENCE, false);
    static final Source SOURCE_CHOMAGE = new Source(
            "Base du comparateur de territoires (recensement de la population : chômeurs et actifs de 15 à 64 ans)",
            "Insee", "2021", LICENCE, false);
    static final Source SOURCE_AGES = new Source(
            "Dossier complet (recensement de la population : population par âge)", "Insee", "2022", LICENCE, false);
    static final Source SOURCE_MENAGES_2022 = new Source(
            "Dossier complet (recensement de la population, exploitation complémentaire : ménages selon leur composition)",
            "Insee", "2022", LICENCE, false);
    static final Source SOURCE_FILOSOFI = new Source(
            "Filosofi : revenus, pauvreté et niveau de vie (communes)", "Insee", "2021", LICENCE, false);
    static final Source SOURCE_FILOSOFI_IRIS = new Source(
            "Filosofi : revenus déclarés (IRIS)", "Insee", "2021", LICENCE, false);
    static final Source SOURCE_CONTOURS = new Source(
            "Admin Express COG 2018, contours des communes (via france-geojson, simplifiés)", "IGN", "2018",
            "Licence Ouverte", false);

    /** The source of every variable of a pack, communes and IRIS. */
    static final Map<String, Source> SOURCES = sources();

    private static final Map<String, String> TYPES_EPCI = Map.of(
            "CC", "Communauté de communes",
            "CA", "Communauté d'agglomération",
            "CU", "Communauté urbaine",
            "METRO", "Métropole");

    /** Where the progress lines go when no person reads them: nowhere (the log has each file read, in English). */
    private static final Consumer<String> SANS_SUIVI = ligne -> { };

    private TerritoireImporter() {}

    private static Map<String, Source> sources() {
        var sources = new LinkedHashMap<String, Source>();
        sources.put(Commune.POPULATION, SOURCE_RECENSEMENT);
        sources.put(Commune.MENAGES, SOURCE_RECENSEMENT);
        sources.put(Commune.SUPERFICIE_KM2, SOURCE_SUPERFICIE);
        sources.put(Commune.DENSITE, SOURCE_DENSITE);
        sources.put(Commune.POPULATION_75_PLUS, SOURCE_AGES);
        sources.put(Commune.PART_75_PLUS, SOURCE_AGES);
        sources.put(Commune.MENAGES_UNE_PERSONNE, SOURCE_MENAGES_2022);
        sources.put(Commune.PART_MENAGES_UNE_PERSONNE, SOURCE_MENAGES_2022);
        sources.put(Commune.REVENU_MEDIAN, SOURCE_FILOSOFI);
        sources.put(Commune.TAUX_PAUVRETE, SOURCE_FILOSOFI);
        sources.put(Commune.TAUX_CHOMAGE, SOURCE_CHOMAGE);
        ChiffresCommune.VARIABLES_IRIS.forEach(v -> sources.put(v, SOURCE_FILOSOFI_IRIS));
        return Collections.unmodifiableMap(sources);
    }

    /**
     * The folder of official files: the system property {@value #PROPRIETE_DOSSIER}, else the
     * environment variable {@value #VARIABLE_DOSSIER}, else {@code ../shared/datasets} (relative to
     * the working directory, i.e. the repository root).
     */
    public static Path dossierOfficielParDefaut() {
        String property = System.getProperty(PROPRIETE_DOSSIER);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv(VARIABLE_DOSSIER);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("..", "shared", "datasets");
    }

    /**
     * Generates every shipped territory of a folder of official files in memory.
     *
     * @param depuis the folder of official files, searched with its sub-folders
     * @return pack text by territory id, sorted by id
     * @throws EntreeInvalide in French, naming the file, when a required file is missing or a commune lacks a contour
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Map<String, String> generer(Path depuis) {
        SortedMap<String, String> packs = new TreeMap<>();
        new Import(FichiersOfficiels.reconnaitre(depuis), SANS_SUIVI).livres()
                .forEach((id, territoire) -> packs.put(id, PackGeoJson.ecrire(territoire)));
        return Collections.unmodifiableSortedMap(packs);
    }

    /**
     * Generates every shipped territory of a folder of official files and writes it as
     * {@code <id>.geojson} (UTF-8) in a folder, created if needed. Existing packs are overwritten;
     * other files are left alone.
     *
     * @return the written files, sorted by territory id
     */
    public static List<Path> ecrire(Path depuis, Path versDossier) {
        return importerLivres(FichiersOfficiels.reconnaitre(depuis), versDossier, SANS_SUIVI).packs();
    }

    /**
     * Generates the pack of any EPCI or list of communes of the lists of communes of a folder, in memory.
     *
     * @throws EntreeInvalide in French, when the EPCI has no commune in the lists, a listed commune
     *     is not in them, several communes are given without EPCI nor name, or a commune lacks a contour
     */
    public static String generer(Path depuis, Perimetre perimetre) {
        return PackGeoJson.ecrire(territoire(depuis, perimetre));
    }

    /**
     * Generates the pack of an EPCI or list of communes and writes it as {@code <id>.geojson}
     * (UTF-8) in a folder, created if needed, overwriting a pack of the same id.
     *
     * @return the written file
     */
    public static Path ecrire(Path depuis, Perimetre perimetre, Path versDossier) {
        return importer(FichiersOfficiels.reconnaitre(depuis), perimetre, versDossier, SANS_SUIVI)
                .packs().get(0);
    }

    /**
     * Regenerates every shipped territory ({@link NatureFichier#TERRITOIRES}) and writes the packs,
     * as {@code <id>.geojson}, in a folder created if needed.
     *
     * @param suivi where the lines for the person go as the files are read (in French)
     * @throws EntreeInvalide in French, naming the file, when a file required
     *     ({@link #REQUISES_LIVRES}) is missing or unusable, or a commune lacks a contour
     */
    public static BilanImport importerLivres(FichiersOfficiels fichiers, Path versDossier, Consumer<String> suivi) {
        var run = new Import(fichiers, suivi);
        var ecrits = new ArrayList<Path>();
        run.livres().forEach((id, territoire) -> ecrits.add(ecrireFichier(versDossier, id, PackGeoJson.ecrire(territoire))));
        log.info("Wrote {} territory packs to {}", ecrits.size(), versDossier);
        return run.bilan(ecrits);
    }

    /**
     * Makes the pack of an EPCI or list of communes of the lists of communes ({@link NatureFichier#COMMUNES})
     * and writes it as {@code <id>.geojson} in a folder created if needed, overwriting a pack of the same id.
     *
     * @param suivi where the lines for the person go as the files are read (in French)
     * @throws EntreeInvalide in French, naming the file: a file required ({@link #REQUISES_NOUVEAU})
     *     missing or unusable, an EPCI without commune in the lists, a commune not in them, several
     *     communes without EPCI nor name, a commune without contour
     */
    public static BilanImport importer(FichiersOfficiels fichiers, Perimetre perimetre, Path versDossier,
            Consumer<String> suivi) {
        var run = new Import(fichiers, suivi);
        Territoire territoire = run.nouveau(perimetre);
        Path fichier = ecrireFichier(versDossier, territoire.id(), PackGeoJson.ecrire(territoire));
        log.info("Wrote territory pack {} to {}", territoire.id(), fichier);
        return run.bilan(List.of(fichier));
    }

    /** The territory of an EPCI or a list of communes of a folder, built and simplified (for tests). */
    static Territoire territoire(Path depuis, Perimetre perimetre) {
        return new Import(FichiersOfficiels.reconnaitre(depuis), SANS_SUIVI).nouveau(perimetre);
    }

    private static Path ecrireFichier(Path versDossier, String id, String texte) {
        try {
            Files.createDirectories(versDossier);
            Path file = versDossier.resolve(id + ".geojson");
            Files.writeString(file, texte, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write territory pack " + id + " to " + versDossier, e);
        }
    }

    /** One run of the importer: the files, what is read from them, and what is found on the way. */
    private static final class Import {
        private final FichiersOfficiels fichiers;
        private final JournalLectures journal;
        private final ListeCommunes liste;
        private final List<BilanImport.PackImporte> packs = new ArrayList<>();
        private FichiersInsee insee;
        private ContoursLus contours;
        private IrisLus irisLus;
        private Set<String> communesDesPacks = new TreeSet<>();

        Import(FichiersOfficiels fichiers, Consumer<String> suivi) {
            this.fichiers = fichiers;
            this.journal = new JournalLectures(suivi);
            var listes = new ArrayList<>(fichiers.de(NatureFichier.COMMUNES));
            listes.addAll(fichiers.de(NatureFichier.EPCI));
            this.liste = ListeCommunes.lire(listes);
            journal.signaler(liste.signalements());
        }

        /** Every territory of the lists of the shipped territories, built and simplified, by id. */
        SortedMap<String, Territoire> livres() {
            exiger(REQUISES_LIVRES);
            var lignes = new ArrayList<CommuneTerritoire>();
            for (FichiersOfficiels.Reconnu fichier : fichiers.de(NatureFichier.TERRITOIRES)) {
                ImportCsv<CommuneTerritoire> lu = fichier.importer(CommuneTerritoire::parse, tout -> true);
                journal.signaler(lu.signalements());
                lignes.addAll(lu.valeurs());
            }
            Map<String, List<CommuneTerritoire>> parTerritoire = lignes.stream()
                    .collect(Collectors.groupingBy(CommuneTerritoire::idTerritoire, TreeMap::new, Collectors.toList()));
            if (parTerritoire.isEmpty()) {
                throw new EntreeInvalide(fichiers.noms(NatureFichier.TERRITOIRES), 0, "aucune commune de territoire lisible");
            }
            lireChiffresEtContours(lignes.stream().map(CommuneTerritoire::codeInsee).collect(Collectors.toSet()));
            SortedMap<String, Territoire> territoires = new TreeMap<>();
            parTerritoire.forEach((id, membres) -> {
                String siren = epciSiren(id, membres);
                verifierNombreDeCommunes(id, siren, membres.size(), liste.epcis());
                territoires.put(id, territoire(id, nom(id, membres), siren, membres));
            });
            return territoires;
        }

        /** The territory of an EPCI or a list of communes of the lists of communes, built and simplified. */
        Territoire nouveau(Perimetre perimetre) {
            exiger(REQUISES_NOUVEAU);
            if (liste.communes().isEmpty()) {
                throw new EntreeInvalide(liste.noms(), 0, "aucune commune lisible dans la liste des communes");
            }
            var choisies = new LinkedHashSet<LigneCommune>();
            if (perimetre.epciSiren() != null) {
                if (!liste.connaitLesEpci()) {
                    throw new EntreeInvalide(liste.noms(), 0, "ces listes de communes ne disent pas à quel EPCI appartient"
                            + " chaque commune : ajouter la composition communale des EPCI de l'Insee, ou epci.json"
                            + " d'Etalab, ou donner les communes avec --communes");
                }
                liste.communes().stream().filter(c -> perimetre.epciSiren().equals(c.epciSiren())).forEach(choisies::add);
                if (choisies.isEmpty()) {
                    throw new EntreeInvalide(liste.noms(), 0, "aucune commune de l'EPCI " + perimetre.epciSiren()
                            + " (vérifier le SIREN : la liste couvre " + couverture() + ")");
                }
            }
            int nombreEpci = choisies.size();
            for (String code : perimetre.communes()) {
                choisies.add(liste.commune(code).orElseThrow(() -> new EntreeInvalide(liste.noms(), 0, "la commune " + code
                        + " n'y figure pas" + liste.rattachement(code).map(r -> " : " + code + " est " + r.lien() + " "
                        + r.commune() + ", donner " + r.commune()).orElse(" (la liste couvre " + couverture() + ")"))));
            }
            boolean epciSeul = perimetre.epciSiren() != null && choisies.size() == nombreEpci;
            List<LigneCommune> communes = choisies.stream().sorted(Comparator.comparing(LigneCommune::codeInsee)).toList();

            String nom = perimetre.nom();
            String baseId;
            if (epciSeul) {
                var membres = communes.stream().map(c -> CommuneTerritoire.de("EPCI", c)).toList();
                nom = nom != null ? nom : nomEpci(membres.get(0).epciNom(), membres.get(0).epciType());
                baseId = membres.get(0).epciNom();
            } else if (communes.size() == 1) {
                nom = nom != null ? nom : nom("commune", List.of(CommuneTerritoire.de("COMMUNE", communes.get(0))));
                baseId = communes.get(0).nom();
            } else if (nom == null) {
                throw new EntreeInvalide("plusieurs communes sans EPCI commun : donner un nom au territoire (--nom)");
            } else {
                baseId = nom;
            }
            String id = perimetre.id() != null ? perimetre.id() : idDe(baseId);
            String siren = epciSeul ? perimetre.epciSiren() : null;
            List<CommuneTerritoire> membres = communes.stream().map(c -> CommuneTerritoire.de(id, c)).toList();
            if (siren != null) {
                verifierNombreDeCommunes(id, siren, membres.size(), liste.epcis());
            }
            lireChiffresEtContours(communes.stream().map(LigneCommune::codeInsee).collect(Collectors.toSet()));
            return territoire(id, nom, siren, membres);
        }

        /** "les départements 17, 54, 86 et 92", from the communes of the lists. */
        private String couverture() {
            List<String> departements = List.copyOf(liste.departements());
            return (departements.size() == 1 ? "le département " : "les départements ")
                    + FichiersOfficiels.enumeration(departements);
        }

        private void exiger(Set<NatureFichier> natures) {
            for (NatureFichier nature : natures) {
                if (!fichiers.a(nature)) {
                    throw new EntreeInvalide(fichiers.ou(), 0, "aucun fichier « " + nature.libelle() + " » reconnu : "
                            + conseil(nature) + " (ou l'indiquer avec --fichier " + nature.mot() + "=CHEMIN)");
                }
            }
        }

        /** Reads the figures and contours of the communes of the packs (and the contours of communes gone since). */
        private void lireChiffresEtContours(Set<String> codes) {
            communesDesPacks = new TreeSet<>(codes);
            insee = FichiersInsee.lire(fichiers, codes, journal);
            Set<String> departements = liste.departements();
            contours = ContoursLus.lire(fichiers.de(NatureFichier.CONTOURS), code -> codes.contains(code)
                    || (liste.commune(code).isEmpty() && departements.contains(departement(code))), journal);
            irisLus = IrisLus.lire(fichiers, codes, journal);
        }

        /**
         * The IRIS of a commune: those of Filosofi and of the IRIS files, with their figures, name and
         * contour (the contours of the commune's IRIS simplified together), sorted by code.
         */
        private List<Iris> irisDe(String codeInsee) {
            var parCode = new TreeMap<String, Iris>();
            insee.iris(codeInsee).forEach(i -> parCode.put(i.codeIris(), i));
            irisLus.codes(codeInsee).forEach(code -> parCode.putIfAbsent(code, new Iris(code, codeInsee, Map.of(), Set.of())));
            var iris = new ArrayList<Iris>();
            parCode.values().forEach(i -> {
                var chiffres = new LinkedHashMap<>(i.chiffres());
                irisLus.chiffres(i.codeIris()).forEach(chiffres::putIfAbsent);
                iris.add(new Iris(i.codeIris(), codeInsee, irisLus.nom(i.codeIris()), chiffres, i.secrets(),
                        irisLus.contour(i.codeIris())));
            });
            List<Integer> avecContour = new ArrayList<>();
            for (int i = 0; i < iris.size(); i++) {
                if (iris.get(i).aUnContour()) {
                    avecContour.add(i);
                }
            }
            if (!avecContour.isEmpty()) {
                List<Geometry> simplifies = ContoursCommunes.simplifier(
                        avecContour.stream().map(i -> iris.get(i).contour()).toList(), TOLERANCE_IRIS_DEGRES);
                for (int k = 0; k < avecContour.size(); k++) {
                    int i = avecContour.get(k);
                    iris.set(i, iris.get(i).avecContour(simplifies.get(k)));
                }
            }
            return iris;
        }

        private Territoire territoire(String id, String nom, String epciSiren, List<CommuneTerritoire> membres) {
            List<CommuneTerritoire> sorted = membres.stream()
                    .sorted(Comparator.comparing(CommuneTerritoire::codeInsee))
                    .toList();
            var originaux = new ArrayList<Geometry>();
            for (CommuneTerritoire membre : sorted) {
                originaux.add(contours.contour(membre.codeInsee(), membre.nom()));
            }
            List<Geometry> simplifies = ContoursCommunes.simplifier(originaux, TOLERANCE_DEGRES);
            var communes = new ArrayList<Commune>();
            var iris = new ArrayList<Iris>();
            for (int i = 0; i < sorted.size(); i++) {
                CommuneTerritoire membre = sorted.get(i);
                ChiffresCommune chiffres = insee.chiffres(membre.codeInsee());
                communes.add(new Commune(membre.codeInsee(), membre.nom(), chiffres.chiffres(), chiffres.secrets(),
                        simplifies.get(i)));
                iris.addAll(irisDe(membre.codeInsee()));
            }
            var sources = new LinkedHashMap<>(SOURCES);
            irisLus.sourcesChiffres().forEach((variable, source) -> {
                if (iris.stream().anyMatch(i -> i.chiffres().containsKey(variable))) {
                    sources.put(variable, source);
                }
            });
            boolean contoursIris = iris.stream().anyMatch(Iris::aUnContour);
            var territoire = new Territoire(id, nom, epciSiren, sources,
                    contours.source(sorted.stream().map(CommuneTerritoire::codeInsee).toList()), communes, iris,
                    contoursIris ? irisLus.sourceContours() : null);
            var absences = absences(territoire);
            absences.forEach(a -> log.info("Territory {}: {} absent for {} of {} communes ({})", id, a.variable(),
                    a.communes().size(), a.sur(), a.communes()));
            List<String> disparues = contoursDisparus(id, originaux);
            log.info("Territory pack {}: {} communes, {} IRIS ({} with a contour), {} contour vertices (from {}, tolerance {}"
                    + " degrees)", id, communes.size(), iris.size(), iris.stream().filter(Iris::aUnContour).count(),
                    ContoursCommunes.sommets(simplifies), ContoursCommunes.sommets(originaux), TOLERANCE_DEGRES);
            packs.add(new BilanImport.PackImporte(id, nom, communes.size(), iris.size(), absences, disparues));
            return territoire;
        }

        /** The variables some communes lack, and why: no file of their nature, no row, or no value in the row. */
        private List<BilanImport.Absence> absences(Territoire territoire) {
            var absences = new ArrayList<BilanImport.Absence>();
            PackGeoJson.absences(territoire).forEach((variable, codes) -> {
                NatureFichier nature = natureDe(variable);
                String raison;
                if (!insee.a(nature)) {
                    raison = "aucun fichier « " + nature.libelle() + " »";
                } else {
                    long sansLigne = codes.stream().filter(c -> !insee.aUneLigne(nature, c)).count();
                    String noms = fichiers.noms(nature);
                    raison = sansLigne == codes.size() ? "pas de ligne dans " + noms
                            : sansLigne == 0 ? "valeur vide ou sans objet dans " + noms
                            : "pas de ligne ou valeur vide dans " + noms;
                    if (sansLigne > 0 && aDesLignesIgnorees(nature)) {
                        raison += " (ou une ligne ignorée : voir les signalements)";
                    }
                }
                absences.add(new BilanImport.Absence(variable, codes, territoire.communes().size(), raison));
            });
            return absences;
        }

        /** Whether rows of the files of a nature were skipped (their commune may be one of the pack's). */
        private boolean aDesLignesIgnorees(NatureFichier nature) {
            Set<String> noms = fichiers.de(nature).stream().map(f -> f.chemin().getFileName().toString())
                    .collect(Collectors.toSet());
            return journal.signalements().stream()
                    .anyMatch(s -> s.gravite() == Signalement.Gravite.REJET && noms.contains(s.fichier()));
        }

        /**
         * Contours of communes that no longer exist (e.g. a contour file of an older COG) and touch
         * the territory: if such a commune merged into one of the territory's, the contour of that
         * commune nouvelle lacks its part.
         */
        private List<String> contoursDisparus(String id, List<Geometry> originaux) {
            var disparues = new ArrayList<String>();
            contours.tous().forEach((code, contour) -> {
                if (!communesDesPacks.contains(code) && liste.commune(code).isEmpty()
                        && originaux.stream().anyMatch(contour::intersects)) {
                    log.warn("Territory {}: commune {} of the contour files no longer exists and touches the territory;"
                            + " if it merged into one of its communes, that commune's contour lacks its part", id, code);
                    disparues.add(code);
                }
            });
            return disparues;
        }

        /** The report: files read, packs, absences, codes absent from the COG, problems of the files. */
        BilanImport bilan(List<Path> ecrits) {
            var horsCog = new ArrayList<BilanImport.CodesHorsCog>();
            if (!liste.communes().isEmpty()) {
                Set<String> departements = liste.departements();
                journal.codes().forEach((fichier, codes) -> {
                    List<BilanImport.CodeHorsCog> absents = codes.stream()
                            .filter(code -> liste.commune(code).isEmpty() && departements.contains(departement(code)))
                            .map(this::horsCog)
                            .toList();
                    if (!absents.isEmpty()) {
                        horsCog.add(new BilanImport.CodesHorsCog(fichier, absents));
                    }
                });
            }
            return new BilanImport(journal.lus(), ecrits, packs, horsCog, liste.connaitDesRattachements(),
                    journal.signalements());
        }

        private BilanImport.CodeHorsCog horsCog(String code) {
            return liste.rattachement(code)
                    .map(r -> new BilanImport.CodeHorsCog(code, r.commune(),
                            liste.commune(r.commune()).map(LigneCommune::nom).orElse(null), r.lien(),
                            communesDesPacks.contains(r.commune())))
                    .orElse(new BilanImport.CodeHorsCog(code, null, null, null, false));
        }
    }

    /** The département of a commune code: 3 characters overseas ({@code 97411}), else 2 ({@code 2A004}). */
    static String departement(String code) {
        return code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2);
    }

    /** The nature of the files a commune variable comes from. */
    private static NatureFichier natureDe(String variable) {
        for (NatureFichier nature : NatureFichier.values()) {
            if (nature.variables().contains(variable)) {
                return nature;
            }
        }
        throw new IllegalArgumentException("No nature of file gives " + variable);
    }

    /** What to add when a required file is missing, in French. */
    private static String conseil(NatureFichier nature) {
        return switch (nature) {
            case COMMUNES -> "ajouter la liste des communes du COG de l'Insee avec la composition communale des EPCI,"
                    + " ou communes.json et epci.json d'Etalab";
            case TERRITOIRES -> "ajouter la liste des communes des territoires livrés (communes_territoires.csv,"
                    + " colonne territoire)";
            case CONTOURS -> "ajouter les contours des communes en GeoJSON (IGN Admin Express, ou contours"
                    + " administratifs d'Etalab)";
            default -> "ajouter ce fichier";
        };
    }

    /** Warns when the EPCI list counts more member communes than the territory has (an EPCI across départements). */
    private static void verifierNombreDeCommunes(String id, String siren, int nombre, Map<String, LigneEpci> epcis) {
        LigneEpci epci = siren == null ? null : epcis.get(siren);
        if (epci != null && epci.nombreCommunes() != null && epci.nombreCommunes() != nombre) {
            log.warn("Territory {}: the list of EPCI counts {} member communes for EPCI {}, the pack has {}", id,
                    epci.nombreCommunes(), siren, nombre);
        }
    }

    /**
     * French name: a single commune gives "Ville d'Antony" / "Ville de Poitiers"; an EPCI gives its
     * published name with the type spelt out ("CC du Bassin de Pompey" gives "Communauté de
     * communes du Bassin de Pompey").
     */
    static String nom(String id, List<CommuneTerritoire> membres) {
        if (membres.size() == 1) {
            String commune = membres.get(0).nom();
            return "AEIOUYÂÉÈÊÎÏÔ".indexOf(Character.toUpperCase(commune.charAt(0))) >= 0
                    ? "Ville d'" + commune
                    : "Ville de " + commune;
        }
        String nom = unique(id, membres, CommuneTerritoire::epciNom, "epci_nom");
        return nomEpci(nom, membres.get(0).epciType());
    }

    /** "CC du Bassin de Pompey" with type {@code CC} gives "Communauté de communes du Bassin de Pompey". */
    static String nomEpci(String nom, String type) {
        String complet = type == null ? null : TYPES_EPCI.get(type);
        if (complet != null && nom.startsWith(type + " ")) {
            return complet + nom.substring(type.length());
        }
        return nom;
    }

    /**
     * A pack id from a name: without the EPCI type and the article that follows, in lower-case ASCII
     * with hyphens ("CA de La Rochelle" gives {@code la-rochelle}, "CC des Pays du Sel et du Vermois"
     * gives {@code pays-du-sel-et-du-vermois}, "Saint-Médard-d'Aunis" gives {@code saint-medard-d-aunis}).
     */
    static String idDe(String nom) {
        String sansType = nom.replaceFirst("^(CC|CA|CU|Métropole|METRO)\\s+", "")
                .replaceFirst("^(du|des|de la|de l'|de l’|de|d'|d’)\\s*", "");
        String ascii = Normalizer.normalize(sansType, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (id.isEmpty()) {
            throw new EntreeInvalide("impossible de tirer un identifiant du nom « " + nom + " » : en donner un (--id)");
        }
        return id;
    }

    /** The EPCI SIREN shared by all communes, or {@code null} for a single-commune territory. */
    static String epciSiren(String id, List<CommuneTerritoire> membres) {
        return membres.size() == 1 ? null : unique(id, membres, CommuneTerritoire::epciSiren, "epci_siren");
    }

    private static String unique(String id, List<CommuneTerritoire> membres,
            Function<CommuneTerritoire, String> champ, String colonne) {
        List<String> values = membres.stream().map(champ).distinct().toList();
        if (values.size() != 1 || values.get(0) == null) {
            throw new EntreeInvalide("liste des territoires livrés", 0, "territoire " + id + " : une seule valeur de " + colonne
                    + " attendue, trouvé " + values);
        }
        return values.get(0);
    }

}
