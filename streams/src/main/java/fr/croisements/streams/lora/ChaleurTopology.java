package fr.croisements.streams.lora;

import static fr.croisements.events.Topics.LORA_UPLINKS;
import static fr.croisements.events.Topics.REJETS;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * "Exposition à la chaleur des 75 ans et plus": per commune and day, the highest and mean
 * temperature read by the sensors located in it, and the INSEE persons aged 75 and over who live in
 * a commune where a sensor reached the threshold that day.
 *
 * <pre>
 * In:  lora-uplinks (uplinks with a "temperature" measure and a device position)  key = DevEUI
 * In:  ref-insee-communes (KTable, needs "population_75_plus")                      key = code INSEE
 * Out: indicateurs-&lt;definition id&gt;   key = code INSEE, value = Indicateur (valeur = persons 75+ exposed,
 *      0 when no sensor reached the threshold; mesures: temperature_max, temperature_moyenne, capteurs,
 *      capteurs_au_dessus_du_seuil, seuil)
 * Out: rejets  uplinks without position, or located outside every commune; any uplink too old for the
 *      daily windows kept ({@link UplinksTropAnciens}), for this crossing and the coverage one
 * </pre>
 *
 * Days run from 00:00 to 00:00 UTC (01:00 or 02:00 in France), so that afternoon maxima fall in
 * their calendar day. Like the waste count, the daily windows stay open for {@link #CONSERVATION}:
 * replayed files must not lose readings to the interleaving of partitions.
 */
public final class ChaleurTopology implements Croisement {

    public static final Duration CONSERVATION = Duration.ofDays(400);
    /** The windows' size: UTC days. */
    static final Duration JOUR = Duration.ofDays(1);
    static final String STORE_RELEVES = "temperatures-par-commune-jour";
    static final String STORE_JOINTURES = "temperatures-avec-population-insee";
    static final Source CAPTEURS_SIMULES = new Source("Capteurs LoRaWAN de température (simulateur Croisements)",
            "Croisements", "simulation", "Licence Ouverte 2.0", true);
    static final Source CAPTEURS_RESEAU = new Source("Capteurs LoRaWAN de température", "Réseau LoRaWAN de la collectivité",
            "en continu", "selon le réseau", false);

    private final CommuneLocator locator;
    private final DefinitionIndicateur definition;
    private final FabriqueCellules cellules;
    private final double seuil;

    /**
     * @param seuil threshold in °C (e.g. 30): a commune is exposed on a day when one of its sensors
     *     reads at least this
     */
    public ChaleurTopology(CommuneLocator locator, DefinitionIndicateur definition, double seuil) {
        this.locator = locator;
        this.definition = definition;
        this.cellules = new FabriqueCellules(definition);
        this.seuil = seuil;
    }

    public Topology build() {
        return Entrees.topologie(locator, List.of(this));
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(definition);
    }

    @Override
    public void ajouter(Entrees entrees) {
        // uplinks too old for the daily windows go to rejets here, for this crossing and the coverage one (issue #13)
        var ages = entrees.builder().stream(LORA_UPLINKS.name(), Consumed.with(LORA_UPLINKS.keySerde(), LORA_UPLINKS.valueSerde())
                        .withName("chaleur-uplinks-source"))
                .processValues(() -> new UplinksTropAnciens(JOUR, CONSERVATION), Named.as("chaleur-anciennete"))
                .split(Named.as("chaleur-age-"))
                .branch((devEui, j) -> j.rejet() != null, org.apache.kafka.streams.kstream.Branched.withConsumer(
                        s -> entrees.rejeter(s.mapValues(UplinksTropAnciens.Juge::rejet, Named.as("chaleur-rejet-trop-ancien")),
                                "chaleur-trop-anciens"), "trop-anciens"))
                .defaultBranch(org.apache.kafka.streams.kstream.Branched.as("recents"));
        var lectures = ages.get("chaleur-age-recents")
                .mapValues(UplinksTropAnciens.Juge::uplink, Named.as("chaleur-uplinks-recents"))
                .filter((devEui, u) -> u != null && u.mesures().containsKey("temperature"), Named.as("chaleur-temperatures"))
                .split(Named.as("chaleur-"))
                .branch((devEui, u) -> commune(u) == null, org.apache.kafka.streams.kstream.Branched.withConsumer(
                        s -> entrees.rejeter(s.mapValues((devEui, u) -> rejet(devEui, u), Named.as("chaleur-rejet")),
                                "chaleur"), "hors-communes"))
                .defaultBranch(org.apache.kafka.streams.kstream.Branched.as("localisees"));
        compter(lectures.get("chaleur-localisees"), entrees);
    }

    private void compter(KStream<String, LoraUplink> uplinks, Entrees entrees) {
        KTable<String, IndicateurInsee> insee = entrees.insee();
        KTable<Windowed<String>, ReleveJour> jours = uplinks
                .mapValues(u -> new LectureLocalisee(commune(u), u.devEui(), u.mesures().get("temperature").valeur(),
                        u.simule()), Named.as("chaleur-localiser"))
                .groupBy((devEui, l) -> l.codeInsee(), Grouped.with("chaleur-par-commune", Serdes.String(),
                        JsonSerde.of(LectureLocalisee.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(JOUR, CONSERVATION))
                .aggregate(ReleveJour::vide, (code, l, r) -> r.ajouter(l.devEui(), l.temperature(), seuil, l.simule()),
                        Named.as("chaleur-par-commune-jour"),
                        Materialized.<String, ReleveJour, WindowStore<Bytes, byte[]>>as(STORE_RELEVES)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(ReleveJour.class)));
        KStream<String, Indicateur> calculees = JoursParCommune.avecInsee(jours, insee, JointureChaleur::new,
                        JointureChaleur.class, "chaleur", STORE_JOINTURES)
                .map((jour, j) -> KeyValue.pair(jour.key(), calculer(jour, j)), Named.as("chaleur-calculer"));
        entrees.publier(calculees, definition);
    }

    /** Pure: the cell of one commune-day. Without an INSEE figure for 75+, the value is unknown. */
    Indicateur calculer(Windowed<String> jour, JointureChaleur j) {
        ReleveJour r = j.releve();
        IndicateurInsee ref = j.insee();
        Double population75 = ref == null ? null : ref.valeur("population_75_plus");
        boolean expose = r.maximum() >= seuil;
        Double exposes = population75 == null ? null : expose ? population75 : 0.0;
        Source capteurs = r.simule() ? CAPTEURS_SIMULES : CAPTEURS_RESEAU;
        return cellules.cellule(jour.key(), Zone.COMMUNE, ref == null ? null : ref.nom(), jour.window().startTime(),
                        jour.window().endTime())
                .valeur(exposes)
                .numerateur(exposes, capteurs)
                .denominateur(population75, ref == null ? null : ref.source("population_75_plus"))
                .mesure("temperature_max", FabriqueCellules.arrondi(r.maximum()))
                .mesure("temperature_moyenne", FabriqueCellules.arrondi(r.moyenne()))
                .mesure("capteurs", (double) r.capteurs().size())
                .mesure("capteurs_au_dessus_du_seuil", (double) r.capteursAuDessus().size())
                .mesure("seuil", seuil)
                .sourceMesure("temperature_max", capteurs)
                .sourceMesure("temperature_moyenne", capteurs)
                .contributeurs(r.capteurs().size())
                .simule(r.simule())
                .construire();
    }

    private String commune(LoraUplink u) {
        return u.position() == null ? null
                : locator.codeInseeAt(u.position().longitude(), u.position().latitude()).orElse(null);
    }

    private static Rejet rejet(String devEui, LoraUplink u) {
        return new Rejet(LORA_UPLINKS.name(), "DevEUI " + devEui, u.position() == null
                ? "capteur sans position : sa commune est inconnue"
                : String.format(Locale.ROOT, "capteur hors de toute commune du territoire (longitude %s, latitude %s)",
                        u.position().longitude(), u.position().latitude()), null, u.instant());
    }
}
