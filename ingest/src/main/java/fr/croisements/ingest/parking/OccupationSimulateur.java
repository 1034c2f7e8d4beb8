package fr.croisements.ingest.parking;

import fr.croisements.datasets.Parkings;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.ingest.RejeuEnDirect;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated occupancy of real car parks, calibrated on a real hourly profile (by default
 * {@link ProfilOccupation#MONTPELLIER}), all marked {@code simule = true}.
 *
 * <p>For each car park with a capacity, one observation every {@link #PAS} (15 simulated minutes,
 * on the quarter hours): rate = profile at that local time (Paris) × the car park's factor (seeded,
 * uniform in [{@value #FACTEUR_MIN}, {@value #FACTEUR_MAX}]) + a day offset (seeded per car park and
 * day, σ = {@value #ECART_JOUR}), then the {@link ScenarioStationnement} if the car park is in the
 * centre, then a noise (σ = {@value #BRUIT}), bounded to [0, 1]; free places = capacity − round(rate ×
 * capacity); status {@code complet} at 0 free places, {@code presque_complet} at 5 % or less,
 * {@code ouvert} otherwise. Car parks <b>without a capacity are skipped</b> (free places cannot be
 * simulated without one): {@link #sansCapacite()} lists them.
 *
 * <p>Deterministic: the same car parks, profile, seed and scenario give the same observations;
 * each one depends only on (seed, car park, instant), so any period can be computed alone and a
 * long one streams without being held in memory. Observations come in time order, car parks by id
 * within an instant. Immutable and thread-safe.
 */
public final class OccupationSimulateur {

    private static final Logger log = LoggerFactory.getLogger(OccupationSimulateur.class);

    /** Simulated time between two observations of a car park. */
    public static final Duration PAS = Duration.ofMinutes(15);
    /** The shipped car-park packs whose car parks {@link #poitiersEtLaRochelle} simulates, by territory. */
    public static final List<String> TERRITOIRES = List.of("grand-poitiers", "la-rochelle");
    static final double FACTEUR_MIN = 0.8;
    static final double FACTEUR_MAX = 1.2;
    static final double ECART_JOUR = 0.03;
    static final double BRUIT = 0.015;
    static final double PRESQUE_COMPLET = 0.05;

    private final List<ParcStationnement> parcs;
    private final List<ParcStationnement> sansCapacite;
    private final ProfilOccupation profil;
    private final long graine;
    private final ScenarioStationnement scenario;
    private final Map<String, Double> facteurs = new HashMap<>();
    private final Set<String> concernes = new TreeSet<>();

    /**
     * @param parcs the car parks (ids must be distinct); those without a capacity are skipped
     * @param profil the hourly profile to follow
     * @param graine the seed
     * @param scenario the event, or {@link ScenarioStationnement#AUCUN}
     */
    public OccupationSimulateur(Collection<ParcStationnement> parcs, ProfilOccupation profil, long graine,
            ScenarioStationnement scenario) {
        this.profil = Objects.requireNonNull(profil, "profil");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.graine = graine;
        var avec = new ArrayList<ParcStationnement>();
        var sans = new ArrayList<ParcStationnement>();
        for (ParcStationnement p : parcs) {
            (p.capacite() != null && p.capacite() > 0 ? avec : sans).add(p);
        }
        avec.sort(Comparator.comparing(ParcStationnement::id));
        for (ParcStationnement p : avec) {
            if (facteurs.put(p.id(), FACTEUR_MIN + (FACTEUR_MAX - FACTEUR_MIN)
                    * new SplittableRandom(melange(graine, p.id().hashCode(), 1, 0)).nextDouble()) != null) {
                throw new IllegalArgumentException("Duplicate car park id: " + p.id());
            }
            if (scenario.concerne(p)) {
                concernes.add(p.id());
            }
        }
        this.parcs = List.copyOf(avec);
        this.sansCapacite = List.copyOf(sans);
    }

    /**
     * The real car parks of Poitiers and La Rochelle, from the shipped car-park packs ({@link Parkings}: no
     * file needed), on the Montpellier profile.
     */
    public static OccupationSimulateur poitiersEtLaRochelle(long graine, ScenarioStationnement scenario) {
        var parcs = TERRITOIRES.stream().flatMap(t -> Parkings.charger(t).stream()).toList();
        var simulateur = new OccupationSimulateur(parcs, ProfilOccupation.MONTPELLIER, graine, scenario);
        log.info("Occupancy simulator: {} car parks ({} places), {} without capacity skipped, scenario {}, {} concerned",
                simulateur.parcs.size(), simulateur.parcs.stream().mapToInt(ParcStationnement::capacite).sum(),
                simulateur.sansCapacite.size(), scenario, simulateur.concernes.size());
        return simulateur;
    }

    /** The simulated car parks (with a capacity), by id. */
    public List<ParcStationnement> parcs() {
        return parcs;
    }

    /** The car parks skipped for lack of a capacity. */
    public List<ParcStationnement> sansCapacite() {
        return sansCapacite;
    }

    /** Ids of the car parks the scenario can touch (the centre), sorted. */
    public Set<String> parcsConcernes() {
        return Collections.unmodifiableSet(concernes);
    }

    public ScenarioStationnement scenario() {
        return scenario;
    }

    /** The seeded factor applied to the profile for a car park. */
    public double facteur(String parkingId) {
        Double f = facteurs.get(parkingId);
        if (f == null) {
            throw new IllegalArgumentException("Unknown simulated car park: " + parkingId);
        }
        return f;
    }

    /** Every observation from {@code debut} (inclusive) to {@code fin} (exclusive), in time order, lazily. */
    public Stream<OccupationParking> periode(Instant debut, Instant fin) {
        long pas = PAS.getSeconds();
        // Slot s is at s × PAS; an instant with nanoseconds counts as its next whole second.
        long premier = Math.floorDiv(debut.getEpochSecond() + (debut.getNano() > 0 ? 1 : 0) + pas - 1, pas);
        long dernier = Math.floorDiv(fin.getEpochSecond() + (fin.getNano() > 0 ? 1 : 0) + pas - 1, pas);
        return LongStream.range(premier, Math.max(premier, dernier)).boxed()
                .flatMap(creneau -> parcs.stream().map(p -> observer(p, creneau)));
    }

    /** The same, as an iterator (for {@link RejeuEnDirect}). */
    public Iterator<OccupationParking> iterateur(Instant debut, Instant fin) {
        return periode(debut, fin).iterator();
    }

    /**
     * Plays the simulation in accelerated time onto {@code stationnement-occupation}: see
     * {@link OccupationEnDirect#simulation}. Not started: call {@link RejeuEnDirect#start()}.
     */
    public RejeuEnDirect<OccupationParking> enDirect(Producer<String, OccupationParking> producer, Instant debut,
            Instant fin, double vitesse) {
        return OccupationEnDirect.simulation(this, producer, debut, fin, vitesse);
    }

    /** The rate before noise: profile × factor + day offset, then the scenario. */
    double tauxAttendu(ParcStationnement parc, Instant instant) {
        ZonedDateTime local = instant.atZone(ProfilOccupation.PARIS);
        double taux = profil.taux(local) * facteur(parc.id())
                + ECART_JOUR * new SplittableRandom(melange(graine, parc.id().hashCode(), 2,
                        local.toLocalDate().toEpochDay())).nextGaussian();
        return concernes.contains(parc.id()) ? scenario.appliquer(taux, local) : taux;
    }

    private OccupationParking observer(ParcStationnement parc, long creneau) {
        Instant instant = Instant.ofEpochSecond(creneau * PAS.getSeconds());
        double bruit = BRUIT * new SplittableRandom(melange(graine, parc.id().hashCode(), 3, creneau)).nextGaussian();
        double taux = Math.min(1, Math.max(0, tauxAttendu(parc, instant) + bruit));
        int capacite = parc.capacite();
        int libres = capacite - (int) Math.round(taux * capacite);
        String statut = libres == 0 ? "complet" : libres <= PRESQUE_COMPLET * capacite ? "presque_complet" : "ouvert";
        return new OccupationParking(parc.id(), instant, libres, capacite, statut, true);
    }

    /** A seed from several values (SplitMix64 finaliser after each): independent streams per purpose. */
    static long melange(long graine, long... valeurs) {
        long h = melanger(graine);
        for (long v : valeurs) {
            h = melanger(h ^ v);
        }
        return h;
    }

    private static long melanger(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
