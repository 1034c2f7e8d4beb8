package fr.croisements.ingest.lora;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.Position;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates a LoRaWAN sensor fleet of Grand Poitiers, seeded and deterministic, and emits what its
 * network servers would: real The Things Stack v3 and ChirpStack v4 JSON, to be read by the same
 * adapters as a user's files. Everything it produces is marked simulated.
 *
 * <p>The fleet:
 * <ul>
 *   <li>{@value #NOMBRE_PASSERELLES} gateways on rooftops of Poitiers, Chasseneuil-du-Poitou,
 *       Saint-Benoît and Mignaloux-Beauvoir ({@link #passerelles()}), antennas about 30 m high;
 *   <li>{@value #NOMBRE_CAPTEURS} outdoor sensors, one in three a Milesight EM500-CO2
 *       (temperature, humidity, CO2, pressure), the others Milesight EM300-TH (temperature,
 *       humidity), each at a random point strictly inside its commune: {@value #PART_POITIERS} of
 *       them in Poitiers, the others in communes drawn with weights proportional to the square
 *       root of their population; every other sensor on The Things Stack, the others on ChirpStack;
 *   <li>each sensor sends one uplink every 10 to 15 minutes (its own period, drawn once) on port
 *       {@value #PORT}, in Milesight's format, so that {@link DecodeurRegistre} decodes it; it
 *       joins when put in service, {@link #miseEnService()} plus a phase of up to one period;
 *       ChirpStack sensors also answer a status request once a day (battery, margin).
 * </ul>
 *
 * <p>Radio, a log-distance path-loss model: {@code RSSI = P - 10 n log10(d) - obstacles - masquage
 * + évanouissement}, with {@code P} = {@value #PUISSANCE_1M_DBM} dBm at 1 m (14 dBm emitted, 2 dBi of
 * antenna gains, 31.2 dB of free-space loss over the first metre at 868 MHz), {@code n} =
 * {@value #EXPOSANT}, {@code d} in metres, a fixed loss to obstacles per sensor (0 to
 * {@value #OBSTACLES_MAX_DB} dB), a fixed shadowing per sensor and gateway (Gaussian,
 * {@value #SIGMA_MASQUAGE_DB} dB) and a fading per frame (Gaussian, {@value #SIGMA_EVANOUISSEMENT_DB} dB).
 * A gateway hears a frame when the RSSI reaches {@value #SENSIBILITE_DBM} dBm, unless the frame
 * collides there ({@value #PROBABILITE_COLLISION}); SNR = RSSI minus a noise floor of
 * {@value #PLANCHER_BRUIT_DBM} dBm, capped at +12 dB. So sensors in town are heard by several
 * gateways, and sensors in far communes by none: their frames never reach a network server.
 * A frame no gateway hears is lost: the frame counter shows the gap.
 *
 * <p>Life of the devices: battery levels start between 35 and 100 % and decline by 0.02 to
 * 0.06 % a day (5 to 10 years of life at one frame every 10 to 15 minutes); the sensor with the
 * lowest level has an old battery, 4 % declining by 0.3 % a day, and goes silent when empty. The
 * best-heard sensor restarts 36 hours after being put in service: it joins again and its frame
 * counter starts again from 0.
 *
 * <p>Measures come from {@link ClimatSimule} (Poitiers normals, diurnal cycle, the {@link Scenario}'s
 * heat wave), plus 1 °C in Poitiers (urban heat island), a fixed offset per sensor and a little noise.
 *
 * <p>Messages are generated one UTC day at a time from random streams seeded by (seed, sensor,
 * session, frame): any period can be produced alone, and a long period is streamed, never held in
 * memory. Immutable after construction; thread-safe.
 */
public final class LoraSimulateur {

    private static final Logger log = LoggerFactory.getLogger(LoraSimulateur.class);

    public static final int NOMBRE_PASSERELLES = 5;
    public static final int NOMBRE_CAPTEURS = 36;
    public static final double PART_POITIERS = 0.4;
    public static final String CODE_POITIERS = "86194";
    /** Milesight's application port. */
    public static final int PORT = 85;
    public static final Duration PERIODE_MIN = Duration.ofMinutes(10);
    public static final Duration PERIODE_MAX = Duration.ofMinutes(15);
    public static final Instant MISE_EN_SERVICE_PAR_DEFAUT = Instant.parse("2025-01-01T00:00:00Z");
    /** The best-heard sensor restarts this long after being put in service. */
    public static final Duration REDEMARRAGE_APRES = Duration.ofHours(36);

    public static final double PUISSANCE_1M_DBM = -15.2;
    public static final double EXPOSANT = 2.6;
    public static final double SENSIBILITE_DBM = -120;
    public static final double OBSTACLES_MAX_DB = 12;
    public static final double SIGMA_MASQUAGE_DB = 6;
    public static final double SIGMA_EVANOUISSEMENT_DB = 2;
    public static final double PROBABILITE_COLLISION = 0.02;
    public static final double PLANCHER_BRUIT_DBM = -117;
    static final double SNR_MAX_DB = 12;
    /** SNR a LoRa SF7 receiver needs: the margin of a status is measured from it. */
    static final double SNR_REQUIS_DB = -7.5;

    static final double BATTERIE_MIN = 35;
    static final double BATTERIE_MAX = 100;
    static final double DECLIN_MIN = 0.02;
    static final double DECLIN_MAX = 0.06;
    static final double BATTERIE_USEE = 4;
    static final double DECLIN_USEE = 0.3;
    static final double ILOT_DE_CHALEUR = 1.0;
    static final double SIGMA_DECALAGE = 0.4;
    private static final long GIGUE_MAX_S = 40;
    private static final Duration AVANT_PREMIERE_TRAME = Duration.ofSeconds(10);
    private static final Duration HEURE_STATUT = Duration.ofHours(6);
    private static final double RAYON_TERRE_M = 6_371_000;
    private static final int ESSAIS_MAX_PAR_POINT = 10_000;

    /**
     * A simulated gateway.
     *
     * @param eui 16 uppercase hex characters, as the adapters normalise gateway ids
     * @param id its TTS gateway id
     * @param altitude antenna altitude, m
     */
    public record Passerelle(String eui, String id, String nom, String codeInsee, double longitude, double latitude,
            double altitude) {
        public Position position() {
            return new Position(longitude, latitude, altitude);
        }
    }

    /**
     * A simulated sensor.
     *
     * @param devEui 16 uppercase hex characters
     * @param id device id / name on its network server
     * @param modele model id in {@link DecodeurRegistre} ({@code milesight-em500-co2}, {@code milesight-em300-th})
     * @param reseau {@code tts} or {@code chirpstack}
     * @param periode time between two uplinks
     */
    public record Capteur(String devEui, String id, String modele, String reseau, String codeInsee, String commune,
            double longitude, double latitude, Duration periode) {
        public Position position() {
            return new Position(longitude, latitude, null);
        }
    }

    /** One gateway hearing one frame. */
    record Ecoute(Passerelle passerelle, int rssi, double snr) {}

    /** A sensor and what the simulation drew for it once for all. */
    record CapteurSimule(Capteur capteur, int rang, Instant activation, double batterieInitiale, double declinParJour,
            double obstacles, double[] masquage, double decalage, boolean urbain, String[] devAddrs) {
        String devEui() {
            return capteur.devEui();
        }

        String id() {
            return capteur.id();
        }

        double longitude() {
            return capteur.longitude();
        }

        double latitude() {
            return capteur.latitude();
        }

        boolean co2() {
            return capteur.modele().equals("milesight-em500-co2");
        }

        String modeleTts() {
            return co2() ? "em500-co2" : "em300-th";
        }

        String profilChirpstack() {
            return co2() ? "Milesight EM500-CO2" : "Milesight EM300-TH";
        }

        String devAddr(int session) {
            return devAddrs[session];
        }

        /** Battery level, %, at {@code t}. */
        double batterie(Instant t) {
            double jours = Duration.between(activation, t).toSeconds() / 86_400.0;
            return batterieInitiale - declinParJour * Math.max(0, jours);
        }

        /** When the battery is empty and the sensor goes silent. */
        Instant extinction() {
            return activation.plusSeconds((long) (batterieInitiale / declinParJour * 86_400));
        }
    }

    private final long graine;
    private final Scenario scenario;
    private final Instant miseEnService;
    private final ClimatSimule climat;
    private final List<Passerelle> passerelles;
    private final List<CapteurSimule> capteurs;
    /** Rank of the sensor that restarts, and when. */
    private final int rangRedemarrage;
    private final Instant redemarrage;

    /** A fleet put in service at {@link #MISE_EN_SERVICE_PAR_DEFAUT}. */
    public LoraSimulateur(Territoire territoire, long graine, Scenario scenario) {
        this(territoire, graine, scenario, MISE_EN_SERVICE_PAR_DEFAUT);
    }

    /**
     * Draws the fleet.
     *
     * @param territoire the territory pack (Grand Poitiers; for another territory the gateways go
     *     to its {@value #NOMBRE_PASSERELLES} most populated communes)
     * @param miseEnService when the sensors join the network (each within one period after it)
     * @throws IllegalArgumentException when the territory has no commune with a contour
     */
    public LoraSimulateur(Territoire territoire, long graine, Scenario scenario, Instant miseEnService) {
        Objects.requireNonNull(territoire, "territoire");
        this.graine = graine;
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.miseEnService = Objects.requireNonNull(miseEnService, "miseEnService");
        this.climat = new ClimatSimule(graine, scenario);
        List<Commune> communes = territoire.communes().stream()
                .filter(c -> c.contour() != null && !c.contour().isEmpty())
                .sorted(Comparator.comparing(Commune::codeInsee))
                .toList();
        if (communes.isEmpty()) {
            throw new IllegalArgumentException("Territory " + territoire.id() + " has no commune with a contour");
        }
        this.passerelles = placerPasserelles(communes);
        this.capteurs = placerCapteurs(communes);
        this.rangRedemarrage = mieuxEntendu();
        CapteurSimule c = capteurs.get(rangRedemarrage);
        this.redemarrage = c.activation().plus(REDEMARRAGE_APRES);
        log.info("Simulating {} LoRaWAN sensors and {} gateways in {} (seed {}, scenario {}); {} restarts at {}",
                capteurs.size(), passerelles.size(), territoire.id(), graine, scenario.nom(), c.devEui(), redemarrage);
    }

    public List<Passerelle> passerelles() {
        return passerelles;
    }

    public List<Capteur> capteurs() {
        return capteurs.stream().map(CapteurSimule::capteur).toList();
    }

    public Instant miseEnService() {
        return miseEnService;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The sensor that restarts (new join, frame counter from 0), and when. */
    public Capteur capteurQuiRedemarre() {
        return capteurs.get(rangRedemarrage).capteur();
    }

    public Instant redemarrage() {
        return redemarrage;
    }

    /** When a sensor's battery runs out and it goes silent. */
    public Instant extinction(String devEui) {
        return capteurs.stream().filter(c -> c.devEui().equals(devEui)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown sensor " + devEui)).extinction();
    }

    /** The fleet as a devices registry: model and position of every sensor, for the adapters. */
    public Appareils appareils() {
        return Appareils.de(capteurs.stream()
                .map(c -> new Appareils.Appareil(c.devEui(), c.capteur().modele(), c.capteur().position()))
                .toList());
    }

    /** The regional air temperature (before each sensor's offset), °C: for tests and calibration. */
    public double temperatureRegionale(Instant t) {
        return climat.temperature(t);
    }

    /** The messages emitted in {@code [debut, fin)}, time-ordered, generated one UTC day at a time. */
    public Stream<MessageSimule> messages(Instant debut, Instant fin) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterateur(debut, fin),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The JSON of the messages emitted in {@code [debut, fin)}, one per line. */
    public Stream<String> json(Instant debut, Instant fin) {
        return messages(debut, fin).map(MessageSimule::json);
    }

    /** Same as {@link #messages}, as an iterator (for the live driver). */
    public Iterator<MessageSimule> iterateur(Instant debut, Instant fin) {
        Objects.requireNonNull(debut, "debut");
        Objects.requireNonNull(fin, "fin");
        return new Iterator<>() {
            private LocalDate jour = debut.atZone(ZoneOffset.UTC).toLocalDate();
            private Iterator<MessageSimule> courant = List.<MessageSimule>of().iterator();

            @Override
            public boolean hasNext() {
                while (!courant.hasNext()) {
                    Instant debutJour = jour.atStartOfDay(ZoneOffset.UTC).toInstant();
                    if (!debutJour.isBefore(fin)) {
                        return false;
                    }
                    courant = jour(jour).stream()
                            .filter(m -> !m.instant().isBefore(debut) && m.instant().isBefore(fin))
                            .iterator();
                    jour = jour.plusDays(1);
                }
                return true;
            }

            @Override
            public MessageSimule next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return courant.next();
            }
        };
    }

    /** Every message of one UTC day, time-ordered. */
    List<MessageSimule> jour(LocalDate jour) {
        Instant a = jour.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant b = a.plus(Duration.ofDays(1));
        var messages = new ArrayList<MessageSimule>();
        for (CapteurSimule c : capteurs) {
            Instant fin = c.extinction();
            boolean redemarre = c.rang() == rangRedemarrage;
            emettreSession(c, 0, c.activation(), redemarre ? redemarrage : fin, a, b, messages);
            if (redemarre && redemarrage.isBefore(fin)) {
                emettreSession(c, 1, redemarrage, fin, a, b, messages);
            }
            if (c.capteur().reseau().equals(ChirpstackAdapter.SOURCE)) {
                emettreStatuts(c, a, b, messages);
            }
        }
        messages.sort(Comparator.comparing(MessageSimule::instant).thenComparing(MessageSimule::devEui)
                .thenComparing(MessageSimule::evenement));
        return messages;
    }

    /** The join and the frames of one session {@code [debut, fin)} of a sensor that fall in {@code [a, b)}. */
    private void emettreSession(CapteurSimule c, int session, Instant debut, Instant fin, Instant a, Instant b,
            List<MessageSimule> sortie) {
        if (!fin.isAfter(a) || !debut.isBefore(b)) {
            return;
        }
        boolean tts = c.capteur().reseau().equals(TtsAdapter.SOURCE);
        if (!debut.isBefore(a)) {
            var rng = new SplittableRandom(melanger(graine, c.rang(), session, -1));
            List<Ecoute> ecoutes = ecoutes(c, rng);
            if (!ecoutes.isEmpty()) {
                var rngJson = new SplittableRandom(melanger(graine, c.rang(), session, -2));
                sortie.add(new MessageSimule(debut, c.devEui(), c.capteur().reseau(), "join",
                        tts ? MessagesReseau.ttsJoin(c, session, debut, rngJson) : MessagesReseau.chirpstackJoin(c, session, debut, rngJson)));
            }
        }
        long periode = c.capteur().periode().toSeconds();
        Instant premiere = debut.plus(AVANT_PREMIERE_TRAME);
        long kMin = Math.max(0, Math.floorDiv(Duration.between(premiere, a).toSeconds() - GIGUE_MAX_S, periode));
        long kMax = Math.floorDiv(Duration.between(premiere, b).toSeconds(), periode);
        for (long k = kMin; k <= kMax; k++) {
            var rng = new SplittableRandom(melanger(graine, c.rang(), session, k));
            Instant t = premiere.plusSeconds(k * periode + rng.nextLong(GIGUE_MAX_S)).plusMillis(rng.nextLong(1000));
            if (t.isBefore(a) || !t.isBefore(b) || !t.isBefore(fin)) {
                continue;
            }
            List<Ecoute> ecoutes = ecoutes(c, rng);
            int canal = rng.nextInt(MessagesReseau.FREQUENCES_HZ.length);
            byte[] charge = charge(c, t, rng);
            if (ecoutes.isEmpty()) {
                continue;
            }
            var rngJson = new SplittableRandom(melanger(graine, c.rang(), session, k, 0x15));
            String json = tts ? MessagesReseau.ttsUplink(c, session, t, k, charge, ecoutes, canal, rngJson)
                    : MessagesReseau.chirpstackUp(c, session, t, k, charge, ecoutes, canal, rngJson);
            sortie.add(new MessageSimule(t, c.devEui(), c.capteur().reseau(), "up", json));
        }
    }

    /** Daily status of a ChirpStack sensor, at activation + n days + 6 h, when heard. */
    private void emettreStatuts(CapteurSimule c, Instant a, Instant b, List<MessageSimule> sortie) {
        Instant premier = c.activation().plus(HEURE_STATUT);
        long nMin = Math.max(0, Math.floorDiv(Duration.between(premier, a).toSeconds(), 86_400));
        for (long n = nMin; ; n++) {
            Instant t = premier.plus(Duration.ofDays(n));
            if (!t.isBefore(b)) {
                break;
            }
            if (t.isBefore(a) || !t.isBefore(c.extinction())) {
                continue;
            }
            var rng = new SplittableRandom(melanger(graine, c.rang(), 0x57A7, n));
            List<Ecoute> ecoutes = ecoutes(c, rng);
            if (ecoutes.isEmpty()) {
                continue;
            }
            double snr = ecoutes.stream().mapToDouble(Ecoute::snr).max().orElseThrow();
            int marge = (int) Math.max(-32, Math.min(31, Math.round(snr - SNR_REQUIS_DB)));
            sortie.add(new MessageSimule(t, c.devEui(), ChirpstackAdapter.SOURCE, "status",
                    MessagesReseau.chirpstackStatus(c, t, Math.max(0, c.batterie(t)), marge, rng)));
        }
    }

    /** The gateways that hear one frame, drawing the same numbers whatever the outcome. */
    private List<Ecoute> ecoutes(CapteurSimule c, SplittableRandom rng) {
        var ecoutes = new ArrayList<Ecoute>();
        for (int g = 0; g < passerelles.size(); g++) {
            double evanouissement = rng.nextGaussian() * SIGMA_EVANOUISSEMENT_DB;
            boolean collision = rng.nextDouble() < PROBABILITE_COLLISION;
            double rssi = rssiMoyen(c, g) + evanouissement;
            if (rssi >= SENSIBILITE_DBM && !collision) {
                double snr = Math.min(SNR_MAX_DB, rssi - PLANCHER_BRUIT_DBM + rng.nextGaussian());
                ecoutes.add(new Ecoute(passerelles.get(g), (int) Math.round(rssi), Math.round(snr * 4) / 4.0));
            } else {
                rng.nextGaussian();
            }
        }
        return ecoutes;
    }

    /** RSSI of a sensor at a gateway without the per-frame fading, dBm. */
    double rssiMoyen(CapteurSimule c, int g) {
        Passerelle p = passerelles.get(g);
        double d = Math.max(10, distanceM(c.longitude(), c.latitude(), p.longitude(), p.latitude()));
        return PUISSANCE_1M_DBM - 10 * EXPOSANT * Math.log10(d) - c.obstacles() - c.masquage()[g];
    }

    /** The payload of one frame, in the sensor's Milesight format. */
    private byte[] charge(CapteurSimule c, Instant t, SplittableRandom rng) {
        double temperature = climat.temperature(t) + c.decalage() + rng.nextGaussian() * 0.15;
        double humidite = climat.humidite(t, temperature) + rng.nextGaussian();
        int batterie = (int) Math.max(0, Math.floor(c.batterie(t)));
        if (!c.co2()) {
            rng.nextGaussian();
            rng.nextGaussian();
            return chargeEm300Th(batterie, temperature, humidite);
        }
        double co2 = climat.co2(t, c.urbain()) + rng.nextGaussian() * 6;
        double pression = climat.pression(t) + rng.nextGaussian() * 0.2;
        return chargeEm500Co2(batterie, temperature, humidite, co2, pression);
    }

    /** Milesight EM300-TH frame: battery %, temperature (0.1 °C), humidity (0.5 %). */
    static byte[] chargeEm300Th(int batterie, double temperature, double humidite) {
        int t = (int) Math.round(temperature * 10);
        int h = (int) Math.max(0, Math.min(200, Math.round(humidite * 2)));
        return new byte[] {0x01, 0x75, (byte) batterie, 0x03, 0x67, (byte) t, (byte) (t >> 8), 0x04, 0x68, (byte) h};
    }

    /** Milesight EM500-CO2 frame: battery %, temperature, humidity, CO2 (ppm), pressure (0.1 hPa). */
    static byte[] chargeEm500Co2(int batterie, double temperature, double humidite, double co2, double pression) {
        byte[] th = chargeEm300Th(batterie, temperature, humidite);
        int c = (int) Math.max(0, Math.min(65_535, Math.round(co2)));
        int p = (int) Math.max(0, Math.min(65_535, Math.round(pression * 10)));
        byte[] o = new byte[th.length + 8];
        System.arraycopy(th, 0, o, 0, th.length);
        int i = th.length;
        o[i++] = 0x05;
        o[i++] = 0x7D;
        o[i++] = (byte) c;
        o[i++] = (byte) (c >> 8);
        o[i++] = 0x06;
        o[i++] = 0x73;
        o[i++] = (byte) p;
        o[i] = (byte) (p >> 8);
        return o;
    }

    private List<Passerelle> placerPasserelles(List<Commune> communes) {
        boolean grandPoitiers = communes.stream().anyMatch(c -> c.codeInsee().equals(CODE_POITIERS));
        if (grandPoitiers) {
            return List.of(
                    new Passerelle("58A0CBFFFE800001", "gp-hotel-de-ville", "Poitiers – Hôtel de Ville", CODE_POITIERS, 0.3404, 46.5802, 150),
                    new Passerelle("58A0CBFFFE800002", "gp-couronneries", "Poitiers – Les Couronneries", CODE_POITIERS, 0.3610, 46.5925, 145),
                    new Passerelle("58A0CBFFFE800003", "gp-technopole", "Chasseneuil-du-Poitou – Technopole", "86062", 0.3700, 46.6600, 140),
                    new Passerelle("58A0CBFFFE800004", "gp-saint-benoit", "Saint-Benoît", "86214", 0.3450, 46.5480, 145),
                    new Passerelle("58A0CBFFFE800005", "gp-mignaloux", "Mignaloux-Beauvoir", "86157", 0.4100, 46.5450, 150));
        }
        var parPopulation = communes.stream()
                .sorted(Comparator.comparing((Commune c) -> population(c)).reversed().thenComparing(Commune::codeInsee))
                .limit(NOMBRE_PASSERELLES).toList();
        var resultat = new ArrayList<Passerelle>();
        for (int i = 0; i < parPopulation.size(); i++) {
            Commune c = parPopulation.get(i);
            var p = c.contour().getInteriorPoint().getCoordinate();
            resultat.add(new Passerelle(String.format(Locale.ROOT, "58A0CBFFFE80%04X", i + 1),
                    "gw-" + c.codeInsee().toLowerCase(Locale.ROOT), c.nom(), c.codeInsee(), p.x, p.y, 130));
        }
        return List.copyOf(resultat);
    }

    private List<CapteurSimule> placerCapteurs(List<Commune> communes) {
        var rng = new SplittableRandom(melanger(graine, 0xF107EL));
        Commune centre = communes.stream().filter(c -> c.codeInsee().equals(CODE_POITIERS)).findFirst()
                .orElseGet(() -> communes.stream().max(Comparator.comparing(LoraSimulateur::population)).orElseThrow());
        List<Commune> autres = communes.stream().filter(c -> c != centre).toList();
        double[] poids = autres.stream().mapToDouble(c -> Math.sqrt(Math.max(1, population(c)))).toArray();
        int dansLeCentre = autres.isEmpty() ? NOMBRE_CAPTEURS : (int) Math.round(NOMBRE_CAPTEURS * PART_POITIERS);
        var tires = new ArrayList<CapteurSimule>();
        for (int i = 0; i < NOMBRE_CAPTEURS; i++) {
            Commune commune = i < dansLeCentre ? centre : autres.get(tirer(poids, rng));
            Coordinate point = pointInterieur(commune, rng);
            boolean co2 = i % 3 == 0;
            String modele = co2 ? "milesight-em500-co2" : "milesight-em300-th";
            String reseau = i % 2 == 0 ? TtsAdapter.SOURCE : ChirpstackAdapter.SOURCE;
            String devEui = String.format(Locale.ROOT, "24E124%s%09X", co2 ? "1" : "2", rng.nextLong(1L << 36));
            String id = String.format(Locale.ROOT, "%s-%02d", co2 ? "em500-co2" : "em300-th", i + 1);
            long periode = PERIODE_MIN.toSeconds() + rng.nextLong(PERIODE_MAX.toSeconds() - PERIODE_MIN.toSeconds() + 1);
            Instant activation = miseEnService.plusSeconds(rng.nextLong(periode));
            double batterie = BATTERIE_MIN + (BATTERIE_MAX - BATTERIE_MIN) * rng.nextDouble();
            double declin = DECLIN_MIN + (DECLIN_MAX - DECLIN_MIN) * rng.nextDouble();
            double obstacles = OBSTACLES_MAX_DB * rng.nextDouble();
            double[] masquage = new double[passerelles.size()];
            for (int g = 0; g < masquage.length; g++) {
                masquage[g] = rng.nextGaussian() * SIGMA_MASQUAGE_DB;
            }
            boolean urbain = commune == centre;
            double decalage = (urbain ? ILOT_DE_CHALEUR : 0) + rng.nextGaussian() * SIGMA_DECALAGE;
            String[] devAddrs = {String.format(Locale.ROOT, "260B%04X", rng.nextInt(1 << 16)),
                    String.format(Locale.ROOT, "260B%04X", rng.nextInt(1 << 16))};
            var capteur = new Capteur(devEui, id, modele, reseau, commune.codeInsee(), commune.nom(),
                    point.x, point.y, Duration.ofSeconds(periode));
            tires.add(new CapteurSimule(capteur, i, activation, batterie, declin, obstacles, masquage, decalage, urbain, devAddrs));
        }
        // The sensor with the lowest battery has an old one, which runs out within the first weeks.
        CapteurSimule use = tires.stream().min(Comparator.comparingDouble(CapteurSimule::batterieInitiale)).orElseThrow();
        tires.set(use.rang(), new CapteurSimule(use.capteur(), use.rang(), use.activation(), BATTERIE_USEE, DECLIN_USEE,
                use.obstacles(), use.masquage(), use.decalage(), use.urbain(), use.devAddrs()));
        return List.copyOf(tires);
    }

    /** The sensor heard best by its best gateway, the old-battery one excepted. */
    private int mieuxEntendu() {
        int meilleur = -1;
        double rssiMax = Double.NEGATIVE_INFINITY;
        for (CapteurSimule c : capteurs) {
            if (c.batterieInitiale() == BATTERIE_USEE) {
                continue;
            }
            for (int g = 0; g < passerelles.size(); g++) {
                double rssi = rssiMoyen(c, g);
                if (rssi > rssiMax) {
                    rssiMax = rssi;
                    meilleur = c.rang();
                }
            }
        }
        return meilleur;
    }

    private static Coordinate pointInterieur(Commune commune, SplittableRandom rng) {
        var locator = new IndexedPointInAreaLocator(commune.contour());
        Envelope e = commune.contour().getEnvelopeInternal();
        for (int essai = 0; essai < ESSAIS_MAX_PAR_POINT; essai++) {
            // rounded to 6 decimals (about 10 cm) before the test, so that the published position is inside too
            var p = new Coordinate(Math.round((e.getMinX() + rng.nextDouble() * e.getWidth()) * 1e6) / 1e6,
                    Math.round((e.getMinY() + rng.nextDouble() * e.getHeight()) * 1e6) / 1e6);
            if (locator.locate(p) == Location.INTERIOR) {
                return p;
            }
        }
        throw new IllegalArgumentException("No point found inside the contour of " + commune.codeInsee());
    }

    private static int tirer(double[] poids, SplittableRandom rng) {
        double total = 0;
        for (double p : poids) {
            total += p;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < poids.length; i++) {
            x -= poids[i];
            if (x < 0) {
                return i;
            }
        }
        return poids.length - 1;
    }

    private static double population(Commune c) {
        Double p = c.chiffre(Commune.POPULATION);
        return p == null ? 0 : p;
    }

    /** Great-circle distance, m (equirectangular approximation, exact enough at a territory's scale). */
    static double distanceM(double lon1, double lat1, double lon2, double lat2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return RAYON_TERRE_M * Math.sqrt(x * x + y * y);
    }

    /** A seed from several numbers (SplitMix64 finaliser over a running hash). */
    static long melanger(long... valeurs) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : valeurs) {
            h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
