package fr.croisements.streams.waste;

import static fr.croisements.events.Indicateurs.TAUX_PRESENTATION_BACS;

import fr.croisements.datasets.Commune;
import fr.croisements.events.Indicateur;
import fr.croisements.events.IndicateurInsee;
import fr.croisements.events.Rejet;
import fr.croisements.events.Source;
import fr.croisements.events.Zone;
import java.time.ZoneOffset;
import java.util.Map;

/** Either the published cell of a commune-week, or why it cannot be computed. */
record Resultat(Indicateur indicateur, Rejet rejet) {

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
        boolean secret = TAUX_PRESENTATION_BACS.estSecret(c.bacs());
        Source sourceLevees = c.simule() ? LEVEES_SIMULEES
                : leveesImportees(cellule.debut().atZone(ZoneOffset.UTC).getYear());
        Double taux = secret ? null : Math.round(1000.0 * c.bacs() / menages) / 10.0;
        Map<String, Double> mesures = secret ? Map.of() : c.pesees() == 0
                ? Map.of("levees", (double) c.levees())
                : Map.of("levees", (double) c.levees(), "poidsKg", Math.round(c.poidsKg() * 10.0) / 10.0);
        return new Resultat(new Indicateur(
                TAUX_PRESENTATION_BACS.id(), code, Zone.COMMUNE, ref.nom(), cellule.debut(), cellule.fin(),
                taux, TAUX_PRESENTATION_BACS.unite(),
                secret ? null : (double) c.bacs(), menages,
                sourceLevees, ref.source(Commune.MENAGES),
                mesures, secret ? null : c.bacs(), secret, c.simule()), null);
    }
}
