package fr.croisements.streams;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.events.Source;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * One seeded input for every crossing, on the two communes of {@link Fixtures}: lifts over three
 * weeks (the eastern commune has too few bins: secret), temperature uplinks with receptions over
 * four days (one device without position), device statuses, car parks (one without capacity) and
 * their occupancy over two weekdays (one unknown car park), INSEE rows with a secret poverty rate.
 */
public final class JeuDEssai {

    public static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z"); // a Monday
    private static final Source INSEE = new Source("Base du comparateur de territoires", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    /** One record to send, in the order of the list. */
    public record Envoi(String topic, String cle, Object valeur, Instant instant) {}

    private JeuDEssai() {}

    /** The records of the input, in the order they are sent (references excepted). */
    public static List<Envoi> envois() {
        var envois = new ArrayList<Envoi>();
        var aleas = new Random(20251206L);
        // lifts: three weeks, the western commune with 30 bins, the eastern with 8 (secret), some outside
        for (int semaine = 0; semaine < 3; semaine++) {
            for (int bac = 0; bac < 38; bac++) {
                if (aleas.nextDouble() < 0.2) {
                    continue;
                }
                boolean ouest = bac < 30;
                Instant instant = DEBUT.plus(Duration.ofDays(7L * semaine + aleas.nextInt(5))).plusSeconds(aleas.nextInt(36_000));
                double lon = bac == 37 && semaine == 1 ? 7.5 : ouest ? 6.0 + aleas.nextDouble() * 0.09 : 6.11 + aleas.nextDouble() * 0.08;
                var levee = new LeveeBac("bac-" + bac, instant, lon, 48.71 + aleas.nextDouble() * 0.08, "OMR",
                        bac % 3 == 0 ? null : 10 + aleas.nextInt(300) / 10.0, "camion-1", bac % 2 == 0);
                envois.add(new Envoi(Topics.DECHETS_LEVEES.name(), levee.idBac(), levee, instant));
            }
        }
        // sensors: four days, five devices, two gateways, the heat threshold crossed on day 3
        for (int jour = 0; jour < 4; jour++) {
            for (int capteur = 0; capteur < 5; capteur++) {
                for (int releve = 0; releve < 6; releve++) {
                    Instant instant = DEBUT.plus(Duration.ofDays(jour)).plus(Duration.ofHours(releve * 4L + capteur % 3));
                    double temperature = 18 + releve * 2 + (jour == 2 ? 6 : 0) + aleas.nextInt(20) / 10.0;
                    String devEui = "A84041000000000" + capteur;
                    Position position = capteur == 4 ? null
                            : new Position(capteur < 2 ? 6.05 : 6.15, 48.75 + capteur * 0.001, null);
                    var receptions = List.of(new Reception("passerelle-" + (capteur % 2), -90.0 - aleas.nextInt(300) / 10.0,
                            aleas.nextInt(150) / 10.0 - 5, new Position(6.1, 48.75, null)));
                    var uplink = new LoraUplink(devEui, instant, 2, (long) (jour * 6 + releve + (capteur == 1 && jour == 1 ? 3 : 0)),
                            "AQID", "modele-essai", Map.of("temperature", new Mesure(temperature, "°C"),
                                    "batterie", new Mesure(90 - jour, "%")), receptions, position, "tts", capteur != 3);
                    envois.add(new Envoi(Topics.LORA_UPLINKS.name(), devEui, uplink, instant));
                }
            }
            envois.add(new Envoi(Topics.LORA_STATUTS.name(), "A840410000000002", new LoraStatut("A840410000000002",
                    DEBUT.plus(Duration.ofDays(jour)).plusSeconds(50), 80.0 - jour, 7, "tts", true),
                    DEBUT.plus(Duration.ofDays(jour)).plusSeconds(50)));
        }
        // car parks: two weekdays, an observation every 20 minutes from 8:00 to 18:00 UTC, one unknown car park
        for (int jour = 0; jour < 2; jour++) {
            for (int pas = 0; pas < 30; pas++) {
                Instant instant = DEBUT.plus(Duration.ofDays(jour)).plus(Duration.ofHours(8)).plus(Duration.ofMinutes(20L * pas));
                for (var p : parkings()) {
                    int libres = Math.max(0, p.capacite() == null ? 10 : p.capacite() - (pas * 7 + aleas.nextInt(20)) % (p.capacite() + 1));
                    envois.add(new Envoi(Topics.STATIONNEMENT_OCCUPATION.name(), p.id(),
                            new OccupationParking(p.id(), instant, libres, null, null, jour == 0), instant));
                }
                envois.add(new Envoi(Topics.STATIONNEMENT_OCCUPATION.name(), "inconnu",
                        new OccupationParking("inconnu", instant, 3, 10, null, true), instant));
            }
        }
        return envois;
    }

    /** The lifts of {@link #envois()}. */
    public static List<LeveeBac> levees() {
        return envois().stream().filter(e -> e.valeur() instanceof LeveeBac).map(e -> (LeveeBac) e.valeur()).toList();
    }

    /** Pipes the references, then every record of {@link #envois()} into the driver. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void alimenter(TopologyTestDriver driver) {
        Territoire territoire = territoire();
        var insee = driver.createInputTopic(Topics.REF_INSEE_COMMUNES.name(),
                Topics.REF_INSEE_COMMUNES.keySerde().serializer(), Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
        territoire.indicateursInsee().forEach(r -> lu(() -> insee.pipeInput(r.codeZone(), r, DEBUT.minusSeconds(3600))));
        var parcs = driver.createInputTopic(Topics.REF_PARKINGS.name(), Topics.REF_PARKINGS.keySerde().serializer(),
                Topics.REF_PARKINGS.valueSerde().serializer());
        parkings().forEach(p -> lu(() -> parcs.pipeInput(p.id(), p, DEBUT.minusSeconds(3600))));
        var entrees = new java.util.HashMap<String, org.apache.kafka.streams.TestInputTopic>();
        for (Envoi e : envois()) {
            Topic<?, ?> topic = Topics.TOUS.stream().filter(t -> t.name().equals(e.topic())).findFirst().orElseThrow();
            var entree = entrees.computeIfAbsent(e.topic(), n -> driver.createInputTopic(n,
                    (org.apache.kafka.common.serialization.Serializer) topic.keySerde().serializer(),
                    (org.apache.kafka.common.serialization.Serializer) topic.valueSerde().serializer()));
            lu(() -> entree.pipeInput(e.cle(), e.valeur(), e.instant()));
        }
    }

    /** Sends, unless the topology does not read that topic (a topology of file indicators reads one or two). */
    private static void lu(Runnable envoi) {
        try {
            envoi.run();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Unknown topic")) {
                throw e;
            }
        }
    }

    public static List<ParcStationnement> parkings() {
        var source = new Source("Parkings d'essai", "Croisements", "2025", "Licence Ouverte 2.0", false);
        return List.of(
                new ParcStationnement("parc-gare", "Parking de la gare", Fixtures.OUEST, 120, new Position(6.05, 48.75, null),
                        "ouvrage", false, source),
                new ParcStationnement("parc-halles", "Parking des halles", Fixtures.OUEST, 40, new Position(6.06, 48.76, null),
                        "enclos", true, source),
                new ParcStationnement("parc-est", "Parking de l'est", Fixtures.EST, 60, new Position(6.15, 48.75, null),
                        "ouvrage", false, source),
                new ParcStationnement("parc-sans-places", "Parking sans places", Fixtures.EST, null,
                        new Position(6.16, 48.75, null), "enclos", true, source));
    }

    /** The two communes of {@link Fixtures}, with every variable the crossings read; the east's poverty rate is secret. */
    public static Territoire territoire() {
        var base = Fixtures.territoire();
        var communes = new ArrayList<Commune>();
        for (Commune c : base.communes()) {
            boolean ouest = c.codeInsee().equals(Fixtures.OUEST);
            var chiffres = new TreeMap<>(c.chiffres());
            chiffres.put(Commune.POPULATION_75_PLUS, ouest ? 31.0 : 12.0);
            chiffres.put(Commune.PART_75_PLUS, ouest ? 14.1 : 10.9);
            chiffres.put(Commune.PART_MENAGES_UNE_PERSONNE, ouest ? 38.5 : 29.0);
            chiffres.put(Commune.DENSITE, ouest ? 812.4 : 95.0);
            if (ouest) {
                chiffres.put("taux_pauvrete", 16.2);
            }
            communes.add(new Commune(c.codeInsee(), c.nom(), chiffres, ouest ? Set.of() : Set.of("taux_pauvrete"), c.contour()));
        }
        var sources = new TreeMap<String, Source>();
        for (String v : List.of("menages", "population", Commune.POPULATION_75_PLUS, Commune.PART_75_PLUS,
                Commune.PART_MENAGES_UNE_PERSONNE, Commune.DENSITE, "taux_pauvrete")) {
            sources.put(v, v.equals("taux_pauvrete") ? new Source("Filosofi", "Insee", "2021", "Licence Ouverte 2.0", false)
                    : v.equals("menages") || v.equals("population") ? INSEE
                    : new Source("Recensement de la population", "Insee", "2022", "Licence Ouverte 2.0", false));
        }
        return new Territoire(base.id(), base.nom(), base.epciSiren(), sources, base.sourceContours(), communes, List.of());
    }

}
