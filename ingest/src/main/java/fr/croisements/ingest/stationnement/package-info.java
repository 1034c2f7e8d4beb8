/** On-street parking: the simulated per-space sensors of Antony, and the paid-parking exports of a city. */
package fr.croisements.ingest.stationnement;
