/** Crossings of INSEE figures with each other, computed in the stream from the reference table. */
package fr.croisements.streams.insee;
