package fr.croisements.viz.territoires;

import fr.croisements.datasets.Commune;
import fr.croisements.datasets.Iris;
import fr.croisements.datasets.Territoire;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a territory lacks for each indicator it does not have, said plainly with the command that
 * brings it: the INSEE figures its pack does not have (from {@link DefinitionIndicateur#variablesInsee()}),
 * else the feeds of which no data reached its communes (from {@link DefinitionIndicateur#entrees()}).
 * An indicator of the IRIS level ({@link DefinitionIndicateur#niveau()}) is a question about quartiers:
 * it is listed only for a territory whose map has IRIS (IRIS with a contour), and its INSEE figures are
 * looked for in those IRIS; a territory without IRIS does not "lack" it, as it does not lack the car
 * parks' own cells.
 */
final class Manques {

    /**
     * One indicator a territory does not have.
     *
     * @param indicateur its id
     * @param libelle its label
     * @param question the question it answers
     * @param manque what is missing, in French ("la liste des parkings…")
     * @param commande the command that brings it
     */
    record Manque(String indicateur, String libelle, String question, String manque, String commande) {}

    /** A feed, in plain words, and the command that brings a user's own data to it. */
    private record Flux(String mots, String commande) {}

    private static final Map<String, Flux> FLUX = Map.of(
            Topics.DECHETS_LEVEES.name(), new Flux("les levées des bacs pucés (collecte des déchets)",
                    "croisements ingest dechets FICHIER --bootstrap-servers HOTE:PORT"),
            Topics.LORA_UPLINKS.name(), new Flux("les trames des capteurs LoRaWAN de la commune",
                    "croisements ingest tts FICHIER (ou chirpstack) --bootstrap-servers HOTE:PORT, ou le webhook POST /ingest/tts"),
            Topics.REF_PARKINGS.name(), new Flux("la liste des parkings (places, position, au format du schéma national "
                    + "du stationnement)", "croisements ingest stationnement FICHIER --bootstrap-servers HOTE:PORT"),
            Topics.STATIONNEMENT_OCCUPATION.name(), new Flux("un flux d'occupation des parkings (places occupées ou libres, "
                    + "relevées au moins chaque heure)", "croisements ingest occupation FICHIER --bootstrap-servers HOTE:PORT"),
            Topics.STATIONNEMENT_SEJOURS.name(), new Flux("les séjours sur voirie (trames des capteurs de place, ou "
                    + "transactions des horodateurs)", "croisements ingest stationnement-capteurs FICHIER ou croisements "
                    + "ingest horodateurs FICHIER --bootstrap-servers HOTE:PORT"));

    /** The car-park feeds: a territory that measures its on-street parking shows that instead of their lack. */
    private static final List<String> FLUX_PARKINGS = List.of(Topics.REF_PARKINGS.name(), Topics.STATIONNEMENT_OCCUPATION.name());

    private Manques() {}

    /** For each indicator of {@code indicateurs} the territory does not have ({@code disponibles}), what it lacks. */
    static List<Manque> de(Territoire territoire, List<DefinitionIndicateur> indicateurs, List<String> disponibles) {
        var manques = new ArrayList<Manque>();
        boolean voirie = fr.croisements.events.Indicateurs.VOIRIE.stream().anyMatch(v -> disponibles.contains(v.id()));
        for (DefinitionIndicateur d : indicateurs) {
            if (disponibles.contains(d.id()) || Zone.PARKING.equals(d.niveau())) {
                continue; // a car park's own cells are shown by the car-park layer, not by the territory's list
            }
            if (voirie && d.entrees().stream().anyMatch(FLUX_PARKINGS::contains)) {
                continue; // its parking proof of concept (rotation by IRIS) is shown instead
            }
            boolean iris = Zone.IRIS.equals(d.niveau());
            if (iris && territoire.irisAvecContour().isEmpty()) {
                continue; // no IRIS on its map: a question about quartiers is not one it can ask
            }
            List<String> variables = d.variablesInsee().stream()
                    .filter(v -> !(iris ? publieParIris(territoire, v) : publie(territoire, v))).toList();
            if (!variables.isEmpty()) {
                manques.add(new Manque(d.id(), d.libelle(), d.question(), (variables.size() > 1 ? "les chiffres Insee « "
                        : "le chiffre Insee « ") + String.join(" », « ", variables) + (iris ? " » dans les données des IRIS du territoire"
                        : " » dans les données du territoire"),
                        "croisements import --depuis DOSSIER, avec le fichier de l'Insee qui le publie"));
                continue;
            }
            List<String> flux = d.entrees().stream().filter(t -> !t.equals(Topics.REF_INSEE_COMMUNES.name()))
                    // on-street stays come from per-space sensors or from parking meters: either is enough
                    .filter(t -> !fr.croisements.events.Indicateurs.VOIRIE.contains(d) || t.equals(Topics.STATIONNEMENT_SEJOURS.name()))
                    .toList();
            if (flux.isEmpty()) {
                continue; // only INSEE figures, all there: its cells are coming
            }
            manques.add(new Manque(d.id(), d.libelle(), d.question(),
                    String.join(", et ", flux.stream().map(Manques::mots).toList()),
                    String.join(", puis ", flux.stream().map(Manques::commande).toList())));
        }
        return manques;
    }

    /** Whether a commune of the territory has the variable, published or kept secret by INSEE. */
    private static boolean publie(Territoire territoire, String variable) {
        for (Commune c : territoire.communes()) {
            if (c.chiffres().containsKey(variable) || c.secrets().contains(variable)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an IRIS of the territory's map has the variable of the reference rows, published or kept secret
     * by INSEE, under its pack name ({@link Territoire#VARIABLES_REFERENCE_IRIS}).
     */
    private static boolean publieParIris(Territoire territoire, String variable) {
        List<String> noms = new ArrayList<>(List.of(variable));
        Territoire.VARIABLES_REFERENCE_IRIS.forEach((nomIris, reference) -> {
            if (reference.equals(variable)) {
                noms.add(nomIris);
            }
        });
        for (Iris i : territoire.irisAvecContour()) {
            if (noms.stream().anyMatch(v -> i.chiffre(v) != null || i.estSecret(v))) {
                return true;
            }
        }
        return false;
    }

    private static String mots(String topic) {
        Flux f = FLUX.get(topic);
        return f != null ? f.mots() : "des enregistrements sur le topic « " + topic + " »";
    }

    private static String commande(String topic) {
        Flux f = FLUX.get(topic);
        return f != null ? f.commande() : "publier des enregistrements JSON sur le topic « " + topic + " »";
    }
}
