/** Territories, the windows kept for their communes, and the GeoJSON map of their communes with a cell of an indicator. */
package fr.croisements.viz.territoires;
