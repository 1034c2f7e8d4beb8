/**
 * The car parks published by the application, with the latest hour of the {@code occupation-parkings}
 * indicator: GeoJSON points in French, their hourly profile, and FIWARE Smart Data Model
 * {@code OffStreetParking} entities (keyValues) for reuse.
 */
package fr.croisements.viz.parkings;
