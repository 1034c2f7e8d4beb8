package fr.croisements.events.contrats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.events.DefinitionIndicateur;
import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.JsonSerde;
import fr.croisements.events.Topic;
import fr.croisements.events.Topics;
import fr.croisements.events.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0 document of the project's Kafka topics, built from the topic catalogue ({@link Topics})
 * and the indicator definitions: one channel per topic with its key, its settings (retention, compaction,
 * as {@link Topic#configuration()} creates them) and its message, whose payload is the JSON Schema generated
 * from the record ({@link SchemasEnregistrements}) with an example. Served by the map server on
 * {@code /asyncapi.json}; written to {@code docs/asyncapi.yaml} (a test regenerates and compares it).
 * Texts are in French, like the data catalogue. Pure and thread-safe.
 */
public final class AsyncApi {

    /** Version of the Kafka bindings used (key, topic settings). */
    static final String VERSION_LIAISONS = "0.5.0";
    /** The topics the pipeline reads from outside: a reuser may publish there too. */
    private static final Set<String> ENTREES = Set.of(Topics.DECHETS_LEVEES.name(), Topics.REF_INSEE_COMMUNES.name(),
            Topics.LORA_UPLINKS.name(), Topics.LORA_STATUTS.name(), Topics.REF_PARKINGS.name(),
            Topics.STATIONNEMENT_OCCUPATION.name(), Topics.STATIONNEMENT_SEJOURS.name());

    /**
     * What a topic carries, in French: title, description, what the key is.
     */
    private record Description(String titre, String description, String cle) {}

    private static final String CLE_DEV_EUI = "DevEUI du capteur (16 caractères hexadécimaux en majuscules)";
    private static final String CLE_IRIS = "code IRIS de la zone (9 caractères, les 5 premiers sont la commune)";
    private static final String CLE_PARKING = "identifiant du parking (celui de « ref-parkings »)";
    private static final String CLE_COMMUNE = "code Insee (COG) de la commune, 5 caractères (« 2A004 » n'est pas un nombre)";

    private static final Map<String, Description> TOPICS = Map.of(
            Topics.DECHETS_LEVEES.name(), new Description("Levées de bacs pucés",
                    "Chaque levée d'un bac d'ordures ménagères pucé par un camion de collecte : l'instant, la position, le flux "
                            + "de déchets et le poids levé. L'identifiant de la puce est pseudonymisé (HMAC-SHA-256) avant "
                            + "d'entrer dans Kafka. Horodatage de l'enregistrement : l'instant de la levée. Une levée de plus de "
                            + "2 jours en retard sur sa partition est rejetée vers « rejets ».",
                    "identifiant du bac pseudonymisé (HMAC-SHA-256 en hexadécimal), jamais l'identifiant de la puce"),
            Topics.REF_INSEE_COMMUNES.name(), new Description("Chiffres Insee des communes",
                    "Les chiffres Insee de chaque commune des territoires, une ligne par commune, avec la source, le "
                            + "millésime et la licence de chaque chiffre, et les chiffres couverts par le secret statistique "
                            + "(absents de « valeurs », jamais 0). La dernière ligne d'une commune fait foi.",
                    CLE_COMMUNE),
            Topics.LORA_UPLINKS.name(), new Description("Trames des capteurs LoRaWAN",
                    "Chaque trame reçue d'un capteur LoRaWAN (The Things Stack v3 ou ChirpStack v4, normalisée) : capteur, "
                            + "instant de réception (« origineInstant » dit d'où il vient), passerelles qui l'ont entendue, "
                            + "mesures décodées. Horodatage de l'enregistrement : la réception.",
                    CLE_DEV_EUI),
            Topics.LORA_STATUTS.name(), new Description("États des capteurs LoRaWAN",
                    "Les rapports d'état des capteurs LoRaWAN : batterie, marge radio.", CLE_DEV_EUI),
            Topics.LORA_SANTE_CAPTEURS.name(), new Description("Santé des capteurs LoRaWAN",
                    "Pour chaque capteur : dernière réception, dernières mesures, batterie, trames perdues ; un "
                            + "enregistrement à chaque mise à jour, le dernier d'un capteur fait foi.",
                    CLE_DEV_EUI),
            Topics.REF_PARKINGS.name(), new Description("Parkings",
                    "Les parkings publics (schéma « stationnement » de schema.data.gouv.fr, ou la liste d'un flux). Le dernier "
                            + "enregistrement d'un parking fait foi ; le pipeline le lit comme connu de tout temps.",
                    CLE_PARKING),
            Topics.STATIONNEMENT_OCCUPATION.name(), new Description("Occupation des parkings",
                    "Les places libres observées d'un parking (DATEX II « parkingNumberOfVacantSpaces », FIWARE "
                            + "« availableSpotNumber »). Horodatage de l'enregistrement : l'observation.",
                    CLE_PARKING),
            Topics.STATIONNEMENT_SEJOURS.name(), new Description("Séjours sur les places de stationnement",
                    "Un véhicule sur une place de voirie, de son arrivée à son départ : lu dans l'export d'un système "
                            + "d'horodateurs ou de paiement mobile (« croisements ingest horodateurs »). Les séjours vus par "
                            + "les capteurs de place sont faits dans le pipeline. Horodatage de l'enregistrement : l'arrivée.",
                    "identifiant de la place ou de la zone de stationnement"),
            Topics.REJETS.name(), new Description("Rejets",
                    "Tout ce qui a été refusé en chemin (ligne de fichier illisible, enregistrement illisible, levée en "
                            + "retard ou hors de toute commune…), avec sa source, sa position et la raison en français.",
                    "la source du rejet : nom de fichier, topic ou adresse HTTP"));

    private AsyncApi() {}

    /**
     * The document.
     *
     * @param serveursKafka the bootstrap servers shown, e.g. {@code localhost:9092}
     * @param indicateurs the indicators whose topics are described (built-in and declared by files); the
     *     topics of {@link Topics#TOUS} are always described
     */
    public static ObjectNode document(String serveursKafka, List<DefinitionIndicateur> indicateurs) {
        Map<String, DefinitionIndicateur> parTopic = new LinkedHashMap<>();
        Indicateurs.INTEGRES.forEach(d -> parTopic.put(d.topic(), d));
        indicateurs.forEach(d -> parTopic.putIfAbsent(d.topic(), d));
        List<Topic<?, ?>> topics = new ArrayList<>(Topics.TOUS);
        for (DefinitionIndicateur d : indicateurs) {
            if (topics.stream().noneMatch(t -> t.name().equals(d.topic()))) {
                topics.add(new Topic<>(d.topic(), Topics.REJETS.keySerde(), JsonSerde.of(Indicateur.class), false));
            }
        }
        var types = new ArrayList<Class<?>>();
        topics.forEach(t -> {
            Class<?> type = typeValeur(t);
            if (!types.contains(type)) {
                types.add(type);
            }
        });
        var schemas = SchemasEnregistrements.generer(types);

        ObjectNode racine = JsonSerde.MAPPER.createObjectNode();
        racine.put("asyncapi", "3.0.0");
        ObjectNode info = racine.putObject("info");
        info.put("title", "Croisements : les flux Kafka");
        info.put("version", "1.0.0");
        info.put("description", "Les topics Kafka de Croisements : ce que chacun transporte, sa clé, le schéma JSON de "
                + "ses valeurs (généré à partir des enregistrements Java, il ne peut pas s'en écarter), un exemple, sa "
                + "rétention et s'il est compacté. Toutes les valeurs sont du JSON en UTF-8, les instants en ISO-8601 "
                + "(UTC), les codes de zone des chaînes de caractères. Les données simulées portent « simule »: true. "
                + "Un consommateur doit ignorer les propriétés qu'il ne connaît pas : de nouvelles peuvent s'ajouter.");
        info.putObject("license").put("name", "Licence Ouverte 2.0")
                .put("url", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        racine.put("defaultContentType", "application/json");
        ObjectNode serveur = racine.putObject("servers").putObject("kafka");
        serveur.put("host", serveursKafka);
        serveur.put("protocol", "kafka");
        serveur.put("description", "Les serveurs d'amorçage (bootstrap) du cluster Kafka de cette instance.");

        ObjectNode canaux = racine.putObject("channels");
        ObjectNode operations = racine.putObject("operations");
        ObjectNode composants = racine.putObject("components");
        ObjectNode messages = composants.putObject("messages");
        for (Topic<?, ?> topic : topics) {
            Optional<DefinitionIndicateur> indicateur = Optional.ofNullable(parTopic.get(topic.name()));
            Description description = description(topic, indicateur);
            String nomSchema = schemas.nom(typeValeur(topic));
            ObjectNode canal = canaux.putObject(topic.name());
            canal.put("address", topic.name());
            canal.put("title", description.titre());
            canal.put("description", description.description() + (topic.compacted()
                    ? " Topic compacté : seul le dernier enregistrement de chaque clé est garanti."
                    : " Rétention illimitée : les événements portent des dates historiques et ne doivent pas expirer."));
            canal.putObject("messages").putObject(nomSchema).put("$ref", "#/components/messages/" + topic.name());
            ObjectNode kafka = canal.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic.name());
            ObjectNode reglages = kafka.putObject("topicConfiguration");
            new TreeMap<>(topic.configuration()).forEach((cle, valeur) -> {
                if (cle.equals("cleanup.policy")) {
                    reglages.putArray(cle).add(valeur);
                } else {
                    reglages.put(cle, Long.parseLong(valeur));
                }
            });
            kafka.put("bindingVersion", VERSION_LIAISONS);

            messages.set(topic.name(), message(topic, nomSchema, description, indicateur));
            operations.set("lire-" + topic.name(), operation("receive", topic, "Lire « " + topic.name() + " »",
                    "Consommer le topic avec n'importe quel client Kafka (désérialiseur de chaînes pour la clé, JSON pour "
                            + "la valeur)."));
            if (ENTREES.contains(topic.name())) {
                operations.set("publier-" + topic.name(), operation("send", topic, "Publier sur « " + topic.name() + " »",
                        "Publier ses propres données : « croisements ingest » le fait depuis un fichier, ou tout "
                                + "producteur Kafka qui écrit ce schéma."));
            }
        }
        composants.set("schemas", schemas.schemas());
        return racine;
    }

    private static ObjectNode message(Topic<?, ?> topic, String nomSchema, Description description,
            Optional<DefinitionIndicateur> indicateur) {
        ObjectNode message = JsonSerde.MAPPER.createObjectNode();
        message.put("name", nomSchema);
        message.put("title", description.titre());
        message.put("contentType", "application/json");
        message.putObject("payload").put("$ref", "#/" + SchemasEnregistrements.CHEMIN + "/" + nomSchema);
        ObjectNode cle = message.putObject("bindings").putObject("kafka");
        ObjectNode schemaCle = cle.putObject("key");
        schemaCle.put("type", "string");
        schemaCle.put("description", description.cle());
        cle.put("bindingVersion", VERSION_LIAISONS);
        Exemples.de(topic.name(), indicateur).ifPresent(exemple -> {
            schemaCle.putArray("examples").add(exemple.cle());
            ArrayNode exemples = message.putArray("examples");
            ObjectNode e = exemples.addObject();
            e.put("name", "exemple");
            e.put("summary", exemple.resume() + " ; clé : " + exemple.cle());
            e.set("payload", JsonSerde.MAPPER.valueToTree(exemple.valeur()));
        });
        return message;
    }

    private static ObjectNode operation(String action, Topic<?, ?> topic, String titre, String description) {
        ObjectNode operation = JsonSerde.MAPPER.createObjectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + topic.name());
        operation.put("title", titre);
        operation.put("description", description);
        return operation;
    }

    private static Description description(Topic<?, ?> topic, Optional<DefinitionIndicateur> indicateur) {
        if (indicateur.isPresent()) {
            DefinitionIndicateur d = indicateur.get();
            String cle = Zone.PARKING.equals(d.niveau()) ? CLE_PARKING : Zone.IRIS.equals(d.niveau()) ? CLE_IRIS : CLE_COMMUNE;
            return new Description(d.libelle() + " (" + d.unite() + ")", "Les cellules de l'indicateur « " + d.libelle()
                    + " » : " + d.question() + " Une cellule par zone et par période ; un enregistrement à chaque mise à "
                    + "jour, le dernier d'une zone et d'une période fait foi. Une cellule « secret »: true ne porte ni "
                    + "valeur, ni numérateur, ni mesures.", cle);
        }
        Description description = TOPICS.get(topic.name());
        if (description == null) {
            throw new IllegalStateException("Topic " + topic.name() + " has no description in AsyncApi.TOPICS: add one");
        }
        return description;
    }

    /** The record class of the topic's values, from its serde. */
    static Class<?> typeValeur(Topic<?, ?> topic) {
        if (topic.valueSerde() instanceof JsonSerde<?> serde) {
            return serde.type();
        }
        throw new IllegalStateException("Topic " + topic.name() + " does not carry JSON records");
    }
}
