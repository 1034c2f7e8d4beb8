/** On-street parking: stays on each space (per-space sensors, parking meters), then occupancy and rotation per IRIS. */
package fr.croisements.streams.stationnement;
