/** The LoRaWAN devices and gateways known to the pipeline, as GeoJSON points with their health in French. */
package fr.croisements.viz.capteurs;
