package fr.croisements.viz.parkings;

import fr.croisements.datasets.Commune;
import fr.croisements.events.Indicateur;
import fr.croisements.events.ParcStationnement;

/**
 * A car park with its commune (of the territories, or {@code null}) and the latest hour of the
 * occupancy indicator ({@code null}: no observation yet). Figures derived the same way for the map
 * and for the FIWARE export.
 */
record Parking(ParcStationnement parc, Commune commune, Indicateur cellule) {

    /** Places of the car park: its declared capacity, else the cell's (observed) one; {@code null} when unknown. */
    Integer capacite() {
        if (parc.capacite() != null && parc.capacite() > 0) {
            return parc.capacite();
        }
        if (cellule != null && cellule.denominateur() != null && cellule.denominateur() > 0) {
            return (int) Math.round(cellule.denominateur());
        }
        return null;
    }

    boolean observe() {
        return cellule != null && cellule.valeur() != null && Double.isFinite(cellule.valeur());
    }

    /** Mean occupancy rate of the latest hour, %, one decimal; {@code null} without observation. */
    Double taux() {
        return observe() ? Math.round(cellule.valeur() * 10) / 10.0 : null;
    }

    /** Mean occupied places of the latest hour, rounded, within [0, capacity]; {@code null} when unknown. */
    Integer placesOccupees() {
        Integer capacite = capacite();
        if (!observe() || capacite == null) {
            return null;
        }
        double occupees = cellule.numerateur() != null && Double.isFinite(cellule.numerateur())
                ? cellule.numerateur() : cellule.valeur() * capacite / 100;
        return (int) Math.max(0, Math.min(capacite, Math.round(occupees)));
    }

    /** Capacity minus the mean occupied places; {@code null} when unknown. */
    Integer placesLibres() {
        Integer occupees = placesOccupees();
        return occupees == null ? null : capacite() - occupees;
    }

    /** The hour counted as saturated (occupied at 90 % or more at some point of it). */
    boolean sature() {
        return observe() && mesure("heures_saturees") != null && mesure("heures_saturees") >= 1;
    }

    Double mesure(String nom) {
        Double v = cellule == null ? null : cellule.mesures().get(nom);
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** Whether the car park or its occupancy comes from a simulator. */
    boolean simule() {
        return (cellule != null && cellule.simule()) || (parc.source() != null && parc.source().simule());
    }
}
