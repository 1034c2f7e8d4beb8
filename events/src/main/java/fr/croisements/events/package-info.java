/** Shared contracts: the topic catalogue, the records that travel on topics, and their JSON serde. */
package fr.croisements.events;
