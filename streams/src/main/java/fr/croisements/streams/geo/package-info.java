/** Point-in-zone location on the bundled contours. */
package fr.croisements.streams.geo;
