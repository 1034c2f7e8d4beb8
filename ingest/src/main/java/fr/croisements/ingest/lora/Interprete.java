package fr.croisements.ingest.lora;

import com.fasterxml.jackson.databind.JsonNode;
import fr.croisements.events.Mesure;
import fr.croisements.events.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the two adapters share once a message is read: which model a device is, its measures
 * (decoded by the network server, or by our decoders) and its position when the message has none.
 * Models given by the user are resolved once, at construction. Immutable and thread-safe.
 */
final class Interprete {

    /** Measures of an uplink, and why there are none when the payload could not be used. */
    record Resultat(Map<String, Mesure> mesures, String avertissement) {}

    private static final int CHAMPS_CITES = 8;

    private final DecodeurRegistre registre;
    private final Appareils appareils;
    /** Model id of each device of {@code appareils} that has one. */
    private final Map<String, String> modeles;
    private final String modeleParDefaut;
    private final boolean simule;

    /**
     * @throws IllegalArgumentException when a model of {@code appareils} is unknown to {@code registre}
     */
    Interprete(DecodeurRegistre registre, Appareils appareils, boolean simule) {
        this.registre = Objects.requireNonNull(registre, "registre");
        this.appareils = Objects.requireNonNull(appareils, "appareils");
        this.simule = simule;
        var parDevEui = new HashMap<String, String>();
        for (Appareils.Appareil a : appareils.tous()) {
            if (a.modele() != null) {
                parDevEui.put(a.devEui(), resoudre(a.modele(), "l'appareil " + a.devEui()));
            }
        }
        this.modeles = Map.copyOf(parDevEui);
        this.modeleParDefaut = appareils.modeleParDefaut().map(m -> resoudre(m, "--modele")).orElse(null);
    }

    private String resoudre(String nom, String pour) {
        return registre.resoudre(nom).orElseThrow(() -> new IllegalArgumentException(
                "modèle inconnu « " + nom + " » pour " + pour + " ; modèles connus : " + String.join(", ", registre.modeles())));
    }

    boolean simule() {
        return simule;
    }

    /**
     * The model of a device: from the devices file, else from what the message says (TTS
     * {@code version_ids}, ChirpStack device profile name), else the default model; {@code null}
     * when none is known.
     */
    String modele(String devEui, List<String> indices) {
        String connu = modeles.get(devEui);
        if (connu != null) {
            return connu;
        }
        for (String indice : indices) {
            var resolu = registre.resoudre(indice);
            if (resolu.isPresent()) {
                return resolu.get();
            }
        }
        return modeleParDefaut;
    }

    /** The message's position, else the one of the devices file. */
    Position position(String devEui, Position duMessage) {
        if (duMessage != null) {
            return duMessage;
        }
        return appareils.appareil(devEui).map(Appareils.Appareil::position).orElse(null);
    }

    /**
     * Measures: from the object the network server decoded, else its normalized payload, else our
     * decoder of the device's model. Port 0 carries MAC commands only: no measure, no warning.
     *
     * @param decode TTS {@code decoded_payload} or ChirpStack {@code object}, or {@code null}
     * @param normalise TTS {@code normalized_payload}, or {@code null}
     */
    Resultat mesures(String modele, Integer fPort, byte[] octets, JsonNode decode, JsonNode normalise) {
        List<String> inconnus = new ArrayList<>();
        if (decode != null && decode.isObject() && !decode.isEmpty()) {
            var m = MesuresDecodees.depuisObjet(decode, inconnus);
            if (!m.isEmpty()) {
                return new Resultat(m, null);
            }
        }
        var normalisees = MesuresDecodees.depuisNormalise(normalise);
        if (!normalisees.isEmpty()) {
            return new Resultat(normalisees, null);
        }
        boolean aDecoder = octets != null && octets.length > 0 && (fPort == null || fPort != 0);
        if (aDecoder && modele != null) {
            Decodage d = registre.decoder(modele, fPort, octets);
            if (d instanceof Decodage.Reussi r) {
                return new Resultat(r.mesures(), null);
            }
            return new Resultat(Map.of(), "charge utile non décodée (" + modele + ") : " + ((Decodage.Refuse) d).raison()
                    + " ; uplink publié sans mesure");
        }
        if (!inconnus.isEmpty()) {
            return new Resultat(Map.of(), "aucun champ décodé par le serveur de réseau n'est reconnu ("
                    + cites(inconnus) + ") et le modèle de l'appareil est inconnu ; uplink publié sans mesure");
        }
        if (aDecoder) {
            return new Resultat(Map.of(), "modèle d'appareil inconnu : charge utile non décodée (indiquer le modèle"
                    + " avec --modele ou un fichier d'appareils, voir ingest/README.md) ; uplink publié sans mesure");
        }
        return new Resultat(Map.of(), null);
    }

    private static String cites(List<String> champs) {
        return champs.size() <= CHAMPS_CITES ? String.join(", ", champs)
                : String.join(", ", champs.subList(0, CHAMPS_CITES)) + "…";
    }
}
