package fr.croisements.ingest.lora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Territoire;
import fr.croisements.datasets.Territoires;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Rejet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class LoraSimulateurTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long GRAINE = 42;
    private static final Instant MISE_EN_SERVICE = Instant.parse("2025-07-01T00:00:00Z");
    private static final LocalDate CANICULE = LocalDate.of(2025, 7, 14);
    private static final Instant FIN = Instant.parse("2025-07-21T00:00:00Z");

    private static Territoire grandPoitiers;
    private static LoraSimulateur simulateur;
    private static List<MessageSimule> messages;
    /** Every message decoded by the adapters, without any devices file: what a user would get. */
    private static List<LoraUplink> uplinks;
    private static List<LoraStatut> statuts;
    private static List<Rejet> rejets;
    private static BilanLora bilanTts;
    private static BilanLora bilanChirpstack;

    @BeforeAll
    static void simuler() throws IOException {
        grandPoitiers = Territoires.charger("grand-poitiers");
        simulateur = new LoraSimulateur(grandPoitiers, GRAINE, Scenario.canicule(CANICULE), MISE_EN_SERVICE);
        messages = simulateur.messages(MISE_EN_SERVICE, FIN).toList();
        MockProducer<String, LoraUplink> u = DonneesLora.producteurUplinks();
        MockProducer<String, LoraStatut> s = DonneesLora.producteurStatuts();
        MockProducer<String, Rejet> r = DonneesLora.producteurRejets();
        bilanTts = new TtsAdapter().publier(ndjson("tts"), "simulation-tts.ndjson", u, s, r);
        bilanChirpstack = new ChirpstackAdapter().publier(ndjson("chirpstack"), "simulation-chirpstack.ndjson", u, s, r);
        uplinks = u.history().stream().map(ProducerRecord::value).toList();
        statuts = s.history().stream().map(ProducerRecord::value).toList();
        rejets = r.history().stream().map(ProducerRecord::value).toList();
    }

    private static ByteArrayInputStream ndjson(String source) {
        String texte = messages.stream().filter(m -> m.source().equals(source)).map(m -> m.json() + "\n")
                .collect(Collectors.joining());
        return new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void isDeterministicAndEveryPeriodCanBeProducedAlone() {
        var meme = new LoraSimulateur(grandPoitiers, GRAINE, Scenario.canicule(CANICULE), MISE_EN_SERVICE);
        Instant milieu = Instant.parse("2025-07-03T17:31:00Z");
        Instant fin = Instant.parse("2025-07-05T00:00:00Z");

        List<MessageSimule> ensemble = meme.messages(MISE_EN_SERVICE, fin).toList();
        List<MessageSimule> enDeuxFois = new ArrayList<>(meme.messages(MISE_EN_SERVICE, milieu).toList());
        enDeuxFois.addAll(meme.messages(milieu, fin).toList());

        assertThat(ensemble).isEqualTo(messages.stream().filter(m -> m.instant().isBefore(fin)).toList());
        assertThat(enDeuxFois).isEqualTo(ensemble);
        assertThat(ensemble).isSortedAccordingTo(Comparator.comparing(MessageSimule::instant));
        var autre = new LoraSimulateur(grandPoitiers, GRAINE + 1, Scenario.canicule(CANICULE), MISE_EN_SERVICE);
        assertThat(autre.messages(MISE_EN_SERVICE, fin).toList()).isNotEqualTo(ensemble);
    }

    @Test
    void placesAFewGatewaysAndAFewDozenSensorsInsideTheirCommunesMoreInPoitiers() {
        var geometrie = new GeometryFactory();
        assertThat(simulateur.passerelles()).hasSize(5).allSatisfy(p ->
                assertThat(commune(p.codeInsee()).contour().contains(geometrie.createPoint(new Coordinate(p.longitude(), p.latitude()))))
                        .as(p.nom()).isTrue());
        var capteurs = simulateur.capteurs();
        assertThat(capteurs).hasSize(36).allSatisfy(c -> {
            assertThat(commune(c.codeInsee()).contour().contains(geometrie.createPoint(new Coordinate(c.longitude(), c.latitude()))))
                    .as(c.id()).isTrue();
            assertThat(c.commune()).isEqualTo(commune(c.codeInsee()).nom());
            assertThat(c.periode()).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(15));
            assertThat(c.devEui()).matches("24E124[0-9A-F]{10}");
        });
        assertThat(capteurs.stream().filter(c -> c.codeInsee().equals("86194"))).hasSize(14);
        assertThat(capteurs.stream().map(LoraSimulateur.Capteur::codeInsee).distinct().count()).isGreaterThan(10);
        assertThat(capteurs.stream().collect(Collectors.groupingBy(LoraSimulateur.Capteur::modele, Collectors.counting())))
                .isEqualTo(Map.of("milesight-em500-co2", 12L, "milesight-em300-th", 24L));
        assertThat(capteurs.stream().collect(Collectors.groupingBy(LoraSimulateur.Capteur::reseau, Collectors.counting())))
                .isEqualTo(Map.of("tts", 18L, "chirpstack", 18L));
        assertThat(simulateur.appareils().tous()).hasSize(36);
    }

    @Test
    void emitsRealNetworkServerJsonThatTheAdaptersReadWithoutAnyReject() {
        assertThat(rejets).isEmpty();
        assertThat(bilanTts.rejetes() + bilanChirpstack.rejetes() + bilanTts.nonDecodes() + bilanChirpstack.nonDecodes()).isZero();
        assertThat(bilanTts.lus() + bilanChirpstack.lus()).isEqualTo(messages.size());
        assertThat(uplinks).hasSize((int) messages.stream().filter(m -> m.evenement().equals("up")).count());
        var parDevEui = simulateur.capteurs().stream().collect(Collectors.toMap(LoraSimulateur.Capteur::devEui, c -> c));
        assertThat(uplinks).allSatisfy(u -> {
            var capteur = parDevEui.get(u.devEui());
            assertThat(capteur).isNotNull();
            assertThat(u.source()).isEqualTo(capteur.reseau());
            assertThat(u.simule()).isTrue();
            assertThat(u.modele()).isEqualTo(capteur.modele());
            assertThat(u.fPort()).isEqualTo(85);
            assertThat(u.receptions()).isNotEmpty();
            assertThat(u.mesures()).containsKeys(Mesures.TEMPERATURE, Mesures.HUMIDITE, Mesures.BATTERIE);
            if (capteur.modele().equals("milesight-em500-co2")) {
                assertThat(u.mesures().get(Mesures.CO2).valeur()).isBetween(380.0, 560.0);
                assertThat(u.mesures().get(Mesures.PRESSION).valeur()).isBetween(1000.0, 1030.0);
            }
            // TTS gives the registered location; ChirpStack up events carry none (the devices file gives it)
            assertThat(u.position()).isEqualTo(capteur.reseau().equals("tts") ? capteur.position() : null);
        });
        assertThat(bilanTts.ignores()).containsOnlyKeys("join_accept");
        assertThat(bilanChirpstack.ignores()).containsOnlyKeys("join");
        assertThat(statuts).isNotEmpty().allSatisfy(s -> {
            assertThat(s.simule()).isTrue();
            assertThat(s.batteriePourcent()).isBetween(0.0, 100.0);
            assertThat(s.margeDb()).isNotNull();
        });
    }

    @Test
    void theDevicesFileGivesChirpstackUplinksTheirPosition() throws IOException {
        MockProducer<String, LoraUplink> u = DonneesLora.producteurUplinks();
        var adapter = new ChirpstackAdapter(DecodeurRegistre.standard(), simulateur.appareils());
        String un = messages.stream().filter(m -> m.source().equals("chirpstack") && m.evenement().equals("up")).findFirst()
                .orElseThrow().json();

        adapter.publier(new ByteArrayInputStream(un.getBytes(StandardCharsets.UTF_8)), "un.ndjson", u,
                DonneesLora.producteurStatuts(), DonneesLora.producteurRejets());

        LoraUplink uplink = u.history().get(0).value();
        assertThat(uplink.position()).isEqualTo(simulateur.capteurs().stream()
                .filter(c -> c.devEui().equals(uplink.devEui())).findFirst().orElseThrow().position());
    }

    @Test
    void someSensorsAreHeardBySeveralGatewaysAndSomeByNoneWhateverTheSeed() {
        assertThat(uplinks).anySatisfy(u -> assertThat(u.receptions()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(uplinks).anySatisfy(u -> assertThat(u.receptions()).hasSize(1));
        var entendus = uplinks.stream().map(LoraUplink::devEui).collect(Collectors.toSet());
        assertThat(simulateur.capteurs()).anySatisfy(c -> assertThat(entendus).doesNotContain(c.devEui()));
        assertThat(entendus).hasSizeGreaterThan(18);
        for (long graine = 1; graine <= 5; graine++) {
            var autre = new LoraSimulateur(grandPoitiers, graine, Scenario.normal(), MISE_EN_SERVICE);
            var receptions = autre.messages(MISE_EN_SERVICE, MISE_EN_SERVICE.plus(Duration.ofDays(1)))
                    .filter(m -> m.evenement().equals("up"))
                    .collect(Collectors.groupingBy(MessageSimule::devEui,
                            Collectors.summarizingInt(m -> nombreDeReceptions(DonneesLora.json(m.json())))));
            assertThat(receptions.size()).as("graine %d", graine).isBetween(12, 35);
            assertThat(receptions.values()).as("graine %d", graine).anySatisfy(r -> assertThat(r.getMax()).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void aHeatWavePushesTheDailyMaximaAboveThirtyDegrees() {
        var normal = new LoraSimulateur(grandPoitiers, GRAINE, Scenario.normal(), MISE_EN_SERVICE);
        double plusFaibleMaximum = Double.MAX_VALUE;
        for (int i = 0; i < Scenario.JOURS_CANICULE; i++) {
            LocalDate jour = CANICULE.plusDays(i);
            double maxCanicule = maximumMesure(jour);
            assertThat(maxCanicule).as("%s", jour).isGreaterThan(30);
            plusFaibleMaximum = Math.min(plusFaibleMaximum, maxCanicule);
            double maxNormal = IntStream.range(0, 24 * 6)
                    .mapToDouble(k -> normal.temperatureRegionale(jour.atStartOfDay(PARIS).toInstant().plusSeconds(600L * k)))
                    .max().orElseThrow();
            double maxCaniculeRegional = IntStream.range(0, 24 * 6)
                    .mapToDouble(k -> simulateur.temperatureRegionale(jour.atStartOfDay(PARIS).toInstant().plusSeconds(600L * k)))
                    .max().orElseThrow();
            assertThat(maxCaniculeRegional - maxNormal).as("%s", jour).isBetween(8.0 - 0.1, 12.0 + 0.1);
        }
        assertThat(maximumMesure(CANICULE.minusDays(2))).isLessThan(plusFaibleMaximum - 5);
        assertThat(maximumMesure(CANICULE.plusDays(Scenario.JOURS_CANICULE + 1))).isLessThan(plusFaibleMaximum - 5);
    }

    @Test
    void temperatureIsLowestAroundFiveAndHighestAroundSixteen() {
        for (LocalDate jour = LocalDate.of(2025, 7, 2); jour.isBefore(LocalDate.of(2025, 7, 12)); jour = jour.plusDays(1)) {
            LocalDate j = jour;
            var heures = IntStream.range(0, 24 * 4).boxed()
                    .collect(Collectors.toMap(k -> k / 4.0, k -> simulateur.temperatureRegionale(
                            j.atStartOfDay(PARIS).plusMinutes(15L * k).toInstant())));
            double heureMin = heures.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            double heureMax = heures.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(heureMin).as("%s", jour).isBetween(4.0, 6.0);
            assertThat(heureMax).as("%s", jour).isBetween(15.0, 17.0);
        }
        // a July afternoon in Poitiers: about 26 °C; a January dawn: about 2 °C
        double janvier = new LoraSimulateur(grandPoitiers, GRAINE, Scenario.normal())
                .temperatureRegionale(ZonedDateTime.of(2025, 1, 15, 5, 0, 0, 0, PARIS).toInstant());
        assertThat(janvier).isBetween(-6.0, 9.0);
    }

    @Test
    void batteriesDeclineAndTheOldOneRunsOut() {
        var parCapteur = uplinks.stream().collect(Collectors.groupingBy(LoraUplink::devEui));
        parCapteur.forEach((devEui, liste) -> {
            var niveaux = liste.stream().sorted(Comparator.comparing(LoraUplink::instant))
                    .map(u -> u.mesures().get(Mesures.BATTERIE)).toList();
            assertThat(niveaux).extracting(Mesure::unite).containsOnly("%");
            assertThat(niveaux).extracting(Mesure::valeur).as(devEui).isSortedAccordingTo(Comparator.reverseOrder());
        });
        assertThat(parCapteur.values()).filteredOn(l -> l.size() > 100).anySatisfy(liste -> {
            var niveaux = liste.stream().map(u -> u.mesures().get(Mesures.BATTERIE).valeur()).collect(Collectors.toSet());
            assertThat(niveaux).hasSizeGreaterThan(1);
        });
        var usee = simulateur.capteurs().stream()
                .min(Comparator.comparing(c -> simulateur.extinction(c.devEui()))).orElseThrow();
        Instant extinction = simulateur.extinction(usee.devEui());
        assertThat(extinction).isBetween(MISE_EN_SERVICE.plus(Duration.ofDays(12)), MISE_EN_SERVICE.plus(Duration.ofDays(15)));
        assertThat(messages).filteredOn(m -> m.devEui().equals(usee.devEui()))
                .allSatisfy(m -> assertThat(m.instant()).isBefore(extinction));
    }

    @Test
    void framesAreSometimesLostAndOneSensorRestartsWithItsCounterFromZero() {
        var parCapteur = uplinks.stream().collect(Collectors.groupingBy(LoraUplink::devEui));
        long trous = parCapteur.values().stream().mapToLong(liste -> {
            var compteurs = liste.stream().sorted(Comparator.comparing(LoraUplink::instant)).map(LoraUplink::fCnt).toList();
            long n = 0;
            for (int i = 1; i < compteurs.size(); i++) {
                if (compteurs.get(i) > compteurs.get(i - 1) + 1) {
                    n++;
                }
            }
            return n;
        }).sum();
        assertThat(trous).isPositive();

        var capteur = simulateur.capteurQuiRedemarre();
        Instant redemarrage = simulateur.redemarrage();
        // 36 h after its own activation, which is within one period (at most 15 min) of the fleet's
        assertThat(redemarrage).isBetween(MISE_EN_SERVICE.plus(Duration.ofHours(36)),
                MISE_EN_SERVICE.plus(Duration.ofHours(36)).plus(Duration.ofMinutes(15)));
        var compteurs = parCapteur.get(capteur.devEui()).stream().sorted(Comparator.comparing(LoraUplink::instant)).toList();
        var avant = compteurs.stream().filter(u -> u.instant().isBefore(redemarrage)).toList();
        var apres = compteurs.stream().filter(u -> !u.instant().isBefore(redemarrage)).toList();
        assertThat(avant).isNotEmpty();
        assertThat(avant.get(avant.size() - 1).fCnt()).isGreaterThan(100);
        assertThat(apres.get(0).fCnt()).isLessThan(3);
        assertThat(apres).extracting(LoraUplink::fCnt).isSorted();
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.devEui()).isEqualTo(capteur.devEui());
            assertThat(m.evenement()).isEqualTo("join");
            assertThat(m.instant()).isEqualTo(redemarrage);
        });
    }

    @Test
    void ttsOmitsAZeroFrameCounterAsTheRealServerDoes() {
        var premieres = messages.stream().filter(m -> m.source().equals("tts") && m.evenement().equals("up"))
                .map(m -> DonneesLora.json(m.json()).get("uplink_message")).filter(u -> !u.has("f_cnt")).toList();
        assertThat(premieres).isNotEmpty();
        assertThat(uplinks).filteredOn(u -> u.source().equals("tts") && u.fCnt() == 0).hasSize(premieres.size());
    }

    @Test
    void chirpstackWritesEuisInLowerCaseAndTheAdaptersNormaliseThem() {
        JsonNode up = DonneesLora.json(messages.stream().filter(m -> m.source().equals("chirpstack") && m.evenement().equals("up"))
                .findFirst().orElseThrow().json());
        assertThat(up.at("/deviceInfo/devEui").asText()).matches("[0-9a-f]{16}");
        assertThat(up.at("/rxInfo/0/gatewayId").asText()).matches("[0-9a-f]{16}");
        var passerelles = simulateur.passerelles().stream().map(LoraSimulateur.Passerelle::eui).toList();
        assertThat(uplinks).flatExtracting(LoraUplink::receptions).allSatisfy(r -> assertThat(passerelles).contains(r.gatewayId()));
    }

    private static double maximumMesure(LocalDate jour) {
        Instant debut = jour.atStartOfDay(PARIS).toInstant();
        Instant fin = jour.plusDays(1).atStartOfDay(PARIS).toInstant();
        return uplinks.stream().filter(u -> !u.instant().isBefore(debut) && u.instant().isBefore(fin))
                .mapToDouble(u -> u.mesures().get(Mesures.TEMPERATURE).valeur()).max().orElseThrow();
    }

    private static int nombreDeReceptions(JsonNode message) {
        return message.has("rxInfo") ? message.get("rxInfo").size() : message.at("/uplink_message/rx_metadata").size();
    }

    private static Commune commune(String code) {
        return grandPoitiers.commune(code).orElseThrow();
    }
}
