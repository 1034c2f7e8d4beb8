package fr.croisements.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic the project reads or writes, with its key and value formats. */
public final class Topics {

    /** Bin lifts. Key: pseudonymised bin id. Record timestamp: lift time. */
    public static final Topic<String, LeveeBac> DECHETS_LEVEES =
            new Topic<>("dechets-levees", Serdes.String(), JsonSerde.of(LeveeBac.class), false);

    /** INSEE figures per commune. Key: COG code. Compacted: the latest row per commune. */
    public static final Topic<String, IndicateurInsee> REF_INSEE_COMMUNES =
            new Topic<>("ref-insee-communes", Serdes.String(), JsonSerde.of(IndicateurInsee.class), true);

    /**
     * Weekly "taux de présentation des bacs" per commune. Key: COG code. One record per update
     * of a cell (emit on update); the latest record of a (commune, week) is its current value.
     */
    public static final Topic<String, Indicateur> INDICATEURS_TAUX_PRESENTATION =
            new Topic<>(Indicateurs.TAUX_PRESENTATION_BACS.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** "Fragilité face à l'isolement" per commune, an INSEE × INSEE crossing. Key: COG code. */
    public static final Topic<String, Indicateur> INDICATEURS_FRAGILITE_ISOLEMENT =
            new Topic<>(Indicateurs.FRAGILITE_ISOLEMENT.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** People aged 75+ exposed to heat per commune and day (LoRaWAN sensors × INSEE). Key: COG code. */
    public static final Topic<String, Indicateur> INDICATEURS_EXPOSITION_CHALEUR =
            new Topic<>(Indicateurs.EXPOSITION_CHALEUR_75_PLUS.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** Observed LoRaWAN coverage per commune and day. Key: COG code. */
    public static final Topic<String, Indicateur> INDICATEURS_COUVERTURE_LORA =
            new Topic<>(Indicateurs.COUVERTURE_LORA.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** LoRaWAN uplinks from The Things Stack or ChirpStack, normalised. Key: DevEUI. Event time: reception. */
    public static final Topic<String, LoraUplink> LORA_UPLINKS =
            new Topic<>("lora-uplinks", Serdes.String(), JsonSerde.of(LoraUplink.class), false);

    /** LoRaWAN device status reports (battery, margin). Key: DevEUI. */
    public static final Topic<String, LoraStatut> LORA_STATUTS =
            new Topic<>("lora-statuts", Serdes.String(), JsonSerde.of(LoraStatut.class), false);

    /** Health of each LoRaWAN device (last seen, battery, lost frames). Key: DevEUI. One record per update. */
    public static final Topic<String, SanteCapteur> LORA_SANTE_CAPTEURS =
            new Topic<>("lora-sante-capteurs", Serdes.String(), JsonSerde.of(SanteCapteur.class), false);

    /** Occupancy per car park and hour (mean, peak, saturation, estimated arrivals). Key: car park id. */
    public static final Topic<String, Indicateur> INDICATEURS_OCCUPATION_PARKINGS =
            new Topic<>(Indicateurs.OCCUPATION_PARKINGS.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** Public off-street places per 1 000 inhabitants, per commune. Key: COG code. */
    public static final Topic<String, Indicateur> INDICATEURS_PLACES_PAR_HABITANT =
            new Topic<>(Indicateurs.PLACES_PAR_HABITANT.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** Weekday peak-hour occupancy of the car parks of each commune. Key: COG code. */
    public static final Topic<String, Indicateur> INDICATEURS_OCCUPATION_POINTE =
            new Topic<>(Indicateurs.OCCUPATION_POINTE.topic(), Serdes.String(), JsonSerde.of(Indicateur.class), false);

    /** Car parks (schema-stationnement or a feed's list). Key: car park id. Compacted. */
    public static final Topic<String, ParcStationnement> REF_PARKINGS =
            new Topic<>("ref-parkings", Serdes.String(), JsonSerde.of(ParcStationnement.class), true);

    /** Car-park occupancy observations. Key: car park id. Event time: observation. */
    public static final Topic<String, OccupationParking> STATIONNEMENT_OCCUPATION =
            new Topic<>("stationnement-occupation", Serdes.String(), JsonSerde.of(OccupationParking.class), false);

    /**
     * Stays on on-street spaces read from a city's parking-meter or mobile-payment export (the
     * sensors' stays are made inside the pipeline). Key: space or zone id. Event time: arrival.
     */
    public static final Topic<String, SejourPlace> STATIONNEMENT_SEJOURS =
            new Topic<>("stationnement-sejours", Serdes.String(), JsonSerde.of(SejourPlace.class), false);

    /** Everything rejected on the way, with source, position and reason. Key: the source. */
    public static final Topic<String, Rejet> REJETS =
            new Topic<>("rejets", Serdes.String(), JsonSerde.of(Rejet.class), false);

    /** All topics, for creating them up front: the feeds, the crossings, the reference figures, the rejects. */
    public static final List<Topic<?, ?>> TOUS = java.util.stream.Stream.<java.util.stream.Stream<Topic<?, ?>>>of(
            List.<Topic<?, ?>>of(DECHETS_LEVEES, REF_INSEE_COMMUNES, INDICATEURS_TAUX_PRESENTATION,
                    INDICATEURS_FRAGILITE_ISOLEMENT, INDICATEURS_EXPOSITION_CHALEUR, INDICATEURS_COUVERTURE_LORA,
                    LORA_UPLINKS, LORA_STATUTS, LORA_SANTE_CAPTEURS, REF_PARKINGS, STATIONNEMENT_OCCUPATION,
                    INDICATEURS_OCCUPATION_PARKINGS, INDICATEURS_PLACES_PAR_HABITANT, INDICATEURS_OCCUPATION_POINTE,
                    REJETS, STATIONNEMENT_SEJOURS).stream(),
            Indicateurs.VOIRIE.stream().<Topic<?, ?>>map(d -> new Topic<>(d.topic(), Serdes.String(),
                    JsonSerde.of(Indicateur.class), false)),
            Indicateurs.REFERENCES.stream().<Topic<?, ?>>map(d -> new Topic<>(d.topic(), Serdes.String(),
                    JsonSerde.of(Indicateur.class), false)))
            .flatMap(s -> s).toList();

    private Topics() {}
}
