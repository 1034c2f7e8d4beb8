package fr.croisements.ingest.stationnement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.ingest.lora.Appareils;
import fr.croisements.ingest.lora.MessageSimule;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;

/**
 * Simulates (« simulé ») the per-space LoRaWAN parking sensors of Antony's commercial streets,
 * seeded and deterministic, and writes what The Things Stack v3 would: uplink JSON that the project's
 * TTS adapter reads like a user's file.
 *
 * <p>The fleet: the {@value #NOMBRE_PLACES} spaces of {@code stationnement/places-antony.csv}, in 22 of
 * Antony's 27 IRIS (see the README: each IRIS's representative point plus offsets of about 10 m along a
 * street, checked inside its contour by a test); two in three Nwave G4 (NPS405) sensors, the others
 * Bosch TPS110. Each sensor sends a start-up frame (port 3) when put in service, then one frame on port
 * 1 at each change (Nwave: occupied bit and the compressed duration of the previous state; Bosch: the
 * occupied bit). Frames are never lost here: the radio is not the subject (see {@code LoraSimulateur}).
 *
 * <p>Vehicles, calibrated on the real stays published by the City of Melbourne (8 February 2017, see
 * {@code CalageMelbourneTest}, which recomputes every constant below from the file):
 * <ul>
 *   <li>arrivals from 8:00 to 19:00 (Paris), a Poisson process on each free space whose rate follows
 *       the hourly profile of arrivals {@link #ARRIVEES_PAR_HEURE}, scaled so that a space receives
 *       about {@value #ROTATION_JOUR} vehicles a day ({@link #intensite});
 *   <li>durations: one of the classes {@link #BORNES_CLASSES_MINUTES} with the shares {@link #PARTS_CLASSES}
 *       (among those below the space's paid limit), uniform within it, times the hour's factor
 *       {@link #FACTEURS_DUREE_PAR_HEURE} (median of the hour ÷ median of the day), within the limit;
 *       with probability {@value #PART_DEPASSEMENTS} (the share of stays « In Violation ») the stay
 *       overstays: limit × (1 + an exponential of mean 0.5);
 *   <li>not calibrated (Melbourne's data stop at 19:00), an assumption: a free space receives a
 *       resident's car for the night with probability {@value #PART_NUIT}, from 19:30–21:00 to 7:00–9:00;
 *   <li>the {@link ScenarioVoirie} multiplies arrivals and durations where and when it says.
 * </ul>
 * Each space draws from its own random stream (seed, space), so the fleet is the same whatever the
 * period asked. Immutable; thread-safe.
 */
public final class StationnementSimulateur {

    public static final int NOMBRE_PLACES = 136;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String RESSOURCE = "/stationnement/places-antony.csv";

    /** Upper bounds of the duration classes, minutes (the last one: up to 10 h). */
    public static final double[] BORNES_CLASSES_MINUTES = {15, 30, 60, 120, 240, 600};
    /** Share of Melbourne's stays in each class (162 stays: 78, 27, 22, 25, 9, 1). */
    public static final double[] PARTS_CLASSES = {0.4815, 0.1667, 0.1358, 0.1543, 0.0556, 0.0062};
    /** Share of Melbourne's stays « In Violation » (13 of 162). */
    public static final double PART_DEPASSEMENTS = 0.0802;
    /** Arrivals of Melbourne's sample by hour, from 8:00 to 18:00 (162 in all). */
    public static final int[] ARRIVEES_PAR_HEURE = {14, 17, 17, 15, 8, 18, 15, 18, 8, 17, 15};
    public static final int PREMIERE_HEURE = 8;
    /** Median duration of the stays arriving in each hour ÷ the median of the day, from 8:00 to 18:00. */
    public static final double[] FACTEURS_DUREE_PAR_HEURE = {0.90, 0.75, 0.84, 1.65, 1.52, 1.31, 0.41, 0.78, 1.54, 1.08, 0.95};
    /** Vehicles per space from 8:00 to 19:00: 162 stays of a 1-in-10 sample on 277 bays. */
    public static final double ROTATION_JOUR = 5.85;
    /** Share of the bays' time occupied from 8:00 to 19:00 in Melbourne's sample. */
    public static final double OCCUPATION = 0.32;
    public static final double PART_NUIT = 0.15;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stay the simulation drew (the truth the sensors report). */
    public record Sejour(PlaceVoirie place, Instant arrivee, Instant depart) {}

    private final long graine;
    private final ScenarioVoirie scenario;
    private final List<PlaceVoirie> places;

    public StationnementSimulateur(long graine, ScenarioVoirie scenario) {
        this.graine = graine;
        this.scenario = scenario;
        this.places = lirePlaces();
    }

    public List<PlaceVoirie> places() {
        return places;
    }

    public ScenarioVoirie scenario() {
        return scenario;
    }

    /** The sensors, for the adapter: model and position of each DevEUI. */
    public Appareils appareils() {
        return Appareils.de(places.stream().map(p -> new Appareils.Appareil(p.devEui(), p.modele(), p.position())).toList());
    }

    /** The stays of every space put in service at {@code debut} that start before {@code fin}, by arrival. */
    public List<Sejour> sejours(Instant debut, Instant fin) {
        var tous = new ArrayList<Sejour>();
        for (int i = 0; i < places.size(); i++) {
            var g = new Generateur(i, debut);
            for (Sejour s = g.suivant(); s.arrivee().isBefore(fin); s = g.suivant()) {
                tous.add(s);
            }
        }
        tous.sort(Comparator.comparing(Sejour::arrivee));
        return tous;
    }

    /**
     * The TTS uplinks of the fleet put in service at {@code debut}, in time order, before {@code fin}
     * ({@link Instant#MAX} for none): streamed, never held in memory.
     */
    public Iterator<MessageSimule> iterateur(Instant debut, Instant fin) {
        var file = new PriorityQueue<Flux>(Comparator.comparing((Flux f) -> f.prochain.instant()).thenComparing(f -> f.rang));
        for (int i = 0; i < places.size(); i++) {
            file.add(new Flux(i, debut));
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !file.isEmpty() && file.peek().prochain.instant().isBefore(fin);
            }

            @Override
            public MessageSimule next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Flux f = file.poll();
                MessageSimule m = f.prochain;
                f.avancer();
                file.add(f);
                return m;
            }
        };
    }

    /** Arrivals per free space and hour at local time {@code t} on a space of {@code codeIris}. */
    double intensite(String codeIris, LocalDateTime t) {
        int i = t.getHour() - PREMIERE_HEURE;
        if (i < 0 || i >= ARRIVEES_PAR_HEURE.length) {
            return 0;
        }
        double part = ARRIVEES_PAR_HEURE[i] / (double) java.util.Arrays.stream(ARRIVEES_PAR_HEURE).sum();
        return ROTATION_JOUR * part / (1 - OCCUPATION) * scenario.facteurArrivees(codeIris, t);
    }

    /** The stays of one space, one after the other, from its own random stream. */
    private final class Generateur {
        private final PlaceVoirie place;
        private final SplittableRandom rng;
        private Instant libreDepuis;

        Generateur(int rang, Instant debut) {
            this.place = places.get(rang);
            this.rng = new SplittableRandom(graine * 1_000_003L + rang);
            // after the start-up frame of the space (debut + rang × 250 ms)
            this.libreDepuis = debut.plusMillis(rang * 250L + 1000 + rng.nextLong(600_000));
        }

        Sejour suivant() {
            Instant arrivee = prochaineArrivee(libreDepuis);
            LocalDateTime local = LocalDateTime.ofInstant(libreDepuis, PARIS);
            Instant soir = local.toLocalDate().atTime(LocalTime.of(19, 30)).atZone(PARIS).toInstant();
            boolean nuit = rng.nextDouble() < PART_NUIT;
            Sejour s;
            if (libreDepuis.isBefore(soir) && arrivee.isAfter(soir) && nuit) {
                Instant a = soir.plusSeconds(rng.nextLong(90 * 60));
                Instant d = local.toLocalDate().plusDays(1).atTime(7, 0).atZone(PARIS).toInstant().plusSeconds(rng.nextLong(120 * 60));
                s = new Sejour(place, a, d);
            } else {
                s = new Sejour(place, arrivee, arrivee.plusSeconds(Math.max(60, Math.round(dureeMinutes(arrivee) * 60))));
            }
            libreDepuis = s.depart();
            return s;
        }

        private Instant prochaineArrivee(Instant t) {
            double e = -Math.log(1 - rng.nextDouble());
            Instant c = t;
            for (int i = 0; i < 24 * 30; i++) {
                LocalDateTime l = LocalDateTime.ofInstant(c, PARIS);
                Instant finHeure = l.truncatedTo(ChronoUnit.HOURS).plusHours(1).atZone(PARIS).toInstant();
                double lambda = intensite(place.codeIris(), l);
                double heures = Duration.between(c, finHeure).toMillis() / 3_600_000.0;
                if (lambda * heures >= e) {
                    return c.plusMillis(Math.round(e / lambda * 3_600_000));
                }
                e -= lambda * heures;
                c = finHeure;
            }
            return c;
        }

        private double dureeMinutes(Instant arrivee) {
            LocalDateTime l = LocalDateTime.ofInstant(arrivee, PARIS);
            int limite = place.limiteMinutes();
            if (rng.nextDouble() < PART_DEPASSEMENTS) {
                return limite * (1 + 0.5 * -Math.log(1 - rng.nextDouble())) + 1;
            }
            double total = 0;
            for (int k = 0; k < PARTS_CLASSES.length && (k == 0 || BORNES_CLASSES_MINUTES[k - 1] < limite); k++) {
                total += PARTS_CLASSES[k];
            }
            double u = rng.nextDouble() * total;
            int k = 0;
            while (k < PARTS_CLASSES.length - 1 && u > PARTS_CLASSES[k]) {
                u -= PARTS_CLASSES[k];
                k++;
            }
            double bas = k == 0 ? 1 : BORNES_CLASSES_MINUTES[k - 1];
            double haut = Math.min(BORNES_CLASSES_MINUTES[k], limite);
            double d = bas + rng.nextDouble() * Math.max(0, haut - bas);
            int i = l.getHour() - PREMIERE_HEURE;
            double facteur = i >= 0 && i < FACTEURS_DUREE_PAR_HEURE.length ? FACTEURS_DUREE_PAR_HEURE[i] : 1;
            return Math.min(limite, Math.max(1, d * facteur * scenario.facteurDurees(place.codeIris(), l)));
        }
    }

    /** The frames of one sensor: start-up, then occupied and free at each stay. */
    private final class Flux {
        final int rang;
        final Generateur generateur;
        final PlaceVoirie place;
        long fCnt;
        Sejour sejour;
        boolean enCours;
        Instant dernierChangement;
        MessageSimule prochain;

        Flux(int rang, Instant debut) {
            this.rang = rang;
            this.generateur = new Generateur(rang, debut);
            this.place = generateur.place;
            this.dernierChangement = debut;
            this.prochain = message(debut.plusMillis(rang * 250L), 3, demarrage());
            this.sejour = generateur.suivant();
        }

        void avancer() {
            if (!enCours) {
                long libre = Duration.between(dernierChangement, sejour.arrivee()).toMinutes();
                prochain = message(sejour.arrivee(), 1, statut(true, libre));
                dernierChangement = sejour.arrivee();
                enCours = true;
            } else {
                long occupe = Duration.between(sejour.arrivee(), sejour.depart()).toMinutes();
                prochain = message(sejour.depart(), 1, statut(false, occupe));
                dernierChangement = sejour.depart();
                enCours = false;
                sejour = generateur.suivant();
            }
        }

        private boolean nwave() {
            return place.modele().equals("nwave-nps");
        }

        private byte[] demarrage() {
            return nwave() ? new byte[5] : new byte[17];
        }

        private byte[] statut(boolean occupee, long minutesPrecedentes) {
            int bit = occupee ? 1 : 0;
            return new byte[] {(byte) (nwave() ? dureeCompressee(minutesPrecedentes) << 1 | bit : bit)};
        }

        private MessageSimule message(Instant t, int port, byte[] charge) {
            long n = fCnt++;
            return new MessageSimule(t, place.devEui(), "tts", "up", ttsUplink(place, t, port, n, charge, nwave()));
        }
    }

    /** Nwave's compressed duration: exact below 90 min, then 5-min then 60-min steps, 127 beyond 10 h. */
    static int dureeCompressee(long minutes) {
        if (minutes < 90) {
            return (int) minutes;
        }
        if (minutes < 240) {
            return (int) (90 + (minutes - 90) / 5);
        }
        return (int) Math.min(127, 120 + (minutes - 240) / 60);
    }

    /** The uplink as The Things Stack v3 writes it; the network server's reception time is {@code t}. */
    static String ttsUplink(PlaceVoirie p, Instant t, int port, long fCnt, byte[] charge, boolean nwave) {
        ObjectNode m = JSON.createObjectNode();
        ObjectNode ids = m.putObject("end_device_ids");
        ids.put("device_id", "place-" + p.place().toLowerCase(java.util.Locale.ROOT));
        ids.putObject("application_ids").put("application_id", "stationnement-antony");
        ids.put("dev_eui", p.devEui());
        ids.put("join_eui", "70B3D57ED0000000");
        m.put("received_at", t.plusMillis(120).toString());
        ObjectNode up = m.putObject("uplink_message");
        up.put("f_port", port);
        if (fCnt != 0) {
            up.put("f_cnt", fCnt);
        }
        up.put("frm_payload", Base64.getEncoder().encodeToString(charge));
        ObjectNode rx = up.putArray("rx_metadata").addObject();
        rx.putObject("gateway_ids").put("gateway_id", "antony-hotel-de-ville").put("eui", "70B3D5FFFE0A0001");
        rx.put("time", t.minusMillis(40).toString());
        int rssi = -70 - (int) (Math.abs(p.longitude() - 2.2958) * 2000 + Math.abs(p.latitude() - 48.7514) * 2000);
        rx.put("rssi", rssi);
        rx.put("channel_rssi", rssi);
        rx.put("snr", 7.5);
        ObjectNode lieu = rx.putObject("location");
        lieu.put("latitude", 48.7514);
        lieu.put("longitude", 2.2958);
        lieu.put("altitude", 95);
        ObjectNode lora = up.putObject("settings").putObject("data_rate").putObject("lora");
        lora.put("bandwidth", 125_000);
        lora.put("spreading_factor", 7);
        lora.put("coding_rate", "4/5");
        ((ObjectNode) up.get("settings")).put("frequency", "868100000");
        up.put("received_at", t.toString());
        ObjectNode user = up.putObject("locations").putObject("user");
        user.put("latitude", p.latitude());
        user.put("longitude", p.longitude());
        user.put("source", "SOURCE_REGISTRY");
        ObjectNode versions = up.putObject("version_ids");
        versions.put("brand_id", nwave ? "nwave" : "bosch");
        versions.put("model_id", nwave ? "nps405" : "tps110");
        versions.put("band_id", "EU_863_870");
        up.put("simulated", true);
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PlaceVoirie> lirePlaces() {
        try (var in = StationnementSimulateur.class.getResourceAsStream(RESSOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESSOURCE);
            }
            var lignes = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            var places = new ArrayList<PlaceVoirie>();
            for (var r : lignes) {
                places.add(new PlaceVoirie(r.get("place"), r.get("dev_eui"), r.get("modele"), r.get("rue"), r.get("code_iris"),
                        r.get("nom_iris"), Double.parseDouble(r.get("longitude")), Double.parseDouble(r.get("latitude")),
                        Integer.parseInt(r.get("limite_minutes"))));
            }
            return List.copyOf(places);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
