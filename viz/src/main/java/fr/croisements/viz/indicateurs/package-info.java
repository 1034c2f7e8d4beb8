/** Indicator definitions as shown to readers, and the history of one zone. */
package fr.croisements.viz.indicateurs;
