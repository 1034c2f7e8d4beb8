/** INSEE reference figures onto their compacted reference topics. */
package fr.croisements.ingest.insee;
