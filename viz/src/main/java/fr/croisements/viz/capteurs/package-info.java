/** The LoRaWAN devices known to the pipeline, as GeoJSON points with their health in French. */
package fr.croisements.viz.capteurs;
