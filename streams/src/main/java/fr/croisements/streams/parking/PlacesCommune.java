package fr.croisements.streams.parking;

import fr.croisements.events.ParcStationnement;

/** Car parks of one commune with a known capacity: how many, and their places. */
record PlacesCommune(String codeInsee, long parkings, long places) {

    static PlacesCommune vide() {
        return new PlacesCommune(null, 0, 0);
    }

    PlacesCommune ajouter(ParcStationnement p) {
        return new PlacesCommune(p.codeInsee(), parkings + 1, places + p.capacite());
    }

    PlacesCommune retirer(ParcStationnement p) {
        return new PlacesCommune(p.codeInsee(), parkings - 1, places - p.capacite());
    }
}
