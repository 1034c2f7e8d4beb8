package fr.croisements.events;

/**
 * A car park, as published on the compacted reference topic {@code ref-parkings}
 * (schema.data.gouv.fr "stationnement", or a feed's own list of car parks).
 *
 * @param id car park id (schema-stationnement {@code id}, or the feed's id)
 * @param nom name
 * @param codeInsee COG code of its commune, or {@code null} when the source does not say
 * @param capacite number of places, or {@code null} when unknown
 * @param position WGS84 position
 * @param typeOuvrage e.g. "enclos_en_surface", "ouvrage", or {@code null}
 * @param gratuit whether parking is free, or {@code null}
 * @param source where the record comes from (producer, millésime, licence)
 */
public record ParcStationnement(String id, String nom, String codeInsee, Integer capacite, Position position,
        String typeOuvrage, Boolean gratuit, Source source) {}
