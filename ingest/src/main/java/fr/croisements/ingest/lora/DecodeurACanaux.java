package fr.croisements.ingest.lora;

import static fr.croisements.ingest.lora.Octets.u8;

import fr.croisements.events.Mesure;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Payloads made of channels {@code [channel id][channel type][data]}, the IPSO-like layout of
 * Milesight and Tektelic sensors: each device model knows its channels, the pair (id, type) fixing
 * the data's length and how to read it (byte order included). A channel the model does not know,
 * or a truncated one, refuses the whole payload and says where: the vendors' JavaScript decoders
 * stop silently there.
 *
 * <p>Immutable and thread-safe.
 */
final class DecodeurACanaux implements PayloadDecoder {

    /** What a channel's data adds to the measures, read from its first data byte. */
    @FunctionalInterface
    interface Lecteur {
        void lire(byte[] o, int i, Map<String, Mesure> mesures);
    }

    /** One channel: its id and type bytes, the length of its data and how to read them. */
    record Canal(int id, int type, int longueur, Lecteur lecteur) {
        int cle() {
            return id << 8 | type;
        }

        /** A channel read but not kept (device information, history records, alarm flags...). */
        static Canal ignore(int id, int type, int longueur) {
            return new Canal(id, type, longueur, (o, i, m) -> { });
        }
    }

    private final String produit;
    private final Map<Integer, Canal> canaux;

    /** @param produit the model as users name it, in the reasons ({@code EM300-TH}) */
    DecodeurACanaux(String produit, List<Canal> canaux) {
        this.produit = produit;
        var parCle = new HashMap<Integer, Canal>();
        canaux.forEach(c -> parCle.put(c.cle(), c));
        this.canaux = Map.copyOf(parCle);
    }

    @Override
    public Decodage decode(Integer fPort, byte[] o) {
        if (o.length == 0) {
            return Decodage.refuse("charge utile vide");
        }
        var mesures = new LinkedHashMap<String, Mesure>();
        int i = 0;
        while (i < o.length) {
            if (i + 2 > o.length) {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "octet isolé 0x%02X en fin de charge utile (octet %d) : canal %s incomplet", u8(o, i), i, produit));
            }
            int id = u8(o, i);
            int type = u8(o, i + 1);
            Canal canal = canaux.get(id << 8 | type);
            if (canal == null) {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "canal inconnu 0x%02X 0x%02X à l'octet %d pour un %s", id, type, i, produit));
            }
            if (i + 2 + canal.longueur() > o.length) {
                return Decodage.refuse(String.format(Locale.ROOT,
                        "canal 0x%02X 0x%02X tronqué à l'octet %d : %d octet(s) de données attendu(s), %d reçu(s)",
                        id, type, i, canal.longueur(), o.length - i - 2));
            }
            canal.lecteur().lire(o, i + 2, mesures);
            i += 2 + canal.longueur();
        }
        return Decodage.reussi(mesures);
    }
}
