package fr.croisements.streams;

import static org.assertj.core.api.Assertions.assertThat;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven crossings give, record for record, the cells they gave before they were ported onto
 * the one indicator abstraction ({@code fr.croisements.streams.indicateurs}). The expected output
 * ({@code cellules-avant-portage.jsonl}) was written by this test with the code of the hand-written
 * crossings, on the same seeded input: lifts over three weeks (some weeks secret), temperature
 * uplinks with receptions over four days, device statuses, car parks and their occupancy over two
 * weekdays, and INSEE rows with a secret poverty rate.
 *
 * <p>To write the expected file again (only when a figure is meant to change):
 * {@code mvn -pl streams -am test -Dtest=CroisementsInchangesTest -Dcellules.ecrire=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CroisementsInchangesTest {

    private static final Path ATTENDU = Path.of("src/test/resources/cellules-avant-portage.jsonl");
    private static final Instant DEBUT = Instant.parse("2025-01-06T00:00:00Z"); // a Monday
    private static final Source INSEE = new Source("Base du comparateur de territoires", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    @TempDir
    Path etat;

    @Test
    void everyCrossingGivesTheCellsItGaveBeforeThePort() throws IOException {
        List<String> sorties = calculer();
        if (Boolean.getBoolean("cellules.ecrire")) {
            Files.write(ATTENDU, sorties, StandardCharsets.UTF_8);
        }
        List<String> attendues = Files.readAllLines(ATTENDU, StandardCharsets.UTF_8);
        assertThat(sorties).as("cells and rejects of the seven crossings").hasSize(attendues.size());
        assertThat(sorties).containsExactlyElementsOf(attendues);
        // the input reaches every crossing: none of them is silently missing from the comparison
        for (var d : Indicateurs.TOUS) {
            assertThat(sorties).as(d.id()).anyMatch(l -> l.startsWith(d.topic() + " "));
        }
    }

    private List<String> calculer() {
        Territoire territoire = territoire();
        Properties props = new StreamsSettings("inutilise:9092", "portage", etat, 1, null).toProperties();
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (var driver = new TopologyTestDriver(Pipeline.topology(List.of(territoire)), props)) {
            var insee = driver.createInputTopic(Topics.REF_INSEE_COMMUNES.name(),
                    Topics.REF_INSEE_COMMUNES.keySerde().serializer(), Topics.REF_INSEE_COMMUNES.valueSerde().serializer());
            territoire.indicateursInsee().forEach(r -> insee.pipeInput(r.codeZone(), r, DEBUT.minusSeconds(3600)));
            var parcs = driver.createInputTopic(Topics.REF_PARKINGS.name(), Topics.REF_PARKINGS.keySerde().serializer(),
                    Topics.REF_PARKINGS.valueSerde().serializer());
            parkings().forEach(p -> parcs.pipeInput(p.id(), p, DEBUT.minusSeconds(3600)));
            var levees = driver.createInputTopic(Topics.DECHETS_LEVEES.name(), Topics.DECHETS_LEVEES.keySerde().serializer(),
                    Topics.DECHETS_LEVEES.valueSerde().serializer());
            var uplinks = driver.createInputTopic(Topics.LORA_UPLINKS.name(), Topics.LORA_UPLINKS.keySerde().serializer(),
                    Topics.LORA_UPLINKS.valueSerde().serializer());
            var statuts = driver.createInputTopic(Topics.LORA_STATUTS.name(), Topics.LORA_STATUTS.keySerde().serializer(),
                    Topics.LORA_STATUTS.valueSerde().serializer());
            var occupation = driver.createInputTopic(Topics.STATIONNEMENT_OCCUPATION.name(),
                    Topics.STATIONNEMENT_OCCUPATION.keySerde().serializer(),
                    Topics.STATIONNEMENT_OCCUPATION.valueSerde().serializer());
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
                    levees.pipeInput(levee.idBac(), levee, instant);
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
                        uplinks.pipeInput(devEui, uplink, instant);
                    }
                }
                statuts.pipeInput("A840410000000002", new LoraStatut("A840410000000002",
                        DEBUT.plus(Duration.ofDays(jour)).plusSeconds(50), 80.0 - jour, 7, "tts", true),
                        DEBUT.plus(Duration.ofDays(jour)).plusSeconds(50));
            }
            // car parks: two weekdays, an observation every 20 minutes from 8:00 to 18:00 UTC, one unknown car park
            for (int jour = 0; jour < 2; jour++) {
                for (int pas = 0; pas < 30; pas++) {
                    Instant instant = DEBUT.plus(Duration.ofDays(jour)).plus(Duration.ofHours(8)).plus(Duration.ofMinutes(20L * pas));
                    for (var p : parkings()) {
                        int libres = Math.max(0, p.capacite() == null ? 10 : p.capacite() - (pas * 7 + aleas.nextInt(20)) % (p.capacite() + 1));
                        occupation.pipeInput(p.id(), new OccupationParking(p.id(), instant, libres, null, null, jour == 0), instant);
                    }
                    occupation.pipeInput("inconnu", new OccupationParking("inconnu", instant, 3, 10, null, true), instant);
                }
            }
            var sorties = new ArrayList<String>();
            var cles = new StringDeserializer();
            for (String topic : sortiesDuPipeline()) {
                var sortie = driver.createOutputTopic(topic, cles, new org.apache.kafka.common.serialization.ByteArrayDeserializer());
                sortie.readRecordsToList().forEach(r -> sorties.add(topic + " " + r.key() + " "
                        + normaliser(new String(r.value(), StandardCharsets.UTF_8))));
            }
            return sorties;
        }
    }

    /** The JSON of a record with its object keys sorted, so that a reordered field is not a changed figure. */
    private static String normaliser(String json) {
        try {
            Object arbre = JsonSerde.MAPPER.readValue(json, Object.class);
            return JsonSerde.MAPPER.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(trier(arbre));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object trier(Object noeud) {
        if (noeud instanceof Map<?, ?> map) {
            var trie = new TreeMap<String, Object>();
            ((Map<String, Object>) map).forEach((k, v) -> trie.put(k, trier(v)));
            return trie;
        }
        if (noeud instanceof List<?> liste) {
            return liste.stream().map(CroisementsInchangesTest::trier).toList();
        }
        return noeud;
    }

    private static List<String> sortiesDuPipeline() {
        var topics = new ArrayList<String>();
        Indicateurs.TOUS.forEach(d -> topics.add(d.topic()));
        topics.add(Topics.LORA_SANTE_CAPTEURS.name());
        topics.add(Topics.REJETS.name());
        return topics;
    }

    private static List<ParcStationnement> parkings() {
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
    private static Territoire territoire() {
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

    static IndicateurInsee ligne(Territoire t, String code) {
        return t.indicateursInsee().stream().filter(r -> r.codeZone().equals(code) && Zone.COMMUNE.equals(r.niveau()))
                .findFirst().orElseThrow();
    }
}
