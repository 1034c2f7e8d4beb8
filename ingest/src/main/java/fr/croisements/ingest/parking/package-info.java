/** Car parks: the schema-stationnement and feed-list adapters, occupancy feeds (CSV, JSON), the seeded occupancy simulator. */
package fr.croisements.ingest.parking;
