/**
 * Reference data: territory packs generated from official files and how to load them
 * ({@link fr.croisements.datasets.Territoires}), the importers of the official formats (INSEE
 * lists of communes and EPCI, comparateur, dossier complet, Filosofi by commune and IRIS, commune
 * contours in WGS84 or Lambert-93, schema.data.gouv.fr car parks), and the generator of packs
 * ({@link fr.croisements.datasets.TerritoireImporter}).
 */
package fr.croisements.datasets;
