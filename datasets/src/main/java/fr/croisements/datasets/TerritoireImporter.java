package fr.croisements.datasets;

import fr.croisements.events.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the territory packs from the official files (the {@code shared/datasets} folder):
 * {@code insee/communes_territoires.csv} says which communes make each territory,
 * {@code insee/comparateur_communes_dep_17_54_86_92.csv} gives population, households and area,
 * {@code geo/communes-<dep>-<name>.geojson} give the contours, joined on the INSEE code.
 *
 * <p>The contours of each territory are simplified together ({@link #TOLERANCE_DEGRES}) so that
 * neighbouring communes still share their boundaries. The output is deterministic: the same
 * files give the same bytes. Any territory commune without a contour or a row of figures stops
 * the import with an exception naming the file and the code. Stateless and thread-safe.
 */
public final class TerritoireImporter {

    private static final Logger log = LoggerFactory.getLogger(TerritoireImporter.class);

    /** System property naming the folder of official files. */
    public static final String PROPRIETE_DOSSIER = "croisements.donnees.officielles";
    /** Environment variable naming the folder of official files, when the property is not set. */
    public static final String VARIABLE_DOSSIER = "CROISEMENTS_DONNEES_OFFICIELLES";

    /**
     * Coverage simplification tolerance, in degrees (0.002° is about 220 m north-south and 150 m
     * east-west in France). It removes about half of the vertices of the (already simplified)
     * source contours; the farthest a simplified boundary moves is about 0.004° (400 m), on
     * long, nearly straight stretches.
     */
    static final double TOLERANCE_DEGRES = 0.0005;

    static final String FICHIER_TERRITOIRES = "insee/communes_territoires.csv";
    static final String FICHIER_COMPARATEUR = "insee/comparateur_communes_dep_17_54_86_92.csv";
    static final String DOSSIER_CONTOURS = "geo";

    static final Source SOURCE_RECENSEMENT = new Source(
            "Base du comparateur de territoires (recensement de la population)", "Insee", "2021",
            "Licence Ouverte 2.0", false);
    static final Source SOURCE_SUPERFICIE = new Source(
            "Base du comparateur de territoires (superficie)", "Insee", "2024", "Licence Ouverte 2.0", false);
    static final Source SOURCE_CONTOURS = new Source(
            "Admin Express COG 2018, contours des communes (via france-geojson, simplifiés)", "IGN", "2018",
            "Licence Ouverte", false);

    private static final Map<String, String> TYPES_EPCI = Map.of(
            "CC", "Communauté de communes",
            "CA", "Communauté d'agglomération",
            "CU", "Communauté urbaine",
            "METRO", "Métropole");

    private TerritoireImporter() {}

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
     * Generates every pack in memory.
     *
     * @param depuis the folder of official files
     * @return pack text by territory id, sorted by id
     * @throws IllegalStateException naming the file and the code when a commune lacks a contour or figures
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Map<String, String> generer(Path depuis) {
        SortedMap<String, String> packs = new TreeMap<>();
        territoires(depuis).forEach((id, territoire) -> packs.put(id, PackGeoJson.ecrire(territoire)));
        return Collections.unmodifiableSortedMap(packs);
    }

    /**
     * Generates every pack and writes it as {@code <id>.geojson} (UTF-8) in a folder, created if needed.
     * Existing packs are overwritten; other files are left alone.
     *
     * @return the written files, sorted by territory id
     */
    public static List<Path> ecrire(Path depuis, Path versDossier) {
        var written = new ArrayList<Path>();
        try {
            Files.createDirectories(versDossier);
            for (var pack : generer(depuis).entrySet()) {
                Path file = versDossier.resolve(pack.getKey() + ".geojson");
                Files.writeString(file, pack.getValue(), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write territory packs to " + versDossier, e);
        }
        log.info("Wrote {} territory packs to {}", written.size(), versDossier);
        return List.copyOf(written);
    }

    /** Every territory of the official files, built and simplified, by id. */
    static SortedMap<String, Territoire> territoires(Path depuis) {
        Path fichierTerritoires = depuis.resolve(FICHIER_TERRITOIRES);
        Map<String, List<CommuneTerritoire>> parTerritoire = TableCsv.lire(fichierTerritoires, ',').stream()
                .map(CommuneTerritoire::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(CommuneTerritoire::idTerritoire, TreeMap::new, Collectors.toList()));
        if (parTerritoire.isEmpty()) {
            throw new IllegalStateException("No territory commune in " + fichierTerritoires);
        }
        Path fichierComparateur = depuis.resolve(FICHIER_COMPARATEUR);
        Map<String, LigneComparateur> comparateur = TableCsv.lire(fichierComparateur, ',').stream()
                .map(LigneComparateur::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(LigneComparateur::codeInsee, l -> l, (a, b) -> {
                    throw new IllegalStateException("Commune " + a.codeInsee() + " appears twice in " + fichierComparateur);
                }));
        var contours = new ContoursParDepartement(depuis.resolve(DOSSIER_CONTOURS));

        SortedMap<String, Territoire> territoires = new TreeMap<>();
        parTerritoire.forEach((id, membres) -> territoires.put(id,
                territoire(id, membres, comparateur, fichierComparateur, contours)));
        return territoires;
    }

    private static Territoire territoire(
            String id,
            List<CommuneTerritoire> membres,
            Map<String, LigneComparateur> comparateur,
            Path fichierComparateur,
            ContoursParDepartement contours) {
        List<CommuneTerritoire> sorted = membres.stream()
                .sorted((a, b) -> a.codeInsee().compareTo(b.codeInsee()))
                .toList();
        var originaux = new ArrayList<Geometry>();
        var lignes = new ArrayList<LigneComparateur>();
        for (CommuneTerritoire membre : sorted) {
            LigneComparateur ligne = comparateur.get(membre.codeInsee());
            if (ligne == null) {
                throw new IllegalStateException("Commune " + membre.codeInsee() + " (" + membre.nom()
                        + ", territory " + id + ") has no row in " + fichierComparateur);
            }
            lignes.add(ligne);
            originaux.add(contours.contour(membre));
        }
        List<Geometry> simplifies = ContoursCommunes.simplifier(originaux, TOLERANCE_DEGRES);
        var communes = new ArrayList<Commune>();
        for (int i = 0; i < sorted.size(); i++) {
            CommuneTerritoire membre = sorted.get(i);
            Map<String, Double> chiffres = lignes.get(i).chiffres();
            List<String> absents = PackGeoJson.ORDRE_CHIFFRES.stream().filter(v -> !chiffres.containsKey(v)).toList();
            if (!absents.isEmpty()) {
                log.warn("Commune {} of territory {}: {} missing or secret in {}, left out of the pack",
                        membre.codeInsee(), id, absents, fichierComparateur.getFileName());
            }
            communes.add(new Commune(membre.codeInsee(), membre.nom(), chiffres, simplifies.get(i)));
        }
        var territoire = new Territoire(id, nom(id, sorted), epciSiren(id, sorted), Map.of(
                        Commune.POPULATION, SOURCE_RECENSEMENT,
                        Commune.MENAGES, SOURCE_RECENSEMENT,
                        Commune.SUPERFICIE_KM2, SOURCE_SUPERFICIE),
                SOURCE_CONTOURS, communes);
        log.info("Territory pack {}: {} communes, {} contour vertices (from {}, tolerance {} degrees)",
                id, communes.size(), ContoursCommunes.sommets(simplifies), ContoursCommunes.sommets(originaux),
                TOLERANCE_DEGRES);
        return territoire;
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
        CommuneTerritoire premier = membres.get(0);
        String nom = unique(id, membres, CommuneTerritoire::epciNom, "epci_nom");
        String type = premier.epciType();
        String complet = type == null ? null : TYPES_EPCI.get(type);
        if (complet != null && nom.startsWith(type + " ")) {
            return complet + nom.substring(type.length());
        }
        return nom;
    }

    /** The EPCI SIREN shared by all communes, or {@code null} for a single-commune territory. */
    static String epciSiren(String id, List<CommuneTerritoire> membres) {
        return membres.size() == 1 ? null : unique(id, membres, CommuneTerritoire::epciSiren, "epci_siren");
    }

    private static String unique(String id, List<CommuneTerritoire> membres,
            Function<CommuneTerritoire, String> champ, String colonne) {
        List<String> values = membres.stream().map(champ).distinct().toList();
        if (values.size() != 1 || values.get(0) == null) {
            throw new IllegalStateException("Territory " + id + ": expected one " + colonne + " in "
                    + FICHIER_TERRITOIRES + ", found " + values);
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
            Path fichier = fichiers.computeIfAbsent(dep, d -> ContoursCommunes.fichierDuDepartement(dossier, d));
            Geometry contour = contours.computeIfAbsent(dep, d -> ContoursCommunes.lire(fichier)).get(commune.codeInsee());
            if (contour == null || contour.isEmpty()) {
                throw new IllegalStateException("Commune " + commune.codeInsee() + " (" + commune.nom()
                        + ") has no contour in " + fichier);
            }
            return contour;
        }
    }
}
