package fr.croisements.ingest.parking;

import fr.croisements.datasets.Signalement;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.ingest.Bilan;
import fr.croisements.ingest.csv.Correspondance;
import fr.croisements.ingest.csv.Envois;
import fr.croisements.ingest.csv.LignesCsv;
import fr.croisements.ingest.csv.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes car-park occupancy observations (CSV, or JSON / NDJSON) to {@code stationnement-occupation},
 * and each unusable row to {@code rejets}.
 *
 * <p>Formats: see {@link LectureOccupations} and the module README (§5.2): our generic columns
 * ({@code parking_id, horodatage, places_libres}, optional {@code capacite, statut}), the layout of
 * the real Montpellier series ({@code date;heure_locale;parking_id;nom;places_libres;places_totales},
 * local time of Paris), FIWARE {@code OffStreetParking} entities, and any other names through a
 * {@link Correspondance} of the file's columns to our roles ({@code --colonne places-libres=free}).
 * CSV or JSON is told from the
 * file extension ({@code .csv}; {@code .json}, {@code .ndjson}, {@code .jsonl}), else from the first
 * non-blank character ({@code {} or {@code [} for JSON).
 *
 * <p>Out: key = car park id, value = {@link OccupationParking} with {@code simule = false}, record
 * timestamp = the observation time (event time). Negative free places, a capacity ≤ 0, more free
 * places than capacity, an unreadable or offset-less time are rejects (key = source name, position
 * {@code fichier:LINE}, French reason, raw row), logged at WARN; reading goes on. Whether the car
 * park exists is <b>not</b> checked here: the streams join against {@code ref-parkings} knows the
 * reference table and rejects observations of unknown car parks. Send failures are thrown as
 * {@link KafkaException}. Stateless apart from its clock.
 */
public final class OccupationAdapter {

    private static final Logger log = LoggerFactory.getLogger(OccupationAdapter.class);

    /** The two input forms. */
    public enum Format { CSV, JSON }

    /**
     * What was read from a file without publishing it.
     *
     * @param source the file name
     * @param valeurs the observations kept, in file order
     * @param rejets the rows rejected, each with its line and reason
     */
    public record Observations(String source, List<OccupationParking> valeurs, List<Signalement> rejets) {
        public Observations {
            valeurs = List.copyOf(valeurs);
            rejets = List.copyOf(rejets);
        }
    }

    /** The roles {@code --colonne} may name for an occupancy file, in the order the help lists them. */
    public static final List<Role> ROLES = LectureOccupations.ROLES;

    private final Clock horloge;
    private final LectureOccupations lecture;

    public OccupationAdapter() {
        this(Correspondance.AUCUNE);
    }

    /**
     * Reading a file whose columns (or JSON fields) bear other names than ours.
     *
     * @throws IllegalArgumentException in French when the mapping names a role this adapter does not know
     */
    public OccupationAdapter(Correspondance colonnes) {
        this(Clock.systemUTC(), colonnes);
    }

    /** With the clock that dates rejects, for tests. */
    OccupationAdapter(Clock horloge) {
        this(horloge, Correspondance.AUCUNE);
    }

    OccupationAdapter(Clock horloge, Correspondance colonnes) {
        this.horloge = Objects.requireNonNull(horloge, "horloge");
        this.lecture = new LectureOccupations(colonnes.verifier("occupation", ROLES));
    }

    /** Publishes a file (format from its extension, else its content); its name is the source of the rejects. */
    public Bilan publier(Path fichier, Producer<String, OccupationParking> occupations, Producer<String, Rejet> rejets)
            throws IOException {
        try (InputStream in = Files.newInputStream(fichier)) {
            String nom = fichier.getFileName().toString();
            return publier(in, nom, format(nom), occupations, rejets);
        }
    }

    /**
     * Publishes a stream (not closed here), e.g. standard input.
     *
     * @param nomSource the name rejects and logs refer to
     * @param format CSV or JSON, or {@code null} to tell from the content
     * @throws IOException when the stream cannot be read
     * @throws KafkaException when a record cannot be sent; what was sent before stays sent
     */
    public Bilan publier(InputStream in, String nomSource, Format format, Producer<String, OccupationParking> occupations,
            Producer<String, Rejet> rejets) throws IOException {
        var envois = new Envois<>(nomSource, Topics.STATIONNEMENT_OCCUPATION, occupations, OccupationParking::parkingId,
                OccupationParking::instant, rejets, horloge);
        long[] lus = new long[1];
        lire(lecture, in, format, new LectureOccupations.Destinataire() {
            @Override
            public void observation(long ligne, OccupationParking observation, List<String> avertissements) {
                for (String avertissement : avertissements) {
                    log.warn("{} value normalised: {}", envois.position(ligne), avertissement);
                    envois.avertissement(ligne, avertissement);
                }
                envois.donnee(ligne, observation);
                lus[0]++;
            }

            @Override
            public void rejet(long ligne, String raison, String extrait, boolean fichierEntier) {
                log.warn("{} rejected: {}", envois.position(ligne), raison);
                envois.rejet(ligne, raison, extrait);
                lus[0] += fichierEntier ? 0 : 1;
            }
        });
        Bilan bilan = envois.terminer(lus[0]);
        log.info("Read {} observations from {}: {} published to {}, {} rejected to {}, {} values normalised", bilan.lus(),
                nomSource, bilan.publies(), Topics.STATIONNEMENT_OCCUPATION.name(), bilan.rejetes(), Topics.REJETS.name(),
                bilan.nombreAvertissements());
        return bilan;
    }

    /** Reads a file without publishing (e.g. to replay it live, or to compute a profile from it). */
    public static Observations lire(Path fichier) throws IOException {
        String nom = fichier.getFileName().toString();
        var valeurs = new ArrayList<OccupationParking>();
        var rejets = new ArrayList<Signalement>();
        try (InputStream in = Files.newInputStream(fichier)) {
            lire(new LectureOccupations(Correspondance.AUCUNE), in, format(nom), new LectureOccupations.Destinataire() {
                @Override
                public void observation(long ligne, OccupationParking observation, List<String> avertissements) {
                    avertissements.forEach(a -> log.warn("{}", new Signalement(nom, ligne, Signalement.Gravite.AVERTISSEMENT, a)));
                    valeurs.add(observation);
                }

                @Override
                public void rejet(long ligne, String raison, String extrait, boolean fichierEntier) {
                    var s = new Signalement(nom, ligne, Signalement.Gravite.REJET, raison);
                    log.warn("{}", s);
                    rejets.add(s);
                }
            });
        }
        return new Observations(nom, valeurs, rejets);
    }

    /** The format a file name announces, or {@code null} when its extension says nothing. */
    static Format format(String nomFichier) {
        String nom = nomFichier.toLowerCase(Locale.ROOT);
        if (nom.endsWith(".csv")) {
            return Format.CSV;
        }
        if (nom.endsWith(".json") || nom.endsWith(".ndjson") || nom.endsWith(".jsonl")) {
            return Format.JSON;
        }
        return null;
    }

    private static void lire(LectureOccupations lecture, InputStream in, Format format, LectureOccupations.Destinataire d)
            throws IOException {
        var lecteur = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Format lu = format != null ? format : detecter(lecteur);
        if (lu == Format.JSON) {
            lecture.lireJson(lecteur, d);
        } else {
            lecture.lireCsv(lecteur, d);
        }
    }

    /** JSON when the first non-blank character (after a BOM) is {@code {} or {@code [}; CSV otherwise. */
    private static Format detecter(BufferedReader lecteur) throws IOException {
        lecteur.mark(1 << 16);
        int c;
        int lus = 0;
        do {
            c = lecteur.read();
            lus++;
        } while (c >= 0 && lus < (1 << 16) && (Character.isWhitespace(c) || c == LignesCsv.BOM));
        lecteur.reset();
        return c == '{' || c == '[' ? Format.JSON : Format.CSV;
    }
}
