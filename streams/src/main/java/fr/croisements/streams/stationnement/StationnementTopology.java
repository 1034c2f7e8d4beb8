package fr.croisements.streams.stationnement;

import static fr.croisements.events.Indicateurs.OCCUPATION_VOIRIE;
import static fr.croisements.events.Indicateurs.ROTATION_STATIONNEMENT;
import static fr.croisements.events.Topics.LORA_UPLINKS;
import static fr.croisements.events.Topics.STATIONNEMENT_SEJOURS;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Rejet;
import fr.croisements.events.Topics;
import fr.croisements.streams.geo.LocalisateurZone;
import fr.croisements.streams.indicateurs.Croisement;
import fr.croisements.streams.indicateurs.Entrees;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * On-street parking per IRIS: stays on each space, then occupancy per hour and rotation per day.
 *
 * <pre>
 * In:  lora-uplinks           key = DevEUI, value = LoraUplink; only those with an {@code occupation} measure
 *                             (per-space sensors: Nwave, Bosch, Dingtek), made into stays by {@link MachineSejours}
 * In:  stationnement-sejours  key = space or zone id, value = SejourPlace (a city's parking-meter export)
 * In:  ref-insee-communes     (KTable) the IRIS's population and density, by code IRIS
 * Out: indicateurs-occupation-voirie       key = code IRIS, one cell per IRIS × hour (UTC), emit on update
 * Out: indicateurs-rotation-stationnement  key = code IRIS, one cell per IRIS × day (Paris), emit on update
 * Out: rejets  frames out of order or without position, spaces outside every IRIS
 * Stores: stationnement-etat-places (per space), stationnement-voirie-periodes and -places (per IRIS)
 * </pre>
 *
 * The IRIS of a space comes from the {@link LocalisateurZone} given (the pipeline's IRIS locator).
 * The stays are counted as {@link CompteVoirie} says; a stay counts when it ends.
 */
public final class StationnementTopology implements Croisement {

    private LocalisateurZone localisateurIris;

    /** Locating the spaces with the pipeline's IRIS locator ({@link Entrees#localisateurIris()}). */
    public StationnementTopology() {
        this.localisateurIris = null;
    }

    /** Locating the spaces with {@code localisateurIris} (a test's, or another level's). */
    public StationnementTopology(LocalisateurZone localisateurIris) {
        this.localisateurIris = Objects.requireNonNull(localisateurIris, "localisateurIris");
    }

    @Override
    public List<DefinitionIndicateur> definitions() {
        return List.of(ROTATION_STATIONNEMENT, OCCUPATION_VOIRIE);
    }

    @Override
    public void ajouter(Entrees entrees) {
        if (localisateurIris == null) {
            localisateurIris = entrees.localisateurIris();
        }
        var builder = entrees.builder();
        builder.addStateStore(SejoursProcessor.store());
        VoirieProcessor.stores().forEach(builder::addStateStore);
        KStream<String, FaitPlace> capteurs = builder.stream(LORA_UPLINKS.name(),
                        Consumed.with(LORA_UPLINKS.keySerde(), LORA_UPLINKS.valueSerde()).withName("stationnement-uplinks-source"))
                .filter((devEui, u) -> u != null && u.mesures().containsKey(SejoursProcessor.OCCUPATION),
                        Named.as("stationnement-capteurs-de-place"))
                .process(SejoursProcessor::new, Named.as("stationnement-sejours-capteurs"), SejoursProcessor.STORE);
        KStream<String, FaitPlace> horodateurs = builder.stream(STATIONNEMENT_SEJOURS.name(),
                        Consumed.with(STATIONNEMENT_SEJOURS.keySerde(), STATIONNEMENT_SEJOURS.valueSerde())
                                .withName("stationnement-sejours-source"))
                .filter((id, s) -> s != null, Named.as("stationnement-sejours-non-vides"))
                .mapValues(FaitPlace::de, Named.as("stationnement-sejours-payes"));
        capteurs.merge(horodateurs, Named.as("stationnement-tous-les-faits"))
                .mapValues(this::localiser, Named.as("stationnement-localiser"))
                .split(Named.as("stationnement-"))
                .branch((id, f) -> f.fait().rejet() != null || f.codeIris() == null,
                        Branched.withConsumer(s -> entrees.rejeter(s.mapValues(StationnementTopology::rejet,
                                Named.as("stationnement-rejet")), "stationnement"), "rejetes"))
                .defaultBranch(Branched.withConsumer(s -> compterParIris(s, entrees), "localises"));
    }

    private void compterParIris(KStream<String, FaitLocalise> localises, Entrees entrees) {
        var serde = JsonSerde.of(FaitLocalise.class);
        KStream<String, Indicateur> cellules = localises
                .selectKey((id, f) -> f.codeIris(), Named.as("stationnement-cle-iris"))
                .repartition(Repartitioned.with(Serdes.String(), serde).withName("stationnement-par-iris"))
                .leftJoin(entrees.insee(), FaitLocalise::avecInsee,
                        Joined.with(Serdes.String(), serde, Topics.REF_INSEE_COMMUNES.valueSerde(), "stationnement-joindre-insee"))
                .process(VoirieProcessor::new, Named.as("stationnement-compter-par-iris"), VoirieProcessor.PERIODES,
                        VoirieProcessor.PLACES);
        entrees.publier(cellules.filter((iris, c) -> c.indicateur().equals(OCCUPATION_VOIRIE.id()),
                Named.as("stationnement-cellules-heures")), OCCUPATION_VOIRIE);
        entrees.publier(cellules.filter((iris, c) -> c.indicateur().equals(ROTATION_STATIONNEMENT.id()),
                Named.as("stationnement-cellules-jours")), ROTATION_STATIONNEMENT);
    }

    private FaitLocalise localiser(FaitPlace f) {
        if (f.rejet() != null) {
            return new FaitLocalise(f, null, null);
        }
        return new FaitLocalise(f, localisateurIris.codeAt(f.longitude(), f.latitude()).orElse(null), null);
    }

    private static Rejet rejet(FaitLocalise f) {
        if (f.fait().rejet() != null) {
            return f.fait().rejet();
        }
        var s = f.fait().sejour();
        return new Rejet(s != null && fr.croisements.events.SejourPlace.HORODATEUR.equals(s.cloture()) ? STATIONNEMENT_SEJOURS.name() : LORA_UPLINKS.name(),
                "place " + f.fait().place(), String.format(Locale.ROOT,
                        "place hors de tout IRIS connu (longitude %s, latitude %s)", f.fait().longitude(), f.fait().latitude()),
                f.fait().place(), s != null ? s.arrivee() : java.time.Instant.EPOCH);
    }
}
