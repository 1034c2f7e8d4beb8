/** Live updates: the Kafka consumer of indicator topics and the server-sent events it feeds. */
package fr.croisements.viz.live;
