package fr.croisements.ingest.waste;

import fr.croisements.events.LeveeBac;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.Horodatages;
import fr.croisements.ingest.csv.Envois;
import fr.croisements.ingest.csv.LignesCsv;
import fr.croisements.ingest.csv.LignesCsv.Entete;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a user's CSV export of bin lifts to {@code dechets-levees}, and each unusable line to
 * {@code rejets}.
 *
 * <p>Format (see the module README): UTF-8, optional BOM, a header line naming the columns in any
 * order, delimiter {@code ,} or {@code ;} (the one found in the header), one lift per line (a
 * quoted field cannot span lines). Required columns: {@code id_puce, horodatage, longitude,
 * latitude, flux}; optional: {@code poids_kg, camion}; other columns are ignored. Blank lines are
 * skipped.
 *
 * <p>Out: key = pseudonymised chip id, value = {@link LeveeBac} with {@code simule = false},
 * record timestamp = {@code horodatage}. The clear chip id is pseudonymised while the line is
 * parsed and never leaves this class. A malformed line becomes a {@link Rejet} (key = source name,
 * position {@code fichier.csv:LINE}, the header being line 1, French reason, raw line), logged at
 * WARN, and reading goes on. A header missing a required column rejects the whole file (one
 * reject at line 1). Spaces around a code ({@code id_puce}, {@code flux}, {@code camion}) are
 * removed with a warning in the run's {@link Bilan} (the chip id itself is not written out). Send failures are not swallowed: they are thrown as {@link KafkaException}.
 *
 * <p>Stateless apart from its collaborators; one instance may serve several files in turn.
 */
public final class LeveesCsvAdapter {

    private static final Logger log = LoggerFactory.getLogger(LeveesCsvAdapter.class);

    static final String ID_PUCE = "id_puce";
    static final String HORODATAGE = "horodatage";
    static final String LONGITUDE = "longitude";
    static final String LATITUDE = "latitude";
    static final String FLUX = "flux";
    static final String POIDS_KG = "poids_kg";
    static final String CAMION = "camion";
    static final List<String> COLONNES_OBLIGATOIRES = List.of(ID_PUCE, HORODATAGE, LONGITUDE, LATITUDE, FLUX);
    static final List<String> COLONNES_FACULTATIVES = List.of(POIDS_KG, CAMION);
    private static final String CODE_FLUX = "[A-Z0-9_-]{1,32}";

    private final Pseudonymiseur pseudonymiseur;
    private final Clock horloge;

    public LeveesCsvAdapter(Pseudonymiseur pseudonymiseur) {
        this(pseudonymiseur, Clock.systemUTC());
    }

    /** With the clock that dates rejects, for tests. */
    LeveesCsvAdapter(Pseudonymiseur pseudonymiseur, Clock horloge) {
        this.pseudonymiseur = Objects.requireNonNull(pseudonymiseur, "pseudonymiseur");
        this.horloge = Objects.requireNonNull(horloge, "horloge");
    }

    /** Publishes a file; its name is the source of the rejects. */
    public Bilan publier(Path fichier, Producer<String, LeveeBac> levees, Producer<String, Rejet> rejets)
            throws IOException {
        try (InputStream in = Files.newInputStream(fichier)) {
            return publier(in, fichier.getFileName().toString(), levees, rejets);
        }
    }

    /**
     * Publishes a CSV stream (not closed here).
     *
     * @param nomSource the name rejects and logs refer to, e.g. the file name
     * @throws IOException when the stream cannot be read
     * @throws KafkaException when a record cannot be sent; what was sent before stays sent
     */
    public Bilan publier(InputStream in, String nomSource, Producer<String, LeveeBac> levees,
            Producer<String, Rejet> rejets) throws IOException {
        var envois = new Envois<>(nomSource, Topics.DECHETS_LEVEES, levees, LeveeBac::idBac, LeveeBac::instant, rejets, horloge);
        var lecteur = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String premiere = lecteur.readLine();
        premiere = premiere == null ? null : LignesCsv.sansBom(premiere);
        Entete entete;
        try {
            entete = entete(premiere);
        } catch (IllegalArgumentException e) {
            log.error("{}:1 unusable header, file rejected: {}", nomSource, e.getMessage());
            envois.rejet(1, e.getMessage(), premiere);
            return envois.terminer(0);
        }
        long lus = 0;
        int numero = 1;
        for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
            numero++;
            if (ligne.isBlank()) {
                continue;
            }
            lus++;
            Lecture lecture = lire(ligne, entete, pseudonymiseur);
            if (lecture instanceof Lecture.Valide valide) {
                for (String avertissement : valide.avertissements()) {
                    log.warn("{}:{} value normalised: {}", nomSource, numero, avertissement);
                    envois.avertissement(numero, avertissement);
                }
                envois.donnee(numero, valide.levee());
            } else if (lecture instanceof Lecture.Invalide invalide) {
                log.warn("{}:{} rejected: {}", nomSource, numero, invalide.raison());
                envois.rejet(numero, invalide.raison(), ligne);
            }
        }
        Bilan bilan = envois.terminer(lus);
        log.info("Read {} lines from {}: {} published to {}, {} rejected to {}, {} values normalised",
                lus, nomSource, bilan.publies(), Topics.DECHETS_LEVEES.name(), bilan.rejetes(), Topics.REJETS.name(),
                bilan.nombreAvertissements());
        return bilan;
    }

    /** The outcome of reading one line: a lift (with what was normalised in it), or a reason in French. */
    sealed interface Lecture permits Lecture.Valide, Lecture.Invalide {
        record Valide(LeveeBac levee, List<String> avertissements) implements Lecture {
            public Valide {
                avertissements = List.copyOf(avertissements);
            }
        }

        record Invalide(String raison) implements Lecture {}
    }

    /**
     * The columns of a file, from its header line (BOM removed).
     *
     * @throws IllegalArgumentException with a French reason when it is blank, unreadable, has a
     *     duplicate column or lacks a required one
     */
    static Entete entete(String ligne) {
        if (ligne == null || ligne.isBlank()) {
            throw new IllegalArgumentException("fichier vide : une ligne d'en-tête est attendue ("
                    + String.join(", ", COLONNES_OBLIGATOIRES) + ")");
        }
        return Entete.lire(ligne).exiger(COLONNES_OBLIGATOIRES);
    }

    /** Pure: one data line to a lift (clear chip id already pseudonymised), or the reason why not. */
    static Lecture lire(String ligne, Entete entete, Pseudonymiseur pseudonymiseur) {
        List<String> champs = LignesCsv.champs(ligne, entete.separateur());
        if (champs == null) {
            return invalide("ligne CSV illisible (guillemets mal fermés ?)");
        }
        if (champs.size() != entete.nombre()) {
            return invalide("nombre de champs incorrect : " + champs.size() + " au lieu de " + entete.nombre());
        }
        for (String colonne : COLONNES_OBLIGATOIRES) {
            if (entete.valeur(champs, colonne).isEmpty()) {
                return invalide("valeur manquante : " + colonne);
            }
        }
        String texteHorodatage = entete.valeur(champs, HORODATAGE);
        Instant instant;
        try {
            instant = OffsetDateTime.parse(texteHorodatage).toInstant();
        } catch (DateTimeParseException e) {
            return invalide(sansFuseau(texteHorodatage)
                    ? "horodatage sans fuseau horaire : « " + texteHorodatage + " » (ajouter Z ou +01:00)"
                    : "horodatage illisible : « " + texteHorodatage + " »");
        }
        if (!Horodatages.publiable(instant)) {
            return invalide(Horodatages.horsLimites(HORODATAGE, texteHorodatage));
        }
        String texteLongitude = entete.valeur(champs, LONGITUDE);
        Double longitude = nombre(texteLongitude);
        if (longitude == null) {
            return invalide("longitude illisible : « " + texteLongitude + " »");
        }
        if (longitude < -180 || longitude > 180) {
            return invalide("longitude hors de [-180, 180] : « " + texteLongitude + " »");
        }
        String texteLatitude = entete.valeur(champs, LATITUDE);
        Double latitude = nombre(texteLatitude);
        if (latitude == null) {
            return invalide("latitude illisible : « " + texteLatitude + " »");
        }
        if (latitude < -90 || latitude > 90) {
            return invalide("latitude hors de [-90, 90] : « " + texteLatitude + " »");
        }
        String flux = entete.valeur(champs, FLUX).toUpperCase(Locale.ROOT);
        if (!flux.matches(CODE_FLUX)) {
            return invalide("flux invalide : « " + entete.valeur(champs, FLUX)
                    + " » (lettres, chiffres, - ou _ attendus, par exemple OMR)");
        }
        String textePoids = entete.valeur(champs, POIDS_KG);
        Double poids = null;
        if (!textePoids.isEmpty()) {
            poids = nombre(textePoids);
            if (poids == null) {
                return invalide("poids_kg illisible : « " + textePoids + " »");
            }
            if (poids < 0) {
                return invalide("poids_kg négatif : « " + textePoids + " »");
            }
        }
        String camion = entete.valeur(champs, CAMION);
        String idBac = pseudonymiseur.pseudonymiser(entete.valeur(champs, ID_PUCE));
        // the clear chip id is never written out, not even in a warning
        var avertissements = new ArrayList<>(entete.espacesRetires(ligne, champs, List.of(ID_PUCE), false));
        avertissements.addAll(entete.espacesRetires(ligne, champs, List.of(FLUX, CAMION), true));
        return new Lecture.Valide(new LeveeBac(idBac, instant, longitude, latitude, flux, poids,
                camion.isEmpty() ? null : camion, false), avertissements);
    }

    /** A decimal number with a point or a comma, finite; {@code null} when unreadable. */
    static Double nombre(String texte) {
        try {
            double valeur = new BigDecimal(texte.replace(',', '.')).doubleValue();
            return Double.isFinite(valeur) ? valeur : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean sansFuseau(String texte) {
        try {
            LocalDateTime.parse(texte);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Lecture invalide(String raison) {
        return new Lecture.Invalide(raison);
    }
}
