package fr.croisements.streams.waste;

/**
 * Running counts of one commune over one ISO week.
 *
 * @param levees lifts counted
 * @param bacs distinct bins lifted at least once
 * @param poidsKg total weighed mass
 * @param pesees lifts that carried a weight
 * @param simule whether any counted lift was simulated
 */
record ComptageHebdo(long levees, long bacs, double poidsKg, long pesees, boolean simule) {

    static ComptageHebdo vide() {
        return new ComptageHebdo(0, 0, 0.0, 0, false);
    }

    ComptageHebdo ajouter(LeveeACompter l) {
        Double poids = l.poidsKg();
        return new ComptageHebdo(
                levees + 1,
                bacs + (l.nouveauBac() ? 1 : 0),
                poidsKg + (poids == null ? 0.0 : poids),
                pesees + (poids == null ? 0 : 1),
                simule || l.simule());
    }
}
