package fr.croisements.ingest.lora;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payload decoders, by device model id ({@code milesight-em500-co2}, {@code elsys-ers}...),
 * and the resolution of the names a user or a network server gives a model into those ids.
 *
 * <p>{@link #resoudre} accepts an id, an alias ({@code EM500-CO2}, {@code Milesight EM500-CO2},
 * a TTS {@code brand_id model_id} such as {@code milesight-iot em500-co2}, a ChirpStack device
 * profile name such as {@code Milesight EM300-TH (EU868)}): the name is lower-cased, every run of
 * other characters than letters and digits becomes {@code -}, and the longest id or alias found
 * in it as whole words wins.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecodeurRegistre {

    private static final Logger log = LoggerFactory.getLogger(DecodeurRegistre.class);

    private final Map<String, PayloadDecoder> decodeurs;
    /** Normalised alias (ids included) to id. */
    private final Map<String, String> alias;

    private DecodeurRegistre(Map<String, PayloadDecoder> decodeurs, Map<String, String> alias) {
        this.decodeurs = Map.copyOf(decodeurs);
        this.alias = Map.copyOf(alias);
    }

    /** Every decoder of the project, with its aliases. */
    public static DecodeurRegistre standard() {
        var b = new Constructeur();
        b.modele("milesight-em500-co2", MilesightDecoder.em500Co2(), "em500-co2", "milesight-iot-em500-co2");
        b.modele("milesight-em300-th", MilesightDecoder.em300Th(), "em300-th", "milesight-iot-em300-th");
        b.modele("milesight-am307", MilesightDecoder.am307(), "am307", "milesight-iot-am307",
                "am319", "milesight-am319", "milesight-iot-am319");
        b.modele("milesight-am102", MilesightDecoder.am102(), "am102", "milesight-iot-am102",
                "am102l", "milesight-am102l", "milesight-iot-am102l");
        b.modele("milesight-am103", MilesightDecoder.am103(), "am103", "milesight-iot-am103",
                "am103l", "milesight-am103l", "milesight-iot-am103l");
        b.modele("milesight-em310-udl", MilesightDecoder.em310Udl(), "em310-udl", "milesight-iot-em310-udl");
        b.modele("milesight-em500-udl", MilesightDecoder.em500Udl(), "em500-udl", "milesight-iot-em500-udl");
        b.modele("milesight-em400-udl", MilesightDecoder.em400Udl(), "em400-udl", "milesight-iot-em400-udl");
        var elsys = new ElsysDecoder();
        b.modele("elsys-ers", elsys, "ers", "ers-lite", "elsys-ers-lite", "ers2", "elsys-ers2");
        b.modele("elsys-ers-co2", elsys, "ers-co2", "ers2-co2", "elsys-ers2-co2", "ers-co2-lite", "elsys-ers-co2-lite");
        b.modele("elsys-elt-ultrasonic", elsys, "elt-ultrasonic");
        b.modele("dragino-lht65", DraginoLht65Decoder.lht65(), "lht65");
        b.modele("dragino-lht65n", DraginoLht65Decoder.lht65n(), "lht65n");
        b.modele("dragino-ldds75", new DraginoLdds75Decoder(), "ldds75");
        b.modele("decentlab-dl-pm", DecentlabDecoder.dlPm(), "dl-pm");
        b.modele("decentlab-dl-iam", DecentlabDecoder.dlIam(), "dl-iam");
        b.modele("adeunis-comfort", AdeunisComfortDecoder.comfort(), "adeunis-comfort2", "adeunis-comfort-2");
        b.modele("adeunis-comfort-co2", AdeunisComfortDecoder.comfortCo2(), "adeunis-comfortco2");
        b.modele("nwave-nps", NwaveDecoder.g4(), "nps405", "nwave-nps405", "nps405sm", "nps405fm",
                "g4-nps-sm", "g4-nps-fm", "nwave-g4-nps-sm", "nwave-g4-nps-fm", "nwave-nps405sm", "nwave-nps405fm");
        b.modele("nwave-nps310", NwaveDecoder.nps310(), "nps310sm", "nwave-nps310sm", "nps310");
        b.modele("tektelic-kona-home", new TektelicKonaHomeDecoder(), "kona-home", "kona-home-sensor",
                "tektelic-kona-home-sensor", "t000489x", "tektelic-t000489x", "t000489x-home-base");
        b.modele("bosch-tps110", new BoschTps110Decoder(), "tps110", "tps110-0292", "bosch-tps110-0292",
                "tpl110-0292", "parking-lot-sensor", "bosch-parking-lot-sensor");
        b.modele("dingtek-do20x", new DingtekDo20xDecoder(), "do200", "do201", "do202", "dingtek-do200",
                "dingtek-do201", "dingtek-do202");
        return b.construire();
    }

    /** The model ids, sorted. */
    public Set<String> modeles() {
        return new TreeMap<>(decodeurs).keySet();
    }

    /** The decoder of a model id (not an alias). */
    public Optional<PayloadDecoder> decodeur(String modele) {
        return Optional.ofNullable(decodeurs.get(modele));
    }

    /**
     * The model id a name designates: an id, an alias, or a longer name that contains one as whole
     * words ({@code Milesight EM300-TH (EU868)}); the longest match wins.
     */
    public Optional<String> resoudre(String nom) {
        if (nom == null || nom.isBlank()) {
            return Optional.empty();
        }
        String n = normaliser(nom);
        String exact = alias.get(n);
        if (exact != null) {
            return Optional.of(exact);
        }
        String entoure = "-" + n + "-";
        String meilleur = null;
        for (var e : alias.entrySet()) {
            if (entoure.contains("-" + e.getKey() + "-") && (meilleur == null || e.getKey().length() > meilleur.length())) {
                meilleur = e.getKey();
            }
        }
        return Optional.ofNullable(meilleur).map(alias::get);
    }

    /**
     * Decodes a payload with a model's decoder, then checks that every value is one the device
     * can report ({@link Plausibilite}): a payload of another model is refused, not read as wrong
     * values. Pure, never throws on bad input.
     *
     * @param modele a model id (see {@link #modeles()})
     */
    public Decodage decoder(String modele, Integer fPort, byte[] octets) {
        PayloadDecoder decodeur = decodeurs.get(modele);
        if (decodeur == null) {
            return Decodage.refuse("modèle d'appareil inconnu : « " + modele + " »");
        }
        try {
            Decodage d = decodeur.decode(fPort, octets);
            String invraisemblance = d instanceof Decodage.Reussi r ? Plausibilite.invraisemblance(r.mesures()) : null;
            return invraisemblance == null ? d : Decodage.refuse(invraisemblance);
        } catch (RuntimeException e) {
            // A decoder bug must not stop the stream: the payload is refused and the bug logged.
            log.error("Decoder {} failed on port {} payload {}", modele, fPort, Octets.hex(octets), e);
            return Decodage.refuse("erreur interne du décodeur " + modele + " (signalée dans le journal)");
        }
    }

    /** Lower case, runs of other characters than letters and digits replaced by {@code -}. */
    static String normaliser(String nom) {
        return nom.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static final class Constructeur {
        private final Map<String, PayloadDecoder> decodeurs = new LinkedHashMap<>();
        private final Map<String, String> alias = new LinkedHashMap<>();

        void modele(String id, PayloadDecoder decodeur, String... autresNoms) {
            Objects.requireNonNull(decodeur, id);
            decodeurs.put(id, decodeur);
            var noms = new ArrayList<>(List.of(autresNoms));
            noms.add(id);
            for (String nom : noms) {
                String precedent = alias.put(normaliser(nom), id);
                if (precedent != null) {
                    throw new IllegalStateException("Alias " + nom + " of " + id + " already names " + precedent);
                }
            }
        }

        DecodeurRegistre construire() {
            return new DecodeurRegistre(decodeurs, alias);
        }
    }
}
