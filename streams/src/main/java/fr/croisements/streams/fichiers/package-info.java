/**
 * Indicators declared by files: a data team's YAML ({@link FichierIndicateur}), read and checked with
 * the line and column of every problem ({@link LecteurIndicateur}), run on the common plan of the
 * pipeline ({@link IndicateurDeclareTopology}), and loaded, replaced or removed from a folder while
 * the instance runs ({@link DossierIndicateurs}). The format is described in {@code docs/indicateurs.md}.
 */
package fr.croisements.streams.fichiers;
