/** Territories and the GeoJSON map of their communes with the latest cell of an indicator. */
package fr.croisements.viz.territoires;
