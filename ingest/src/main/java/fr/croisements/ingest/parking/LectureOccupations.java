package fr.croisements.ingest.parking;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.datasets.Signalement;
import fr.croisements.events.OccupationParking;
import fr.croisements.ingest.csv.Correspondance;
import fr.croisements.ingest.csv.LignesCsv;
import fr.croisements.ingest.csv.Role;
import fr.croisements.ingest.json.ElementsJson;
import fr.croisements.ingest.Horodatages;
import java.io.BufferedReader;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads occupancy observations from CSV or JSON text, row by row, handing each observation or
 * reject (with its line in the file) to a {@link Destinataire}. The row-level steps are pure
 * functions: {@link #ligneCsv}, {@link #objetJson}, {@link #observation}, {@link #statut}.
 *
 * <p>CSV (see the module README, §5.2): a header with {@code parking_id}, {@code places_libres} (or
 * {@code places_occupees} with a capacity), and either {@code horodatage} (ISO 8601 with offset) or
 * {@code date} + {@code heure_locale} (Europe/Paris, the Montpellier layout); optional {@code capacite}
 * (or {@code places_totales}) and {@code statut}; other columns ignored. JSON: one object per line
 * (NDJSON), an array of objects, or pretty-printed objects one after the other (told from the first
 * non-blank line, as {@code lora.LecteurMessages} does); fields {@code parking_id}, {@code horodatage},
 * {@code places_libres}, {@code places_occupees}, {@code capacite}, {@code statut}, or a FIWARE
 * {@code OffStreetParking} entity (keyValues or NGSI-LD normalised: {@code id}, {@code availableSpotNumber},
 * {@code totalSpotNumber}, {@code status}, time from {@code observedAt}, {@code dateObserved} or
 * {@code dateModified}). A file naming these otherwise is read through a {@link Correspondance} of its
 * columns (or fields) to the {@link #ROLES}. Immutable.
 */
final class LectureOccupations {

    /** Receives what is read, in file order. */
    interface Destinataire {
        /** An observation, with what was normalised in it ({@code parking_id « P1 » : espace en fin de valeur retiré}). */
        void observation(long ligne, OccupationParking observation, List<String> avertissements);

        /** A rejected row; {@code ligne} 1 with {@code fichierEntier} when the whole file is unusable (header). */
        void rejet(long ligne, String raison, String extrait, boolean fichierEntier);
    }

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private static final Role ID = new Role("id", "parking_id", List.of("id", "identifiant", "parking", "code", "ref"));
    private static final Role INSTANT = new Role("instant", "horodatage",
            List.of("timestamp", "collected_at", "datetime", "date_heure", "observed_at", "date_observation", "time"));
    private static final Role DATE = new Role("date", "date", List.of("jour", "day"));
    private static final Role HEURE = new Role("heure", "heure_locale", List.of("heure", "hour"));
    private static final Role LIBRES = new Role("places-libres", "places_libres",
            List.of("free", "libres", "disponibles", "places_disponibles", "available", "free_places", "availablespotnumber"));
    private static final Role OCCUPEES = new Role("occupees", "places_occupees",
            List.of("occupied", "occupees", "occupied_places", "occupation"));
    private static final Role CAPACITE = new Role("capacite", "capacite",
            List.of("max", "total", "capacity", "places", "totalspotnumber"));
    private static final Role STATUT = new Role("statut", "statut", List.of("status", "etat"));
    /** The roles {@code --colonne} may name for an occupancy file. */
    static final List<Role> ROLES = List.of(ID, INSTANT, DATE, HEURE, LIBRES, OCCUPEES, CAPACITE, STATUT);

    private final Correspondance correspondance;

    /** @param correspondance the user's columns for the {@link #ROLES}, or {@link Correspondance#AUCUNE} */
    LectureOccupations(Correspondance correspondance) {
        this.correspondance = correspondance;
    }

    // ---------------------------------------------------------------- CSV

    /**
     * The columns of an occupancy CSV, each under the adapter's own name for its role.
     *
     * @param heureLocale whether time is {@code date} + {@code heure_locale} (Europe/Paris) rather than {@code horodatage}
     * @param capacite the capacity column ({@code capacite} or {@code places_totales}), or {@code null}
     * @param noms the file's own name of each column a {@code --colonne} mapped, by the adapter's name, for messages
     */
    record Colonnes(LignesCsv.Entete entete, boolean heureLocale, String capacite, Map<String, String> noms) {

        /** @throws IllegalArgumentException with a French reason when a required column is missing */
        static Colonnes lire(String ligne, Correspondance correspondance) {
            var fichier = LignesCsv.Entete.lire(ligne);
            var entete = correspondance.appliquer(fichier, ROLES);
            var manquantes = new ArrayList<String>();
            var roles = new ArrayList<Role>();
            if (!entete.a(ID.colonne())) {
                manquantes.add("parking_id (rôle id)");
                roles.add(ID);
            }
            String capacite = entete.a("capacite") ? "capacite" : entete.a("places_totales") ? "places_totales" : null;
            if (!entete.a(LIBRES.colonne()) && !entete.a(OCCUPEES.colonne())) {
                manquantes.add("places_libres (rôle places-libres ; ou places_occupees, rôle occupees, avec la capacité)");
                roles.add(LIBRES);
            } else if (!entete.a(LIBRES.colonne()) && capacite == null) {
                manquantes.add("capacite (rôle capacite : les places libres se déduisent des places occupées et de la capacité)");
                roles.add(CAPACITE);
            }
            boolean heureLocale = !entete.a(INSTANT.colonne()) && (entete.a(DATE.colonne()) || entete.a(HEURE.colonne()));
            if (heureLocale) {
                for (Role role : List.of(DATE, HEURE)) {
                    if (!entete.a(role.colonne())) {
                        manquantes.add(role.colonne() + " (rôle " + role.nom() + ")");
                        roles.add(role);
                    }
                }
            } else if (!entete.a(INSTANT.colonne())) {
                manquantes.add("horodatage (rôle instant ; ou date et heure_locale, rôles date et heure)");
                roles.add(INSTANT);
            }
            if (!manquantes.isEmpty()) {
                throw new IllegalArgumentException(Correspondance.manquantes(manquantes, roles, ROLES, fichier));
            }
            return new Colonnes(entete, heureLocale, capacite, correspondance.nomsDansLeFichier(ROLES));
        }

        /** The file's name of a column: the one {@code --colonne} gave, else the adapter's. */
        String nom(String colonne) {
            return noms.getOrDefault(colonne, colonne);
        }
    }

    void lireCsv(BufferedReader lecteur, Destinataire d) throws IOException {
        String premiere = lecteur.readLine();
        Colonnes colonnes;
        try {
            colonnes = Colonnes.lire(premiere, correspondance);
        } catch (IllegalArgumentException e) {
            d.rejet(1, e.getMessage(), premiere, true);
            return;
        }
        long numero = 1;
        for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
            numero++;
            if (ligne.isBlank()) {
                continue;
            }
            Lu<OccupationParking> lu = ligneCsv(ligne, colonnes);
            if (lu instanceof Lu.Valeur<OccupationParking> v) {
                d.observation(numero, v.valeur(), v.avertissements());
            } else if (lu instanceof Lu.Invalide<OccupationParking> r) {
                d.rejet(numero, r.raison(), ligne, false);
            }
        }
    }

    /** Pure: one CSV data line to an observation, or the reason why not. */
    static Lu<OccupationParking> ligneCsv(String ligne, Colonnes colonnes) {
        LignesCsv.Entete e = colonnes.entete();
        List<String> champs = LignesCsv.champs(ligne, e.separateur());
        if (champs == null) {
            return Lu.invalide("ligne CSV illisible (guillemets mal fermés ?)");
        }
        if (champs.size() != e.nombre()) {
            return Lu.invalide("nombre de champs incorrect : " + champs.size() + " au lieu de " + e.nombre());
        }
        String id = e.valeur(champs, ID.colonne());
        if (id.isEmpty()) {
            return Lu.invalide("valeur manquante : " + colonnes.nom(ID.colonne()));
        }
        Lu<Instant> temps = colonnes.heureLocale()
                ? heureLocale(e.valeur(champs, DATE.colonne()), e.valeur(champs, HEURE.colonne()), colonnes)
                : horodatageCsv(e.valeur(champs, INSTANT.colonne()), colonnes);
        if (temps instanceof Lu.Invalide<Instant> r) {
            return Lu.invalide(r.raison());
        }
        Instant instant = ((Lu.Valeur<Instant>) temps).valeur();
        boolean libresDonnees = e.a(LIBRES.colonne()) && !e.valeur(champs, LIBRES.colonne()).isEmpty();
        String places = libresDonnees || !e.a(OCCUPEES.colonne()) ? LIBRES.colonne() : OCCUPEES.colonne();
        String textePlaces = e.valeur(champs, places);
        if (textePlaces.isEmpty()) {
            return Lu.invalide("valeur manquante : " + colonnes.nom(places));
        }
        Long nombre = entier(textePlaces);
        if (nombre == null) {
            return Lu.invalide(colonnes.nom(places) + " illisible : « " + textePlaces + " » (nombre entier attendu)");
        }
        Long capacite = null;
        if (colonnes.capacite() != null && !e.valeur(champs, colonnes.capacite()).isEmpty()) {
            String texte = e.valeur(champs, colonnes.capacite());
            capacite = entier(texte);
            if (capacite == null) {
                return Lu.invalide(colonnes.nom(colonnes.capacite()) + " illisible : « " + texte + " » (nombre entier attendu)");
            }
        }
        Lu<OccupationParking> lu = places.equals(LIBRES.colonne())
                ? observation(id, instant, nombre, capacite, e.valeur(champs, STATUT.colonne()))
                : observationOccupees(id, instant, nombre, capacite, e.valeur(champs, STATUT.colonne()));
        return avecAvertissements(lu, e.espacesRetires(ligne, champs, List.of(ID.colonne()), true, colonnes::nom));
    }

    private static Lu<OccupationParking> avecAvertissements(Lu<OccupationParking> lu, List<String> avertissements) {
        return lu instanceof Lu.Valeur<OccupationParking> v && !avertissements.isEmpty()
                ? new Lu.Valeur<>(v.valeur(), avertissements) : lu;
    }

    private static Lu<Instant> horodatageCsv(String texte, Colonnes colonnes) {
        if (texte.isEmpty()) {
            return Lu.invalide("valeur manquante : " + colonnes.nom(INSTANT.colonne()));
        }
        Instant instant = horodatage(texte);
        return instant != null ? Lu.de(instant) : Lu.invalide(horodatageIllisible(texte));
    }

    private static Lu<Instant> heureLocale(String date, String heure, Colonnes colonnes) {
        if (date.isEmpty() || heure.isEmpty()) {
            return Lu.invalide("valeur manquante : " + colonnes.nom(date.isEmpty() ? DATE.colonne() : HEURE.colonne()));
        }
        Instant instant = heureDeParis(date, heure);
        return instant != null ? Lu.de(instant) : Lu.invalide(dateLocaleIllisible(date, heure));
    }

    // ---------------------------------------------------------------- JSON

    void lireJson(BufferedReader lecteur, Destinataire d) throws IOException {
        var debut = new StringBuilder();
        long numero = 0;
        String premiere = null;
        for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
            numero++;
            ligne = numero == 1 ? LignesCsv.sansBom(ligne) : ligne;
            if (!ligne.isBlank()) {
                premiere = ligne;
                break;
            }
            debut.append('\n');
        }
        if (premiere == null) {
            return;
        }
        String t = premiere.strip();
        boolean document = t.startsWith("[") || (!complet(t) && t.startsWith("{")
                && (t.endsWith("{") || t.endsWith("[") || t.endsWith(",") || t.endsWith(":")));
        if (!document) {
            ligneJson(premiere, numero, d);
            for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
                numero++;
                if (!ligne.isBlank()) {
                    ligneJson(ligne, numero, d);
                }
            }
            return;
        }
        var texte = new StringBuilder(debut).append(premiere).append('\n');
        char[] tampon = new char[8192];
        for (int n = lecteur.read(tampon); n >= 0; n = lecteur.read(tampon)) {
            texte.append(tampon, 0, n);
        }
        document(texte.toString(), d);
    }

    private void ligneJson(String ligne, long numero, Destinataire d) {
        JsonNode noeud;
        try {
            noeud = MAPPER.readTree(ligne);
        } catch (JsonProcessingException e) {
            d.rejet(numero, ElementsJson.raison(e, e.getLocation() == null ? "" : "colonne " + e.getLocation().getColumnNr()),
                    ligne, false);
            return;
        }
        objet(noeud, numero, ligne, d);
    }

    /**
     * An array of objects, or objects one after the other: each is placed at the line where it
     * starts; an unreadable one is rejected with its line and column, and the next ones are read.
     */
    private void document(String texte, Destinataire d) {
        ElementsJson.lire(texte, new ElementsJson.Destinataire() {
            @Override
            public void element(int numero, long ligne, JsonNode valeur, String texteElement) {
                objet(valeur, ligne, valeur.toString(), d);
            }

            @Override
            public void illisible(int numero, long ligne, String raison, String extrait) {
                d.rejet(ligne, raison, extrait, false);
            }
        });
    }

    private void objet(JsonNode noeud, long ligne, String extrait, Destinataire d) {
        Lu<OccupationParking> lu = objetJson(renommer(noeud));
        if (lu instanceof Lu.Valeur<OccupationParking> v) {
            d.observation(ligne, v.valeur(), v.avertissements());
        } else if (lu instanceof Lu.Invalide<OccupationParking> r) {
            d.rejet(ligne, r.raison(), extrait, false);
        }
    }

    /**
     * An object with each field a {@code --colonne} names also under the adapter's name for its role
     * (matched exactly, else ignoring case); other values as they are.
     */
    private JsonNode renommer(JsonNode noeud) {
        if (correspondance.vide() || !(noeud instanceof ObjectNode objet)) {
            return noeud;
        }
        ObjectNode copie = objet.deepCopy();
        for (Role role : ROLES) {
            String nom = correspondance.colonneParRole().get(role.nom());
            if (nom == null) {
                continue;
            }
            JsonNode valeur = objet.get(nom);
            if (valeur == null) {
                var noms = new ArrayList<String>();
                objet.fieldNames().forEachRemaining(noms::add);
                valeur = noms.stream().filter(n -> n.equalsIgnoreCase(nom)).findFirst().map(objet::get).orElse(null);
            }
            if (valeur != null) {
                copie.set(role.colonne(), valeur);
            }
        }
        return copie;
    }

    /** Pure: one JSON object (our fields, or a FIWARE OffStreetParking entity) to an observation, or the reason why not. */
    static Lu<OccupationParking> objetJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            return Lu.invalide("objet JSON attendu (un objet par observation)");
        }
        String id = texte(champ(n, "parking_id", "parkingId", "id"));
        if (id == null || id.isBlank()) {
            return Lu.invalide("valeur manquante : parking_id (ou id d'une entité FIWARE OffStreetParking)");
        }
        JsonNode brutLibres = champ(n, "places_libres", "availableSpotNumber");
        JsonNode brutOccupees = champ(n, "places_occupees");
        boolean occupees = (brutLibres == null || valeur(brutLibres).isNull()) && brutOccupees != null
                && !valeur(brutOccupees).isNull();
        JsonNode brutPlaces = occupees ? brutOccupees : brutLibres;
        if (brutPlaces == null || valeur(brutPlaces).isNull()) {
            return Lu.invalide("valeur manquante : places_libres (ou availableSpotNumber, ou places_occupees et capacite)");
        }
        Long places = entier(valeur(brutPlaces));
        if (places == null) {
            return Lu.invalide((occupees ? "places_occupees" : "places_libres") + " illisible : « " + valeur(brutPlaces)
                    + " » (nombre entier attendu)");
        }
        JsonNode brutCapacite = champ(n, "capacite", "places_totales", "totalSpotNumber");
        Long capacite = null;
        if (brutCapacite != null && !valeur(brutCapacite).isNull()) {
            capacite = entier(valeur(brutCapacite));
            if (capacite == null) {
                return Lu.invalide("capacite illisible : « " + valeur(brutCapacite) + " » (nombre entier attendu)");
            }
        }
        String horodatage = texte(champ(n, "horodatage"));
        if (horodatage == null && brutPlaces.isObject()) {
            horodatage = texte(brutPlaces.get("observedAt"));
        }
        if (horodatage == null) {
            horodatage = texte(champ(n, "observedAt", "dateObserved", "dateModified"));
        }
        if (horodatage == null || horodatage.isBlank()) {
            return Lu.invalide("valeur manquante : horodatage (ou observedAt, dateObserved, dateModified d'une entité FIWARE)");
        }
        Instant instant = horodatage(horodatage);
        if (instant == null) {
            return Lu.invalide(horodatageIllisible(horodatage));
        }
        String statut = statutJson(champ(n, "statut", "status"));
        return avecAvertissements(occupees ? observationOccupees(id, instant, places, capacite, statut)
                        : observation(id, instant, places, capacite, statut),
                id.equals(id.strip()) ? List.of() : List.of("parking_id « " + id.strip() + " » : " + Signalement.espacesRetires(id)));
    }

    // ---------------------------------------------------------------- shared rules

    /**
     * Pure: an observation that gives occupied places rather than free ones: free = capacity − occupied,
     * so a capacity is needed; then the checks of {@link #observation}.
     */
    static Lu<OccupationParking> observationOccupees(String parkingId, Instant instant, long occupees, Long capacite,
            String statut) {
        if (occupees < 0) {
            return Lu.invalide("places occupées négatives : " + occupees);
        }
        if (capacite == null) {
            return Lu.invalide("places occupées sans capacité : les places libres ne peuvent pas être calculées");
        }
        if (capacite <= 0) {
            return Lu.invalide("capacité nulle ou négative : " + capacite);
        }
        if (occupees > capacite) {
            return Lu.invalide("plus de places occupées (" + occupees + ") que de places au total (" + capacite + ")");
        }
        return observation(parkingId, instant, capacite - occupees, capacite, statut);
    }

    /** Pure: the checks every observation passes, whatever its format. */
    static Lu<OccupationParking> observation(String parkingId, Instant instant, long libres, Long capacite, String statut) {
        if (!Horodatages.publiable(instant)) {
            return Lu.invalide(Horodatages.horsLimites("horodatage", instant));
        }
        if (libres < 0) {
            return Lu.invalide("places libres négatives : " + libres);
        }
        if (capacite != null && capacite <= 0) {
            return Lu.invalide("capacité nulle ou négative : " + capacite);
        }
        if (capacite != null && libres > capacite) {
            return Lu.invalide("plus de places libres (" + libres + ") que de places au total (" + capacite + ")");
        }
        return Lu.de(new OccupationParking(parkingId.strip(), instant, (int) libres,
                capacite == null ? null : capacite.intValue(), statut(statut), false));
    }

    /**
     * Pure: a status in our words, from French, DATEX II ({@code parkingSiteStatus},
     * {@code parkingSiteOpeningStatus}) or FIWARE ({@code status}) values, ignoring case, accents,
     * spaces, {@code -} and {@code _}: {@code ouvert}, {@code presque_complet}, {@code complet},
     * {@code ferme}; {@code null} when blank or unknown ({@code unknown}, {@code other}); any other
     * value is kept as given (trimmed).
     */
    static String statut(String texte) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        String cle = Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        return switch (cle) {
            case "ouvert", "open", "spacesavailable", "openingtimesinforce", "disponible", "libre" -> "ouvert";
            case "presquecomplet", "presqueplein", "almostfull" -> "presque_complet";
            case "complet", "plein", "full", "fullatentrance" -> "complet";
            case "ferme", "closed", "closedabnormal" -> "ferme";
            case "inconnu", "unknown", "statusunknown", "other" -> null;
            default -> texte.strip();
        };
    }

    /** A FIWARE status may be a list: the most telling of its values (fermé, complet, presque complet, ouvert). */
    private static String statutJson(JsonNode brut) {
        if (brut == null) {
            return null;
        }
        JsonNode v = valeur(brut);
        if (!v.isArray()) {
            return v.isValueNode() && !v.isNull() ? v.asText() : null;
        }
        String meilleur = null;
        int rang = Integer.MAX_VALUE;
        for (JsonNode element : v) {
            String s = statut(element.asText());
            int r = s == null ? 5 : switch (s) {
                case "ferme" -> 0;
                case "complet" -> 1;
                case "presque_complet" -> 2;
                case "ouvert" -> 3;
                default -> 4;
            };
            if (s != null && r < rang) {
                meilleur = s;
                rang = r;
            }
        }
        return meilleur;
    }

    /** The first present field among the names (NGSI-LD properties stay wrapped: see {@link #valeur}). */
    private static JsonNode champ(JsonNode n, String... noms) {
        for (String nom : noms) {
            JsonNode v = n.get(nom);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Unwraps NGSI-LD {@code {"type": "Property", "value": …}} and JSON-LD {@code {"@value": …}}. */
    private static JsonNode valeur(JsonNode n) {
        JsonNode v = n;
        for (int i = 0; i < 2 && v.isObject(); i++) {
            JsonNode dedans = v.has("value") ? v.get("value") : v.get("@value");
            if (dedans == null) {
                break;
            }
            v = dedans;
        }
        return v;
    }

    private static String texte(JsonNode brut) {
        if (brut == null) {
            return null;
        }
        JsonNode v = valeur(brut);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static Long entier(JsonNode v) {
        if (v.isIntegralNumber()) {
            // at most 9 digits, as in a CSV (found by the fuzz suites: a larger count was cast to a negative int)
            return v.canConvertToLong() && Math.abs(v.longValue()) < 1_000_000_000L ? v.longValue() : null;
        }
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e9) {
            return (long) v.doubleValue();
        }
        return v.isTextual() ? entier(v.asText().strip()) : null;
    }

    /**
     * A whole number of at most 9 digits, optionally negative, possibly written with a zero decimal part
     * ({@code 120,0} or {@code 120.0}, as spreadsheets export counts); {@code null} otherwise.
     */
    static Long entier(String texte) {
        return texte.matches("-?\\d{1,9}([.,]0+)?") ? Long.valueOf(texte.replaceFirst("[.,]0+$", "")) : null;
    }

    /**
     * ISO 8601 with an offset: {@code 2025-06-30T08:15:00+02:00}, {@code Z}, {@code +0200} or {@code +02}, seconds
     * and fractions optional, a space instead of the {@code T} (a database export); {@code null} when unreadable
     * or without offset.
     */
    static Instant horodatage(String texte) {
        try {
            return OffsetDateTime.parse(avecT(texte.strip()), HORODATAGE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The offset read leniently: {@code +02}, {@code +0200} and {@code +02:00} alike. */
    private static final DateTimeFormatter HORODATAGE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).parseLenient().appendOffset("+HH", "Z").parseStrict()
            .toFormatter(Locale.ROOT);

    /** {@code 2025-06-30 08:15} as {@code 2025-06-30T08:15}. */
    private static String avecT(String texte) {
        return texte.length() > 10 && texte.charAt(10) == ' ' ? texte.substring(0, 10) + 'T' + texte.substring(11) : texte;
    }

    /**
     * A Europe/Paris wall-clock time ({@code 2026-01-05}, {@code 08:30}) as an instant; {@code null} when
     * unreadable. In the spring gap the time is moved forward by the gap's length; in the autumn
     * overlap the earlier instant (summer time) is taken.
     */
    static Instant heureDeParis(String date, String heure) {
        try {
            return ZonedDateTime.ofLocal(LocalDateTime.of(LocalDate.parse(date.strip()), LocalTime.parse(heure.strip())),
                    PARIS, null).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String dateLocaleIllisible(String date, String heure) {
        try {
            LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return "date illisible : « " + date + " » (AAAA-MM-JJ attendu)";
        }
        return "heure illisible : « " + heure + " » (HH:MM attendu, heure de Paris)";
    }

    private static String horodatageIllisible(String texte) {
        try {
            LocalDateTime.parse(avecT(texte.strip()));
            return "horodatage sans fuseau horaire : « " + texte + " » (ajouter Z ou +01:00)";
        } catch (DateTimeParseException e) {
            return "horodatage illisible : « " + texte + " » (ISO 8601 attendu, par exemple 2026-01-05T08:30:00+01:00)";
        }
    }

    private static boolean complet(String ligne) {
        try (JsonParser p = MAPPER.createParser(ligne)) {
            if (p.readValueAsTree() == null) {
                return false;
            }
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
