/** The command line: composes broker, ingestion, streams and web server. */
package fr.croisements.app;
