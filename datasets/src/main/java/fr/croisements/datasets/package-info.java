/** Reference data: territory packs generated from official files, and how to load them. */
package fr.croisements.datasets;
