/** Answers built from the stores kept ready as bytes (with their gzip and ETag) until one of their cells changes. */
package fr.croisements.viz.cache;
