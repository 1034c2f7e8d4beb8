/** What every indicator topology shares: ISO-week windows, the cell store and its key. */
package fr.croisements.streams.indicateurs;
