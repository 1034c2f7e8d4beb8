package fr.croisements.ingest.parking;

import fr.croisements.datasets.ImportCsv;
import fr.croisements.datasets.Parking;
import fr.croisements.datasets.ParkingImporter;
import fr.croisements.datasets.Signalement;
import fr.croisements.events.EntreeInvalide;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.csv.Correspondance;
import fr.croisements.ingest.csv.Envois;
import fr.croisements.ingest.csv.LignesCsv;
import fr.croisements.ingest.csv.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a file of car parks to the compacted topic {@code ref-parkings}, one
 * {@link ParcStationnement} per valid row (key = car park id), and each rejected row to {@code rejets}.
 *
 * <p>Two layouts, told from the header:
 * <ul>
 *   <li>a schema.data.gouv.fr "stationnement" file (0.1.5, or the national base with {@code id_source}),
 *       read and checked by {@link ParkingImporter}: its blocking problems are rejects, its warnings
 *       (values normalised or left empty) are logged and the row is kept;</li>
 *   <li>a feed's own list of car parks, recognised by a {@code parking_id} column (the layout of
 *       {@code montpellier_parkings.csv}): {@code parking_id, nom, lat, lon} required;
 *       {@code capacite}, or {@code places_totales_min}/{@code places_totales_max} (the larger is kept),
 *       and {@code insee} optional. Its ids are the feed's, so that its occupancy series joins.</li>
 * </ul>
 * The {@link Source} of each car park is the producer of the file as documented in
 * {@code shared/datasets/SOURCES.md} for the files we know by name, else "fichier importé".
 *
 * <p>Identity: the key is the car park's id as its file gives it, so that occupancy observations, keyed
 * by the same id, join it. An id names one car park: given the car parks already on {@code ref-parkings}
 * ({@link ParcsPublies}), a car park of another source is never published over the one there (a conflict
 * is rejected, the same car park is a warning), and each commune where a file's car parks join another
 * source's is named in a warning.
 *
 * <p>Record timestamp: left to the producer (the time of publication): a car park has no event time.
 * Rejects: key = file name, position {@code fichier.csv:LINE} (header = line 1), French reason, the
 * raw line. Send failures are thrown as {@link KafkaException}. Stateless apart from its clock.
 */
public final class ParkingsAdapter {

    private static final Logger log = LoggerFactory.getLogger(ParkingsAdapter.class);

    /** Columns the schema requires ({@code "required": true}); without one, a file cannot be imported. */
    static final List<String> COLONNES_SCHEMA = List.of("id", "nom", "insee", "type_usagers", "gratuit", "nb_places",
            "hauteur_max", "num_siret", "Xlong", "Ylat");
    private static final Role ID = new Role("id", "parking_id", List.of("id", "identifiant", "code", "ref"));
    private static final Role NOM = new Role("nom", "nom", List.of("name", "libelle", "label", "nom_parking"));
    private static final Role LONGITUDE = new Role("longitude", "lon", List.of("longitude", "lng", "long", "x", "xlong"));
    private static final Role LATITUDE = new Role("latitude", "lat", List.of("latitude", "y", "ylat"));
    private static final Role CAPACITE = new Role("capacite", "capacite",
            List.of("max", "total", "capacity", "places", "nb_places"));
    private static final Role INSEE = new Role("insee", "insee", List.of("code_insee", "insee_code", "code_commune", "commune"));
    /** The roles {@code --colonne} may name for a list of car parks, in the order the help lists them. */
    public static final List<Role> ROLES = List.of(ID, NOM, LONGITUDE, LATITUDE, CAPACITE, INSEE);
    /** Columns a feed's list of car parks requires. */
    static final List<Role> REQUIS_LISTE = List.of(ID, NOM, LATITUDE, LONGITUDE);

    /** Commune of the Montpellier feed's car parks (Montpellier, COG 34172). */
    static final String INSEE_MONTPELLIER = "34172";

    /** A file documented in SOURCES.md: who produced it, and the commune of a feed list that has no insee column. */
    record FichierConnu(Source source, String codeInseeParDefaut) {}

    /** The official files of the shipped car-park packs (their sources are the packs'), and the Montpellier feed list. */
    static final Map<String, FichierConnu> FICHIERS_CONNUS = fichiersConnus();

    private final Clock horloge;
    private final Correspondance colonnes;

    public ParkingsAdapter() {
        this(Correspondance.AUCUNE);
    }

    /**
     * Reading a list of car parks whose columns bear other names than ours ({@code --colonne nom=libelle});
     * with a mapping, a file is read as such a list, never as a schema-stationnement file.
     *
     * @throws IllegalArgumentException in French when the mapping names a role this adapter does not know
     */
    public ParkingsAdapter(Correspondance colonnes) {
        this(Clock.systemUTC(), colonnes);
    }

    private static Map<String, FichierConnu> fichiersConnus() {
        var connus = new HashMap<String, FichierConnu>();
        ParkingImporter.FICHIERS_OFFICIELS.forEach((fichier, source) -> connus.put(fichier, new FichierConnu(source, null)));
        connus.put("montpellier_parkings.csv", new FichierConnu(new Source(
                "Parkings en ouvrage (API offstreetparking, relevés du dépôt parkingsdimopoulos)",
                "Montpellier Méditerranée Métropole", "2026", "non vérifiée (ODbL probable)", false), INSEE_MONTPELLIER));
        return Map.copyOf(connus);
    }

    /** With the clock that dates rejects, for tests. */
    ParkingsAdapter(Clock horloge) {
        this(horloge, Correspondance.AUCUNE);
    }

    ParkingsAdapter(Clock horloge, Correspondance colonnes) {
        this.horloge = Objects.requireNonNull(horloge, "horloge");
        this.colonnes = colonnes.verifier("stationnement", ROLES);
    }

    /**
     * Publishes a file as if no car park were published yet (a fresh topic); its name is the source of the rejects.
     *
     * @throws IOException when the file cannot be read
     * @throws KafkaException when a record cannot be sent; what was sent before stays sent
     */
    public Bilan publier(Path fichier, Producer<String, ParcStationnement> parcs, Producer<String, Rejet> rejets)
            throws IOException {
        return publier(fichier, ParcsPublies.aucun(), parcs, rejets);
    }

    /**
     * Publishes a file; its name is the source of the rejects. A car park whose id another source already
     * published is never published over it ({@link ParcsPublies#examiner}): a different car park is a
     * conflict, rejected with its line; the same car park is a warning. A warning also names each commune
     * where the car parks published join those of another source.
     *
     * @param dejaPublies the car parks on {@code ref-parkings} before this file
     * @throws IOException when the file cannot be read
     * @throws KafkaException when a record cannot be sent; what was sent before stays sent
     */
    public Bilan publier(Path fichier, ParcsPublies dejaPublies, Producer<String, ParcStationnement> parcs,
            Producer<String, Rejet> rejets) throws IOException {
        String nom = fichier.getFileName().toString();
        List<String> lignes = LignesCsv.lignes(LignesCsv.decoder(Files.readAllBytes(fichier)));
        FichierLu fichierLu = lireAvecLignes(fichier, colonnes);
        ImportCsv<ParcStationnement> lu = fichierLu.lu();
        var envois = new Envois<>(nom, Topics.REF_PARKINGS, parcs, ParcStationnement::id, null, rejets, horloge);
        var publies = new ArrayList<ParcStationnement>();
        for (ParcStationnement parc : lu.valeurs()) {
            long ligne = fichierLu.lignes().getOrDefault(parc.id(), 0L);
            ParcsPublies.Examen examen = dejaPublies.examiner(parc);
            if (examen instanceof ParcsPublies.Examen.Conflit conflit) {
                log.warn("{}:{} car park {} not published: its id is another source's car park", nom, ligne, parc.id());
                envois.rejet(ligne, conflit.raison(), extrait(lignes, ligne));
            } else if (examen instanceof ParcsPublies.Examen.DejaPublie deja) {
                log.info("{}:{} car park {} already published, identical, by another source: kept", nom, ligne, parc.id());
                envois.avertissement(ligne, deja.avertissement());
            } else {
                envois.donnee(ligne, parc);
                publies.add(parc);
            }
        }
        for (Signalement s : lu.rejets()) {
            envois.rejet(s.ligne(), s.raison(), extrait(lignes, s.ligne()));
        }
        lu.avertissements().forEach(s -> envois.avertissement(s.ligne(), s.raison()));
        for (String avertissement : dejaPublies.communesPartagees(publies)) {
            log.warn("{}: {}", nom, avertissement);
            envois.avertissement(0, avertissement);
        }
        long lus = lu.valeurs().size() + lu.rejets().stream().filter(s -> s.ligne() > 1).count();
        Bilan bilan = envois.terminer(lus);
        log.info("Read {} car parks from {}: {} published to {}, {} rejected to {}, {} warnings",
                lus, nom, bilan.publies(), Topics.REF_PARKINGS.name(), bilan.rejetes(), Topics.REJETS.name(),
                bilan.nombreAvertissements());
        return bilan;
    }

    private static String extrait(List<String> lignes, long ligne) {
        return ligne >= 1 && ligne <= lignes.size() ? lignes.get((int) ligne - 1) : null;
    }

    /**
     * Publishes car parks already read, e.g. those of the shipped car-park packs ({@code datasets.Parkings}),
     * keyed by id; nothing is rejected.
     *
     * @param source what they are, named in the log and in the position of a failed send
     * @throws KafkaException when a record cannot be sent; what was sent before stays sent
     */
    public Bilan publier(String source, List<ParcStationnement> aPublier, Producer<String, ParcStationnement> parcs,
            Producer<String, Rejet> rejets) {
        var envois = new Envois<>(source, Topics.REF_PARKINGS, parcs, ParcStationnement::id, null, rejets, horloge);
        aPublier.forEach(p -> envois.donnee(0, p));
        Bilan bilan = envois.terminer(aPublier.size());
        log.info("Published {} car parks to {} ({})", aPublier.size(), Topics.REF_PARKINGS.name(), source);
        return bilan;
    }

    /**
     * Reads a file of car parks without publishing: the car parks kept and every problem found, each
     * with its line (a header missing a required column is one reject at line 1). Warnings and rejects
     * are logged.
     *
     * @throws IOException when the file cannot be read
     */
    public static ImportCsv<ParcStationnement> lire(Path fichier) throws IOException {
        return lireAvecLignes(fichier, Correspondance.AUCUNE).lu();
    }

    /** What was read from a file, and the line of each car park kept, by id (ids are unique in a file). */
    private record FichierLu(ImportCsv<ParcStationnement> lu, Map<String, Long> lignes) {}

    private static FichierLu lireAvecLignes(Path fichier, Correspondance colonnesListe) throws IOException {
        String nom = fichier.getFileName().toString();
        String texte = LignesCsv.decoder(Files.readAllBytes(fichier));
        List<String> lignes = LignesCsv.lignes(texte);
        FichierConnu connu = FICHIERS_CONNUS.getOrDefault(nom, new FichierConnu(sourceImportee(nom), null));
        LignesCsv.Entete fichierEntete;
        LignesCsv.Entete entete;
        try {
            fichierEntete = LignesCsv.Entete.lire(lignes.isEmpty() ? null : lignes.get(0));
            entete = colonnesListe.appliquer(fichierEntete, ROLES);
        } catch (IllegalArgumentException e) {
            return rejetFichier(nom, e.getMessage());
        }
        if (entete.a(ID.colonne()) || !colonnesListe.vide()) {
            return lireListe(nom, lignes, entete, fichierEntete, colonnesListe, connu);
        }
        List<String> colonnes = LignesCsv.champs(LignesCsv.sansBom(lignes.get(0)), separateurSchema(lignes.get(0)));
        List<String> manquantes = COLONNES_SCHEMA.stream().filter(c -> colonnes == null || !colonnes.contains(c)).toList();
        if (!manquantes.isEmpty()) {
            return rejetFichier(nom, (manquantes.size() == 1 ? "colonne manquante : " : "colonnes manquantes : ")
                    + String.join(", ", manquantes) + " (schéma stationnement 0.1.5) ; ou, pour une liste de parkings, "
                    + manquantesListe(entete, fichierEntete));
        }
        ImportCsv<Parking> importe;
        try {
            importe = ParkingImporter.lire(fichier);
        } catch (EntreeInvalide e) {
            return rejetFichier(nom, "fichier de parkings inutilisable : " + e.raison());
        }
        return new FichierLu(new ImportCsv<>(nom, importe.valeurs().stream().map(p -> p.parc(connu.source())).toList(),
                importe.signalements()), lignesDesIds(lignes, separateurSchema(lignes.get(0)), colonnes.indexOf("id")));
    }

    /**
     * The first line where each id stands in its column. A quoted field spanning lines is not read here:
     * its lines hold no id, and the lines after it keep their number in the file.
     */
    private static Map<String, Long> lignesDesIds(List<String> lignes, char separateur, int colonneId) {
        var parId = new HashMap<String, Long>();
        for (int i = 1; i < lignes.size(); i++) {
            List<String> champs = LignesCsv.champs(lignes.get(i), separateur);
            if (champs != null && colonneId < champs.size()) {
                parId.putIfAbsent(champs.get(colonneId), i + 1L);
            }
        }
        return parId;
    }

    /** The source of a file we do not know by name. */
    static Source sourceImportee(String nomFichier) {
        return new Source(nomFichier, "fichier importé", "non précisé", "non précisée", false);
    }

    /**
     * The reason a header is not a list of car parks: the columns of the roles missing, and the
     * {@code --colonne} to give; {@code null} when nothing is missing.
     */
    private static String manquantesListe(LignesCsv.Entete entete, LignesCsv.Entete fichierEntete) {
        List<Role> manquants = REQUIS_LISTE.stream().filter(r -> !entete.a(r.colonne())).toList();
        return manquants.isEmpty() ? null : Correspondance.manquantes(
                manquants.stream().map(r -> r.colonne() + " (rôle " + r.nom() + ")").toList(), manquants, ROLES, fichierEntete);
    }

    private static FichierLu lireListe(String nom, List<String> lignes, LignesCsv.Entete entete,
            LignesCsv.Entete fichierEntete, Correspondance colonnesListe, FichierConnu connu) {
        String manquantes = manquantesListe(entete, fichierEntete);
        if (manquantes != null) {
            return rejetFichier(nom, "liste de parkings : " + manquantes);
        }
        Map<String, String> noms = colonnesListe.nomsDansLeFichier(ROLES);
        var parcs = new ArrayList<ParcStationnement>();
        var signalements = new ArrayList<Signalement>();
        var lignesDesIds = new HashMap<String, Long>();
        for (int i = 1; i < lignes.size(); i++) {
            String ligne = lignes.get(i);
            if (ligne.isBlank()) {
                continue;
            }
            Lu<ParcStationnement> lu = parcDeListe(ligne, entete, connu, c -> noms.getOrDefault(c, c));
            if (lu instanceof Lu.Valeur<ParcStationnement> v && lignesDesIds.containsKey(v.valeur().id())) {
                lu = Lu.invalide("identifiant « " + v.valeur().id() + " » déjà utilisé plus haut dans le fichier");
            }
            long numero = i + 1L;
            if (lu instanceof Lu.Valeur<ParcStationnement> v) {
                parcs.add(v.valeur());
                lignesDesIds.put(v.valeur().id(), numero);
                v.avertissements().forEach(a -> signalements.add(new Signalement(nom, numero, Signalement.Gravite.AVERTISSEMENT, a)));
            } else if (lu instanceof Lu.Invalide<ParcStationnement> r) {
                signalements.add(new Signalement(nom, numero, Signalement.Gravite.REJET, r.raison()));
            }
        }
        signalements.forEach(s -> log.warn("{}", s));
        return new FichierLu(new ImportCsv<>(nom, parcs, signalements), lignesDesIds);
    }

    /**
     * Pure: one row of a feed's list of car parks, or the reason it is rejected.
     *
     * @param nom the file's name of one of our columns, for the messages
     */
    static Lu<ParcStationnement> parcDeListe(String ligne, LignesCsv.Entete entete, FichierConnu connu,
            UnaryOperator<String> nom) {
        List<String> champs = LignesCsv.champs(ligne, entete.separateur());
        if (champs == null) {
            return Lu.invalide("ligne CSV illisible (guillemets mal fermés ?)");
        }
        if (champs.size() != entete.nombre()) {
            return Lu.invalide("nombre de champs incorrect : " + champs.size() + " au lieu de " + entete.nombre());
        }
        for (Role role : REQUIS_LISTE) {
            if (entete.valeur(champs, role.colonne()).isEmpty()) {
                return Lu.invalide("valeur manquante : " + nom.apply(role.colonne()));
            }
        }
        String texteLat = entete.valeur(champs, "lat");
        Double lat = nombre(texteLat);
        if (lat == null || lat < -90 || lat > 90) {
            return Lu.invalide("latitude illisible ou hors de [-90, 90] : « " + texteLat + " »");
        }
        String texteLon = entete.valeur(champs, "lon");
        Double lon = nombre(texteLon);
        if (lon == null || lon < -180 || lon > 180) {
            return Lu.invalide("longitude illisible ou hors de [-180, 180] : « " + texteLon + " »");
        }
        var avertissements = new ArrayList<String>();
        Integer capacite = null;
        for (String colonne : List.of("capacite", "places_totales_max", "places_totales_min")) {
            String texte = entete.valeur(champs, colonne);
            if (texte.isEmpty()) {
                continue;
            }
            if (!texte.matches("\\d{1,9}")) {
                return Lu.invalide("« " + texte + " » n'est pas un nombre entier positif dans la colonne " + nom.apply(colonne));
            }
            int places = Integer.parseInt(texte);
            if (capacite == null) {
                capacite = places;
            } else if (places > capacite) {
                return Lu.invalide(nom.apply(colonne) + " (" + places + ") supérieur à la capacité maximale (" + capacite + ")");
            }
        }
        if (capacite == null) {
            avertissements.add("capacité absente (" + nom.apply("capacite") + " ou places_totales_max) : laissée vide");
        }
        avertissements.addAll(entete.espacesRetires(ligne, champs, List.of("parking_id", "insee"), true, nom));
        String codeInsee = entete.valeur(champs, "insee");
        if (codeInsee.isEmpty()) {
            codeInsee = connu.codeInseeParDefaut();
        } else if (!codeInsee.matches("([013-9]\\d|2[AB1-9])\\d{3}")) {
            return Lu.invalide("code INSEE invalide : « " + codeInsee + " » (5 caractères, par exemple 34172 ou 2A004)");
        }
        return new Lu.Valeur<>(new ParcStationnement(entete.valeur(champs, "parking_id"), entete.valeur(champs, "nom"),
                codeInsee, capacite, new Position(lon, lat, null), null, null, connu.source()), avertissements);
    }

    private static FichierLu rejetFichier(String nom, String raison) {
        log.error("{}:1 unusable header, file rejected: {}", nom, raison);
        return new FichierLu(new ImportCsv<>(nom, List.of(), List.of(new Signalement(nom, 1, Signalement.Gravite.REJET,
                raison))), Map.of());
    }

    /** The separator {@link ParkingImporter} will use: the most frequent of {@code ;} and {@code ,} in the header. */
    private static char separateurSchema(String entete) {
        long pointsVirgules = entete.chars().filter(c -> c == ';').count();
        long virgules = entete.chars().filter(c -> c == ',').count();
        return pointsVirgules > virgules ? ';' : ',';
    }

    private static Double nombre(String texte) {
        try {
            double valeur = new BigDecimal(texte.replace(',', '.')).doubleValue();
            return Double.isFinite(valeur) ? valeur : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
