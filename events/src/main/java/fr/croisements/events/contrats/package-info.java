/** Machine-readable contracts of the topics: JSON Schemas generated from the records, the AsyncAPI document. */
package fr.croisements.events.contrats;
