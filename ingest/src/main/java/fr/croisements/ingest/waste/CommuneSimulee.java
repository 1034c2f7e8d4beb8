package fr.croisements.ingest.waste;

import java.time.DayOfWeek;

/**
 * The fixed parameters the simulator drew for one commune, for the method panel of the map and
 * for tests. Carries no bin identifier.
 *
 * @param codeInsee COG code of the commune
 * @param nom commune name
 * @param bacs number of simulated bins (one per INSEE household)
 * @param jourDeCollecte the weekday the commune is collected, Monday to Friday
 * @param tauxPresentation probability that a bin is put out on a given week
 * @param kgParLevee mean weight of a lift, in kg
 * @param camion the simulated truck collecting the commune
 */
public record CommuneSimulee(
        String codeInsee,
        String nom,
        int bacs,
        DayOfWeek jourDeCollecte,
        double tauxPresentation,
        double kgParLevee,
        String camion) {}
