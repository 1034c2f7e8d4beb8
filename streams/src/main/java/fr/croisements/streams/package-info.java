/** Kafka Streams topologies of the pipeline, their settings and their lifecycle. */
package fr.croisements.streams;
