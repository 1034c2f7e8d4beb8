/** Bin lifts (levées de bac): the seeded simulator, its live driver and the CSV adapter for users' exports. */
package fr.croisements.ingest.waste;
