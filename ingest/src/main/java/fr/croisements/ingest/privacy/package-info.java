/** Pseudonymisation of identifiers before they enter any topic. */
package fr.croisements.ingest.privacy;
