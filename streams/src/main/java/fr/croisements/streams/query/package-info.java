/** The read side of the pipeline: what the web layer may ask the state stores. */
package fr.croisements.streams.query;
