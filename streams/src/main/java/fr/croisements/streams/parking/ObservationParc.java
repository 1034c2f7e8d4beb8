package fr.croisements.streams.parking;

import fr.croisements.events.OccupationParking;
import fr.croisements.events.ParcStationnement;

/** An occupancy observation with its car park ({@code null} when the car park is unknown). */
record ObservationParc(OccupationParking observation, ParcStationnement parc) {

    /** The capacity: the observation's when it gives one, else the car park's. */
    Integer capacite() {
        return observation.capacite() != null ? observation.capacite() : parc == null ? null : parc.capacite();
    }
}
