package fr.croisements.streams.lora;

import static fr.croisements.events.Topics.LORA_UPLINKS;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.geo.CommuneLocator;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.util.List;
import java.time.Duration;
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
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * "Couverture observée du réseau": per commune and day, the devices heard, the gateways that heard
 * them, the median RSSI and SNR, set against the INSEE population.
 *
 * <pre>
 * In:  lora-uplinks (with a device position)   key = DevEUI
 * In:  ref-insee-communes (KTable, "population") key = code INSEE
 * Out: indicateurs-&lt;definition id&gt;  key = code INSEE, value = Indicateur: valeur = devices heard per
 *      10 000 inhabitants; numerateur = devices heard; denominateur = population; mesures: passerelles,
 *      rssi_median (dBm), snr_median (dB), habitants_couverts
 * </pre>
 *
 * Uplinks without a position, or outside every commune, or too old for the daily windows kept, are
 * rejected by the heat crossing, which reads the same topic; they are only left out here. Days are UTC days, kept for
 * {@link ChaleurTopology#CONSERVATION}.
 */
public final class CouvertureTopology implements Croisement {

    static final String STORE_JOURS = "couverture-par-commune-jour";
    static final String STORE_JOINTURES = "couverture-avec-population-insee";
    private static final Source RECEPTIONS_SIMULEES = new Source("Réceptions LoRaWAN (simulateur Croisements, modèle "
            + "d'affaiblissement en espace dégagé)", "Croisements", "simulation", "Licence Ouverte 2.0", true);
    private static final Source RECEPTIONS_RESEAU = new Source("Réceptions LoRaWAN du serveur de réseau",
            "Réseau LoRaWAN de la collectivité", "en continu", "selon le réseau", false);

    private final CommuneLocator locator;
    private final DefinitionIndicateur definition;
    private final FabriqueCellules cellules;

    public CouvertureTopology(CommuneLocator locator, DefinitionIndicateur definition) {
        this.locator = locator;
        this.definition = definition;
        this.cellules = new FabriqueCellules(definition);
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
        KTable<String, IndicateurInsee> insee = entrees.insee();
        KTable<Windowed<String>, CouvertureJour> jours = entrees.builder().stream(LORA_UPLINKS.name(),
                        Consumed.with(LORA_UPLINKS.keySerde(), LORA_UPLINKS.valueSerde()).withName("couverture-uplinks-source"))
                // too old for the daily windows: left out here, rejected by the heat crossing (issue #13)
                .processValues(() -> new UplinksTropAnciens(ChaleurTopology.JOUR, ChaleurTopology.CONSERVATION),
                        Named.as("couverture-anciennete"))
                .filter((devEui, j) -> j.rejet() == null, Named.as("couverture-recents"))
                .mapValues(UplinksTropAnciens.Juge::uplink, Named.as("couverture-uplinks-recents"))
                .filter((devEui, u) -> u != null && u.position() != null, Named.as("couverture-positionnes"))
                .mapValues(u -> new ReceptionLocalisee(locator.codeInseeAt(u.position().longitude(), u.position().latitude())
                        .orElse(null), u.devEui(), u.receptions(), u.simule()), Named.as("couverture-localiser"))
                .filter((devEui, r) -> r.codeInsee() != null, Named.as("couverture-dans-une-commune"))
                .groupBy((devEui, r) -> r.codeInsee(), Grouped.with("couverture-par-commune", Serdes.String(),
                        JsonSerde.of(ReceptionLocalisee.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(ChaleurTopology.JOUR, ChaleurTopology.CONSERVATION))
                .aggregate(CouvertureJour::vide, (code, r, c) -> c.ajouter(r), Named.as("couverture-par-commune-jour"),
                        Materialized.<String, CouvertureJour, WindowStore<Bytes, byte[]>>as(STORE_JOURS)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(CouvertureJour.class)));
        KStream<String, Indicateur> calculees = JoursParCommune.avecInsee(jours, insee, JointureCouverture::new,
                        JointureCouverture.class, "couverture", STORE_JOINTURES)
                .map((jour, j) -> KeyValue.pair(jour.key(), calculer(jour, j)), Named.as("couverture-calculer"));
        entrees.publier(calculees, definition);
    }

    /** Pure: the cell of one commune-day. */
    Indicateur calculer(Windowed<String> jour, JointureCouverture j) {
        CouvertureJour c = j.couverture();
        IndicateurInsee ref = j.insee();
        Double population = ref == null ? null : ref.valeur("population");
        double capteurs = c.capteurs().size();
        Source receptions = c.simule() ? RECEPTIONS_SIMULEES : RECEPTIONS_RESEAU;
        return cellules.cellule(jour.key(), Zone.COMMUNE, ref == null ? null : ref.nom(), jour.window().startTime(),
                        jour.window().endTime())
                .valeur(population == null || population <= 0 ? null
                        : FabriqueCellules.arrondi(capteurs / population * 10_000))
                .numerateur(capteurs, receptions)
                .denominateur(population, ref == null ? null : ref.source("population"))
                .mesure("passerelles", (double) c.passerelles().size())
                .mesure("rssi_median", CouvertureJour.mediane(c.rssi()))
                .mesure("snr_median", CouvertureJour.mediane(c.snr()))
                .mesure("habitants_couverts", population)
                .sourceMesure("passerelles", receptions)
                .sourceMesure("rssi_median", receptions)
                .sourceMesure("snr_median", receptions)
                .contributeurs(c.capteurs().size())
                .simule(c.simule())
                .construire();
    }
}
