/** The web server of the map: API over the indicator stores, live events and the static front-end. */
package fr.croisements.viz;
