package fr.croisements.ingest.lora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.croisements.ingest.lora.LoraSimulateur.CapteurSimule;
import fr.croisements.ingest.lora.LoraSimulateur.Ecoute;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes the simulated frames as The Things Stack v3 and ChirpStack v4 write them: the same fields,
 * types and conventions as the messages of {@code shared/datasets/lora/message_samples} (TTS omits
 * zero values such as {@code f_cnt: 0}; ChirpStack writes EUIs in lower case and dates with
 * {@code +00:00}). Identifiers (correlation ids, tokens, deduplication ids) are drawn from the
 * given random stream, so the output is deterministic. Every message is marked simulated the way
 * each server allows it: TTS {@code uplink_message.simulated}, ChirpStack device tag
 * {@code croisements: simulation}.
 */
final class MessagesReseau {

    static final String APPLICATION_TTS = "capteurs-grand-poitiers";
    static final String JOIN_EUI = "24E124C0002A0001";
    static final long[] FREQUENCES_HZ = {868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000,
            867_500_000, 867_700_000, 867_900_000};
    static final int FACTEUR_ETALEMENT = 7;
    static final int BANDE_HZ = 125_000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter CHIRPSTACK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private MessagesReseau() {}

    /** A TTS v3 uplink message (webhook body, MQTT {@code .../up} message). */
    static String ttsUplink(CapteurSimule c, int session, Instant t, long fCnt, byte[] charge, List<Ecoute> ecoutes,
            int canal, SplittableRandom rng) {
        Instant ns = t.plusNanos(30_000_000L + rng.nextLong(50_000_000L));
        Instant as = ns.plusNanos(150_000_000L + rng.nextLong(150_000_000L));
        ObjectNode m = F.objectNode();
        m.set("end_device_ids", idsTts(c, session));
        ArrayNode correlation = m.putArray("correlation_ids");
        correlation.add("as:up:" + ulid(as, rng));
        correlation.add("gs:uplink:" + ulid(t, rng));
        correlation.add("ns:uplink:" + ulid(ns, rng));
        m.put("received_at", as.toString());
        ObjectNode up = m.putObject("uplink_message");
        up.put("session_key_id", base64(rng, 16));
        up.put("f_port", LoraSimulateur.PORT);
        if (fCnt != 0) {
            up.put("f_cnt", fCnt);
        }
        up.put("frm_payload", Base64.getEncoder().encodeToString(charge));
        ArrayNode rx = up.putArray("rx_metadata");
        long compteur = (t.toEpochMilli() * 1000) & 0xFFFF_FFFFL;
        for (Ecoute e : ecoutes) {
            ObjectNode r = rx.addObject();
            ObjectNode ids = r.putObject("gateway_ids");
            ids.put("gateway_id", e.passerelle().id());
            ids.put("eui", e.passerelle().eui());
            r.put("time", t.toString());
            r.put("timestamp", compteur);
            r.put("rssi", e.rssi());
            r.put("channel_rssi", e.rssi());
            if (e.snr() != 0) {
                r.put("snr", e.snr());
            }
            r.set("location", location(e.passerelle().latitude(), e.passerelle().longitude(), e.passerelle().altitude()));
            r.put("uplink_token", base64(rng, 48));
            r.put("channel_index", canal);
            r.put("received_at", t.plusNanos(8_000_000L + rng.nextLong(4_000_000L)).toString());
        }
        ObjectNode settings = up.putObject("settings");
        ObjectNode lora = settings.putObject("data_rate").putObject("lora");
        lora.put("bandwidth", BANDE_HZ);
        lora.put("spreading_factor", FACTEUR_ETALEMENT);
        lora.put("coding_rate", "4/5");
        settings.put("frequency", Long.toString(FREQUENCES_HZ[canal]));
        settings.put("timestamp", compteur);
        settings.put("time", t.toString());
        up.put("received_at", ns.toString());
        up.put("consumed_airtime", String.format(Locale.ROOT, "%.6fs", tempsAntenne(charge.length)));
        ObjectNode locations = up.putObject("locations");
        locations.set("user", location(c.latitude(), c.longitude(), null).put("source", "SOURCE_REGISTRY"));
        ObjectNode versions = up.putObject("version_ids");
        versions.put("brand_id", "milesight-iot");
        versions.put("model_id", c.modeleTts());
        versions.put("hardware_version", "1.0");
        versions.put("firmware_version", "1.3");
        versions.put("band_id", "EU_863_870");
        ObjectNode reseau = up.putObject("network_ids");
        reseau.put("net_id", "000013");
        reseau.put("tenant_id", "grand-poitiers");
        reseau.put("cluster_id", "eu1");
        reseau.put("cluster_address", "eu1.cloud.thethings.industries");
        up.put("simulated", true);
        return ecrire(m);
    }

    /** A TTS v3 join-accept message. */
    static String ttsJoin(CapteurSimule c, int session, Instant t, SplittableRandom rng) {
        Instant as = t.plusNanos(200_000_000L + rng.nextLong(100_000_000L));
        ObjectNode m = F.objectNode();
        m.set("end_device_ids", idsTts(c, session));
        m.putArray("correlation_ids").add("as:up:" + ulid(as, rng)).add("ns:uplink:" + ulid(t, rng));
        m.put("received_at", as.toString());
        ObjectNode join = m.putObject("join_accept");
        join.put("session_key_id", base64(rng, 16));
        join.put("received_at", t.plusNanos(40_000_000L).toString());
        return ecrire(m);
    }

    /** A ChirpStack v4 {@code up} event. */
    static String chirpstackUp(CapteurSimule c, int session, Instant t, long fCnt, byte[] charge, List<Ecoute> ecoutes,
            int canal, SplittableRandom rng) {
        Instant ns = t.plusNanos(20_000_000L + rng.nextLong(40_000_000L));
        ObjectNode m = F.objectNode();
        m.put("deduplicationId", uuid(rng).toString());
        m.put("time", CHIRPSTACK.format(ns));
        m.set("deviceInfo", infoChirpstack(c));
        m.put("devAddr", c.devAddr(session).toLowerCase(Locale.ROOT));
        m.put("adr", true);
        m.put("dr", 5);
        m.put("fCnt", fCnt);
        m.put("fPort", LoraSimulateur.PORT);
        m.put("confirmed", false);
        m.put("data", Base64.getEncoder().encodeToString(charge));
        ArrayNode rx = m.putArray("rxInfo");
        for (Ecoute e : ecoutes) {
            ObjectNode r = rx.addObject();
            r.put("gatewayId", e.passerelle().eui().toLowerCase(Locale.ROOT));
            r.put("uplinkId", rng.nextInt(1, 65_536));
            r.put("gwTime", CHIRPSTACK.format(t));
            r.put("nsTime", CHIRPSTACK.format(ns));
            r.put("rssi", e.rssi());
            r.put("snr", e.snr());
            r.put("channel", canal);
            r.put("rfChain", canal < 3 ? 1 : 0);
            r.set("location", location(e.passerelle().latitude(), e.passerelle().longitude(), e.passerelle().altitude()));
            r.put("context", base64(rng, 4));
            ObjectNode meta = r.putObject("metadata");
            meta.put("region_common_name", "EU868");
            meta.put("region_config_id", "eu868");
            r.put("crcStatus", "CRC_OK");
        }
        ObjectNode tx = m.putObject("txInfo");
        tx.put("frequency", FREQUENCES_HZ[canal]);
        ObjectNode lora = tx.putObject("modulation").putObject("lora");
        lora.put("bandwidth", BANDE_HZ);
        lora.put("spreadingFactor", FACTEUR_ETALEMENT);
        lora.put("codeRate", "CR_4_5");
        return ecrire(m);
    }

    /** A ChirpStack v4 {@code join} event. */
    static String chirpstackJoin(CapteurSimule c, int session, Instant t, SplittableRandom rng) {
        ObjectNode m = F.objectNode();
        m.put("deduplicationId", uuid(rng).toString());
        m.put("time", CHIRPSTACK.format(t));
        m.set("deviceInfo", infoChirpstack(c));
        m.put("devAddr", c.devAddr(session).toLowerCase(Locale.ROOT));
        return ecrire(m);
    }

    /** A ChirpStack v4 {@code status} event (answer to the network server's DevStatusReq). */
    static String chirpstackStatus(CapteurSimule c, Instant t, double batterie, int marge, SplittableRandom rng) {
        ObjectNode m = F.objectNode();
        m.put("deduplicationId", uuid(rng).toString());
        m.put("time", CHIRPSTACK.format(t));
        m.set("deviceInfo", infoChirpstack(c));
        m.put("margin", marge);
        m.put("externalPowerSource", false);
        m.put("batteryLevelUnavailable", false);
        m.put("batteryLevel", Math.round(batterie * 100) / 100.0);
        return ecrire(m);
    }

    /** Time on air of a LoRaWAN frame at SF7 / 125 kHz, coding rate 4/5, explicit header, CRC, 8-symbol preamble. */
    static double tempsAntenne(int octetsApplicatifs) {
        int pl = octetsApplicatifs + 13;
        double tsym = (1 << FACTEUR_ETALEMENT) / (double) BANDE_HZ;
        double symboles = 8 + Math.max(Math.ceil((8.0 * pl - 4 * FACTEUR_ETALEMENT + 28 + 16) / (4.0 * FACTEUR_ETALEMENT)) * 5, 0);
        return (8 + 4.25) * tsym + symboles * tsym;
    }

    private static ObjectNode idsTts(CapteurSimule c, int session) {
        ObjectNode ids = F.objectNode();
        ids.put("device_id", c.id());
        ids.putObject("application_ids").put("application_id", APPLICATION_TTS);
        ids.put("dev_eui", c.devEui());
        ids.put("join_eui", JOIN_EUI);
        ids.put("dev_addr", c.devAddr(session));
        return ids;
    }

    private static ObjectNode infoChirpstack(CapteurSimule c) {
        ObjectNode info = F.objectNode();
        info.put("tenantId", "5b8d2c1e-3f4a-4e6b-9c7d-8a1b2c3d4e5f");
        info.put("tenantName", "Grand Poitiers");
        info.put("applicationId", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
        info.put("applicationName", "Capteurs Grand Poitiers");
        info.put("deviceProfileId", c.modeleTts().equals("em500-co2")
                ? "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d" : "1d2c3b4a-5f6e-4d7c-9b8a-796857463524");
        info.put("deviceProfileName", c.profilChirpstack());
        info.put("deviceName", c.id());
        info.put("devEui", c.devEui().toLowerCase(Locale.ROOT));
        info.put("deviceClassEnabled", "CLASS_A");
        ObjectNode tags = info.putObject("tags");
        tags.put(ChirpstackAdapter.ETIQUETTE_SIMULATION, ChirpstackAdapter.VALEUR_SIMULATION);
        tags.put("commune", c.capteur().codeInsee());
        return info;
    }

    private static ObjectNode location(double latitude, double longitude, Double altitude) {
        ObjectNode l = F.objectNode();
        l.put("latitude", arrondi(latitude));
        l.put("longitude", arrondi(longitude));
        if (altitude != null) {
            l.put("altitude", altitude);
        }
        return l;
    }

    private static double arrondi(double degres) {
        return Math.round(degres * 1e6) / 1e6;
    }

    private static String base64(SplittableRandom rng, int octets) {
        byte[] b = new byte[octets];
        rng.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static UUID uuid(SplittableRandom rng) {
        long hauts = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long bas = (rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(hauts, bas);
    }

    /** A ULID (as in TTS correlation ids): 48-bit millisecond time then 80 random bits, Crockford base32. */
    private static String ulid(Instant t, SplittableRandom rng) {
        var sb = new StringBuilder(26);
        long ms = t.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            sb.append(CROCKFORD.charAt((int) (ms >>> (5 * i) & 31)));
        }
        for (int i = 0; i < 16; i++) {
            sb.append(CROCKFORD.charAt(rng.nextInt(32)));
        }
        return sb.toString();
    }

    private static String ecrire(ObjectNode m) {
        try {
            return LecteurMessages.MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing a JSON tree cannot fail", e);
        }
    }
}
