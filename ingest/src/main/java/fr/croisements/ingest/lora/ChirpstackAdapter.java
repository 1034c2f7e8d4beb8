package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Normalisation.texte;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Reception;
import fr.croisements.ingest.Horodatages;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ChirpStack v4 integration events (HTTP or MQTT integration, JSON encoding), accepted as
 * ChirpStack emits them.
 *
 * <p>The event type comes from the event's content, whatever the transport says (HTTP integration
 * {@code ?event=up}, MQTT topic {@code application/…/device/…/event/up}), in this order:
 * {@code integration} has {@code integrationName} or {@code eventType}; {@code log} has
 * {@code level} and {@code code}; {@code up} has {@code rxInfo}, {@code data}, {@code fCnt},
 * {@code fPort}, {@code object}, {@code confirmed}, {@code dr} or {@code adr}; {@code status} has
 * {@code batteryLevel}, {@code margin}... and none of those; {@code txack} a {@code downlinkId} or
 * a {@code gatewayId}; {@code ack} {@code acknowledged} or {@code fCntDown}; {@code location} a
 * {@code location}; {@code join} a {@code devAddr} and nothing of the above. Only an event with
 * none of these fields (a status whose values are all zero, left out by proto3) takes the
 * transport's type, and never becomes an uplink.
 *
 * <p>{@code up} becomes a {@link LoraUplink} ({@code source = chirpstack}): DevEUI from
 * {@code deviceInfo.devEui} (16 uppercase hex), instant {@code time} (else the earliest
 * {@code rxInfo} {@code nsTime}, else the earliest {@code gwTime} or {@code time}, else the
 * ingestion time; which one in {@code origineInstant}), {@code fPort} and {@code fCnt}
 * ({@code null} when absent), {@code data} (strict base64), receptions from {@code rxInfo[]}
 * ({@code gatewayId} as 16 uppercase hex, {@code rssi}, {@code snr}, {@code location}; one per
 * gateway, the best signal kept, as a gateway with two boards or antennas is listed twice), model from
 * the devices file, else {@code deviceInfo.deviceProfileName}, else {@code --modele}; measures from
 * {@code object}, else our decoder; position from the devices file (up events carry none); simulated
 * when {@code deviceInfo.tags.croisements} is {@code simulation}. {@code status} becomes a
 * {@link LoraStatut} ({@code batteryLevel} %, none with an external power source; {@code margin} dB).
 * The other types are recognised and ignored (counted).
 */
public final class ChirpstackAdapter extends LoraAdapter {

    public static final String SOURCE = "chirpstack";
    /** The event types of ChirpStack v4 integrations. */
    public static final List<String> TYPES = List.of("up", "status", "join", "ack", "txack", "log", "location", "integration");
    /** The device tag by which the simulator marks its devices. */
    static final String ETIQUETTE_SIMULATION = "croisements";
    static final String VALEUR_SIMULATION = "simulation";
    /** Fields only an {@code up} event has (ChirpStack v4 {@code UplinkEvent}). */
    private static final List<String> CHAMPS_UP = List.of("rxInfo", "data", "fCnt", "fPort", "object", "confirmed", "dr", "adr");

    /** With every decoder of the project and no devices file. */
    public ChirpstackAdapter() {
        this(DecodeurRegistre.standard(), Appareils.aucun());
    }

    /**
     * @throws IllegalArgumentException when a model of {@code appareils} is unknown to {@code registre}
     */
    public ChirpstackAdapter(DecodeurRegistre registre, Appareils appareils) {
        this(registre, appareils, Clock.systemUTC(), false);
    }

    /** With the clock that dates rejects, and {@code simule} for the simulator's messages. */
    ChirpstackAdapter(DecodeurRegistre registre, Appareils appareils, Clock horloge, boolean simule) {
        super(registre, appareils, horloge, simule);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /**
     * {@inheritDoc} The event's content decides its type (see {@link #typeParForme}); the type the
     * transport gives only serves for an event whose fields tell none, and never makes an uplink of
     * an event without any uplink field (issue #13: a status posted to {@code ?event=up}).
     */
    @Override
    public Lecture lire(JsonNode message, String evenement) {
        if (message == null || !message.isObject()) {
            return invalide("objet JSON attendu (événement ChirpStack), trouvé : " + TtsAdapter.nature(message));
        }
        if (!message.has("deviceInfo")) {
            if (message.has("end_device_ids") || message.has("result")) {
                return invalide("message The Things Stack reçu par l'adaptateur ChirpStack : utiliser l'adaptateur tts");
            }
            if (message.has("devEUI") || message.has("applicationID")) {
                return invalide("format ChirpStack v3 non pris en charge : événement ChirpStack v4 attendu (deviceInfo.devEui)");
            }
            return invalide("deviceInfo manquant : événement d'intégration ChirpStack v4 attendu");
        }
        String type = typeParForme(message);
        if (type == null) {
            String donne = evenement == null || evenement.isBlank() ? null : evenement.strip().toLowerCase(Locale.ROOT);
            if (donne == null) {
                return invalide("événement ChirpStack non reconnu (ni " + String.join(", ", TYPES) + ")");
            }
            if (!TYPES.contains(donne)) {
                return invalide("type d'événement ChirpStack inconnu : « " + evenement + " » (" + String.join(", ", TYPES) + ")");
            }
            if (donne.equals("up")) {
                return invalide("événement annoncé « up » sans aucun champ d'uplink (" + String.join(", ", CHAMPS_UP)
                        + ") : ce n'est pas un uplink");
            }
            type = donne;
        }
        return switch (type) {
            case "up" -> uplink(message);
            case "status" -> statut(message);
            default -> new Lecture.Ignore(type);
        };
    }

    /** The type of an event from the fields it has, or {@code null}. */
    static String typeParForme(JsonNode m) {
        if (aUnDe(m, "integrationName", "eventType")) {
            return "integration";
        }
        if (m.has("level") && (m.has("code") || m.has("description"))) {
            return "log";
        }
        if (aUnDe(m, CHAMPS_UP.toArray(String[]::new))) {
            return "up";
        }
        if (aUnDe(m, "batteryLevel", "batteryLevelUnavailable", "externalPowerSource", "margin")) {
            return "status";
        }
        if (aUnDe(m, "downlinkId", "gatewayId", "txInfo")) {
            return "txack";
        }
        if (aUnDe(m, "acknowledged", "fCntDown", "queueItemId")) {
            return "ack";
        }
        if (m.has("location")) {
            return "location";
        }
        if (m.has("devAddr")) {
            return "join";
        }
        return null;
    }

    private static boolean aUnDe(JsonNode m, String... champs) {
        for (String c : champs) {
            if (m.has(c)) {
                return true;
            }
        }
        return false;
    }

    private Lecture uplink(JsonNode m) {
        JsonNode info = m.path("deviceInfo");
        String brut = texte(info, "devEui");
        if (brut == null) {
            return invalide("deviceInfo.devEui manquant");
        }
        String devEui = Normalisation.devEui(brut);
        if (devEui == null) {
            return invalide("DevEUI invalide : « " + brut + " » (16 caractères hexadécimaux attendus)");
        }
        Object date = dateReception(m, true);
        if (date instanceof Lecture l) {
            return l;
        }
        Integer fPort = null;
        if (m.hasNonNull("fPort")) {
            JsonNode p = m.get("fPort");
            if (!p.isIntegralNumber() || !p.canConvertToInt() || p.asInt() < 0 || p.asInt() > 255) {
                return invalide("fPort invalide : « " + p.asText() + " » (entier de 0 à 255 attendu)");
            }
            fPort = p.asInt();
        }
        Long fCnt = null;
        if (m.hasNonNull("fCnt")) {
            JsonNode c = m.get("fCnt");
            if (!c.isIntegralNumber() || !c.canConvertToLong() || c.asLong() < 0 || c.asLong() > 0xFFFF_FFFFL) {
                return invalide("fCnt invalide : « " + c.asText() + " » (entier positif sur 32 bits attendu)");
            }
            fCnt = c.asLong();
        }
        String payload = texte(m, "data");
        byte[] octets = null;
        if (payload != null) {
            try {
                octets = Normalisation.base64(payload);
            } catch (IllegalArgumentException e) {
                return invalide("data n'est pas du base64 valide : " + e.getMessage());
            }
        }
        List<Reception> receptions = new ArrayList<>();
        for (JsonNode rx : m.path("rxInfo")) {
            if (!rx.isObject()) {
                continue;
            }
            String brutGw = texte(rx, "gatewayId");
            if (brutGw == null) {
                continue;
            }
            receptions.add(new Reception(Normalisation.passerelle(brutGw, brutGw), Normalisation.nombre(rx.get("rssi")),
                    Normalisation.nombre(rx.get("snr")), Normalisation.position(rx.get("location"))));
        }
        receptions = Normalisation.uneParPasserelle(receptions);
        var indices = new ArrayList<String>();
        String profil = texte(info, "deviceProfileName");
        if (profil != null) {
            indices.add(profil);
        }
        String modele = interprete.modele(devEui, indices);
        var resultat = interprete.mesures(modele, fPort, octets, m.get("object"), null);
        DateReception recu = (DateReception) date;
        return new Lecture.Uplink(new LoraUplink(devEui, recu.instant(), fPort, fCnt, payload, modele, resultat.mesures(),
                receptions, interprete.position(devEui, null), SOURCE, simule(info), recu.origine()), resultat.avertissement());
    }

    private Lecture statut(JsonNode m) {
        JsonNode info = m.path("deviceInfo");
        String brut = texte(info, "devEui");
        String devEui = Normalisation.devEui(brut);
        if (devEui == null) {
            return invalide(brut == null ? "deviceInfo.devEui manquant"
                    : "DevEUI invalide : « " + brut + " » (16 caractères hexadécimaux attendus)");
        }
        Object date = dateReception(m, false);
        if (date instanceof Lecture l) {
            return l;
        }
        boolean secteur = m.path("externalPowerSource").asBoolean(false);
        boolean inconnue = m.path("batteryLevelUnavailable").asBoolean(false);
        Double batterie = secteur || inconnue ? null : Normalisation.nombre(m.get("batteryLevel"));
        if (batterie != null && (batterie < 0 || batterie > 100)) {
            return invalide("batteryLevel hors de [0, 100] : « " + m.get("batteryLevel").asText() + " »");
        }
        Integer marge = m.hasNonNull("margin") && m.get("margin").canConvertToInt() ? m.get("margin").asInt() : null;
        return new Lecture.Statut(new LoraStatut(devEui, ((DateReception) date).instant(), batterie, marge, SOURCE, simule(info)));
    }

    /**
     * The event's date: {@code time}, else the earliest {@code rxInfo[].nsTime} (both the network
     * server's), else the earliest {@code rxInfo[].gwTime} or {@code rxInfo[].time} (the gateways');
     * an uplink without any date is dated when read, a status is rejected. Returns the
     * {@link DateReception}, or the {@link Lecture} rejecting the event.
     */
    private Object dateReception(JsonNode m, boolean uplink) {
        String date = texte(m, "time");
        if (date != null) {
            try {
                var reseau = new DateReception(Normalisation.instant(date), LoraUplink.ORIGINE_RESEAU);
                return Horodatages.publiable(reseau.instant()) ? reseau : invalide(Horodatages.horsLimites("time", date));
            } catch (DateTimeParseException e) {
                return invalide("time illisible : « " + date + " » (date RFC 3339 avec fuseau attendue)");
            }
        }
        JsonNode rx = m.path("rxInfo");
        DateReception d = DateReception.auPlusTot(rx, "nsTime", LoraUplink.ORIGINE_RESEAU);
        if (d == null) {
            DateReception gw = DateReception.auPlusTot(rx, "gwTime", LoraUplink.ORIGINE_PASSERELLE);
            DateReception v3 = DateReception.auPlusTot(rx, "time", LoraUplink.ORIGINE_PASSERELLE);
            d = gw == null || v3 != null && v3.instant().isBefore(gw.instant()) ? v3 : gw;
        }
        if (d != null) {
            return d;
        }
        return uplink ? ingestion() : invalide("time manquant");
    }

    private boolean simule(JsonNode info) {
        return interprete.simule() || VALEUR_SIMULATION.equals(texte(info.path("tags"), ETIQUETTE_SIMULATION));
    }
}
