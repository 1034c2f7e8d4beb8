package fr.croisements.streams.waste;

/**
 * What the weekly count of a commune needs from a located lift, as it travels on the repartition topic
 * (key = commune code), in the pipeline's binary format: a few bytes instead of the whole lift in JSON.
 *
 * @param nouveauBac whether this is the bin's first lift of its ISO week
 * @param poidsKg the weighed mass, or {@code null}
 * @param simule whether the lift was simulated
 */
record LeveeACompter(boolean nouveauBac, Double poidsKg, boolean simule) {

    static LeveeACompter de(LeveeLocalisee l) {
        return new LeveeACompter(l.nouveauBac(), l.levee().poidsKg(), l.levee().simule());
    }
}
