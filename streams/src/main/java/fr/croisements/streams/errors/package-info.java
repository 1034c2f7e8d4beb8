/** Error handling of the topologies: poison pills become rejects, never a crash. */
package fr.croisements.streams.errors;
