/** JSON documents read element by element, so that one unreadable element does not stop the others. */
package fr.croisements.ingest.json;
