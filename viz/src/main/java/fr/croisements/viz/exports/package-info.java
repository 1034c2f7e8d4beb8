/** CSV exports of the indicators and of the territories' INSEE figures, for spreadsheets. */
package fr.croisements.viz.exports;
