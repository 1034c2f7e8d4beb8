package fr.croisements.datasets;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads car parks from a schema.data.gouv.fr "stationnement" CSV ({@link SchemaStationnement},
 * version 0.1.5): the schema's own columns ({@code ,}) or the national base variant ({@code ;},
 * CRLF, an extra {@code id_source} column); the separator is read from the header line, the
 * encoding as {@link TableCsv} says (UTF-8 with or without BOM, else Windows-1252).
 *
 * <p>Every rule of the schema is checked. What a row needs to be placed on a map and joined to its
 * commune is <b>blocking</b>: the row is skipped and reported (file, line, reason in French):
 * <ul>
 *   <li>a wrong number of fields;</li>
 *   <li>{@code id} missing, not {@code <code INSEE>-P-<3 digits>}, or already used in the file;
 *       {@code nom} missing;</li>
 *   <li>{@code insee} missing or not matching {@code ^([013-9]\d|2[AB1-9])\d{3}$} (a code that lost its
 *       leading zero, {@code 1053}, or a lower-case Corsican code, {@code 2a004}, is repaired with a
 *       warning, see {@link CodesInsee});</li>
 *   <li>{@code Xlong}/{@code Ylat} missing, not numbers, or out of range;</li>
 *   <li>a count ({@code integer} field) that is not a whole number ≥ 0, a price ({@code number}
 *       field) that is not a number ≥ 0.</li>
 * </ul>
 * A departure from the schema in a descriptive field keeps the row, with a <b>warning</b> naming
 * the value, and the value left empty or normalised as the warning says: a required field left
 * empty ({@code nb_places}, {@code gratuit}, {@code hauteur_max}, {@code num_siret},
 * {@code type_usagers}), a value outside an enum (matched ignoring case, accents and spaces when
 * possible: {@code Enclos en surface} is {@code enclos_en_surface}), {@code gratuit} as
 * {@code Y}/{@code N}/{@code oui}/{@code non}, a height in metres ({@code 2.00m} is 200 cm), a
 * price with a decimal comma, a SIRET that is not 14 digits, a {@code url} that is not an
 * absolute URI. Real files depart from the schema this way (La Rochelle's export does in most
 * rows), and dropping their car parks would hide real places.
 *
 * <p>It also generates the <b>car-park packs</b> of the shipped territories ({@link #generer},
 * {@link #ecrire}; loaded by {@link Parkings}) from the official files of {@link #FICHIERS_OFFICIELS},
 * as {@link TerritoireImporter} generates the territory packs. Stateless and thread-safe.
 */
public final class ParkingImporter {

    private static final Logger log = LoggerFactory.getLogger(ParkingImporter.class);

    /** Folder of the car-park files, in the folder of official files. */
    public static final String DOSSIER_OFFICIEL = "parking";

    /**
     * The official schema-stationnement files the car-park packs are generated from (in
     * {@value #DOSSIER_OFFICIEL}/), each with its source as {@code shared/datasets/SOURCES.md} documents it.
     */
    public static final Map<String, Source> FICHIERS_OFFICIELS = fichiersOfficiels();

    private static final Set<String> OUI = Set.of("y", "yes", "o", "oui");
    private static final Set<String> NON = Set.of("n", "no", "non");
    private static final Pattern METRES = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*m");

    private ParkingImporter() {}

    private static Map<String, Source> fichiersOfficiels() {
        var fichiers = new LinkedHashMap<String, Source>();
        fichiers.put("la_rochelle_parkings_schema_stationnement.csv", new Source("Parkings (La Rochelle OpenData)",
                "Communauté d'agglomération de La Rochelle", "2024", "Licence Ouverte 2.0", false));
        fichiers.put("poitiers_parkings_bnls_2022.csv", new Source("Base nationale des lieux de stationnement",
                "transport.data.gouv.fr (données de la Ville de Poitiers)", "2022", "Licence Ouverte 2.0 (non vérifiée)",
                false));
        return Collections.unmodifiableMap(fichiers);
    }

    /**
     * Generates the car-park packs in memory: every car park of the {@link #FICHIERS_OFFICIELS}, with its
     * file's source, in the pack of the shipped territory ({@link Territoires}) holding its commune. A car
     * park whose commune is in no shipped territory is left out (logged); rows the importer skips are
     * logged as {@link #lire} does.
     *
     * @param depuis the folder of official files (its {@value #DOSSIER_OFFICIEL}/ folder is read)
     * @return pack text by territory id, sorted by id; only territories with at least one car park
     * @throws UncheckedIOException naming the file when one cannot be read
     * @throws IllegalStateException naming the file when it is empty or lacks a required column
     */
    public static SortedMap<String, String> generer(Path depuis) {
        var parTerritoire = new TreeMap<String, SortedMap<String, List<ParcStationnement>>>();
        for (var fichier : FICHIERS_OFFICIELS.entrySet()) {
            for (Parking parking : lire(depuis.resolve(DOSSIER_OFFICIEL).resolve(fichier.getKey())).valeurs()) {
                String territoire = Territoires.ids().stream()
                        .filter(id -> Territoires.charger(id).commune(parking.codeInsee()).isPresent())
                        .findFirst().orElse(null);
                if (territoire == null) {
                    log.warn("{}: car park {} is in commune {}, in no shipped territory: left out of the packs",
                            fichier.getKey(), parking.id(), parking.codeInsee());
                    continue;
                }
                parTerritoire.computeIfAbsent(territoire, t -> new TreeMap<>())
                        .computeIfAbsent(fichier.getKey(), f -> new ArrayList<>())
                        .add(parking.parc(fichier.getValue()));
            }
        }
        var packs = new TreeMap<String, String>();
        parTerritoire.forEach((territoire, parFichier) -> {
            var pack = new PackParkings(territoire, parFichier);
            packs.put(territoire, pack.ecrire());
            log.info("Car-park pack {}: {} car parks ({} with a capacity, {} places) from {}", territoire,
                    pack.parkings().size(), pack.parkings().stream().filter(p -> p.capacite() != null).count(),
                    pack.parkings().stream().filter(p -> p.capacite() != null).mapToInt(ParcStationnement::capacite).sum(),
                    parFichier.keySet());
        });
        return Collections.unmodifiableSortedMap(packs);
    }

    /**
     * Generates the car-park packs and writes each as {@code <territoire>.geojson} (UTF-8) in a folder,
     * created if needed; existing packs are overwritten, other files left alone.
     *
     * @return the written files, sorted by territory id
     */
    public static List<Path> ecrire(Path depuis, Path versDossier) {
        var ecrits = new ArrayList<Path>();
        try {
            Files.createDirectories(versDossier);
            for (var pack : generer(depuis).entrySet()) {
                Path fichier = versDossier.resolve(pack.getKey() + ".geojson");
                Files.writeString(fichier, pack.getValue(), StandardCharsets.UTF_8);
                ecrits.add(fichier);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the car-park packs to " + versDossier, e);
        }
        log.info("Wrote {} car-park packs to {}", ecrits.size(), versDossier);
        return List.copyOf(ecrits);
    }

    /**
     * Reads, checks and parses every car park of a file; skipped rows and warnings are in the
     * result's {@link ImportCsv#signalements()} (and logged as warnings).
     *
     * @throws IllegalStateException naming the file when it is empty or lacks a required column
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static ImportCsv<Parking> lire(Path fichier) {
        Set<String> ids = new HashSet<>();
        ImportCsv<Parking> lu = TableCsv.importer(fichier, null, SchemaStationnement.REQUIS, row -> {
            Lecture<Parking> lecture = parse(row);
            if (!lecture.estRejet() && !ids.add(lecture.valeur().id())) {
                return Lecture.rejet("identifiant « " + lecture.valeur().id() + " » déjà utilisé plus haut dans le fichier"
                        + " (clé primaire du schéma)");
            }
            return lecture;
        });
        // a skipped row is a WARN; a departure kept with a remark (102 in La Rochelle's file) only at DEBUG,
        // counted in the INFO summary below
        lu.signalements().forEach(s -> {
            if (s.gravite() == Signalement.Gravite.REJET) {
                log.warn("{}", s);
            } else {
                log.debug("{}", s);
            }
        });
        log.info("{}: {} car parks read, {} rows skipped, {} warnings", lu.fichier(), lu.valeurs().size(),
                lu.rejets().size(), lu.avertissements().size());
        return lu;
    }

    /** Pure: one row to a car park, or the reason it is skipped; see the class comment for the rules. */
    static Lecture<Parking> parse(CSVRecord row) {
        var avertissements = new ArrayList<String>();
        String id = TableCsv.valeur(row, "id");
        if (id == null) {
            return Lecture.rejet("identifiant absent (colonne id, obligatoire)");
        }
        if (!id.matches(SchemaStationnement.MOTIFS.get("id"))) {
            return Lecture.rejet("identifiant « " + id + " » hors du format du schéma (<code INSEE>-P-<3 chiffres>,"
                    + " par exemple 86194-P-001)");
        }
        String nom = TableCsv.valeur(row, "nom");
        if (nom == null) {
            return Lecture.rejet("nom absent pour le parking " + id + " (colonne nom, obligatoire)");
        }
        avertissements.addAll(CodesInsee.espaces(TableCsv.brut(row, "id"), "identifiant", "id"));
        Lecture<String> insee = CodesInsee.codeCommune(TableCsv.brut(row, "insee"), "insee");
        if (insee.estRejet()) {
            return Lecture.rejet(insee.raison());
        }
        avertissements.addAll(insee.avertissements());
        var nombres = new HashMap<String, Double>();
        for (var champ : SchemaStationnement.NOMBRES.entrySet()) {
            String raison = nombre(row, champ.getKey(), champ.getValue(), nombres, avertissements);
            if (raison != null) {
                return Lecture.rejet(raison);
            }
        }
        if (nombres.get("Xlong") == null || nombres.get("Ylat") == null) {
            return Lecture.rejet("coordonnées absentes (colonnes Xlong et Ylat, obligatoires)");
        }
        var entiers = new HashMap<String, Integer>();
        for (String champ : SchemaStationnement.ENTIERS) {
            String valeur = TableCsv.valeur(row, champ);
            if (valeur == null) {
                continue;
            }
            if (!valeur.matches("\\d{1,9}")) {
                return Lecture.rejet("« " + valeur + " » n'est pas un nombre entier positif dans la colonne " + champ);
            }
            entiers.put(champ, Integer.valueOf(valeur));
        }
        if (entiers.get("nb_places") == null) {
            avertissements.add("nombre de places absent (colonne nb_places, obligatoire) : laissé vide");
        }
        for (String champ : List.of("type_usagers", "num_siret")) {
            if (TableCsv.valeur(row, champ) == null) {
                avertissements.add("colonne " + champ + " vide (obligatoire dans le schéma)");
            }
        }
        enumeration(row, "type_usagers", avertissements); // checked, not kept in Parking
        String siret = TableCsv.valeur(row, "num_siret");
        if (siret != null && !siret.matches(SchemaStationnement.MOTIFS.get("num_siret"))) {
            avertissements.add("SIRET « " + siret + " » hors du format du schéma (14 chiffres)");
        }
        String url = TableCsv.valeur(row, "url");
        if (url != null && !estUri(url)) {
            avertissements.add("url « " + url + " » qui n'est pas une adresse absolue (http://…)");
        }
        var tarifs = new Parking.Tarifs(
                enumeration(row, "tarif_pmr", avertissements),
                nombres.get("tarif_1h"),
                nombres.get("tarif_2h"),
                nombres.get("tarif_3h"),
                nombres.get("tarif_4h"),
                nombres.get("tarif_24h"),
                nombres.get("abo_resident"),
                nombres.get("abo_non_resident"));
        return Lecture.de(new Parking(
                id,
                nom,
                insee.valeur(),
                TableCsv.valeur(row, "adresse"),
                entiers.get("nb_places"),
                entiers.get("nb_pr"),
                entiers.get("nb_pmr"),
                entiers.get("nb_voitures_electriques"),
                hauteur(TableCsv.valeur(row, "hauteur_max"), avertissements),
                nombres.get("Xlong"),
                nombres.get("Ylat"),
                enumeration(row, "type_ouvrage", avertissements),
                gratuit(TableCsv.valeur(row, SchemaStationnement.GRATUIT), avertissements),
                tarifs,
                TableCsv.valeur(row, SchemaStationnement.ID_SOURCE)), avertissements);
    }

    /** Reads a number field into {@code nombres}; returns the reason to reject the row, or {@code null}. */
    private static String nombre(CSVRecord row, String champ, Double[] bornes, Map<String, Double> nombres,
            List<String> avertissements) {
        String valeur = TableCsv.valeur(row, champ);
        if (valeur == null) {
            return null;
        }
        String lu = valeur;
        if (valeur.matches("-?\\d+,\\d+")) {
            lu = valeur.replace(',', '.');
            avertissements.add("« " + valeur + " » lu comme " + lu + " dans la colonne " + champ
                    + " (le schéma attend un point décimal)");
        }
        if (!lu.matches("-?\\d+(\\.\\d+)?")) {
            return "« " + valeur + " » n'est pas un nombre dans la colonne " + champ;
        }
        double nombre = Double.parseDouble(lu);
        if ((bornes[0] != null && nombre < bornes[0]) || (bornes[1] != null && nombre > bornes[1])) {
            return valeur + " hors des bornes de la colonne " + champ + " (" + (bornes[0] == null ? "" : "minimum "
                    + bornes[0]) + (bornes[1] == null ? "" : ", maximum " + bornes[1]) + ")";
        }
        nombres.put(champ, nombre);
        return null;
    }

    /** The schema's enum value of a field, matched exactly or ignoring case, accents and spaces (with a warning). */
    private static String enumeration(CSVRecord row, String champ, List<String> avertissements) {
        String valeur = TableCsv.valeur(row, champ);
        List<String> permises = SchemaStationnement.ENUMS.get(champ);
        if (valeur == null || permises.contains(valeur)) {
            return valeur;
        }
        for (String permise : permises) {
            if (normalise(permise).equals(normalise(valeur))) {
                avertissements.add("« " + valeur + " » lu comme « " + permise + " » dans la colonne " + champ);
                return permise;
            }
        }
        avertissements.add("« " + valeur + " » hors des valeurs du schéma pour la colonne " + champ + " ("
                + String.join(", ", permises) + ") : laissé vide");
        return null;
    }

    private static Boolean gratuit(String valeur, List<String> avertissements) {
        if (valeur == null) {
            avertissements.add("colonne gratuit vide (obligatoire dans le schéma) : laissée vide");
            return null;
        }
        if (SchemaStationnement.VRAI.contains(valeur)) {
            return true;
        }
        if (SchemaStationnement.FAUX.contains(valeur)) {
            return false;
        }
        String bas = valeur.toLowerCase(Locale.ROOT);
        if (OUI.contains(bas) || NON.contains(bas)) {
            boolean vrai = OUI.contains(bas);
            avertissements.add("gratuit « " + valeur + " » lu comme " + vrai + " (le schéma attend true/false, 1/0"
                    + " ou vrai/faux)");
            return vrai;
        }
        avertissements.add("gratuit « " + valeur + " » hors des valeurs du schéma (true/false, 1/0, vrai/faux) : laissé vide");
        return null;
    }

    /** No car park lets through a vehicle higher than this (a height in metres beyond it is a typing error). */
    static final int HAUTEUR_MAX_CM = 99_99;

    /** Height in cm: digits as is, {@code N/A} as none, metres ({@code 2.00m}) converted with a warning. */
    private static Integer hauteur(String valeur, List<String> avertissements) {
        if (valeur == null) {
            avertissements.add("hauteur maximale vide (colonne hauteur_max obligatoire, N/A si sans objet) : laissée vide");
            return null;
        }
        if (valeur.equals("N/A")) {
            return null;
        }
        if (valeur.matches("\\d{1,4}")) {
            return Integer.valueOf(valeur);
        }
        var metres = METRES.matcher(valeur);
        if (metres.matches()) {
            BigDecimal centimetres = new BigDecimal(metres.group(1).replace(',', '.')).movePointRight(2)
                    .setScale(0, RoundingMode.HALF_UP);
            if (centimetres.compareTo(BigDecimal.valueOf(HAUTEUR_MAX_CM)) > 0) {
                avertissements.add("hauteur « " + valeur + " » invraisemblable (plus de " + HAUTEUR_MAX_CM / 100
                        + " m) : laissée vide");
                return null;
            }
            int cm = centimetres.intValueExact();
            avertissements.add("hauteur « " + valeur + " » lue comme " + cm + " cm (le schéma attend des centimètres)");
            return cm;
        }
        avertissements.add("hauteur « " + valeur + " » hors du format du schéma (centimètres ou N/A) : laissée vide");
        return null;
    }

    private static boolean estUri(String valeur) {
        try {
            URI uri = new URI(valeur);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String normalise(String valeur) {
        return Normalizer.normalize(valeur, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip().replaceAll("[\\s-]+", "_");
    }
}
