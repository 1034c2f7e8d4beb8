/** Adapters and simulators that publish files and feeds to the Kafka topics; shared reporting. */
package fr.croisements.ingest;
