package fr.croisements.viz.capteurs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The French words of the device layer: a label for each measure name the decoders of
 * {@code ingest} write (one name per physical quantity, see {@code ingest/…/lora/Mesures}), in
 * the order the popup lists them, and a readable model name. Pure.
 */
final class LibellesMesures {

    private static final Map<String, String> LIBELLES = new LinkedHashMap<>();

    static {
        ajouter("temperature", "température");
        ajouter("humidite", "humidité");
        ajouter("co2", "CO₂");
        ajouter("pression", "pression atmosphérique");
        ajouter("temperature_sonde", "température de la sonde");
        ajouter("temperature_interne", "température de l'appareil");
        ajouter("pm1", "particules fines PM1");
        ajouter("pm2_5", "particules fines PM2,5");
        ajouter("pm4", "particules fines PM4");
        ajouter("pm10", "particules PM10");
        ajouter("taille_particules", "taille des particules");
        ajouter("cov", "composés organiques volatils");
        ajouter("formaldehyde", "formaldéhyde");
        ajouter("ozone", "ozone");
        ajouter("luminosite", "luminosité");
        ajouter("niveau_lumiere", "niveau de lumière");
        ajouter("presence", "présence détectée");
        ajouter("mouvement", "mouvements détectés");
        ajouter("activite", "activité détectée");
        ajouter("occupation", "place occupée");
        ajouter("duree_etat_precedent", "durée de l'état précédent");
        ajouter("distance", "distance mesurée");
        ajouter("inclinaison", "appareil incliné");
        ajouter("acceleration_x", "accélération (axe x)");
        ajouter("acceleration_y", "accélération (axe y)");
        ajouter("acceleration_z", "accélération (axe z)");
        ajouter("batterie", "batterie");
        ajouter("batterie_badge", "batterie du badge");
    }

    /** A model id of the decoder registry: brand, then reference, e.g. {@code milesight-em500-co2}. */
    private static final Pattern IDENTIFIANT_MODELE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    private LibellesMesures() {}

    private static void ajouter(String nom, String libelle) {
        LIBELLES.put(nom, libelle);
    }

    /** "température"; an unknown name with its underscores read as spaces ("vitesse_vent": "vitesse vent"). */
    static String libelle(String nom) {
        return LIBELLES.getOrDefault(nom, nom.replace('_', ' '));
    }

    /** Known names in the order of the table above, then the others alphabetically. */
    static Comparator<String> ordre() {
        List<String> connus = List.copyOf(LIBELLES.keySet());
        return Comparator.<String>comparingInt(n -> connus.contains(n) ? connus.indexOf(n) : connus.size())
                .thenComparing(Comparator.naturalOrder());
    }

    /**
     * "Milesight EM500-CO2" for {@code milesight-em500-co2}, "Dragino LHT65" for {@code dragino-lht65};
     * any other spelling (a network server's own) as given; {@code null} stays {@code null}.
     */
    static String libelleModele(String modele) {
        if (modele == null || !IDENTIFIANT_MODELE.matcher(modele).matches()) {
            return modele;
        }
        int tiret = modele.indexOf('-');
        String marque = modele.substring(0, tiret);
        return marque.substring(0, 1).toUpperCase(Locale.ROOT) + marque.substring(1) + " "
                + modele.substring(tiret + 1).toUpperCase(Locale.ROOT);
    }
}
