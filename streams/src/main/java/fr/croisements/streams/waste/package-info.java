/** Waste collection: bin lifts crossed with INSEE households. */
package fr.croisements.streams.waste;
