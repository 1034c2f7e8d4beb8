package fr.croisements.datasets;

import fr.croisements.events.ParcStationnement;
import fr.croisements.events.Position;
import fr.croisements.events.Source;
import java.util.Objects;

/**
 * A car park ("lieu de stationnement") read from a schema.data.gouv.fr {@code schema-stationnement}
 * CSV (version 0.1.5) or the national base (BNLS) in that format. Counts are {@code null} when the
 * file leaves them empty, never 0 in their place.
 *
 * @param id identifier {@code <code INSEE>-P-<3 digits>}, e.g. {@code 86194-P-001}
 * @param nom name
 * @param codeInsee COG code of the commune, a string
 * @param adresse postal address, or {@code null}
 * @param nbPlaces number of car places, or {@code null} when not given (a required field of the schema)
 * @param nbPr park-and-ride places, or {@code null}
 * @param nbPmr places for people with reduced mobility, or {@code null}
 * @param nbVoituresElectriques places with an electric vehicle charger, or {@code null}
 * @param hauteurMaxCm maximum vehicle height in centimetres, or {@code null} (no limit: {@code N/A}, or not given)
 * @param longitude WGS84
 * @param latitude WGS84
 * @param typeOuvrage {@code ouvrage} or {@code enclos_en_surface}, or {@code null}
 * @param gratuit whether parking is free, or {@code null} when not given
 * @param tarifs prices, each {@code null} when not given
 * @param idSource the national base's source id ({@code id_source}, e.g. {@code F4604__1943}), or {@code null}
 */
public record Parking(
        String id,
        String nom,
        String codeInsee,
        String adresse,
        Integer nbPlaces,
        Integer nbPr,
        Integer nbPmr,
        Integer nbVoituresElectriques,
        Integer hauteurMaxCm,
        double longitude,
        double latitude,
        String typeOuvrage,
        Boolean gratuit,
        Tarifs tarifs,
        String idSource) {

    public Parking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nom, "nom");
        Objects.requireNonNull(codeInsee, "codeInsee");
        Objects.requireNonNull(tarifs, "tarifs");
    }

    /**
     * This car park as published on {@code ref-parkings} and kept in a car-park pack: what the map and
     * the crossings use (id, name, commune, capacity, position, type, free or not), with the source of its file.
     */
    public ParcStationnement parc(Source source) {
        return new ParcStationnement(id, nom, codeInsee, nbPlaces, new Position(longitude, latitude, null), typeOuvrage,
                gratuit, source);
    }

    /**
     * Prices, in euros.
     *
     * @param tarifPmr {@code gratuit}, {@code normal_payant} or {@code tarif_special}, or {@code null}
     * @param tarif1h price for 1 hour
     * @param tarif2h price for 2 hours
     * @param tarif3h price for 3 hours
     * @param tarif4h price for 4 hours
     * @param tarif24h price for 24 hours
     * @param aboResident monthly subscription for residents
     * @param aboNonResident monthly subscription for non-residents
     */
    public record Tarifs(String tarifPmr, Double tarif1h, Double tarif2h, Double tarif3h, Double tarif4h,
            Double tarif24h, Double aboResident, Double aboNonResident) {}
}
