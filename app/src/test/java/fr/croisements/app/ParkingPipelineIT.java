package fr.croisements.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.app.kafka.EmbeddedKafka;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Parkings;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Topics;
import fr.croisements.ingest.parking.OccupationSimulateur;
import fr.croisements.ingest.parking.ParcsPublies;
import fr.croisements.ingest.parking.ParkingsAdapter;
import fr.croisements.ingest.parking.ScenarioStationnement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Poitiers and La Rochelle car parks (the shipped car-park packs) and three simulated weekdays of occupancy through the real
 * adapters and the pipeline on the embedded broker: the hourly occupancy of every car park and the
 * places per 1 000 inhabitants of La Rochelle must equal a direct computation. Then the state
 * directory is wiped and the hourly windows, restored from their changelog, must take one more
 * observation into every hour already counted: the broker checks retention every 200 ms, so a
 * changelog that retention had emptied (events from 2025, wall clock in 2026) would show. In between, a
 * second source sharing ids with La Rochelle's car parks is ingested with the command line: it replaces
 * none of them, and the figure names both sources (issue #13).
 */
class ParkingPipelineIT {

    private static final Instant JOUR = Instant.parse("2025-03-04T00:00:00Z");
    private static Path dossier;
    private static EmbeddedKafka broker;

    @BeforeAll
    static void demarrer() throws Exception {
        dossier = Files.createTempDirectory("croisements-it-parkings");
        broker = EmbeddedKafka.start(dossier.resolve("kafka"), true, 0,
                Map.of("log.retention.check.interval.ms", "200", "log.initial.task.delay.ms", "0"));
    }

    @AfterAll
    static void arreter() {
        broker.close();
        Dossiers.effacerSansErreur(dossier);
    }

    @Test
    void hourlyOccupancyAndPlacesPerInhabitantEqualADirectComputation() throws Exception {
        List<Territoire> territoires = List.of(Territoires.charger("grand-poitiers"), Territoires.charger("la-rochelle"));
        var simulateur = OccupationSimulateur.poitiersEtLaRochelle(42, ScenarioStationnement.AUCUN);
        // three weekdays: a commune's peak-hour cells, grouped by commune and day, lie in several partitions
        List<OccupationParking> journee = simulateur.periode(JOUR, JOUR.plus(3, ChronoUnit.DAYS)).toList();
        // the shipped car-park packs, as the demo publishes them: no official file needed
        List<ParcStationnement> parcs = Parkings.livres();

        var options = new Application.Options(broker.bootstrapServers(), 0, dossier.resolve("etat"), 4, (short) 1, null);
        try (var application = Application.demarrer(territoires, options)) {
            try (var rejets = KafkaClients.producer(broker.bootstrapServers(), Topics.REJETS, "it-rejets");
                    var refs = KafkaClients.producer(broker.bootstrapServers(), Topics.REF_PARKINGS, "it-parkings")) {
                new ParkingsAdapter().publier("packs de parkings livrés", parcs, refs, rejets);
            }
            // as the demo does: observations of a car park the table does not know yet are rejected
            await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> application.pipeline().parkings().size() >= parcs.size());
            publier(journee);

            Map<String, List<String>> attendu = moyennesHoraires(parcs, journee);
            attendre(application, attendu);

            // the map shows each commune's latest peak-hour day, whichever partition holds it
            await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode pointe = PipelineContract.getJson(application.port(),
                        "/api/territoires/la-rochelle/communes.geojson?indicateur=" + Indicateurs.OCCUPATION_POINTE.id());
                List<String> joursAffiches = new ArrayList<>();
                for (JsonNode f : pointe.get("features")) {
                    JsonNode p = f.get("properties");
                    if (p.get("debut").isTextual()) {
                        List<Indicateur> jours = application.pipeline().queries()
                                .historique(Indicateurs.OCCUPATION_POINTE.id(), p.get("code").asText());
                        assertThat(Instant.parse(p.get("debut").asText())).isEqualTo(jours.get(jours.size() - 1).debut());
                        joursAffiches.add(p.get("debut").asText());
                    }
                }
                assertThat(joursAffiches).isNotEmpty().containsOnly("2025-03-05T23:00:00Z");
            });

            JsonNode parkingsLaRochelle = PipelineContract.getJson(application.port(), "/api/parkings.geojson?territoire=la-rochelle");
            assertThat(parkingsLaRochelle.get("features")).hasSize(20);
            assertThat(parkingsLaRochelle.get("features")).anySatisfy(f ->
                    assertThat(f.get("properties").get("tauxOccupation").isNumber()).isTrue());

            Commune laRochelle = territoires.get(1).commune("17300").orElseThrow();
            long places = parcs.stream().filter(p -> "17300".equals(p.codeInsee()) && p.capacite() != null)
                    .mapToLong(ParcStationnement::capacite).sum();
            double attenduLaRochelle = Math.round(places / laRochelle.chiffre(Commune.POPULATION) * 1000 * 10.0) / 10.0;
            await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode carte = PipelineContract.getJson(application.port(),
                        "/api/territoires/la-rochelle/communes.geojson?indicateur=" + Indicateurs.PLACES_PAR_HABITANT.id());
                JsonNode proprietes = null;
                for (JsonNode f : carte.get("features")) {
                    if ("17300".equals(f.get("properties").get("code").asText())) {
                        proprietes = f.get("properties");
                    }
                }
                assertThat(proprietes).isNotNull();
                assertThat(proprietes.get("valeur").asDouble()).isEqualTo(attenduLaRochelle);
            });
            uneSecondeSourceNeRemplacePasLesParkingsDeLaPremiere(application, parcs, places);
        }

        // the disk of the instance is lost: its windows come back from their changelog only
        Dossiers.effacerSansErreur(options.etat());
        // one more observation, full, in every hour of every car park: a window the restore lost would show
        Map<String, OccupationParking> premieresDeLHeure = new TreeMap<>();
        journee.forEach(o -> premieresDeLHeure.putIfAbsent(o.parkingId() + "|" + o.instant().truncatedTo(ChronoUnit.HOURS), o));
        List<OccupationParking> plusTard = premieresDeLHeure.values().stream()
                .map(o -> new OccupationParking(o.parkingId(), o.instant().plusSeconds(1), 0, o.capacite(), o.statut(), o.simule()))
                .toList();
        List<OccupationParking> avecUneDePlus = new ArrayList<>(journee);
        avecUneDePlus.addAll(plusTard);
        try (var application = Application.demarrer(territoires, options)) {
            publier(plusTard);
            attendre(application, moyennesHoraires(parcs, avecUneDePlus));
        }
    }

    /**
     * Issue #13: a national file ingested into the running pipeline shares ids with La Rochelle's car parks.
     * The other car park under Verdun's id is rejected as a conflict, the copy of Jean Moulin is kept with
     * its first source, the new car park is added, and La Rochelle's figure names both sources.
     */
    private static void uneSecondeSourceNeRemplacePasLesParkingsDeLaPremiere(Application application,
            List<ParcStationnement> parcs, long placesLaRochelle) throws Exception {
        ParcStationnement jeanMoulin = parcs.stream().filter(p -> p.id().equals("17300-P-002")).findFirst().orElseThrow();
        Path fichier = Files.writeString(dossier.resolve("parkings-base-nationale.csv"), String.join("\n",
                "id;nom;insee;adresse;url;type_usagers;gratuit;nb_places;nb_pr;nb_pmr;nb_voitures_electriques;nb_velo;"
                        + "nb_2r_el;nb_autopartage;nb_2_rm;nb_covoit;hauteur_max;num_siret;Xlong;Ylat;tarif_pmr;tarif_1h;"
                        + "tarif_2h;tarif_3h;tarif_4h;tarif_24h;abo_resident;abo_non_resident;type_ouvrage;info;id_source",
                "17300-P-007;Parking de la Base;17300;;;tous;1;999;;;;;;;;;N/A;21170300100010;-1.2000;46.1400;;;;;;;;;;;B1",
                "17300-P-002;JEAN MOULIN;17300;;;tous;0;" + jeanMoulin.capacite() + ";;;;;;;;;N/A;21170300100010;"
                        + jeanMoulin.position().longitude() + ";" + jeanMoulin.position().latitude() + ";;;;;;;;;;;B2",
                "17300-P-900;Parking des essais;17300;;;tous;1;50;;;;;;;;;N/A;21170300100010;-1.1500;46.1600;;;;;;;;;;;B3")
                + "\n");
        var sortie = new java.io.StringWriter();

        int code = Croisements.ligneDeCommande().setOut(new java.io.PrintWriter(sortie))
                .execute("ingest", "stationnement", fichier.toString(), "--bootstrap-servers", broker.bootstrapServers());

        assertThat(code).isEqualTo(1);
        assertThat(sortie.toString()).contains("3 parkings lus, 1 publié sur ref-parkings, 1 ligne rejetée",
                "parkings-base-nationale.csv:2 : conflit d'identifiant : « 17300-P-007 » est déjà publié par une autre"
                        + " source (Communauté d'agglomération de La Rochelle, Parkings (La Rochelle OpenData) (2024))",
                "parkings-base-nationale.csv:3 : parking « 17300-P-002 » déjà publié à l'identique",
                "parkings-base-nationale.csv : commune 17300 : 1 parking de ce fichier s'ajoute aux");
        ParcsPublies publies;
        try (var lecteur = KafkaClients.lecteur(broker.bootstrapServers(), Topics.REF_PARKINGS, "it-parkings-publies")) {
            publies = ParcsPublies.lire(lecteur, java.time.Duration.ofSeconds(30));
        }
        assertThat(publies.nombre()).isEqualTo(parcs.size() + 1);
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Indicateur> cellules = application.pipeline().queries()
                    .historique(Indicateurs.PLACES_PAR_HABITANT.id(), "17300");
            Indicateur derniere = cellules.get(cellules.size() - 1);
            assertThat(derniere.numerateur()).isEqualTo(placesLaRochelle + 50.0);
            assertThat(derniere.sourceNumerateur().titre()).startsWith("Parkings de 2 sources, additionnés : ")
                    .contains("Parkings (La Rochelle OpenData) (", "parkings-base-nationale.csv (1 parking, 50 places)");
        });
        assertThat(application.pipeline().parkings()).filteredOn(p -> p.id().equals("17300-P-007"))
                .singleElement().extracting(ParcStationnement::nom).isEqualTo("Verdun");
    }

    private static void attendre(Application application, Map<String, List<String>> attendu) {
        assertThat(attendu).hasSizeGreaterThan(20); // the 26 car parks that have a capacity
        await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, List<String>> obtenu = historiques(application, attendu.keySet());
                    assertThat(obtenu).as("car parks whose hours differ: %s", differences(attendu, obtenu)).isEqualTo(attendu);
                });
    }

    /** The first lines that differ, per car park: enough to see what went wrong in a CI log. */
    private static Map<String, String> differences(Map<String, List<String>> attendu, Map<String, List<String>> obtenu) {
        Map<String, String> differences = new TreeMap<>();
        attendu.forEach((id, lignes) -> {
            List<String> autres = obtenu.getOrDefault(id, List.of());
            if (!lignes.equals(autres)) {
                List<String> manquantes = lignes.stream().filter(l -> !autres.contains(l)).limit(2).toList();
                List<String> inattendues = autres.stream().filter(l -> !lignes.contains(l)).limit(2).toList();
                differences.put(id, lignes.size() + " hours expected, " + autres.size() + " found; expected "
                        + manquantes + ", found " + inattendues);
            }
        });
        return differences;
    }

    /** Per car park, one line per hour: "hour / mean rate", computed without Kafka. */
    private static Map<String, List<String>> moyennesHoraires(List<ParcStationnement> parcs, List<OccupationParking> obs) {
        Map<String, Integer> capacites = new HashMap<>();
        parcs.forEach(p -> capacites.put(p.id(), p.capacite()));
        Map<String, TreeMap<Instant, double[]>> sommes = new TreeMap<>();
        for (OccupationParking o : obs) {
            int capacite = o.capacite() != null ? o.capacite() : capacites.get(o.parkingId());
            double taux = 100.0 * Math.max(0, capacite - o.placesLibres()) / capacite;
            double[] s = sommes.computeIfAbsent(o.parkingId(), k -> new TreeMap<>())
                    .computeIfAbsent(o.instant().truncatedTo(ChronoUnit.HOURS), k -> new double[2]);
            s[0] += taux;
            s[1]++;
        }
        Map<String, List<String>> lignes = new TreeMap<>();
        sommes.forEach((id, heures) -> heures.forEach((heure, s) -> lignes.computeIfAbsent(id, k -> new ArrayList<>())
                .add(heure + " / " + Math.round(s[0] / s[1] * 10.0) / 10.0)));
        return lignes;
    }

    private static Map<String, List<String>> historiques(Application application, java.util.Set<String> ids) {
        Map<String, List<String>> lignes = new TreeMap<>();
        for (String id : ids) {
            for (Indicateur c : application.pipeline().queries().historique(Indicateurs.OCCUPATION_PARKINGS.id(), id)) {
                lignes.computeIfAbsent(id, k -> new ArrayList<>()).add(c.debut() + " / " + c.valeur());
            }
        }
        return lignes;
    }

    private static void publier(List<OccupationParking> observations) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(props, Topics.STATIONNEMENT_OCCUPATION.keySerde().serializer(),
                Topics.STATIONNEMENT_OCCUPATION.valueSerde().serializer())) {
            var envois = new ArrayList<java.util.concurrent.Future<?>>();
            for (OccupationParking o : observations) {
                envois.add(producer.send(new ProducerRecord<>(Topics.STATIONNEMENT_OCCUPATION.name(), null,
                        o.instant().toEpochMilli(), o.parkingId(), o)));
            }
            for (var envoi : envois) {
                envoi.get(); // a record the broker refused fails here, not as a mismatch later
            }
        }
    }
}
