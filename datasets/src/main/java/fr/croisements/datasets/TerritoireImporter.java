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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the territory packs from the official files (the {@code shared/datasets} folder):
 * {@code insee/communes_territoires.csv} says which communes make each shipped territory (and
 * {@code insee/communes_dep_17_54_86_92.csv} which communes make any EPCI, for
 * {@code croisements import --epci}); the figures come from the comparateur, the dossier complet
 * extract and the Filosofi files ({@link FichiersInsee}, derived figures in {@link ChiffresCommune}),
 * the contours from {@code geo/communes-<dep>-<name>.geojson}, all joined on the INSEE code.
 *
 * <p>The contours of each territory are simplified together ({@link #TOLERANCE_DEGRES}) so that
 * neighbouring communes still share their boundaries. The output is deterministic: the same
 * files give the same bytes. A territory commune without a contour or a comparateur row stops
 * the import with an {@link EntreeInvalide} naming the file and the code, in French; a commune without a dossier complet
 * or Filosofi row gets no such figures, and the pack lists it under {@code absences}. Rows of the
 * official files that are skipped or repaired are logged as warnings with their file and line.
 * Stateless and thread-safe.
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

    static final String FICHIER_TERRITOIRES = "insee/communes_territoires.csv";
    static final String FICHIER_COMMUNES = "insee/communes_dep_17_54_86_92.csv";
    static final String FICHIER_EPCI = "insee/epci_territoires.csv";
    static final String FICHIER_COMPARATEUR = FichiersInsee.COMPARATEUR;
    static final String DOSSIER_CONTOURS = "geo";

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
     * Generates every pack of {@code communes_territoires.csv} in memory.
     *
     * @param depuis the folder of official files
     * @return pack text by territory id, sorted by id
     * @throws EntreeInvalide naming the file and the code, in French, when a commune lacks a contour or figures
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Map<String, String> generer(Path depuis) {
        SortedMap<String, String> packs = new TreeMap<>();
        territoires(depuis).forEach((id, territoire) -> packs.put(id, PackGeoJson.ecrire(territoire)));
        return Collections.unmodifiableSortedMap(packs);
    }

    /**
     * Generates every pack of {@code communes_territoires.csv} and writes it as {@code <id>.geojson}
     * (UTF-8) in a folder, created if needed. Existing packs are overwritten; other files are left alone.
     *
     * @return the written files, sorted by territory id
     */
    public static List<Path> ecrire(Path depuis, Path versDossier) {
        var written = new ArrayList<Path>();
        for (var pack : generer(depuis).entrySet()) {
            written.add(ecrireFichier(versDossier, pack.getKey(), pack.getValue()));
        }
        log.info("Wrote {} territory packs to {}", written.size(), versDossier);
        return List.copyOf(written);
    }

    /**
     * Generates the pack of any EPCI or list of communes of the national list of communes
     * ({@value #FICHIER_COMMUNES}), in memory.
     *
     * @throws EntreeInvalide in French, when the EPCI has no commune in the list, a listed commune
     *     is not in it, several communes are given without EPCI nor name, or a commune lacks a
     *     contour or a comparateur row
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
        Territoire territoire = territoire(depuis, perimetre);
        Path fichier = ecrireFichier(versDossier, territoire.id(), PackGeoJson.ecrire(territoire));
        log.info("Wrote territory pack {} to {}", territoire.id(), fichier);
        return fichier;
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

    /** Every territory of {@code communes_territoires.csv}, built and simplified, by id. */
    static SortedMap<String, Territoire> territoires(Path depuis) {
        ImportCsv<CommuneTerritoire> lignes = TableCsv.importer(depuis.resolve(FICHIER_TERRITOIRES), null,
                CommuneTerritoire.COLONNES, CommuneTerritoire::parse);
        signaler(lignes.signalements());
        Map<String, List<CommuneTerritoire>> parTerritoire = lignes.valeurs().stream()
                .collect(Collectors.groupingBy(CommuneTerritoire::idTerritoire, TreeMap::new, Collectors.toList()));
        if (parTerritoire.isEmpty()) {
            throw new EntreeInvalide(depuis.resolve(FICHIER_TERRITOIRES).toString(), 0, "aucune commune de territoire lisible");
        }
        Map<String, LigneEpci> epcis = epcis(depuis, true);
        var insee = FichiersInsee.lire(depuis);
        signaler(insee.signalements());
        var contours = new ContoursParDepartement(depuis.resolve(DOSSIER_CONTOURS));

        SortedMap<String, Territoire> territoires = new TreeMap<>();
        parTerritoire.forEach((id, membres) -> {
            String siren = epciSiren(id, membres);
            verifierNombreDeCommunes(id, siren, membres.size(), epcis);
            territoires.put(id, territoire(id, nom(id, membres), siren, membres, insee, contours));
        });
        return territoires;
    }

    /** The territory of an EPCI or a list of communes of the national list, built and simplified. */
    static Territoire territoire(Path depuis, Perimetre perimetre) {
        Path fichierCommunes = depuis.resolve(FICHIER_COMMUNES);
        ImportCsv<LigneCommune> liste = TableCsv.importer(fichierCommunes, null, LigneCommune.COLONNES, LigneCommune::parse);
        signaler(liste.signalements());
        Map<String, LigneCommune> parCode = new TreeMap<>();
        liste.valeurs().forEach(c -> parCode.putIfAbsent(c.codeInsee(), c));

        var choisies = new LinkedHashSet<LigneCommune>();
        if (perimetre.epciSiren() != null) {
            parCode.values().stream().filter(c -> perimetre.epciSiren().equals(c.epciSiren())).forEach(choisies::add);
            if (choisies.isEmpty()) {
                throw new EntreeInvalide(fichierCommunes.toString(), 0, "aucune commune de l'EPCI " + perimetre.epciSiren()
                        + " (vérifier le SIREN : la liste couvre les départements 17, 54, 86 et 92)");
            }
        }
        int nombreEpci = choisies.size();
        for (String code : perimetre.communes()) {
            LigneCommune commune = parCode.get(code);
            if (commune == null) {
                throw new EntreeInvalide(fichierCommunes.toString(), 0, "la commune " + code + " n'y figure pas"
                        + " (la liste couvre les départements 17, 54, 86 et 92)");
            }
            choisies.add(commune);
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
        if (siren != null && Files.exists(depuis.resolve(FICHIER_EPCI))) {
            verifierNombreDeCommunes(id, siren, membres.size(), epcis(depuis, false));
        }

        var insee = FichiersInsee.lire(depuis);
        signaler(insee.signalements());
        var contours = new ContoursParDepartement(depuis.resolve(DOSSIER_CONTOURS));
        Territoire territoire = territoire(id, nom, siren, membres, insee, contours);
        contours.signalerCommunesDisparues(id, membres, parCode.keySet());
        return territoire;
    }

    private static Territoire territoire(
            String id,
            String nom,
            String epciSiren,
            List<CommuneTerritoire> membres,
            FichiersInsee insee,
            ContoursParDepartement contours) {
        List<CommuneTerritoire> sorted = membres.stream()
                .sorted(Comparator.comparing(CommuneTerritoire::codeInsee))
                .toList();
        var originaux = new ArrayList<Geometry>();
        for (CommuneTerritoire membre : sorted) {
            if (!insee.aUneLigne(membre.codeInsee())) {
                throw new EntreeInvalide(insee.fichierComparateur().toString(), 0, "aucune ligne pour la commune "
                        + membre.codeInsee() + " (" + membre.nom() + ", territoire " + id + ")");
            }
            originaux.add(contours.contour(membre));
        }
        List<Geometry> simplifies = ContoursCommunes.simplifier(originaux, TOLERANCE_DEGRES);
        var communes = new ArrayList<Commune>();
        var iris = new ArrayList<Iris>();
        var horsDossierComplet = new ArrayList<String>();
        for (int i = 0; i < sorted.size(); i++) {
            CommuneTerritoire membre = sorted.get(i);
            ChiffresCommune chiffres = insee.chiffres(membre.codeInsee());
            communes.add(new Commune(membre.codeInsee(), membre.nom(), chiffres.chiffres(), chiffres.secrets(),
                    simplifies.get(i)));
            iris.addAll(insee.iris(membre.codeInsee()));
            if (!insee.dansLeDossierComplet(membre.codeInsee())) {
                horsDossierComplet.add(membre.codeInsee());
            }
        }
        var territoire = new Territoire(id, nom, epciSiren, SOURCES, SOURCE_CONTOURS, communes, iris);
        if (!horsDossierComplet.isEmpty()) {
            log.warn("Territory {}: {} of {} communes are not in {} (it covers only the 82 communes of the four"
                    + " reference territories): their ages and household figures are absent, listed under \"absences\"",
                    id, horsDossierComplet.size(), sorted.size(), FichiersInsee.DOSSIER_COMPLET);
        }
        PackGeoJson.absences(territoire).forEach((variable, codes) -> log.info(
                "Territory {}: {} absent (not published) for {} commune(s): {}", id, variable, codes.size(), codes));
        log.info("Territory pack {}: {} communes, {} IRIS, {} contour vertices (from {}, tolerance {} degrees)",
                id, communes.size(), iris.size(), ContoursCommunes.sommets(simplifies), ContoursCommunes.sommets(originaux),
                TOLERANCE_DEGRES);
        return territoire;
    }

    /** Rows of {@value #FICHIER_EPCI} by SIREN; the file is required for the shipped territories. */
    private static Map<String, LigneEpci> epcis(Path depuis, boolean requis) {
        Path fichier = depuis.resolve(FICHIER_EPCI);
        if (!requis && !Files.exists(fichier)) {
            return Map.of();
        }
        ImportCsv<LigneEpci> lignes = TableCsv.importer(fichier, null, LigneEpci.COLONNES, LigneEpci::parse);
        signaler(lignes.signalements());
        return lignes.valeurs().stream().collect(Collectors.toMap(LigneEpci::siren, e -> e, (a, b) -> a));
    }

    /** Warns when the EPCI list counts more member communes than the territory has (an EPCI across départements). */
    private static void verifierNombreDeCommunes(String id, String siren, int nombre, Map<String, LigneEpci> epcis) {
        LigneEpci epci = siren == null ? null : epcis.get(siren);
        if (epci != null && epci.nombreCommunes() != null && epci.nombreCommunes() != nombre) {
            log.warn("Territory {}: {} lists {} member communes for EPCI {}, the pack has {}", id, FICHIER_EPCI,
                    epci.nombreCommunes(), siren, nombre);
        }
    }

    private static void signaler(List<Signalement> signalements) {
        signalements.forEach(s -> log.warn("{}", s));
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
            throw new EntreeInvalide(FICHIER_TERRITOIRES, 0, "territoire " + id + " : une seule valeur de " + colonne
                    + " attendue, trouvé " + values);
        }
        return values.get(0);
    }

    /** Contour files read once per département, on demand. */
    private static final class ContoursParDepartement {
        private final Path dossier;
        private final Map<String, Path> fichiers = new HashMap<>();
        private final Map<String, Map<String, Geometry>> contours = new HashMap<>();

        ContoursParDepartement(Path dossier) {
            this.dossier = dossier;
        }

        Geometry contour(CommuneTerritoire commune) {
            String dep = commune.departement();
            Geometry contour = duDepartement(dep).get(commune.codeInsee());
            if (contour == null || contour.isEmpty()) {
                throw new EntreeInvalide(String.valueOf(fichiers.get(dep)), 0, "aucun contour pour la commune "
                        + commune.codeInsee() + " (" + commune.nom() + ")");
            }
            return contour;
        }

        private Map<String, Geometry> duDepartement(String dep) {
            Path fichier = fichiers.computeIfAbsent(dep, d -> ContoursCommunes.fichierDuDepartement(dossier, d));
            return contours.computeIfAbsent(dep, d -> ContoursCommunes.lire(fichier));
        }

        /**
         * Warns about contours of communes that no longer exist (the contour files are of the 2018 COG)
         * and touch the territory: if such a commune merged into one of the territory's, the contour
         * of that commune nouvelle in the pack lacks its part.
         */
        void signalerCommunesDisparues(String id, List<CommuneTerritoire> membres, Set<String> communesActuelles) {
            Map<String, List<CommuneTerritoire>> parDepartement =
                    membres.stream().collect(Collectors.groupingBy(CommuneTerritoire::departement, TreeMap::new,
                            Collectors.toList()));
            parDepartement.forEach((dep, communes) -> {
                Map<String, Geometry> duFichier = duDepartement(dep);
                duFichier.forEach((code, contour) -> {
                    if (!communesActuelles.contains(code) && communes.stream()
                            .anyMatch(c -> contour.intersects(duFichier.get(c.codeInsee())))) {
                        log.warn("Territory {}: commune {} of {} (COG 2018) no longer exists and touches the territory;"
                                + " if it merged into one of its communes, that commune's contour lacks its part",
                                id, code, fichiers.get(dep).getFileName());
                    }
                });
            });
        }
    }
}
