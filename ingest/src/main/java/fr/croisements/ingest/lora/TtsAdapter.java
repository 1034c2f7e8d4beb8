package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Normalisation.texte;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Position;
import fr.croisements.events.Reception;
import fr.croisements.ingest.Horodatages;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Things Stack v3 messages ({@code ApplicationUp} JSON), accepted as TTS emits them: a webhook
 * body or an MQTT message (the message itself), a Storage Integration line ({@code {"result": ...}}),
 * or an event-stream entry ({@code {"result": {"name": ..., "data": {"@type": ...ApplicationUp, ...}}}}).
 *
 * <p>An {@code uplink_message} becomes a {@link LoraUplink} ({@code source = tts}):
 * <ul>
 *   <li>DevEUI from {@code end_device_ids.dev_eui} (else a {@code device_id} of the form
 *       {@code eui-<16 hex>}), as 16 uppercase hex characters;
 *   <li>instant: {@code uplink_message.received_at} (the network server's reception), else the
 *       top-level {@code received_at}, else the earliest {@code rx_metadata[].time}, else the
 *       earliest {@code rx_metadata[].gw_time}, else the ingestion time; which one is kept in
 *       {@code origineInstant};
 *   <li>{@code f_port}, {@code f_cnt}: TTS omits zero values, so an absent one is 0;
 *   <li>{@code frm_payload}: strict base64, kept as received;
 *   <li>receptions from {@code rx_metadata[]}: the gateway EUI ({@code gateway_ids.eui}, or the
 *       forwarder's for Packet Broker, or the one in an {@code eui-<EUI>} identifier), else its
 *       {@code gateway_id}; {@code rssi} (else {@code channel_rssi}); {@code snr} (absent is 0 for
 *       LoRa, as TTS omits zero); {@code location}; one per gateway, the best signal kept (a gateway
 *       heard directly and through Packet Broker is listed twice by TTS);
 *   <li>position: {@code locations["frm-payload"]}, else {@code locations.user}, else any other
 *       location, else the devices file;
 *   <li>model: the devices file, else {@code version_ids} (brand and model), else {@code --modele};
 *   <li>measures: {@code decoded_payload}, else {@code normalized_payload}, else our decoder;
 *   <li>simulated when {@code uplink_message.simulated} is true, or the adapter serves the simulator.
 * </ul>
 * {@code join_accept}, {@code downlink_*}, {@code location_solved}, {@code service_data} and
 * {@code uplink_normalized} messages are recognised and ignored (counted).
 */
public final class TtsAdapter extends LoraAdapter {

    public static final String SOURCE = "tts";

    /** Other {@code ApplicationUp} messages: no measurement in them. */
    static final List<String> AUTRES_MESSAGES = List.of("join_accept", "downlink_ack", "downlink_nack", "downlink_sent",
            "downlink_failed", "downlink_queued", "downlink_queue_invalidated", "location_solved", "service_data",
            "uplink_normalized");
    private static final String PACKET_BROKER = "packetbroker";

    /** With every decoder of the project and no devices file. */
    public TtsAdapter() {
        this(DecodeurRegistre.standard(), Appareils.aucun());
    }

    /**
     * @throws IllegalArgumentException when a model of {@code appareils} is unknown to {@code registre}
     */
    public TtsAdapter(DecodeurRegistre registre, Appareils appareils) {
        this(registre, appareils, Clock.systemUTC(), false);
    }

    /** With the clock that dates rejects, and {@code simule} for the simulator's messages. */
    TtsAdapter(DecodeurRegistre registre, Appareils appareils, Clock horloge, boolean simule) {
        super(registre, appareils, horloge, simule);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** {@inheritDoc} The event type is not used: TTS messages say what they are. */
    @Override
    public Lecture lire(JsonNode message, String evenement) {
        if (message == null || !message.isObject()) {
            return invalide("objet JSON attendu (message The Things Stack), trouvé : " + nature(message));
        }
        JsonNode m = deballer(message);
        if (m.has("uplink_message")) {
            return uplink(m);
        }
        for (String type : AUTRES_MESSAGES) {
            if (m.has(type)) {
                return new Lecture.Ignore(type);
            }
        }
        if (m.has("deviceInfo")) {
            return invalide("événement ChirpStack reçu par l'adaptateur The Things Stack : utiliser l'adaptateur chirpstack");
        }
        return invalide("message The Things Stack non reconnu : ni uplink_message ni autre message connu ("
                + String.join(", ", AUTRES_MESSAGES) + ")");
    }

    /** Removes the Storage Integration ({@code result}) and event-stream ({@code data}) wrappers. */
    private static JsonNode deballer(JsonNode m) {
        for (int i = 0; i < 3 && !m.has("end_device_ids"); i++) {
            if (m.path("result").isObject()) {
                m = m.get("result");
            } else if (m.path("data").isObject()) {
                m = m.get("data");
            } else {
                break;
            }
        }
        return m;
    }

    private Lecture uplink(JsonNode m) {
        JsonNode ids = m.path("end_device_ids");
        String brut = texte(ids, "dev_eui");
        if (brut == null) {
            brut = Normalisation.euiDansIdentifiant(texte(ids, "device_id"));
        }
        if (brut == null) {
            return invalide("end_device_ids.dev_eui manquant");
        }
        String devEui = Normalisation.devEui(brut);
        if (devEui == null) {
            return invalide("DevEUI invalide : « " + brut + " » (16 caractères hexadécimaux attendus)");
        }
        JsonNode up = m.get("uplink_message");
        if (!up.isObject()) {
            return invalide("uplink_message doit être un objet JSON");
        }
        Object date = dateReception(m, up);
        if (date instanceof Lecture l) {
            return l;
        }
        Integer fPort = 0;
        if (up.hasNonNull("f_port")) {
            JsonNode p = up.get("f_port");
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.asInt() < 0 || p.asInt() > 255) {
                return invalide("f_port invalide : « " + p.asText() + " » (entier de 0 à 255 attendu)");
            }
            fPort = p.asInt();
        }
        Long fCnt = 0L;
        if (up.hasNonNull("f_cnt")) {
            JsonNode c = up.get("f_cnt");
            if (!c.isIntegralNumber() || !c.canConvertToLong() || c.asLong() < 0 || c.asLong() > 0xFFFF_FFFFL) {
                return invalide("f_cnt invalide : « " + c.asText() + " » (entier positif sur 32 bits attendu)");
            }
            fCnt = c.asLong();
        }
        String payload = texte(up, "frm_payload");
        byte[] octets = null;
        if (payload != null) {
            try {
                octets = Normalisation.base64(payload);
            } catch (IllegalArgumentException e) {
                return invalide("frm_payload n'est pas du base64 valide : " + e.getMessage());
            }
        }
        boolean lora = up.path("settings").path("data_rate").has("lora");
        List<Reception> receptions = new ArrayList<>();
        for (JsonNode rx : up.path("rx_metadata")) {
            Reception r = reception(rx, lora);
            if (r != null) {
                receptions.add(r);
            }
        }
        receptions = Normalisation.uneParPasserelle(receptions);
        JsonNode versions = up.path("version_ids");
        var indices = new ArrayList<String>();
        String marque = texte(versions, "brand_id");
        String modeleTts = texte(versions, "model_id");
        if (modeleTts != null) {
            indices.add(marque == null ? modeleTts : marque + " " + modeleTts);
        }
        String modele = interprete.modele(devEui, indices);
        var resultat = interprete.mesures(modele, fPort, octets, up.get("decoded_payload"), up.get("normalized_payload"));
        Position position = interprete.position(devEui, position(up.path("locations")));
        boolean simule = interprete.simule() || up.path("simulated").asBoolean(false);
        DateReception recu = (DateReception) date;
        return new Lecture.Uplink(new LoraUplink(devEui, recu.instant(), fPort, fCnt, payload, modele, resultat.mesures(),
                receptions, position, SOURCE, simule, recu.origine()), resultat.avertissement());
    }

    /**
     * The reception time: {@code uplink_message.received_at}, else {@code received_at} (the network
     * server's); TTS omits both in some messages (proto3 leaves out what is unset), so then the
     * earliest {@code rx_metadata[].time}, else the earliest {@code rx_metadata[].gw_time}, else
     * the ingestion time. Returns the {@link DateReception}, or the {@link Lecture} rejecting an
     * unreadable {@code received_at}.
     */
    private Object dateReception(JsonNode m, JsonNode up) {
        for (JsonNode n : List.of(up, m)) {
            String date = texte(n, "received_at");
            if (date != null) {
                try {
                    var reseau = new DateReception(Normalisation.instant(date), LoraUplink.ORIGINE_RESEAU);
                    return Horodatages.publiable(reseau.instant()) ? reseau : invalide(Horodatages.horsLimites("received_at", date));
                } catch (DateTimeParseException e) {
                    return invalide("received_at illisible : « " + date + " » (date RFC 3339 avec fuseau attendue)");
                }
            }
        }
        JsonNode rx = up.path("rx_metadata");
        DateReception d = DateReception.auPlusTot(rx, "time", LoraUplink.ORIGINE_PASSERELLE);
        if (d == null) {
            d = DateReception.auPlusTot(rx, "gw_time", LoraUplink.ORIGINE_HORLOGE_PASSERELLE);
        }
        return d != null ? d : ingestion();
    }

    /** One {@code rx_metadata} entry; {@code null} when it names no gateway. */
    private static Reception reception(JsonNode rx, boolean lora) {
        if (!rx.isObject()) {
            return null;
        }
        JsonNode gw = rx.path("gateway_ids");
        String id = texte(gw, "gateway_id");
        String eui = texte(gw, "eui");
        if (PACKET_BROKER.equals(id)) {
            JsonNode pb = rx.path("packet_broker");
            eui = texte(pb, "forwarder_gateway_eui");
            String relais = texte(pb, "forwarder_gateway_id");
            id = relais != null ? relais : texte(pb, "forwarder_net_id");
        }
        String gatewayId = Normalisation.passerelle(eui, id);
        if (gatewayId == null) {
            return null;
        }
        Double rssi = Normalisation.nombre(rx.get("rssi"));
        if (rssi == null) {
            rssi = Normalisation.nombre(rx.get("channel_rssi"));
        }
        Double snr = Normalisation.nombre(rx.get("snr"));
        if (snr == null && lora) {
            snr = 0.0;
        }
        return new Reception(gatewayId, rssi, snr, Normalisation.position(rx.get("location")));
    }

    private static Position position(JsonNode locations) {
        if (!locations.isObject()) {
            return null;
        }
        for (String cle : List.of("frm-payload", "user")) {
            Position p = Normalisation.position(locations.get(cle));
            if (p != null) {
                return p;
            }
        }
        for (JsonNode autre : locations) {
            Position p = Normalisation.position(autre);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    static String nature(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "tableau";
            case STRING -> "texte";
            case NUMBER -> "nombre";
            case BOOLEAN -> "booléen";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
