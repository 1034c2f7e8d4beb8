/** Car parks: hourly occupancy per car park, public places per inhabitant per commune. */
package fr.croisements.streams.parking;
