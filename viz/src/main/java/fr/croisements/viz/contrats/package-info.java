/** The machine-readable contracts served by the map server: OpenAPI of the HTTP routes, AsyncAPI of the topics. */
package fr.croisements.viz.contrats;
