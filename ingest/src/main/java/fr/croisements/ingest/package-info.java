/** Adapters and simulators that publish files and feeds to the Kafka topics; shared reporting and the live replay engine. */
package fr.croisements.ingest;
