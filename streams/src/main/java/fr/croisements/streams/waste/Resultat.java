package fr.croisements.streams.waste;

import static fr.croisements.events.Indicateurs.TAUX_PRESENTATION_BACS;

import fr.croisements.datasets.Commune;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import fr.croisements.streams.indicateurs.FabriqueCellules;
import java.time.ZoneOffset;

/** Either the published cell of a commune-week, or why it cannot be computed. */
record Resultat(Indicateur indicateur, Rejet rejet) {

    private static final FabriqueCellules CELLULES = new FabriqueCellules(TAUX_PRESENTATION_BACS);

    static final Source LEVEES_SIMULEES = new Source("Levées de bacs pucés (simulateur Croisements, calé sur des "
            + "repères publiés de l'Ademe)", "Croisements", "simulation", "Licence Ouverte 2.0", true);

    static Source leveesImportees(int annee) {
        return new Source("Levées de bacs pucés (fichier importé)", "Collectivité", String.valueOf(annee),
                "selon le fichier importé", false);
    }

    /**
     * Pure: the cell of commune {@code code} for one week, from its counts and its INSEE row.
     * The rate is a percentage, rounded to 0.1.
     */
    static Resultat calculer(String code, CelluleComptee cellule, IndicateurInsee ref) {
        Double menages = ref == null ? null : ref.valeur(Commune.MENAGES);
        if (menages == null || menages <= 0) {
            return new Resultat(null, new Rejet("ref-insee-communes", "commune " + code,
                    "pas de nombre de ménages Insee pour la commune " + code + " : le taux ne peut pas être calculé",
                    null, cellule.fin()));
        }
        ComptageHebdo c = cellule.comptage();
        Source sourceLevees = c.simule() ? LEVEES_SIMULEES
                : leveesImportees(cellule.debut().atZone(ZoneOffset.UTC).getYear());
        var mesures = new java.util.LinkedHashMap<String, Double>();
        mesures.put("levees", (double) c.levees());
        if (c.pesees() > 0) {
            mesures.put("poidsKg", FabriqueCellules.arrondi(c.poidsKg()));
        }
        return new Resultat(CELLULES.cellule(code, Zone.COMMUNE, ref.nom(), cellule.debut(), cellule.fin())
                .valeur(Math.round(1000.0 * c.bacs() / menages) / 10.0)
                .numerateur((double) c.bacs(), sourceLevees)
                .denominateur(menages, ref.source(Commune.MENAGES))
                .mesures(mesures)
                .contributeurs(c.bacs())
                .simule(c.simule())
                .construire(), null);
    }
}
