package fr.croisements.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.JsonSerde;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * The official files of an import, each recognised by its content, never by its name: a CSV by the
 * columns of its header, a JSON by its structure ({@link FormeFichier}). A folder is searched with
 * its sub-folders; the files that are not recognised are kept with the reason, for the person to
 * read. A file may also be imposed as a nature ({@code croisements import --fichier NATURE=CHEMIN}):
 * it then replaces the files of that nature found in the folder. Only the first bytes of a file are
 * read to recognise it. Immutable.
 */
public final class FichiersOfficiels {

    /**
     * A file recognised (or imposed) in a format, hence a nature.
     *
     * @param ligneEntete the line of a CSV's header: 1, or more after a spreadsheet's title lines
     */
    record Reconnu(Path chemin, FormeFichier forme, boolean impose, int ligneEntete) {
        NatureFichier nature() {
            return forme.nature();
        }

        /** Reads a CSV file of this format, keeping the rows asked for; see {@link TableCsv#importer}. */
        <T> ImportCsv<T> importer(Function<CSVRecord, Lecture<T>> parse, Predicate<? super T> garder) {
            return TableCsv.importer(chemin, null, forme.requises(), parse, garder, ligneEntete);
        }
    }

    /** A file left out, and why, in French. */
    record Ignore(Path chemin, String raison) {}

    /**
     * What examining a file gave: a format (and the line of its header), or why none and where.
     *
     * @param ecart for a CSV, the number of required columns missing from the closest format
     *     (0 when recognised, {@link Integer#MAX_VALUE} when no format is close)
     */
    private record Examen(FormeFichier forme, String raison, long ligne, int ecart) {
        static Examen de(FormeFichier forme, long ligne) {
            return new Examen(forme, null, ligne, 0);
        }

        static Examen refus(String raison) {
            return new Examen(null, raison, 0, Integer.MAX_VALUE);
        }

        static Examen refus(String raison, long ligne, int ecart) {
            return new Examen(null, raison, ligne, ecart);
        }
    }

    private static final int OCTETS_EXAMINES = 4096;
    /** Lines a spreadsheet's sheet saved as CSV may have before its header (title, notes, source). */
    private static final int LIGNES_AVANT_ENTETE = 10;

    private final Path dossier;
    private final List<Reconnu> reconnus;
    private final List<Ignore> ignores;

    private FichiersOfficiels(Path dossier, List<Reconnu> reconnus, List<Ignore> ignores) {
        this.dossier = dossier;
        this.reconnus = List.copyOf(reconnus);
        this.ignores = List.copyOf(ignores);
    }

    /**
     * Examines every file of a folder and its sub-folders (hidden ones left out), in path order.
     *
     * @throws EntreeInvalide naming the folder when it does not exist
     * @throws UncheckedIOException when it cannot be listed
     */
    public static FichiersOfficiels reconnaitre(Path dossier) {
        if (!Files.isDirectory(dossier)) {
            throw new EntreeInvalide(dossier.toString(), 0, (Files.exists(dossier) ? "ce n'est pas un dossier"
                    : "dossier introuvable") + " : donner le dossier des fichiers officiels (--depuis DOSSIER)"
                    + " ou chaque fichier (--fichier NATURE=CHEMIN)");
        }
        var reconnus = new ArrayList<Reconnu>();
        var ignores = new ArrayList<Ignore>();
        try (Stream<Path> fichiers = Files.walk(dossier)) {
            fichiers.filter(Files::isRegularFile)
                    .filter(f -> !cache(dossier.relativize(f)))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(fichier -> {
                        Examen examen = examiner(fichier, null);
                        if (examen.forme() != null) {
                            reconnus.add(new Reconnu(fichier, examen.forme(), false, (int) Math.max(1, examen.ligne())));
                        } else {
                            ignores.add(new Ignore(fichier, examen.raison()));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dossier, e);
        }
        return new FichiersOfficiels(dossier, reconnus, ignores);
    }

    /** No file yet: the files will all be imposed. */
    public static FichiersOfficiels aucun() {
        return new FichiersOfficiels(null, List.of(), List.of());
    }

    /**
     * These files, with one more imposed as a nature: it replaces the files of that nature that
     * were recognised in the folder (not those imposed before: several files of a nature may be
     * imposed, e.g. one per département), and is no longer counted as another nature or as ignored.
     *
     * @throws EntreeInvalide naming the file (and line 1 for a CSV header), in French, when it does
     *     not exist or cannot be read as that nature, e.g. a column it needs is missing
     */
    public FichiersOfficiels imposer(NatureFichier nature, Path chemin) {
        if (!Files.isRegularFile(chemin)) {
            throw new EntreeInvalide(chemin.toString(), 0, (Files.isDirectory(chemin) ? "c'est un dossier"
                    : "fichier introuvable") + " (--fichier " + nature.mot() + "=CHEMIN attend un fichier)");
        }
        Examen examen = examiner(chemin, nature);
        if (examen.forme() == null) {
            throw new EntreeInvalide(chemin.toString(), examen.ligne(), "ne se lit pas comme « " + nature.libelle()
                    + " » (--fichier " + nature.mot() + ") : " + examen.raison());
        }
        Path normalise = chemin.toAbsolutePath().normalize();
        var nouveaux = new ArrayList<Reconnu>();
        for (Reconnu r : reconnus) {
            boolean remplace = r.nature() == nature && !r.impose();
            if (!remplace && !r.chemin().toAbsolutePath().normalize().equals(normalise)) {
                nouveaux.add(r);
            }
        }
        nouveaux.add(new Reconnu(chemin, examen.forme(), true, (int) Math.max(1, examen.ligne())));
        List<Ignore> restants = ignores.stream()
                .filter(i -> !i.chemin().toAbsolutePath().normalize().equals(normalise))
                .toList();
        return new FichiersOfficiels(dossier, nouveaux, restants);
    }

    /** The files recognised or imposed, in the order they were found or given. */
    List<Reconnu> reconnus() {
        return reconnus;
    }

    /** The files of a folder that were not recognised, with why. */
    List<Ignore> ignores() {
        return ignores;
    }

    /** The files of one nature. */
    List<Reconnu> de(NatureFichier nature) {
        return reconnus.stream().filter(r -> r.nature() == nature).toList();
    }

    /** Whether some file has this nature. */
    boolean a(NatureFichier nature) {
        return reconnus.stream().anyMatch(r -> r.nature() == nature);
    }

    /** The folder searched, for a message, or {@code null} when the files were all given one by one. */
    String ou() {
        return dossier == null ? null : dossier.toString();
    }

    /** The names of the files of a nature, for a message: "a.csv, b.csv". */
    String noms(NatureFichier nature) {
        return String.join(", ", de(nature).stream().map(r -> r.chemin().getFileName().toString()).toList());
    }

    /**
     * What was recognised and what was not, in French, one line per file, then the natures
     * missing: those required, and what the pack will lack without the others.
     *
     * @param requises the natures the import needs
     */
    public List<String> compteRendu(Set<NatureFichier> requises) {
        var lignes = new ArrayList<String>();
        lignes.add(reconnus.isEmpty() ? "Aucun fichier reconnu." : "Fichiers reconnus :");
        for (Reconnu r : reconnus) {
            lignes.add("  " + affiche(r.chemin()) + " → " + r.nature().mot() + " : " + r.forme().libelle()
                    + (r.ligneEntete() > 1 ? ", en-tête ligne " + r.ligneEntete() : "")
                    + (r.impose() ? ", imposé par --fichier" : ""));
        }
        if (!ignores.isEmpty()) {
            lignes.add("Fichiers non reconnus, ignorés :");
            ignores.forEach(i -> lignes.add("  " + affiche(i.chemin()) + " : " + i.raison()));
        }
        for (NatureFichier nature : NatureFichier.values()) {
            if (a(nature)) {
                continue;
            }
            if (requises.contains(nature)) {
                lignes.add("Manquant, obligatoire : aucun fichier « " + nature.libelle() + " » (--fichier "
                        + nature.mot() + "=CHEMIN).");
            } else if (!nature.variables().isEmpty()) {
                lignes.add("Aucun fichier « " + nature.libelle() + " » : " + enumeration(nature.variables())
                        + (nature.variables().size() > 1 ? " seront absentes" : " sera absente") + " du pack.");
            }
        }
        return lignes;
    }

    /** "a, b et c", in French. */
    static String enumeration(List<String> elements) {
        if (elements.size() <= 1) {
            return String.join("", elements);
        }
        return String.join(", ", elements.subList(0, elements.size() - 1)) + " et " + elements.get(elements.size() - 1);
    }

    /** A path as the person gave it: relative to the folder searched when it lies in it. */
    String affiche(Path chemin) {
        return dossier != null && chemin.startsWith(dossier) ? dossier.relativize(chemin).toString() : chemin.toString();
    }

    private static boolean cache(Path relatif) {
        for (Path element : relatif) {
            if (element.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Recognises a file from its first bytes: its format, or why it has none. With a nature
     * imposed, only the formats of that nature are tried, and a CSV needs their required columns,
     * not their signature.
     */
    private static Examen examiner(Path fichier, NatureFichier imposee) {
        byte[] debut;
        try (InputStream octets = Files.newInputStream(fichier)) {
            debut = octets.readNBytes(OCTETS_EXAMINES);
        } catch (IOException e) {
            return Examen.refus("illisible (" + e.getMessage() + ")");
        }
        if (debut.length == 0) {
            return Examen.refus("fichier vide");
        }
        if (debut.length >= 4 && debut[0] == 'P' && debut[1] == 'K' && debut[2] == 3 && debut[3] == 4) {
            return Examen.refus("archive zip ou classeur Excel (.xlsx) : décompresser l'archive, ou enregistrer la"
                    + " feuille utile du classeur en CSV");
        }
        if (debut.length >= 4 && (debut[0] & 0xFF) == 0xD0 && (debut[1] & 0xFF) == 0xCF && (debut[2] & 0xFF) == 0x11
                && (debut[3] & 0xFF) == 0xE0) {
            return Examen.refus("classeur Excel (.xls) : enregistrer la feuille utile en CSV");
        }
        boolean utf16 = debut.length >= 2 && ((debut[0] & 0xFF) == 0xFF || (debut[0] & 0xFF) == 0xFE);
        if (!utf16 && new String(debut, TableCsv.WINDOWS_1252).indexOf('\0') >= 0) {
            return Examen.refus("fichier binaire, ni CSV ni JSON");
        }
        char premier = premierCaractere(debut);
        Examen examen = premier == '{' || premier == '[' ? examinerJson(fichier) : examinerCsv(fichier, imposee);
        if (imposee != null && examen.forme() != null && examen.forme().nature() != imposee) {
            return Examen.refus("c'est un fichier « " + examen.forme().libelle() + " »");
        }
        return examen;
    }

    private static char premierCaractere(byte[] debut) {
        String texte = new String(debut, TableCsv.WINDOWS_1252).replace("ï»¿", "");
        for (int i = 0; i < texte.length(); i++) {
            if (!Character.isWhitespace(texte.charAt(i))) {
                return texte.charAt(i);
            }
        }
        return ' ';
    }

    /**
     * A CSV: the first of its first lines that is the header of a format (a spreadsheet's sheet
     * saved as CSV may have a title and notes above it), else why none, from the closest line.
     */
    private static Examen examinerCsv(Path fichier, NatureFichier imposee) {
        List<String> lignes;
        try {
            lignes = TableCsv.premieresLignes(fichier, LIGNES_AVANT_ENTETE + 1);
        } catch (UncheckedIOException e) {
            return Examen.refus("illisible (" + e.getCause().getMessage() + ")");
        }
        Examen proche = null;
        for (int i = 0; i < lignes.size(); i++) {
            if (lignes.get(i).isBlank()) {
                continue;
            }
            Examen examen = examinerEntete(fichier, lignes.get(i), i + 1, imposee);
            if (examen.forme() != null) {
                return examen;
            }
            if (proche == null || examen.ecart() < proche.ecart()) {
                proche = examen;
            }
        }
        return proche != null ? proche : Examen.refus("première ligne vide : une ligne d'en-tête est attendue", 1,
                Integer.MAX_VALUE);
    }

    private static Examen examinerEntete(Path fichier, String entete, int ligne, NatureFichier imposee) {
        List<String> colonnes;
        try {
            colonnes = TableCsv.colonnes(entete, TableCsv.separateur(entete), fichier);
        } catch (EntreeInvalide e) {
            return Examen.refus(e.raison(), ligne, Integer.MAX_VALUE);
        }
        if (imposee != null) {
            return examinerColonnes(colonnes, imposee, ligne);
        }
        for (FormeFichier forme : FormeFichier.csvs().toList()) {
            if (forme.signee(colonnes)) {
                List<String> manquantes = forme.manquantes(colonnes);
                return manquantes.isEmpty() ? Examen.de(forme, ligne) : Examen.refus("ressemble à « " + forme.libelle()
                        + " », mais " + colonnesManquantes(manquantes, colonnes), ligne, manquantes.size());
            }
        }
        return Examen.refus(colonnes.size() < 2
                ? "pas un tableau CSV (une seule colonne lue : « " + TableCsv.citer(colonnes) + " »)"
                : "en-tête non reconnu (colonnes lues : " + TableCsv.citer(colonnes) + ")", ligne, Integer.MAX_VALUE);
    }

    /** The first format of the nature whose required columns the header has, else why none (the closest one). */
    private static Examen examinerColonnes(List<String> colonnes, NatureFichier nature, int ligne) {
        List<FormeFichier> formes = FormeFichier.csvs().filter(f -> f.nature() == nature).toList();
        if (formes.isEmpty()) {
            return Examen.refus("un fichier JSON est attendu");
        }
        FormeFichier proche = formes.get(0);
        for (FormeFichier forme : formes) {
            if (forme.manquantes(colonnes).isEmpty()) {
                return Examen.de(forme, ligne);
            }
            if (forme.manquantes(colonnes).size() < proche.manquantes(colonnes).size()) {
                proche = forme;
            }
        }
        List<String> manquantes = proche.manquantes(colonnes);
        return Examen.refus(colonnesManquantes(manquantes, colonnes) + " (colonnes lues : " + TableCsv.citer(colonnes) + ")",
                ligne, manquantes.size());
    }

    /**
     * "colonnes manquantes : P21_POP (le fichier a P22_POP : un autre millésime ?)": the hint names
     * the columns that differ from a missing one by their digits only.
     */
    private static String colonnesManquantes(List<String> manquantes, List<String> colonnes) {
        List<String> voisines = colonnes.stream()
                .filter(c -> manquantes.stream().anyMatch(m -> sansChiffres(m).equals(sansChiffres(c))))
                .toList();
        return (manquantes.size() == 1 ? "colonne manquante : " : "colonnes manquantes : ") + String.join(", ", manquantes)
                + (voisines.isEmpty() ? "" : " (le fichier a " + TableCsv.citer(voisines) + " : un autre millésime ?)");
    }

    private static String sansChiffres(String colonne) {
        return colonne.replaceAll("\\d", "").toLowerCase(Locale.ROOT);
    }

    /** A JSON file: commune contours (GeoJSON), or Etalab's lists of communes or EPCI; only its start is read. */
    private static Examen examinerJson(Path fichier) {
        try (JsonParser json = JsonSerde.MAPPER.createParser(fichier.toFile())) {
            JsonToken racine = json.nextToken();
            if (racine == JsonToken.START_ARRAY) {
                return json.nextToken() == JsonToken.START_OBJECT ? examinerListe(json.readValueAsTree())
                        : Examen.refus("tableau JSON vide ou sans objets");
            }
            String type = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String membre = json.currentName();
                JsonToken valeur = json.nextToken();
                if (membre.equals("territoire") || membre.equals("sourceContours")) {
                    return Examen.refus("pack de territoire (fait par croisements import), pas un fichier officiel");
                } else if (membre.equals("type") && valeur == JsonToken.VALUE_STRING) {
                    type = json.getText();
                } else if (membre.equals("features") && valeur == JsonToken.START_ARRAY) {
                    return json.nextToken() == JsonToken.START_OBJECT ? examinerContour(json.readValueAsTree())
                            : Examen.refus("collection GeoJSON vide");
                } else {
                    json.skipChildren();
                }
            }
            return Examen.refus("Feature".equals(type)
                    ? "un seul contour (Feature) : une collection de contours de communes (FeatureCollection) est attendue"
                    : "JSON sans contours de communes (pas de membre features) ni liste de communes ou d'EPCI");
        } catch (JsonProcessingException e) {
            return Examen.refus(RaisonJson.de(e));
        } catch (java.io.CharConversionException e) {
            return Examen.refus(RaisonJson.ENCODAGE);
        } catch (IOException e) {
            return Examen.refus("illisible (" + e.getMessage() + ")");
        }
    }

    private static Examen examinerContour(JsonNode feature) {
        JsonNode properties = feature.path("properties");
        if (IrisLus.proprieteCode(properties) != null) {
            return Examen.de(FormeFichier.CONTOURS_IRIS_GEOJSON, 0);
        }
        if (properties.has("IRIS")) {
            return Examen.refus("contours d'IRIS sans code IRIS sur 9 caractères (propriété CODE_IRIS attendue)");
        }
        if (ContoursCommunes.proprieteCode(properties) == null) {
            var lues = new ArrayList<String>();
            properties.fieldNames().forEachRemaining(lues::add);
            return Examen.refus("GeoJSON sans code commune dans les propriétés (attendu : "
                    + String.join(" ou ", ContoursCommunes.PROPRIETES_CODE.subList(0, 2)) + " ; propriétés lues : "
                    + (lues.isEmpty() ? "aucune" : TableCsv.citer(lues)) + ")");
        }
        return Examen.de(FormeFichier.CONTOURS_GEOJSON, 0);
    }

    private static Examen examinerListe(JsonNode element) {
        if (element.has("membres") && element.has("code")) {
            return Examen.de(FormeFichier.EPCI_ETALAB, 0);
        }
        String type = element.path("type").asText("");
        if (element.has("code") && element.has("nom")
                && (element.has("departement") || type.startsWith("commune-") || type.startsWith("arrondissement-"))) {
            return Examen.de(FormeFichier.COMMUNES_ETALAB, 0);
        }
        var cles = new ArrayList<String>();
        element.fieldNames().forEachRemaining(cles::add);
        return Examen.refus("tableau JSON non reconnu (clés du premier élément : " + TableCsv.citer(cles) + ")");
    }
}
