package fr.croisements.ingest.stationnement;

import fr.croisements.events.Rejet;
import fr.croisements.events.SejourPlace;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the paid-parking transactions of a city's parking meters or mobile-payment system (CSV,
 * {@code ;} or {@code ,}) to {@code stationnement-sejours}, one {@link SejourPlace} per row, and each
 * unusable row to {@code rejets} with its line and French reason; reading goes on.
 *
 * <p>Columns (any other name through {@code --colonne ROLE=NOM}): {@code debut}, {@code fin} (ISO
 * 8601 with offset, or {@code AAAA-MM-JJ HH:MM[:SS]} / {@code JJ/MM/AAAA HH:MM[:SS]} in Paris time),
 * {@code place} or {@code zone} (at least one: the space, or the paid zone when the export has no
 * space), {@code longitude}, {@code latitude} (WGS84: the crossing finds the IRIS from them),
 * optional {@code montant} (€, checked ≥ 0, not kept: the figures are about stays, not revenue) and
 * {@code limite_minutes} (the paid-time limit, else 2 h). A stay is what was paid: a driver who
 * leaves early or overstays is not seen. Key = the space (else the zone), record time = the start.
 * Stateless apart from its clock.
 */
public final class HorodateursAdapter {

    private static final Logger log = LoggerFactory.getLogger(HorodateursAdapter.class);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Duration SEJOUR_MAX = Duration.ofDays(7);

    public static final List<Role> ROLES = List.of(
            new Role("debut", "debut", List.of("start", "start_time", "date_debut", "heure_debut", "startdate", "begin")),
            new Role("fin", "fin", List.of("end", "end_time", "date_fin", "heure_fin", "enddate", "expiry")),
            new Role("place", "place", List.of("space", "place_id", "emplacement", "bay", "bay_id")),
            new Role("zone", "zone", List.of("zone_id", "secteur", "area", "zone_tarifaire")),
            new Role("longitude", "longitude", List.of("lon", "lng", "x")),
            new Role("latitude", "latitude", List.of("lat", "y")),
            new Role("montant", "montant", List.of("amount", "prix", "price", "paid")),
            new Role("limite", "limite_minutes", List.of("duree_max", "max_duration", "limite")));

    private static final List<DateTimeFormatter> LOCALES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm[:ss]", Locale.ROOT));

    private final Correspondance colonnes;
    private final Clock horloge;

    public HorodateursAdapter(Correspondance colonnes) {
        this(colonnes, Clock.systemUTC());
    }

    HorodateursAdapter(Correspondance colonnes, Clock horloge) {
        this.colonnes = colonnes.verifier("horodateurs", ROLES);
        this.horloge = Objects.requireNonNull(horloge, "horloge");
    }

    public Bilan publier(Path fichier, Producer<String, SejourPlace> sejours, Producer<String, Rejet> rejets) throws IOException {
        try (InputStream in = Files.newInputStream(fichier)) {
            return publier(in, fichier.getFileName().toString(), sejours, rejets);
        }
    }

    /** Publishes a stream (not closed here), e.g. standard input, under the name {@code nomSource}. */
    public Bilan publier(InputStream in, String nomSource, Producer<String, SejourPlace> sejours, Producer<String, Rejet> rejets)
            throws IOException {
        var envois = new Envois<>(nomSource, Topics.STATIONNEMENT_SEJOURS, sejours, SejourPlace::place, SejourPlace::arrivee,
                rejets, horloge);
        var lecteur = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String premiere = lecteur.readLine();
        LignesCsv.Entete entete;
        try {
            entete = colonnes.appliquer(LignesCsv.Entete.lire(premiere), ROLES);
            var manquantes = new ArrayList<String>();
            var roles = new ArrayList<Role>();
            for (Role r : ROLES) {
                if (List.of("debut", "fin", "longitude", "latitude").contains(r.nom()) && !entete.a(r.colonne())) {
                    manquantes.add(r.colonne() + " (rôle " + r.nom() + ")");
                    roles.add(r);
                }
            }
            if (!entete.a("place") && !entete.a("zone")) {
                manquantes.add("place ou zone (rôle place ou zone)");
                roles.add(ROLES.get(2));
            }
            if (!manquantes.isEmpty()) {
                throw new IllegalArgumentException(Correspondance.manquantes(manquantes, roles, ROLES, LignesCsv.Entete.lire(premiere)));
            }
        } catch (IllegalArgumentException e) {
            log.warn("{} rejected: {}", envois.position(1), e.getMessage());
            envois.rejet(1, e.getMessage(), premiere == null ? "" : premiere);
            return envois.terminer(0);
        }
        long lus = 0;
        long numero = 1;
        for (String ligne = lecteur.readLine(); ligne != null; ligne = lecteur.readLine()) {
            numero++;
            if (ligne.isBlank()) {
                continue;
            }
            lus++;
            List<String> champs = LignesCsv.champs(ligne, entete.separateur());
            String raison;
            SejourPlace s = null;
            if (champs == null || champs.size() != entete.nombre()) {
                raison = "ligne illisible : " + (champs == null ? "guillemets mal fermés" : champs.size() + " champs au lieu de "
                        + entete.nombre());
            } else {
                try {
                    s = sejour(entete, champs);
                    raison = null;
                } catch (IllegalArgumentException e) {
                    raison = e.getMessage();
                }
            }
            if (raison != null) {
                log.warn("{} rejected: {}", envois.position(numero), raison);
                envois.rejet(numero, raison, ligne);
            } else {
                envois.donnee(numero, s);
            }
        }
        Bilan bilan = envois.terminer(lus);
        log.info("Read {} transactions from {}: {} published to {}, {} rejected", bilan.lus(), nomSource, bilan.publies(),
                Topics.STATIONNEMENT_SEJOURS.name(), bilan.rejetes());
        return bilan;
    }

    /** Pure: one row to a stay, or an {@link IllegalArgumentException} with the French reason. */
    static SejourPlace sejour(LignesCsv.Entete e, List<String> champs) {
        Instant debut = instant(e.valeur(champs, "debut"), "debut");
        Instant fin = instant(e.valeur(champs, "fin"), "fin");
        if (fin.isBefore(debut)) {
            throw new IllegalArgumentException("fin " + fin + " avant le début " + debut);
        }
        if (Duration.between(debut, fin).compareTo(SEJOUR_MAX) > 0) {
            throw new IllegalArgumentException("transaction de plus de 7 jours (" + debut + " → " + fin + ") : durée invraisemblable");
        }
        String place = e.valeur(champs, "place").strip();
        String id = place.isEmpty() ? e.valeur(champs, "zone").strip() : place;
        if (id.isEmpty()) {
            throw new IllegalArgumentException("ni place ni zone : la transaction ne peut être rattachée à aucun emplacement");
        }
        double lon = nombre(e.valeur(champs, "longitude"), "longitude", -180, 180);
        double lat = nombre(e.valeur(champs, "latitude"), "latitude", -90, 90);
        String montant = e.valeur(champs, "montant").strip();
        if (!montant.isEmpty()) {
            nombre(montant, "montant", 0, 10_000);
        }
        String limite = e.valeur(champs, "limite_minutes").strip();
        Integer limiteMinutes = limite.isEmpty() ? null : (int) nombre(limite, "limite_minutes", 1, 24 * 60);
        return new SejourPlace(id, debut, fin, lon, lat, limiteMinutes, SejourPlace.HORODATEUR, false);
    }

    static Instant instant(String texte, String colonne) {
        String t = texte.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(colonne + " vide");
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignoree) {
            // not an ISO date with offset: a local time of Paris
        }
        for (DateTimeFormatter f : LOCALES) {
            try {
                return LocalDateTime.parse(t, f).atZone(PARIS).toInstant();
            } catch (DateTimeParseException ignoree) {
                // try the next form
            }
        }
        throw new IllegalArgumentException(colonne + " illisible : « " + t + " » (attendu 2026-03-03T10:15:00+01:00, "
                + "2026-03-03 10:15 ou 03/03/2026 10:15, heure de Paris)");
    }

    private static double nombre(String texte, String colonne, double min, double max) {
        String t = texte.strip().replace(',', '.');
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(colonne + " illisible : « " + texte.strip() + " » (nombre attendu)");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(colonne + " hors plage : " + texte.strip() + " (de " + (long) min + " à " + (long) max + ")");
        }
        return v;
    }
}
