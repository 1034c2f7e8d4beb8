package fr.croisements.streams.stationnement;

import static fr.croisements.events.Indicateurs.OCCUPATION_VOIRIE;
import static fr.croisements.events.Indicateurs.ROTATION_STATIONNEMENT;

import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.SejourPlace;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-IRIS counts of stays, pure: what one stay adds to each hour (UTC) and day (Paris) it
 * touches, and the cells made of a period's total. Thread-safe.
 *
 * <p>A stay adds its minutes of occupation to every hour it overlaps (an overnight stay to the hours
 * of both days) and, for a day, its minutes between {@link #DEBUT_JOURNEE} and {@link #FIN_JOURNEE}
 * (Paris time); its duration, and whether it overstayed, count in the hour and the day of its arrival.
 * Occupancy = minutes occupied ÷ (spaces × minutes of the period); rotation = arrivals of the day ÷
 * spaces. The spaces of an IRIS are those seen so far (a sensor's first frame, or a paid stay).
 */
final class CompteVoirie {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalTime DEBUT_JOURNEE = LocalTime.of(9, 0);
    static final LocalTime FIN_JOURNEE = LocalTime.of(19, 0);
    /** The paid-time limit when a stay does not give its own (Antony's short-stay zones: 2 h). */
    static final int LIMITE_PAR_DEFAUT_MINUTES = 120;
    static final String HEURE = "H";
    static final String JOUR = "J";

    static final Source CAPTEURS_SIMULES = new Source("Capteurs de place sur voirie (simulateur Croisements, calé sur les "
            + "séjours réels publiés par la Ville de Melbourne, 8 février 2017)", "Croisements", "simulé", "Licence Ouverte 2.0",
            true);
    static final Source CAPTEURS_FLUX = new Source("Capteurs de place et horodateurs (flux importé)", "Ville",
            "en continu", "selon le flux", false);

    private static final FabriqueCellules HEURES = new FabriqueCellules(OCCUPATION_VOIRIE);
    private static final FabriqueCellules JOURS = new FabriqueCellules(ROTATION_STATIONNEMENT);

    private CompteVoirie() {}

    /** What {@code s} adds to each period it touches, by period key ({@code H|<hour start>}, {@code J|<day>}). */
    static Map<String, Periode> contributions(SejourPlace s) {
        var parPeriode = new LinkedHashMap<String, Periode>();
        double duree = s.duree().toSeconds() / 60.0;
        int limite = s.limiteMinutes() == null ? LIMITE_PAR_DEFAUT_MINUTES : s.limiteMinutes();
        Periode arrivee = new Periode(0, List.of(duree), duree > limite ? 1 : 0, s.simule());
        Instant heureArrivee = s.arrivee().truncatedTo(ChronoUnit.HOURS);
        for (Instant h = heureArrivee; h.isBefore(s.depart()) || h.equals(heureArrivee); h = h.plus(Duration.ofHours(1))) {
            double minutes = chevauchement(s, h, h.plus(Duration.ofHours(1)));
            Periode p = new Periode(minutes, List.of(), 0, s.simule());
            parPeriode.put(cleHeure(h), h.equals(heureArrivee) ? p.plus(arrivee) : p);
        }
        LocalDate jourArrivee = LocalDate.ofInstant(s.arrivee(), PARIS);
        LocalDate dernier = LocalDate.ofInstant(s.depart(), PARIS);
        for (LocalDate j = jourArrivee; !j.isAfter(dernier); j = j.plusDays(1)) {
            double minutes = chevauchement(s, j.atTime(DEBUT_JOURNEE).atZone(PARIS).toInstant(),
                    j.atTime(FIN_JOURNEE).atZone(PARIS).toInstant());
            Periode p = new Periode(minutes, List.of(), 0, s.simule());
            parPeriode.put(JOUR + "|" + j, j.equals(jourArrivee) ? p.plus(arrivee) : p);
        }
        return parPeriode;
    }

    static String cleHeure(Instant debut) {
        return HEURE + "|" + debut;
    }

    private static double chevauchement(SejourPlace s, Instant debut, Instant fin) {
        Instant a = s.arrivee().isAfter(debut) ? s.arrivee() : debut;
        Instant b = s.depart().isBefore(fin) ? s.depart() : fin;
        return b.isAfter(a) ? Duration.between(a, b).toMillis() / 60_000.0 : 0;
    }

    /** The cell of one period of an IRIS ({@code periode} as in {@link #contributions}). */
    static Indicateur cellule(String codeIris, String periode, Periode p, int places, IndicateurInsee insee) {
        String nom = insee != null && insee.nom() != null ? insee.nom() : codeIris;
        Source source = p.simule() ? CAPTEURS_SIMULES : CAPTEURS_FLUX;
        String[] parties = periode.split("\\|", 2);
        if (parties[0].equals(HEURE)) {
            Instant debut = Instant.parse(parties[1]);
            double offertes = places * 60.0;
            return HEURES.cellule(codeIris, Zone.IRIS, nom, debut, debut.plus(Duration.ofHours(1)))
                    .valeur(places == 0 ? null : FabriqueCellules.arrondi(100.0 * p.minutesOccupees() / offertes))
                    .numerateur(FabriqueCellules.arrondi(p.minutesOccupees()), source)
                    .denominateur(offertes, source)
                    .mesure("arrivees", (double) p.arrivees())
                    .mesure("places", (double) places)
                    .mesure("duree_mediane", arrondi(p.dureeMediane()))
                    .mesure("part_depassements", arrondi(p.partDepassements()))
                    .contributeurs(places)
                    .simule(p.simule())
                    .construire();
        }
        LocalDate jour = LocalDate.parse(parties[1]);
        var c = JOURS.cellule(codeIris, Zone.IRIS, nom, jour.atStartOfDay(PARIS).toInstant(),
                        jour.plusDays(1).atStartOfDay(PARIS).toInstant())
                .valeur(places == 0 ? null : FabriqueCellules.arrondi((double) p.arrivees() / places))
                .numerateur((double) p.arrivees(), source)
                .denominateur((double) places, source)
                .mesure("sejours", (double) p.arrivees())
                .mesure("places", (double) places)
                .mesure("duree_mediane", arrondi(p.dureeMediane()))
                .mesure("part_depassements", arrondi(p.partDepassements()))
                .mesure("taux_occupation", places == 0 ? null
                        : FabriqueCellules.arrondi(100.0 * p.minutesOccupees() / (places * minutesJournee())))
                .contributeurs(places)
                .simule(p.simule());
        if (insee != null) {
            for (String variable : List.of("population", "densite", "revenu_declare_median")) {
                c.mesure(variable, insee.valeur(variable)).sourceMesure(variable, insee.source(variable));
            }
        }
        return c.construire();
    }

    static double minutesJournee() {
        return Duration.between(DEBUT_JOURNEE, FIN_JOURNEE).toMinutes();
    }

    private static Double arrondi(Double v) {
        return v == null ? null : FabriqueCellules.arrondi(v);
    }
}
