package fr.croisements.events.contrats;

import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.LeveeBac;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.events.Rejet;
import fr.croisements.events.SanteCapteur;
import fr.croisements.events.Source;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One example record (key and value) of each topic, for the AsyncAPI document. The values are made up,
 * in the shape the pipeline writes them (built as records and written by the project's serde, so they
 * cannot drift from the records either); a test validates each against its schema.
 */
final class Exemples {

    /**
     * An example record.
     *
     * @param cle its key
     * @param valeur its value, a record of the topic's type
     * @param resume what it shows, in French
     */
    record Exemple(String cle, Object valeur, String resume) {}

    private static final Instant LUNDI = Instant.parse("2025-01-27T00:00:00Z");
    private static final Source INSEE = new Source("Base du comparateur de territoires (recensement de la population)",
            "Insee", "2021", "Licence Ouverte 2.0", false);
    private static final Source SIMULATEUR = new Source("Simulateur de Croisements", "Croisements", "2025",
            "Licence Ouverte 2.0", true);
    private static final String DEV_EUI = "A84041000181C5B2";

    private Exemples() {}

    /** The example of {@code topic}, or empty for a topic this class does not know (none among {@link Topics#TOUS}). */
    static Optional<Exemple> de(String topic, Optional<DefinitionIndicateur> indicateur) {
        if (indicateur.isPresent()) {
            return Optional.of(indicateur(indicateur.get()));
        }
        return Optional.ofNullable(switch (topic) {
            case "dechets-levees" -> new Exemple("9f2c4be1d07a56c3e8f1b2a4d6c8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2",
                    new LeveeBac("9f2c4be1d07a56c3e8f1b2a4d6c8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2",
                            Instant.parse("2025-01-28T06:12:00Z"), 6.1234, 48.7701, "OMR", 12.5, "BOM-2", true),
                    "Une levée simulée d'un bac d'ordures ménagères résiduelles à Bouxières-aux-Dames");
            case "ref-insee-communes" -> new Exemple("54090", new IndicateurInsee("54090", Zone.COMMUNE,
                    "Bouxières-aux-Dames", Map.of("menages", 1797.0, "population", 4134.0),
                    Map.of("menages", INSEE, "population", INSEE), java.util.Set.of("taux_pauvrete"), "2024"),
                    "Les chiffres Insee d'une commune ; son taux de pauvreté est couvert par le secret statistique");
            case "lora-uplinks" -> new Exemple(DEV_EUI, new LoraUplink(DEV_EUI, Instant.parse("2025-07-08T14:03:27Z"), 85,
                    1234L, "AXVmAQ==", "milesight-em500-co2",
                    Map.of("temperature", new Mesure(31.4, "°C"), "humidite", new Mesure(38.0, "%")),
                    List.of(new Reception("poitiers-gw-01", -97.0, 7.5, new Position(0.3404, 46.5802, 120.0))),
                    new Position(0.3471, 46.5839, null), "tts", true, LoraUplink.ORIGINE_RESEAU),
                    "Une trame simulée d'un capteur de température de Poitiers, entendue par une passerelle");
            case "lora-statuts" -> new Exemple(DEV_EUI, new LoraStatut(DEV_EUI, Instant.parse("2025-07-08T14:03:27Z"),
                    87.0, 12, "chirpstack", true), "L'état (batterie, marge radio) d'un capteur");
            case "lora-sante-capteurs" -> new Exemple(DEV_EUI, new SanteCapteur(DEV_EUI, "milesight-em500-co2",
                    new Position(0.3471, 46.5839, null), Instant.parse("2025-07-08T14:03:27Z"),
                    Map.of("temperature", new Mesure(31.4, "°C")), 87.0, List.of("poitiers-gw-01"), 1234, 3, 0, 1234L, true),
                    "La santé d'un capteur : dernière réception, batterie, trames perdues");
            case "ref-parkings" -> new Exemple("86194-parking-blossac", new ParcStationnement("86194-parking-blossac",
                    "Parking Blossac", "86194", 420, new Position(0.3389, 46.5778, null), "ouvrage", false,
                    new Source("Base nationale des lieux de stationnement", "Poitiers", "2022", "Licence Ouverte 2.0", false)),
                    "Un parking public, tel que le décrit le schéma « stationnement »");
            case "stationnement-occupation" -> new Exemple("86194-parking-blossac", new OccupationParking(
                    "86194-parking-blossac", Instant.parse("2025-07-05T09:30:00Z"), 37, 420, "ouvert", true),
                    "Une observation simulée des places libres d'un parking");
            case "stationnement-sejours" -> new Exemple("92002-place-mounie-12", new fr.croisements.events.SejourPlace(
                    "92002-place-mounie-12", Instant.parse("2025-07-05T09:12:00Z"), Instant.parse("2025-07-05T10:47:00Z"),
                    2.2985, 48.7540, 120, fr.croisements.events.SejourPlace.HORODATEUR, false),
                    "Un stationnement payé à un horodateur, de 11 h 12 à 12 h 47 (heure de Paris), limite de 2 h");
            case "rejets" -> new Exemple("dechets-levees", new Rejet("levees.csv", "levees.csv:12",
                    "longitude illisible : « abc »", "f3a9…,2025-01-28T06:12:00Z,abc,48.77,OMR",
                    Instant.parse("2025-01-28T06:15:02Z")), "Une ligne de fichier refusée, avec sa position et la raison");
            default -> null;
        });
    }

    /** A cell of the indicator, with a made-up value in its unit. */
    private static Exemple indicateur(DefinitionIndicateur d) {
        boolean parking = Zone.PARKING.equals(d.niveau());
        boolean iris = Zone.IRIS.equals(d.niveau());
        String code = parking ? "86194-parking-blossac" : iris ? "920020101" : "86194";
        Duration fenetre = d.fenetre() == null || d.fenetre().isZero() ? Duration.ofDays(365) : d.fenetre();
        var cellule = new Indicateur(d.id(), code, d.niveau(), parking ? "Parking Blossac" : iris ? "Parc de Sceaux" : "Poitiers", LUNDI,
                LUNDI.plus(fenetre), 42.5, d.unite(), d.libelles().numerateur() == null ? null : 850.0,
                d.libelles().denominateur() == null ? null : 2000.0, d.reference() ? INSEE : SIMULATEUR, INSEE,
                Map.of(), 12L, false, !d.reference());
        return new Exemple(code, cellule, "Une cellule de « " + d.libelle() + " » (valeur fictive)");
    }
}
