package fr.croisements.viz;

import fr.croisements.events.Indicateur;
import fr.croisements.events.Indicateurs;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Cells of the composite indicator "fragilité face à l'isolement", as its topology writes them. */
public final class CellulesFragilite {

    public static final String INDICATEUR = Indicateurs.FRAGILITE_ISOLEMENT.id();
    public static final Instant DEBUT = Instant.parse("2021-01-01T00:00:00Z");
    public static final Instant FIN = Instant.parse("2023-01-01T00:00:00Z");
    public static final Source RECENSEMENT = new Source("Dossier complet (recensement de la population)", "Insee",
            "2022", "Licence Ouverte 2.0", false);
    public static final Source FILOSOFI = new Source("Filosofi (revenus et pauvreté)", "Insee", "2021",
            "Licence Ouverte 2.0", false);

    private CellulesFragilite() {}

    /** A published cell: the geometric mean of the three rates, rounded to one decimal. */
    public static Indicateur cellule(String code, String nom, double part75, double partSeules, double pauvrete) {
        double indice = Math.round(10.0 * Math.cbrt(part75 * partSeules * pauvrete)) / 10.0;
        return new Indicateur(INDICATEUR, code, Zone.COMMUNE, nom, DEBUT, FIN, indice, "%", null, null, null, null,
                mesures(part75, partSeules, pauvrete), null, false, false, sources());
    }

    /** A cell whose poverty rate INSEE keeps secret: no value, the two other rates kept. */
    public static Indicateur secrete(String code, String nom, double part75, double partSeules) {
        return new Indicateur(INDICATEUR, code, Zone.COMMUNE, nom, DEBUT, FIN, null, "%", null, null, null, null,
                mesures(part75, partSeules, null), null, true, false, sources());
    }

    private static Map<String, Double> mesures(double part75, double partSeules, Double pauvrete) {
        var mesures = new LinkedHashMap<String, Double>();
        mesures.put("part_75_plus", part75);
        mesures.put("part_menages_une_personne", partSeules);
        if (pauvrete != null) {
            mesures.put("taux_pauvrete", pauvrete);
        }
        return mesures;
    }

    private static Map<String, Source> sources() {
        return Map.of("part_75_plus", RECENSEMENT, "part_menages_une_personne", RECENSEMENT, "taux_pauvrete", FILOSOFI);
    }
}
