package fr.croisements.ingest.waste;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.LeveeBac;
import fr.croisements.ingest.privacy.Pseudonymiseur;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates weekly lifts of residual-waste bins (flux {@value #FLUX}) over a territory, seeded and
 * deterministic: the same territory, seed and key give the same lifts, in the same order.
 *
 * <p>What it simulates, per commune of the territory:
 * <ul>
 *   <li>one bin per INSEE household ({@link Commune#MENAGES}, rounded), each at a fixed random
 *       point strictly inside the commune contour (boundary points are redrawn);
 *   <li>one collection day a week, Monday to Friday, drawn from the seed and the commune code; the
 *       truck sweeps the commune from west to east between 05:00 and 13:00 Europe/Paris, so a
 *       bin's lift time depends on its longitude, with a few minutes of noise;
 *   <li>each week each bin is put out with probability {@code p}, a per-commune rate drawn
 *       around the territory mean ({@value #TAUX_PRESENTATION_MOYEN} by default, spread
 *       ±{@value #ECART_TAUX_COMMUNE}, clamped to [{@value #TAUX_MIN}, {@value #TAUX_MAX}]);
 *   <li>the weight of a lift is drawn around {@code 132 kg/hab/an × persons per household ÷ (52 × p)}
 *       with a log-normal noise of the same mean, so a commune's yearly tonnage matches the
 *       published average of collectivities under incentive pricing ({@value #OMR_KG_PAR_HABITANT_AN}
 *       kg/hab/an, see the module README), whatever its presentation rate.
 * </ul>
 * Public holidays, bins shared by several households and missed collections are not simulated.
 *
 * <p>Lifts carry {@code simule = true} and the pseudonymised bin id; clear chip ids exist only
 * while the bins are built and are never kept. A week is generated on demand from a random stream
 * seeded by (seed, week, commune), so any week can be produced alone and a long period is streamed
 * one week at a time, never held in memory.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class LeveesSimulateur {

    private static final Logger log = LoggerFactory.getLogger(LeveesSimulateur.class);

    /** Simulated waste stream: ordures ménagères résiduelles. */
    public static final String FLUX = "OMR";
    /**
     * Residual household waste per inhabitant and year in collectivities with incentive pricing
     * (TI): ADEME studies of January 2024 as summarised by Zero Waste France, 2024-01-26
     * ({@code omr_kg_hab_an_collectivites_TI} in {@code waste/reperes_publies_dechets_stationnement.csv}).
     * The Bassin de Pompey applies a TEOMi.
     */
    public static final double OMR_KG_PAR_HABITANT_AN = 132;
    /** Default mean weekly presentation rate: about 26 lifts a year, between 12 (billed minimum) and 52. */
    public static final double TAUX_PRESENTATION_MOYEN = 0.5;
    /** Half-width of the uniform spread of the per-commune rate around the mean. */
    public static final double ECART_TAUX_COMMUNE = 0.15;
    static final double TAUX_MIN = 0.05;
    static final double TAUX_MAX = 0.95;
    /** Collections per year: one a week. */
    static final int SEMAINES_PAR_AN = 52;
    /** Log-normal sigma of the weight of one lift around its mean. */
    static final double SIGMA_POIDS = 0.5;
    static final double POIDS_MIN_KG = 0.5;
    static final ZoneId FUSEAU = ZoneId.of("Europe/Paris");
    static final LocalTime DEBUT_TOURNEE = LocalTime.of(5, 0);
    static final Duration DUREE_TOURNEE = Duration.ofHours(8);
    static final Duration BRUIT_HORAIRE = Duration.ofMinutes(10);
    private static final int ESSAIS_MAX_PAR_POINT = 10_000;
    /** French weekday abbreviations for truck names, independent of the JDK's locale data. */
    private static final String[] JOURS = {"LUN", "MAR", "MER", "JEU", "VEN"};

    private final List<CommuneSimulee> communes;
    private final int[] premierBac;
    private final String[] idBacs;
    private final double[] longitudes;
    private final double[] latitudes;
    /** Position of each bin along its truck's round, from 0 (first) to 1 (last). */
    private final double[] ordreTournee;
    private final long graine;

    /** A simulator with the default mean presentation rate {@value #TAUX_PRESENTATION_MOYEN}. */
    public LeveesSimulateur(Territoire territoire, long graine, Pseudonymiseur pseudonymiseur) {
        this(territoire, graine, pseudonymiseur, TAUX_PRESENTATION_MOYEN);
    }

    /**
     * Draws the bins and the commune parameters.
     *
     * @param tauxMoyen mean weekly presentation rate of the territory, in ]0, 1]
     * @throws IllegalArgumentException when a commune with households has no usable contour, or
     *     when persons per household cannot be computed
     */
    public LeveesSimulateur(Territoire territoire, long graine, Pseudonymiseur pseudonymiseur, double tauxMoyen) {
        Objects.requireNonNull(territoire, "territoire");
        Objects.requireNonNull(pseudonymiseur, "pseudonymiseur");
        if (!(tauxMoyen > 0 && tauxMoyen <= 1)) {
            throw new IllegalArgumentException("Mean presentation rate must be in ]0, 1]: " + tauxMoyen);
        }
        this.graine = graine;
        List<Commune> avecMenages = territoire.communes().stream()
                .filter(c -> nombreBacs(c) > 0)
                .sorted(Comparator.comparing(Commune::codeInsee))
                .toList();
        territoire.communes().stream()
                .filter(c -> nombreBacs(c) == 0)
                .forEach(c -> log.warn("Commune {} ({}) has no household figure: no bin simulated", c.codeInsee(), c.nom()));
        double personnesParMenageTerritoire = personnesParMenage(territoire.communes());
        var jours = new TreeMap<String, DayOfWeek>();
        avecMenages.forEach(c -> jours.put(c.codeInsee(), jourDeCollecte(graine, c.codeInsee())));

        int total = avecMenages.stream().mapToInt(LeveesSimulateur::nombreBacs).sum();
        premierBac = new int[avecMenages.size() + 1];
        idBacs = new String[total];
        longitudes = new double[total];
        latitudes = new double[total];
        ordreTournee = new double[total];
        var simulees = new ArrayList<CommuneSimulee>();
        int bac = 0;
        for (int i = 0; i < avecMenages.size(); i++) {
            Commune c = avecMenages.get(i);
            premierBac[i] = bac;
            int n = nombreBacs(c);
            placerBacs(c, n, bac, pseudonymiseur);
            bac += n;
            double taux = tauxPresentation(graine, c.codeInsee(), tauxMoyen);
            double pph = personnesParMenage(c, personnesParMenageTerritoire);
            double kgParLevee = OMR_KG_PAR_HABITANT_AN * pph / (SEMAINES_PAR_AN * taux);
            DayOfWeek jour = jours.get(c.codeInsee());
            simulees.add(new CommuneSimulee(c.codeInsee(), c.nom(), n, jour, taux, kgParLevee, camion(jours, c.codeInsee())));
        }
        premierBac[avecMenages.size()] = bac;
        communes = List.copyOf(simulees);
        log.info("Simulating {} bins in {} communes of {} (seed {})", total, communes.size(), territoire.id(), graine);
    }

    /** The parameters drawn for each simulated commune, by code. */
    public List<CommuneSimulee> communes() {
        return communes;
    }

    /** Number of simulated bins. */
    public int nombreBacs() {
        return idBacs.length;
    }

    /**
     * The lifts of the week starting on {@code lundi} (Europe/Paris), sorted by time then bin.
     *
     * @throws IllegalArgumentException when {@code lundi} is not a Monday
     */
    public List<LeveeBac> semaine(LocalDate lundi) {
        if (lundi.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("Not a Monday: " + lundi);
        }
        var levees = new ArrayList<LeveeBac>();
        for (int i = 0; i < communes.size(); i++) {
            CommuneSimulee c = communes.get(i);
            Instant debutTournee = lundi.with(TemporalAdjusters.nextOrSame(c.jourDeCollecte()))
                    .atTime(DEBUT_TOURNEE).atZone(FUSEAU).toInstant();
            var rng = new SplittableRandom(melanger(graine, 0x5E3A1E, lundi.toEpochDay(), c.codeInsee().hashCode()));
            for (int b = premierBac[i]; b < premierBac[i + 1]; b++) {
                // Every draw happens for every bin, presented or not, so that a bin's fate does not
                // depend on its neighbours' draws.
                boolean presente = rng.nextDouble() < c.tauxPresentation();
                double bruit = rng.nextDouble() * 2 - 1;
                double gaussien = gaussien(rng);
                if (presente) {
                    levees.add(new LeveeBac(idBacs[b], heure(debutTournee, ordreTournee[b], bruit),
                            longitudes[b], latitudes[b], FLUX, poids(c.kgParLevee(), gaussien), c.camion(), true));
                }
            }
        }
        levees.sort(Comparator.comparing(LeveeBac::instant).thenComparing(LeveeBac::idBac));
        return List.copyOf(levees);
    }

    /** The lifts in {@code [debut, fin)}, time-ordered, generated one week at a time. */
    public Stream<LeveeBac> periode(Instant debut, Instant fin) {
        Objects.requireNonNull(fin, "fin");
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterateur(debut, fin), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The lifts from {@code debut} on, without end, time-ordered, generated one week at a time. */
    public Stream<LeveeBac> depuis(Instant debut) {
        return periode(debut, Instant.MAX);
    }

    /** Lifts in {@code [debut, fin)}; {@code fin} may be {@link Instant#MAX}. */
    Iterator<LeveeBac> iterateur(Instant debut, Instant fin) {
        Objects.requireNonNull(debut, "debut");
        Objects.requireNonNull(fin, "fin");
        return new Semaines(debut, fin);
    }

    /** The bins, without their clear ids: for tests. */
    List<Bac> bacs() {
        var bacs = new ArrayList<Bac>(idBacs.length);
        for (int i = 0; i < communes.size(); i++) {
            for (int b = premierBac[i]; b < premierBac[i + 1]; b++) {
                bacs.add(new Bac(idBacs[b], communes.get(i).codeInsee(), longitudes[b], latitudes[b]));
            }
        }
        return bacs;
    }

    /** A simulated bin as tests see it. */
    record Bac(String idBac, String codeInsee, double longitude, double latitude) {}

    /**
     * The clear chip id of the {@code rang}-th bin of a commune: a 64-bit tag in hex, as a bin's
     * RFID chip reports it. Exposed so tests can check that none ever reaches a topic.
     */
    static String idPuce(long graine, String codeInsee, int rang) {
        long uid = melanger(graine, 0x9C0E, codeInsee.hashCode(), rang) & 0xFFFF_FFFF_FFFFL;
        return String.format(Locale.ROOT, "E004%012X", uid);
    }

    static DayOfWeek jourDeCollecte(long graine, String codeInsee) {
        var rng = new SplittableRandom(melanger(graine, 0x10C, codeInsee.hashCode()));
        return DayOfWeek.of(1 + rng.nextInt(5));
    }

    static double tauxPresentation(long graine, String codeInsee, double tauxMoyen) {
        var rng = new SplittableRandom(melanger(graine, 0x7A0, codeInsee.hashCode()));
        double taux = tauxMoyen + (rng.nextDouble() * 2 - 1) * ECART_TAUX_COMMUNE;
        return Math.max(TAUX_MIN, Math.min(TAUX_MAX, taux));
    }

    private void placerBacs(Commune c, int n, int premier, Pseudonymiseur pseudonymiseur) {
        Geometry contour = c.contour();
        if (contour == null || contour.isEmpty() || contour.getArea() <= 0) {
            throw new IllegalArgumentException("Commune " + c.codeInsee() + " has households but no usable contour");
        }
        var locator = new IndexedPointInAreaLocator(contour);
        Envelope env = contour.getEnvelopeInternal();
        var rng = new SplittableRandom(melanger(graine, 0xBAC, c.codeInsee().hashCode()));
        var point = new Coordinate();
        for (int k = 0; k < n; k++) {
            int essais = 0;
            do {
                if (++essais > ESSAIS_MAX_PAR_POINT) {
                    throw new IllegalArgumentException("Cannot draw a point inside the contour of commune " + c.codeInsee());
                }
                point.x = env.getMinX() + rng.nextDouble() * env.getWidth();
                point.y = env.getMinY() + rng.nextDouble() * env.getHeight();
            } while (locator.locate(point) != Location.INTERIOR);
            int b = premier + k;
            idBacs[b] = pseudonymiseur.pseudonymiser(idPuce(graine, c.codeInsee(), k));
            longitudes[b] = point.x;
            latitudes[b] = point.y;
            ordreTournee[b] = env.getWidth() > 0 ? (point.x - env.getMinX()) / env.getWidth() : 0;
        }
    }

    private static Instant heure(Instant debutTournee, double ordre, double bruit) {
        long duree = DUREE_TOURNEE.toSeconds();
        long s = Math.round(ordre * duree + bruit * BRUIT_HORAIRE.toSeconds());
        return debutTournee.plusSeconds(Math.max(0, Math.min(duree - 1, s)));
    }

    /** Log-normal around {@code moyenne} (same mean), rounded to 0.1 kg as truck scales report it. */
    private static double poids(double moyenne, double gaussien) {
        double kg = moyenne * Math.exp(SIGMA_POIDS * gaussien - SIGMA_POIDS * SIGMA_POIDS / 2);
        return Math.max(POIDS_MIN_KG, Math.round(kg * 10) / 10.0);
    }

    /** A standard normal draw (Box-Muller), consuming exactly two doubles. */
    private static double gaussien(SplittableRandom rng) {
        double u = 1 - rng.nextDouble(); // in ]0, 1]: log stays finite
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** One truck per commune, named after its weekday and rank among the communes of that day. */
    private static String camion(TreeMap<String, DayOfWeek> jours, String codeInsee) {
        DayOfWeek jour = jours.get(codeInsee);
        long rang = jours.headMap(codeInsee).values().stream().filter(jour::equals).count() + 1;
        return "SIM-" + JOURS[jour.getValue() - 1] + "-" + rang;
    }

    private static int nombreBacs(Commune c) {
        Double menages = c.chiffre(Commune.MENAGES);
        return menages == null || !(menages > 0) ? 0 : (int) Math.round(menages);
    }

    private static double personnesParMenage(Commune c, double defaut) {
        Double population = c.chiffre(Commune.POPULATION);
        Double menages = c.chiffre(Commune.MENAGES);
        return population != null && population > 0 && menages != null && menages > 0 ? population / menages : defaut;
    }

    /** Persons per household over the communes having both figures, used where population is missing. */
    private static double personnesParMenage(List<Commune> communes) {
        double population = 0;
        double menages = 0;
        for (Commune c : communes) {
            Double p = c.chiffre(Commune.POPULATION);
            Double m = c.chiffre(Commune.MENAGES);
            if (p != null && p > 0 && m != null && m > 0) {
                population += p;
                menages += m;
            }
        }
        if (menages == 0 && communes.stream().anyMatch(c -> nombreBacs(c) > 0)) {
            throw new IllegalArgumentException("No commune has both population and households: cannot calibrate weights");
        }
        return menages == 0 ? 0 : population / menages;
    }

    /** Mixes a seed with other values into a well-spread 64-bit seed (SplitMix64 finaliser). */
    static long melanger(long... valeurs) {
        long h = 0x9E37_79B9_7F4A_7C15L;
        for (long v : valeurs) {
            h ^= v;
            h = (h ^ (h >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
            h ^= h >>> 31;
        }
        return h;
    }

    /** Walks the weeks overlapping {@code [debut, fin)}, keeping one week's lifts at a time. */
    private final class Semaines implements Iterator<LeveeBac> {
        private final Instant debut;
        private final Instant fin;
        private LocalDate lundi;
        private List<LeveeBac> courante = List.of();
        private int index;
        private LeveeBac suivante;

        Semaines(Instant debut, Instant fin) {
            this.debut = debut;
            this.fin = fin;
            this.lundi = LocalDate.ofInstant(debut, FUSEAU).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        public boolean hasNext() {
            while (suivante == null) {
                if (index < courante.size()) {
                    LeveeBac l = courante.get(index++);
                    if (!l.instant().isBefore(fin)) {
                        courante = List.of();
                        lundi = null;
                        return false;
                    }
                    if (!l.instant().isBefore(debut)) {
                        suivante = l;
                    }
                } else if (lundi == null || nombreBacs() == 0 || !lundi.atStartOfDay(FUSEAU).toInstant().isBefore(fin)) {
                    return false;
                } else {
                    courante = semaine(lundi);
                    index = 0;
                    lundi = lundi.plusWeeks(1);
                }
            }
            return true;
        }

        @Override
        public LeveeBac next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LeveeBac l = suivante;
            suivante = null;
            return l;
        }
    }
}
